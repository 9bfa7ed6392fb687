/**
 * Plans laid out as tables and as slots (issue 18): each form on text, with counter-examples.
 * The table counter-examples are rows of official documents as the .docx reader writes them
 * (vpubnd49/VBAI @ f43aae4: a conference programme, a meeting programme, a score table). No
 * document of the tune part has a plan laid out as a table or in slots; the positive rows are
 * built from sentences of the seeds (221-KL/TW, 183-KL/TW) in the layouts the issue names —
 * the aside part (tests/fixtures/tasks/aside) is where the rules meet real plans.
 */
import { describe, expect, it } from 'vitest';
import type { Clause, DocumentRecord, Task } from '../src/model.ts';
import { chooseDeadline, extractTasks, findDeadlines } from '../src/tasks/index.ts';
import { LAYOUT_ROLES, roleOfHeading, tableBlocks } from '../src/tasks/layout.ts';

type Spec = { id: string; text: string; label?: string; children?: Spec[] };

/** A document from a clause tree, through the same code that reads documents. */
function doc(specs: Spec[], date = '2025-11-28'): DocumentRecord {
  const clauses: Clause[] = [];
  const add = (s: Spec, parentId?: string): string => {
    const id = `x/${s.id}`;
    const c = { id, docId: 'x', kind: 'item', label: s.label ?? '', number: s.id, path: id.split('/').slice(1), pathLabel: s.id, text: s.text, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, children: [] as string[], ...(parentId ? { parentId } : {}) } as Clause;
    clauses.push(c);
    c.children = (s.children ?? []).map((ch) => add(ch, id));
    return id;
  };
  const roots = specs.map((s) => add(s));
  return { id: 'x', type: 'ke-hoach', typeLabel: 'Kế hoạch', date, corpus: 't', sources: [], reports: [], text: clauses.map((c) => c.text).join('\n'), roots, clauses } as DocumentRecord;
}
const show = (t: Task) => ({ clause: t.clauseId, action: t.action.text, lead: t.lead.map((a) => a.name), partners: t.partners.map((a) => a.name), due: t.deadline ? `${t.deadline.kind}:${t.deadline.date ?? t.deadline.every ?? ''}` : null, pattern: t.patternId });

describe('plans laid out as tables', () => {
  it.each([
    {
      name: 'the common header: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm',
      text: '3. Phân công nhiệm vụ cụ thể:\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n| 1 | Sắp xếp các cơ sở giáo dục công lập cấp xã và các trạm y tế cấp xã | Các tỉnh uỷ, thành uỷ | Bộ Y tế, Bộ Giáo dục và Đào tạo, Bộ Nội vụ | 31/12/2025 | Quyết định sắp xếp |\n| 2 | Hướng dẫn việc sắp xếp, bố trí cán bộ | Bộ Nội vụ |  | Quý IV/2025 | Văn bản hướng dẫn |',
      want: [
        { action: 'Sắp xếp các cơ sở giáo dục công lập cấp xã và các trạm y tế cấp xã', lead: ['các tỉnh ủy, thành ủy'], partners: ['Bộ Y tế', 'Bộ Giáo dục và Đào tạo', 'Bộ Nội vụ'], due: 'date:2025-12-31' },
        { action: 'Hướng dẫn việc sắp xếp, bố trí cán bộ', lead: ['Bộ Nội vụ'], partners: [], due: 'quarter:2025-12-31' },
      ],
    },
    {
      name: 'lead and partners in one column; the year of bare days from the time heading',
      text: '| TT | Nội dung công việc | Đơn vị chủ trì, phối hợp | Thời gian hoàn thành (năm 2026) |\n| 1 | Rà soát, hoàn thiện quy chế làm việc | Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp | 30/6 |\n| 2 | Tổng kết, đánh giá việc thực hiện | Văn phòng UBND tỉnh |  |',
      want: [
        { action: 'Rà soát, hoàn thiện quy chế làm việc', lead: ['Sở Nội vụ'], partners: ['Sở Tư pháp'], due: 'date:2026-06-30' },
        // An empty time cell is taken as merged with the one above (a guess: assignees 'inferred').
        { action: 'Tổng kết, đánh giá việc thực hiện', lead: ['Văn phòng Ủy ban nhân dân tỉnh'], partners: [], due: 'date:2026-06-30' },
      ],
    },
    {
      name: 'a "thường xuyên" time cell is a recurrence; bodies outside the vocabulary kept as written',
      text: '| STT | Nội dung | Trách nhiệm thực hiện | Thời gian |\n| 1 | Tuyên truyền trên Cổng thông tin điện tử | Trung tâm Phục vụ hành chính công tỉnh; Ủy ban nhân dân các xã, phường | Thường xuyên |',
      want: [{ action: 'Tuyên truyền trên Cổng thông tin điện tử', lead: ['Trung tâm Phục vụ hành chính công tỉnh', 'Ủy ban nhân dân cấp xã'], partners: [], due: 'recurring:continuous' }],
    },
    {
      name: 'a task cell merged down the column: one task for each lead beside it; "Chủ trì:" written in the cell',
      text: '| STT | Nội dung | Đơn vị thực hiện | Thời hạn |\n| 1 | Kiểm tra công tác cải cách hành chính | Chủ trì: Sở Nội vụ; phối hợp: Sở Tư pháp | Quý III/2026 |\n|  |  | Ủy ban nhân dân các xã, phường | Quý IV/2026 |',
      want: [
        { action: 'Kiểm tra công tác cải cách hành chính', lead: ['Sở Nội vụ'], partners: ['Sở Tư pháp'], due: 'quarter:2026-09-30' },
        { action: 'Kiểm tra công tác cải cách hành chính', lead: ['Ủy ban nhân dân cấp xã'], partners: [], due: 'quarter:2026-12-31' },
      ],
    },
  ])('$name', ({ text, want }) => {
    const tasks = extractTasks(doc([{ id: '3', text }]));
    expect(tasks.map(show).map(({ action, lead, partners, due }) => ({ action, lead, partners, due }))).toEqual(want);
    for (const t of tasks) {
      expect(t.patternId).toBe('table');
      expect(text.slice(t.action.start, t.action.end)).toBe(t.action.text);
      if (t.deadline) expect(text.slice(t.deadline.start, t.deadline.end)).toBe(t.deadline.text);
    }
  });

  it.each([
    ['a conference programme (times of day, "Chủ trì" of a session)', '| Thời gian | Nội dung | Chủ trì |\n| 08h00 - 08h20 | Đón tiếp đại biểu | Ban Tổ chức |\n| 08h20 - 08h35 | Phóng sự về công tác phòng, chống ma tuý trong thời gian qua và Chương trình mục tiêu quốc gia phòng, chống ma tuý đến năm 2030 | Bộ Công an |'],
    ['a meeting programme', '| STT | Nội dung | Thời gian | Người thực hiện |\n| 3 | Báo cáo tóm tắt kết quả công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 | 14h10 - 14h30 | Đại diện Sở Nội vụ |'],
    ['a score table', '| STT | Đơn vị | Tỷ lệ thực hiện % | Điểm đạt (tối đa 18 điểm) |\n| 1 | Sở Nông nghiệp và Môi trường | 100 | 18 |\n| 13 | Thanh tra tỉnh | 80,18 | 14,43 |'],
    ['a list of people asked for their opinion', '| 8 | Đ/c Trương Minh Đương | GĐ. Công an tỉnh |  |  | Hết thời gian lấy ý kiến không gửi lại phiếu |'],
  ])('not a plan: %s', (_n, text) => {
    expect(extractTasks(doc([{ id: '1', text }])).map(show)).toEqual([]);
  });

  it('rows are never read as sentences: "Giao …" inside a table that is not a plan gives no task', () => {
    const text = 'Kết quả như sau:\n| STT | Nội dung | Ghi chú |\n| 1 | Giao Sở Nội vụ chủ trì tổng hợp | đã hoàn thành |';
    expect(extractTasks(doc([{ id: '1', text }])).map(show)).toEqual([]);
  });

  it('a sentence before a table keeps its own span, ending before the table', () => {
    const text = 'Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Kế hoạch này.\n| STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn |\n| 1 | Ban hành kế hoạch chi tiết | Sở Tư pháp | 15/01/2026 |';
    const tasks = extractTasks(doc([{ id: '1', text }])).map(show);
    expect(tasks.map((t) => [t.pattern, t.lead, t.due])).toEqual([
      ['giao', ['Sở Nội vụ'], null],
      ['table', ['Sở Tư pháp'], 'date:2026-01-15'],
    ]);
    expect(tasks[0]!.action.includes('|')).toBe(false);
  });

  it('the header vocabulary is data: every heading has one role, and roles read their year', () => {
    const seen = new Map<string, string>();
    for (const r of LAYOUT_ROLES) {
      expect(r.note.length).toBeGreaterThan(5);
      for (const h of r.headings) {
        expect(seen.get(h.toLowerCase()) ?? r.role, h).toBe(r.role);
        seen.set(h.toLowerCase(), r.role);
        expect(roleOfHeading(h)?.role).toBe(r.role);
      }
    }
    expect(roleOfHeading('Thời gian (Năm 2026)')).toEqual({ role: 'time', year: 2026 });
    expect(roleOfHeading('Thời gian hoàn thành (Deadline)')).toEqual({ role: 'time' });
    expect(roleOfHeading('Sản phẩm')).toBeUndefined();
    expect(tableBlocks('a\n| x | y |\n| 1 | 2 |\nb')).toHaveLength(1);
  });
});

describe('plans laid out in slots', () => {
  it('a) Nhiệm vụ … b) Đơn vị chủ trì, phối hợp … c) Thời gian thực hiện … (child clauses)', () => {
    const d = doc([
      {
        id: '1',
        label: '1.',
        text: '1. Sắp xếp các đơn vị sự nghiệp công lập',
        children: [
          { id: '1/a', label: 'a)', text: 'a) Nhiệm vụ: Khẩn trương hoàn thành việc sắp xếp các đơn vị sự nghiệp công lập theo yêu cầu, tiến độ.' },
          { id: '1/b', label: 'b)', text: 'b) Đơn vị chủ trì, phối hợp: Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các cơ quan, đơn vị liên quan.' },
          { id: '1/c', label: 'c)', text: 'c) Thời gian thực hiện: Quý IV/2025.' },
        ],
      },
    ]);
    const tasks = extractTasks(d);
    expect(tasks.map(show)).toEqual([
      { clause: 'x/1/a', action: 'Khẩn trương hoàn thành việc sắp xếp các đơn vị sự nghiệp công lập theo yêu cầu, tiến độ', lead: ['Sở Nội vụ'], partners: ['Sở Tài chính', 'các cơ quan, đơn vị liên quan'], due: 'quarter:2025-12-31', pattern: 'slots' },
    ]);
    expect(tasks[0]!.deadline).toMatchObject({ clauseId: 'x/1/c', scope: 'slot', text: 'Quý IV/2025' });
    expect(tasks[0]!.assigneesFrom).toBe('x/1/b');
  });

  it('no "Nhiệm vụ" slot: the heading above the slots is the action', () => {
    const d = doc([
      {
        id: '2',
        label: '2.',
        text: '2. Xây dựng cơ sở dữ liệu dùng chung của tỉnh',
        children: [
          { id: '2/a', label: 'a)', text: 'a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.' },
          { id: '2/b', label: 'b)', text: 'b) Thời gian hoàn thành: trong tháng 02/2026.' },
        ],
      },
    ]);
    expect(extractTasks(d).map(show)).toEqual([{ clause: 'x/2', action: 'Xây dựng cơ sở dữ liệu dùng chung của tỉnh', lead: ['Sở Khoa học và Công nghệ'], partners: [], due: 'month:2026-02-28', pattern: 'slots' }]);
  });

  it('slot lines in one clause: "- Nội dung / - Cơ quan chủ trì / - Cơ quan phối hợp / - Thời gian thực hiện", two tasks', () => {
    const text =
      '3. Nhiệm vụ cụ thể\n- Nội dung: Rà soát, sắp xếp các trạm y tế cấp xã.\n- Cơ quan chủ trì: Sở Y tế.\n- Cơ quan phối hợp: Sở Nội vụ; UBND các xã, phường.\n- Thời gian thực hiện: Trước ngày 31/12/2025.\n- Nội dung: Tuyên truyền kết quả sắp xếp.\n- Cơ quan chủ trì: Báo và Phát thanh, Truyền hình tỉnh.\n- Thời gian thực hiện: Thường xuyên.';
    const tasks = extractTasks(doc([{ id: '3', label: '3.', text }])).map(show);
    expect(tasks.map(({ action, lead, partners, due }) => ({ action, lead, partners, due }))).toEqual([
      { action: 'Rà soát, sắp xếp các trạm y tế cấp xã', lead: ['Sở Y tế'], partners: ['Sở Nội vụ', 'Ủy ban nhân dân cấp xã'], due: 'date:2025-12-31' },
      { action: 'Tuyên truyền kết quả sắp xếp', lead: ['Báo và Phát thanh, Truyền hình tỉnh'], partners: [], due: 'recurring:continuous' },
    ]);
  });

  it.each([
    ['a time slot alone is a window for the tasks beside it, not a task', 'Thời gian thực hiện: Quý IV/2025.'],
    ['slots without a lead', '- Nội dung: Tổng kết việc thực hiện Kế hoạch.\n- Thời gian: Tháng 12/2025.'],
    ['a heading that is not a slot ("Mục đích:")', 'Mục đích: Đánh giá toàn diện, khách quan tình hình chấp hành.'],
  ])('no slot task: %s', (_n, text) => {
    expect(extractTasks(doc([{ id: '1', text }])).filter((t) => t.patternId === 'slots')).toEqual([]);
  });
});

describe('times of day, events, recurrences, attendee lists', () => {
  it.each([
    ['gửi danh sách đại biểu về Văn phòng Chính phủ trước 14 giờ ngày 08 tháng 10 năm 2025', 'date:2025-10-08'],
    ['gửi báo cáo trước 17h00 ngày 20/12/2025', 'date:2025-12-20'],
    ['chuẩn bị tài liệu trước Hội nghị', 'event:'],
    ['tuyên truyền đợt cao điểm về quyền con người nhân Ngày Nhân quyền thế giới', 'event:'],
    ['Định kỳ tổng hợp, báo cáo kết quả thực hiện về Sở Nội vụ hàng tháng', 'recurring:month'],
    ['định kỳ hằng tháng tổng hợp, tham mưu Ủy ban nhân dân tỉnh', 'recurring:month'],
    ['định kỳ tổng hợp báo cáo', 'recurring:periodic'],
  ])('%s → %s', (text, due) => {
    const d = chooseDeadline(findDeadlines(text, { year: 2025 }));
    expect(d ? `${d.kind}:${d.date ?? d.every ?? ''}` : null).toBe(due);
  });
  it.each([
    ['Hội nghị được tổ chức vào lúc 08 giờ, ngày 09 tháng 10 năm 2025'],
    ['thời gian từ 8 giờ đến 11 giờ ngày 09/10/2025'],
    ['phát biểu tại Hội nghị'],
  ])('not a deadline: %s', (text) => {
    expect(findDeadlines(text, { year: 2025 })).toEqual([]);
  });
  it('an attendee list under a body is not a task; the same body with an action is', () => {
    const invited = 'Thành phần mời:\n- Lãnh đạo các Bộ: Công an, Quốc phòng, Ngoại giao, Tư pháp, Nội vụ, Công Thương.';
    expect(extractTasks(doc([{ id: '1', text: invited }])).map(show)).toEqual([]);
    const asked = 'Sở Xây dựng: Tiếp tục duy trì chế độ họp giao ban định kỳ 02 tuần/lần với các đơn vị liên quan.';
    expect(extractTasks(doc([{ id: '1', text: asked }])).map((t) => t.lead.map((a) => a.name))).toEqual([['Sở Xây dựng']]);
  });
});
