/**
 * Precision (issue 18, third round): a report (Báo cáo) tells work done, often without "đã";
 * it gives work only in its parts that look ahead (REPORT_WORK_PARTS). The counter-examples are
 * sentences of report 329/BC-UBND (Lâm Đồng, 2025), which the second round took as tasks.
 */
import { describe, expect, it } from 'vitest';
import type { Clause, DocumentRecord } from '../src/model.ts';
import { extractTasks } from '../src/tasks/index.ts';
import { isReportWorkHeading } from '../src/tasks/extract.ts';
import { REPORT_WORK_PARTS } from '../src/tasks/patterns.ts';
import { normaliseBody } from '../src/tasks/bodies.ts';

type Spec = { id: string; text: string; children?: Spec[] };

function doc(type: DocumentRecord['type'], specs: Spec[]): DocumentRecord {
  const clauses: Clause[] = [];
  const add = (s: Spec, parentId?: string): string => {
    const id = `x/${s.id}`;
    const c = { id, docId: 'x', kind: 'item', label: '', number: s.id, path: id.split('/').slice(1), pathLabel: s.id, text: s.text, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, children: [] as string[], ...(parentId ? { parentId } : {}) } as Clause;
    clauses.push(c);
    c.children = (s.children ?? []).map((ch) => add(ch, id));
    return id;
  };
  const roots = specs.map((s) => add(s));
  return { id: 'x', type, typeLabel: type, date: '2025-12-19', corpus: 't', sources: [], reports: [], text: clauses.map((c) => c.text).join('\n'), roots, clauses } as DocumentRecord;
}

// Sentences of report 329 (parts I and II: work done), as the PDF reader gives them.
const DONE: Spec[] = [
  { id: 'i', text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', children: [{ id: 'i/3', text: '3. Về công tác kiểm tra CCHC\nĐề nghị các cơ quan, đơn vị, địa phương xây dựng kế hoạch, chỉ đạo khắc phục các tồn tại, hạn chế và báo cáo kết quả khắc phục; đến nay, 100% vấn đề phát hiện qua kiểm tra đã được khắc phục.' }] },
  {
    id: 'ii',
    text: 'II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
    children: [
      { id: 'ii/a', text: 'a) Kết quả xây dựng, ban hành văn bản quy phạm pháp luật (QPPL)\nSở Tư pháp thực hiện thẩm định 268 dự thảo văn bản QPPL, quy trình thẩm định, góp ý văn bản được thực hiện đúng quy định.' },
      { id: 'ii/b', text: 'b) Kết quả thực hiện quy định về quản lý, sử dụng tài sản công\nỦy ban nhân dân tỉnh ban hành Quyết định số 1824/QĐ-UBND ngày 23/10/2025 về việc điều chuyển xe ô tô từ các cơ quan, đơn vị cấp tỉnh cho Ủy ban nhân dân các xã.' },
    ],
  },
];
const AHEAD: Spec = { id: 'iv', text: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026', children: [{ id: 'iv/1', text: '1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát quy chế làm việc, hoàn thành trong quý I/2026.' }] };

describe('a report gives work only in its parts that look ahead', () => {
  it.each(REPORT_WORK_PARTS.examples)('work part: %s', (h) => expect(isReportWorkHeading(h)).toBe(true));
  it.each(REPORT_WORK_PARTS.counterExamples)('not a work part: %s', (h) => expect(isReportWorkHeading(h)).toBe(false));

  it('work reported as done in report 329 (no "đã" before the action) is no task', () => {
    expect(extractTasks(doc('bao-cao', DONE)).map((t) => t.action.text)).toEqual([]);
  });

  it('a report\'s "Phương hướng, nhiệm vụ" part still gives work, with its lead, partner and deadline', () => {
    const ts = extractTasks(doc('bao-cao', [...DONE, AHEAD]));
    expect(ts.map((t) => ({ clause: t.clauseId, lead: t.lead.map((a) => a.name), partners: t.partners.map((a) => a.name), due: t.deadline?.date }))).toEqual([
      { clause: 'x/iv/1', lead: ['Sở Nội vụ'], partners: ['Sở Tư pháp'], due: '2026-03-31' },
    ]);
  });

  it('the gate is the document type: the same sentences in a plan are read as before', () => {
    expect(extractTasks(doc('ke-hoach', DONE)).length).toBeGreaterThan(0);
  });
});

describe('"Lãnh đạo Sở X" names the body Sở X; the leadership wording stays as written', () => {
  it.each([
    ['Lãnh đạo Sở Công Thương', 'Sở Công Thương'],
    ['Lãnh đạo UBND xã Đức Trọng', 'Ủy ban nhân dân xã Đức Trọng'],
    ['lãnh đạo các đơn vị, địa phương', 'các đơn vị, địa phương'],
    // Persons by office that are not the leadership as such stay persons.
    ['Chủ tịch UBND các xã, phường', 'Chủ tịch Ủy ban nhân dân cấp xã'],
  ])('%s → %s', (written, name) => expect(normaliseBody(written).name).toBe(name));

  it('a plan table whose lead cell is "Lãnh đạo Sở …": the body leads, the cell is kept as evidence', () => {
    const text = '| STT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026) |\n| 1 | Tuyên truyền cải cách hành chính trên Cổng thông tin điện tử | Lãnh đạo Sở Công Thương | Quý II/2026 |';
    const ts = extractTasks(doc('ke-hoach', [{ id: '1', text }]));
    expect(ts.map((t) => ({ lead: t.lead.map((a) => [a.text, a.name]), due: t.deadline?.date }))).toEqual([{ lead: [['Lãnh đạo Sở Công Thương', 'Sở Công Thương']], due: '2026-06-30' }]);
  });
});

describe('a body after a "Căn cứ …" clause; a closing formula is no task (dispatch 3917/BTP-BTTP)', () => {
  it('the body after the grounds leads; the grounds are no body', () => {
    const text = '1. Đối với việc hợp nhất các Hội công chứng viên\nCăn cứ quy định của Luật Công chứng năm 2024, Điều lệ Hiệp hội công chứng Việt Nam ban hành kèm theo Quyết định số 1178/QĐ-BTP ngày 28/6/2023 của Bộ trưởng Bộ Tư pháp, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Hội Công chứng viên địa phương phối hợp xây dựng Đề án hợp nhất.';
    const ts = extractTasks(doc('cong-van', [{ id: '1', text }]));
    expect(ts.map((t) => ({ lead: t.lead.map((a) => a.name), action: t.action.text.slice(0, 30), due: t.deadline ?? null }))).toEqual([{ lead: ['Ủy ban nhân dân cấp tỉnh'], action: 'chỉ đạo các Hội Công chứng viê', due: null }]);
  });
  it('"Căn cứ …" with no body acting after it gives nothing', () => {
    const text = '2. Căn cứ Luật Luật sư năm 2006, Điều lệ Liên đoàn Luật sư Việt Nam, việc hợp nhất thực hiện theo Hướng dẫn số 31-HD/BTCTW.';
    expect(extractTasks(doc('cong-van', [{ id: '2', text }]))).toEqual([]);
  });
  it('"… trân trọng đề nghị X quan tâm chỉ đạo thực hiện." is a closing formula', () => {
    const text = '3. Nội dung khác.\nBộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện.';
    expect(extractTasks(doc('cong-van', [{ id: '3', text }]))).toEqual([]);
  });
});
