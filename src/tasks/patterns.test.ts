import { describe, expect, it } from 'vitest';
import { TASK_PATTERNS } from './patterns.ts';
import { DEADLINE_PATTERNS, findDeadlines } from './deadlines.ts';
import { BODIES, keyOf, normaliseBody } from './bodies.ts';
import { findTasksInText } from './extract.ts';
import { extractTasks } from './extract.ts';
import type { DocumentRecord } from '../model.ts';

/** One text as a document of one paragraph, through the same code that reads documents. */
function tasksOf(text: string) {
  const doc: DocumentRecord = {
    id: 'x',
    type: 'ket-luan',
    typeLabel: 'Kết luận',
    date: '2025-11-28',
    corpus: 't',
    sources: [],
    reports: [],
    text,
    roots: ['x/p1'],
    clauses: [{ id: 'x/p1', docId: 'x', kind: 'paragraph', label: '', number: '1', path: ['p1'], pathLabel: '¶1', text, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } }, children: [] }],
  };
  return extractTasks(doc);
}

describe('task patterns (data): every example is found as described', () => {
  const rows = TASK_PATTERNS.flatMap((p) => p.examples.map(([text, expected]) => [p.id, text, expected] as const));
  it.each(rows)('%s: %s', (_id, text, expected) => {
    const tasks = tasksOf(text);
    expect(tasks.length, JSON.stringify(tasks.map((t) => t.action.text))).toBeGreaterThan(0);
    const t = tasks[0]!;
    expect(t.lead.map((a) => a.name)).toEqual(expected.lead);
    if (expected.partners) expect(t.partners.map((a) => a.name).slice(0, expected.partners.length)).toEqual(expected.partners);
    if (expected.action) expect(t.action.text.startsWith(expected.action), t.action.text).toBe(true);
    if (expected.due) expect(t.deadline?.date ?? t.deadline?.every).toBe(expected.due);
    // The action is a span of the clause's text.
    expect(text.slice(t.action.start, t.action.end)).toBe(t.action.text);
  });
  const counter = TASK_PATTERNS.flatMap((p) => p.counterExamples.map((t) => [p.id, t] as const));
  it.each(counter)('%s: no task in %j', (_id, text) => {
    expect(tasksOf(text).map((t) => t.action.text)).toEqual([]);
  });
  it('every pattern has a note, examples and counter-examples', () => {
    for (const p of TASK_PATTERNS) {
      expect(p.note.length, p.id).toBeGreaterThan(20);
      expect(p.examples.length, p.id).toBeGreaterThan(2);
      expect(p.counterExamples.length, p.id).toBeGreaterThan(2);
    }
  });
});

describe('deadline patterns (data)', () => {
  const rows = DEADLINE_PATTERNS.flatMap((p) => p.examples.map(([text, expected, ctx]) => [p.id, text, expected, ctx ?? {}] as const));
  it.each(rows)('%s: %s', (id, text, expected, ctx) => {
    const found = findDeadlines(text, ctx);
    const hit = found.find((d) => d.patternId === id);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit).toMatchObject(expected);
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
  });
  const counter = DEADLINE_PATTERNS.flatMap((p) => p.counterExamples.map((t) => [p.id, t] as const));
  it.each(counter)('%s: no deadline in %j', (id, text) => {
    expect(findDeadlines(text).filter((d) => d.patternId === id)).toEqual([]);
  });
  it.each([
    ['Ngày 28/11, Thường trực Ban Bí thư ký ban hành Kết luận'],
    ['Kết luận số 195-KL/TW, ngày 26/9/2025 về bộ máy'],
    ['có hiệu lực kể từ ngày 1/7/2025'],
    ['mô hình chính quyền địa phương 2 cấp từ ngày 1/7/2025'],
    ['đã có từ đủ 15 năm trở lên làm nghề'],
    ['người hưởng trợ cấp hằng tháng'],
    ['Báo cáo số 565-BC/BTCTW, ngày 27/11/2025'],
    ['đánh giá công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ năm 2026'],
  ])('a date that is not a deadline: %j', (text) => {
    expect(findDeadlines(text, { year: 2025 })).toEqual([]);
  });
  it('a heading window and a slot make bare dates deadlines only there', () => {
    expect(findDeadlines('Quý IV/2025')).toEqual([]);
    expect(findDeadlines('Quý IV/2025', { slot: true })[0]).toMatchObject({ kind: 'quarter', date: '2025-12-31' });
  });
});

describe('bodies (data)', () => {
  it.each([
    ['Đảng uỷ Chính phủ', 'Đảng ủy Chính phủ', false],
    ['UBND các xã, phường', 'Ủy ban nhân dân cấp xã', true],
    ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', false],
    ['các cơ quan có liên quan', 'các cơ quan liên quan', true],
    ['Các tỉnh uỷ, thành uỷ', 'các tỉnh ủy, thành ủy', true],
    ['các đồng chí bí thư tỉnh uỷ, thành uỷ', 'bí thư tỉnh ủy, thành ủy', true],
    ['các ban, bộ, ngành ở Trung ương', 'các ban, bộ, ngành Trung ương', true],
    ['UBND xã Đạ Huoai', 'Ủy ban nhân dân xã Đạ Huoai', false],
    ['Sở Công Thương', 'Sở Công Thương', false],
  ] as const)('%s → %s', (written, name, group) => {
    const n = normaliseBody(written);
    expect(n.name).toBe(name);
    expect(n.group).toBe(group);
  });
  it('every name and alias is unique across the vocabulary', () => {
    const seen = new Map<string, string>();
    for (const b of BODIES)
      for (const a of [b.name, ...(b.aliases ?? [])]) {
        const k = keyOf(a);
        expect(seen.get(k) ?? b.name, a).toBe(b.name);
        seen.set(k, b.name);
      }
  });
  it('keyOf keeps offsets (same length) while putting tones in one place', () => {
    for (const s of ['Đảng uỷ Chính phủ', 'hoá', 'Thuỷ lợi', 'QUÝ IV']) {
      expect(keyOf(s).length).toBe(s.length);
    }
    expect(keyOf('Đảng uỷ')).toBe(keyOf('Đảng ủy'));
  });
});

describe('finding tasks is safe on any input', () => {
  it.each([
    ['100 KB of "Giao "', 'Giao '.repeat(20_000)],
    ['bodies without end', 'Giao các bộ, ngành, '.repeat(5_000)],
    ['dates', 'trước ngày 31/8/2025 '.repeat(5_000)],
    ['commas', ', '.repeat(50_000)],
  ])('%s: no throw, spans are slices', (_n, text) => {
    const started = performance.now();
    for (const t of findTasksInText(text)) expect(t.actionEnd).toBeLessThanOrEqual(text.length);
    for (const d of findDeadlines(text)) expect(text.slice(d.start, d.end)).toBe(d.text);
    // Generous: linear work, not a timing test (timings live in bench/).
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
