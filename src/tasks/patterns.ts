/**
 * Task patterns as data (after eyecite): how a clause gives work to a body. Each has an id, a
 * note, real examples with what must come out (lead, partners, where the action starts) and
 * counter-examples that must yield no task. patterns.test.ts checks them all through
 * `findTasksInText`, the same code that reads documents.
 */
import { keyOf } from './bodies.ts';

export interface TaskExpectation {
  lead: string[];
  partners?: string[];
  /** The action text begins with these words. */
  action?: string;
  /** The deadline's ISO date or recurrence. */
  due?: string;
}

export interface TaskPattern {
  id: string;
  note: string;
  examples: ReadonlyArray<readonly [text: string, expected: TaskExpectation]>;
  counterExamples: readonly string[];
}

/**
 * Words an action starts with (key form: lowercase, canonical tones). A list of bodies ends
 * where one of these begins: "Đảng ủy Chính phủ | tiếp tục lãnh đạo", "các sở, ban, ngành cấp
 * tỉnh | khẩn trương rà soát", "Các cấp ủy, … | theo phân công triển khai".
 */
export const ACTION_WORDS: readonly string[] = [
  'chủ trì', 'phối hợp', 'tiếp tục', 'khẩn trương', 'lãnh đạo', 'chỉ đạo', 'tập trung', 'chủ động', 'nghiêm túc', 'đẩy mạnh', 'rà soát', 'cần', 'phải',
  'có trách nhiệm', 'chịu trách nhiệm', 'thường xuyên', 'quán triệt', 'triển khai', 'sắp xếp', 'hướng dẫn', 'gửi', 'báo cáo', 'theo', 'tăng cường', 'xây dựng',
  'tổ chức', 'thực hiện', 'nghiên cứu', 'ban hành', 'tham mưu', 'kịp thời', 'sớm', 'hoàn thành', 'hoàn thiện', 'bảo đảm', 'đảm bảo', 'định kỳ', 'trên cơ sở',
  'căn cứ', 'đánh giá', 'kiểm tra', 'theo dõi', 'đôn đốc', 'xử lý', 'giải quyết', 'cung cấp', 'cập nhật', 'lồng ghép', 'quan tâm', 'nâng cao', 'đề xuất', 'trình',
  'được giao', 'khắc phục', 'duy trì', 'rà soát', 'thống kê', 'hỗ trợ', 'tích cực', 'làm việc', 'nộp', 'lập', 'công khai', 'thẩm định', 'phê duyệt', 'chuẩn bị',
  'điều chỉnh', 'bố trí', 'kiện toàn', 'đẩy nhanh', 'tuyên truyền', 'vận động', 'thông báo', 'phổ biến', 'hằng tuần', 'hằng tháng', 'hằng quý', 'hằng năm', 'hàng tháng', 'hàng năm', 'trực tiếp', 'khi', 'đối với', 'tiếp nhận',
].map(keyOf);

/** Words that make a body's sentence something other than a task given to it (key form). */
export const NOT_TASK_AFTER_BODIES: readonly { words: string; why: string }[] = [
  { words: 'ghi nhận', why: 'praise for work done' },
  { words: 'tiếp tục ghi nhận', why: 'praise for work done' },
  { words: 'biểu dương', why: 'praise for work done' },
  { words: 'đã', why: 'work reported as done' },
  { words: 'sẽ', why: "the issuer's own plans" },
  { words: 'chịu trách nhiệm trước', why: 'accountability, not a task' },
  { words: 'chịu trách nhiệm toàn diện trước', why: 'accountability, not a task' },
  { words: 'được phép', why: 'an authorisation (competence)' },
  { words: 'có quyền', why: 'a competence' },
  { words: 'phải hết sức chủ động', why: 'an attitude asked for, no action' },
  { words: 'trân trọng', why: 'a closing formula ("Trân trọng thông báo …")' },
].map((x) => ({ ...x, words: keyOf(x.words) }));

/**
 * A report (Báo cáo) gives work only in its parts that look ahead; elsewhere it tells work done,
 * often without "đã" ("Sở Tư pháp thực hiện thẩm định 268 dự thảo …", "Ủy ban nhân dân tỉnh ban
 * hành Quyết định số 1824/QĐ-UBND …", report 329/BC-UBND Lâm Đồng), which is no task. A clause is
 * in such a part when the first line of an enclosing heading holds one of these words (key form).
 * tests/tasks-precision.test.ts checks the examples and counter-examples.
 */
export const REPORT_WORK_PARTS = {
  words: ['phương hướng', 'nhiệm vụ, giải pháp', 'nhiệm vụ và giải pháp', 'nhiệm vụ trọng tâm', 'thời gian tới', 'kiến nghị', 'đề xuất', 'tổ chức thực hiện'].map(keyOf),
  examples: ['IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026', 'III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRONG THỜI GIAN TỚI', 'V. KIẾN NGHỊ, ĐỀ XUẤT'],
  counterExamples: ['II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', 'a) Kết quả xây dựng, ban hành văn bản quy phạm pháp luật (QPPL)', 'III. ĐÁNH GIÁ CHUNG', '2. Những tồn tại, hạn chế, nguyên nhân'],
};

/** Words that put a list of bodies before them in charge ("Giao", "Yêu cầu", "Đề nghị"), key form; "giao" only as a word of its own. */
export const TRIGGERS: readonly { words: string; id: string }[] = [
  { words: 'đồng ý giao cho', id: 'giao' },
  { words: 'đồng ý giao', id: 'giao' },
  { words: 'giao cho', id: 'giao' },
  { words: 'giao', id: 'giao' },
  { words: 'yêu cầu', id: 'yeu-cau' },
  { words: 'đề nghị', id: 'de-nghi' },
].map((x) => ({ ...x, words: keyOf(x.words) }));

/** Words before a trigger that make it a closing formula, no task: "Bộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện." (3917/BTP-BTTP). */
export const CLOSING_BEFORE_TRIGGER = /trân trọng\s$/u;

/** Words before "giao" that make it another word ("bàn giao", "được giao", "giao dịch" is excluded by the body test). */
export const NOT_TRIGGER_BEFORE = /(?:bàn|được|chuyển|đã|nhiệm vụ|việc|đất|cho thuê|giao)\s$/iu;

export const TASK_PATTERNS: readonly TaskPattern[] = [
  {
    id: 'giao',
    note: '"Giao X …", "Đồng ý giao X …": the bodies after "giao" are given the action after them; "chủ trì, phối hợp với Y" makes Y partners.',
    examples: [
      ['Giao Đảng uỷ Chính phủ lãnh đạo, chỉ đạo các bộ, ngành tiếp tục phối hợp với Bộ Tư pháp và các cơ quan liên quan khẩn trương rà soát.', { lead: ['Đảng ủy Chính phủ'], partners: ['Bộ Tư pháp', 'các cơ quan liên quan'], action: 'lãnh đạo, chỉ đạo' }],
      ['Giao Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan, đơn vị liên quan, đẩy mạnh việc rà soát.', { lead: ['Sở Nội vụ'], partners: ['Ban Tổ chức Tỉnh ủy', 'các cơ quan, đơn vị liên quan'], action: 'chủ trì' }],
      ['Theo đó, Phó Chủ tịch Thường trực UBND tỉnh giao các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường tiếp tục quán triệt.', { lead: ['các sở, ban, ngành, đơn vị cấp tỉnh', 'Ủy ban nhân dân cấp xã'], action: 'tiếp tục quán triệt' }],
      ['Giao Đảng ủy Chính phủ, Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương lãnh đạo, chỉ đạo khẩn trương hoàn thành sắp xếp đơn vị sự nghiệp, hoàn thành trong năm 2025.', { lead: ['Đảng ủy Chính phủ', 'Đảng ủy Mặt trận Tổ quốc', 'các đoàn thể Trung ương'], due: '2025-12-31' }],
      ['Đồng ý giao ban thường vụ cấp ủy cấp tỉnh chỉ đạo điều chỉnh quy chế làm việc.', { lead: ['ban thường vụ cấp ủy cấp tỉnh'], action: 'chỉ đạo điều chỉnh' }],
      ['Giao Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì, phối hợp Sở Nông nghiệp và Môi trường, Nhà Đầu tư và địa phương có liên quan làm việc với các hộ dân.', { lead: ['Ban Quản lý dự án đầu tư xây dựng số 1'], partners: ['Sở Nông nghiệp và Môi trường'] }],
    ],
    counterExamples: ['bàn giao mặt bằng cho Nhà đầu tư', 'thực hiện nhiệm vụ được giao', 'thông qua giao đất, cho thuê đất', 'giao dịch tại Trung tâm Phục vụ hành chính công'],
  },
  {
    id: 'yeu-cau',
    note: '"Yêu cầu X …" (and "Đề nghị X …"): a directive to the bodies named.',
    examples: [
      ['Yêu cầu Đảng uỷ Chính phủ chỉ đạo các cấp uỷ, tổ chức đảng ở Trung ương khẩn trương giải quyết, hoàn thành trong năm 2025.', { lead: ['Đảng ủy Chính phủ'], due: '2025-12-31', action: 'chỉ đạo' }],
      ['Yêu cầu các cấp uỷ, tổ chức đảng, các cơ quan, đơn vị, địa phương nghiêm túc triển khai kịp thời.', { lead: ['các cấp ủy, tổ chức đảng', 'các cơ quan, đơn vị, địa phương'], action: 'nghiêm túc' }],
      ['Yêu cầu các đồng chí bí thư tỉnh uỷ, thành uỷ, các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ phải quán xuyến.', { lead: ['bí thư tỉnh ủy, thành ủy', 'bộ trưởng, thủ trưởng cơ quan ngang bộ'] }],
      ['Đề nghị Bộ Nội vụ hướng dẫn việc sắp xếp trước ngày 30/9/2025.', { lead: ['Bộ Nội vụ'], due: '2025-09-30' }],
    ],
    counterExamples: ['theo yêu cầu, tiến độ của Trung ương', 'đáp ứng yêu cầu chất lượng', 'theo yêu cầu nhiệm vụ mới'],
  },
  {
    id: 'subject',
    note: 'A body as the subject of an action: "Các tỉnh uỷ, thành uỷ phối hợp Bộ Y tế …", "Bộ Tư pháp khẩn trương …", "X cần …", "X có trách nhiệm …", "X chịu trách nhiệm thi hành …". Not the issuer ("Bộ Chính trị, Ban Bí thư sẽ họp"), not praise, accountability or an authorisation.',
    examples: [
      ['Các tỉnh uỷ, thành uỷ phối hợp Bộ Y tế, Bộ Giáo dục và Đào tạo và Bộ Nội vụ khẩn trương sắp xếp các trạm y tế cấp xã, hoàn thành dứt điểm trước ngày 31/12/2025.', { lead: ['các tỉnh ủy, thành ủy'], partners: ['Bộ Y tế', 'Bộ Giáo dục và Đào tạo', 'Bộ Nội vụ'], due: '2025-12-31' }],
      ['Đảng ủy Chính phủ, các cơ quan Trung ương, địa phương gửi báo cáo về Ban Tổ chức Trung ương chậm nhất trước ngày 25 hằng tháng.', { lead: ['Đảng ủy Chính phủ', 'các cơ quan Trung ương, địa phương'], due: 'month' }],
      ['Người đứng đầu các cơ quan, đơn vị cấp tỉnh, Chủ tịch UBND các xã, phường, thường xuyên quán xuyến.', { lead: ['người đứng đầu các cơ quan, đơn vị cấp tỉnh', 'Chủ tịch Ủy ban nhân dân cấp xã'], due: 'continuous' }],
      ['Cấp ủy, chính quyền cấp xã cần chủ động liên hệ các sở, ban, ngành tại địa phương.', { lead: ['cấp ủy, chính quyền cấp xã'], action: 'cần chủ động' }],
      ['Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Nghị định này.', { lead: ['bộ trưởng, thủ trưởng cơ quan ngang bộ', 'Chủ tịch Ủy ban nhân dân tỉnh'], action: 'chịu trách nhiệm thi hành' }],
      ['Sở Xây dựng: Tiếp tục duy trì chế độ họp giao ban định kỳ 02 tuần/lần với các đơn vị liên quan.', { lead: ['Sở Xây dựng'], due: 'two-weeks' }],
    ],
    counterExamples: [
      'Bộ Chính trị, Ban Bí thư sẽ họp 1 tháng/lần để thảo luận.',
      'Bộ Chính trị, Ban Bí thư tiếp tục ghi nhận và biểu dương các cấp ủy, tổ chức đảng.',
      'Các cơ quan, đơn vị, địa phương phải hết sức chủ động, sáng tạo trong tổ chức thực hiện.',
      'Chịu trách nhiệm toàn diện trước UBND tỉnh, Chủ tịch UBND tỉnh về kết quả thực hiện nhiệm vụ.',
      'Người dân đến giao dịch tại Trung tâm Phục vụ hành chính công xã Bá Thước.',
      'Các sở, ban, ngành đã triển khai thực hiện nghiêm túc.',
    ],
  },
];
