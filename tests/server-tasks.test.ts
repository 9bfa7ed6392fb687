/** The tasks API through app.request(): filters, overdue against a given day, one task by id, CSV and iCalendar. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';
import { createApp } from '../src/server/index.ts';
import { escapeText, foldLine, recurrence } from '../src/tasks/index.ts';

const corpus = await seedCorpus();
const app = createApp({ corpus: () => corpus, config: { corsOrigins: [] }, now: () => new Date('2025-12-20T08:00:00Z') });
const noClock = createApp({ corpus: () => corpus, config: { corsOrigins: [] } });
const json = async (path: string, a = app) => {
  const r = await a.request(path);
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
};

describe('GET /api/tasks', () => {
  it('lists tasks, dated first, with document, clause path, bodies, deadline and links', async () => {
    const { status, body } = await json('/api/tasks?document=202-KL/TW');
    expect(status).toBe(200);
    expect(body.total).toBe(16);
    expect(body.asOf).toBe('2025-12-20');
    const first = body.tasks[0];
    expect(first).toMatchObject({ docId: '202-kl-tw', document: { number: '202-KL/TW', typeLabel: 'Kết luận' }, deadline: { kind: 'date', date: '2025-12-15' }, overdue: true });
    const item = body.tasks.find((t: any) => t.id === '202-kl-tw/4/1/i#t1');
    expect(item.clausePath).toBe('4.(1).(i)');
    expect(item.lead[0]).toMatchObject({ name: 'Đảng ủy Chính phủ', bodyId: 'dang-uy-chinh-phu', group: false });
    expect(item.links).toContainEqual(expect.objectContaining({ kind: 'repeats', direction: 'earlier', deadlineChange: { from: '31/8/2025', to: '15/12/2025' }, other: expect.objectContaining({ docId: '183-kl-tw', number: '183-KL/TW' }) }));
  });
  it('filters by body in any spelling, by series, by due date', async () => {
    const a = await json('/api/tasks?assignee=so%20noi%20vu');
    expect(a.body.tasks.map((t: any) => t.id)).toEqual(['vb-001-57c09aa3197540b1/p7#t1']);
    const s = await json('/api/tasks?series=221-kl-tw&assignee=%C4%90%E1%BA%A3ng%20u%E1%BB%B7%20Ch%C3%ADnh%20ph%E1%BB%A7');
    expect(new Set(s.body.tasks.map((t: any) => t.docId))).toEqual(new Set(['183-kl-tw', '202-kl-tw', '221-kl-tw']));
    const d = await json('/api/tasks?dueAfter=2025-12-01&dueBefore=2025-12-31');
    expect(d.body.tasks.every((t: any) => t.deadline.date >= '2025-12-01' && t.deadline.date <= '2025-12-31')).toBe(true);
    expect(d.body.total).toBeGreaterThan(5);
  });
  it('overdue is judged on asOf, or on the clock passed in from the edge', async () => {
    const late = await json('/api/tasks?overdue=true&asOf=2025-09-01');
    expect(late.body.tasks.every((t: any) => t.deadline.date < '2025-09-01' && t.overdue)).toBe(true);
    expect(late.body.total).toBe(7);
    const today = await json('/api/tasks?overdue=true');
    expect(today.body.asOf).toBe('2025-12-20');
    expect(today.body.total).toBeGreaterThan(late.body.total);
    const notYet = await json('/api/tasks?overdue=false&asOf=2025-09-01');
    expect(notYet.body.tasks.some((t: any) => t.overdue)).toBe(false);
    const none = await json('/api/tasks?overdue=true', noClock);
    expect(none.status).toBe(400);
    expect(none.body.param).toBe('asOf');
  });
  it('says what is wrong with the request', async () => {
    for (const [path, param] of [
      ['/api/tasks?dueBefore=31/12/2025', 'dueBefore'],
      ['/api/tasks?dueBefore=2025-02-30', 'dueBefore'],
      ['/api/tasks?dueAfter=2026-01-01&dueBefore=2025-01-01', 'dueAfter'],
      ['/api/tasks?overdue=yes', 'overdue'],
      ['/api/tasks?format=xls', 'format'],
      ['/api/tasks?assigne=x', 'assigne'],
      ['/api/tasks?limit=0', 'limit'],
    ] as const) {
      const r = await json(path);
      expect(r.status, path).toBe(400);
      expect(r.body.param, path).toBe(param);
    }
    expect((await json('/api/tasks?document=999-KL/TW')).status).toBe(404);
    expect((await json('/api/tasks?series=khong-co')).status).toBe(404);
  });
  it('pages', async () => {
    const all = await json('/api/tasks');
    const page = await json('/api/tasks?limit=5&offset=5');
    expect(page.body.tasks.map((t: any) => t.id)).toEqual(all.body.tasks.slice(5, 10).map((t: any) => t.id));
    expect(page.body.total).toBe(all.body.total);
  });
});

describe('GET /api/tasks/:id', () => {
  it('finds a task by its id (# sent as %23), and its id round-trips', async () => {
    const { status, body } = await json('/api/tasks/183-kl-tw/3/1/i%23t1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: '183-kl-tw/3/1/i#t1', clauseId: '183-kl-tw/3/1/i', lead: [{ name: 'Bộ Nội vụ' }], partners: [{ name: 'các bộ, ngành liên quan' }], deadline: { date: '2025-08-31', text: 'hoàn thành trước ngày 31/8/2025' } });
    for (const t of corpus.tasks.tasks) {
      const r = await app.request(`/api/tasks/${t.id.split('/').map(encodeURIComponent).join('/')}`);
      expect(r.status, t.id).toBe(200);
      expect(((await r.json()) as any).id).toBe(t.id);
    }
  });
  it('404 for an unknown task, 400 for something that is not a task id', async () => {
    expect((await json('/api/tasks/183-kl-tw/3%23t9')).status).toBe(404);
    expect((await json('/api/tasks/183-kl-tw/3')).status).toBe(400);
    expect((await json('/api/tasks/%25')).status).toBe(400);
  });
  it('is in the OpenAPI document', async () => {
    const { body } = await json('/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/tasks', '/api/tasks/{id}']));
    expect(body.components.schemas.Task).toBeDefined();
  });
});

describe('exports', () => {
  it('CSV: a header, one row per task, quoted cells, CRLF, BOM; spreadsheet formulas defused', async () => {
    const r = await app.request('/api/tasks?format=csv&document=183-kl-tw');
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toContain('tracuu-nhiem-vu.csv');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need for UTF-8
    const text = new TextDecoder().decode(bytes); // (drops the BOM)
    expect(text.startsWith('id,document,number,clause,')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines.length).toBe(1 + corpus.tasks.ofDocument('183-kl-tw').length);
    expect(text).toContain('183-kl-tw/3/1/i#t1,183-kl-tw,183-KL/TW,183-kl-tw/3/1/i,3.(1).(i),Bộ Nội vụ,"các bộ, ngành liên quan",written,');
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });
  it('iCalendar parses (ical.js): one event per dated deadline, recurring ones with RRULE, URL back to the clause', async () => {
    const r = await app.request('http://tracuu.test/api/tasks?format=ics');
    expect(r.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await r.text();
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const dated = corpus.tasks.tasks.filter((t) => t.deadline?.date && t.deadline.kind !== 'recurring');
    const monthly = events.find((e) => e.uid === '183-kl-tw/9#t2@tracuu')!;
    expect(monthly.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=MONTHLY;BYMONTHDAY=25');
    expect(monthly.startDate.toString()).toBe('2025-08-25');
    expect(events.length).toBe(dated.length + 1); // + the monthly report; "thường xuyên" has no calendar date
    const e = events.find((x) => x.uid === '183-kl-tw/3/1/i#t1@tracuu')!;
    expect(e.startDate.toString()).toBe('2025-08-31');
    expect(e.startDate.isDate).toBe(true);
    expect(e.component.getFirstPropertyValue('url')).toBe('http://tracuu.test/doc/183-kl-tw#183-kl-tw%2F3%2F1%2Fi');
    expect(e.summary.startsWith('Bộ Nội vụ: Khẩn trương')).toBe(true);
    expect(e.description).toContain('Phối hợp: các bộ, ngành liên quan');
    expect(e.description).toContain('\n');
  });
  it('escapes TEXT and folds long lines without splitting a character (RFC 5545)', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const line = `DESCRIPTION:${'Đảng ủy Chính phủ, '.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded.split('\r\n').slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });
  it('recurrence: first occurrence on or after the document date', () => {
    const t = (every: any, day?: number, month?: number) => ({ deadline: { kind: 'recurring', every, day, month, text: '', clauseId: '', start: 0, end: 0, scope: 'own', patternId: '' } }) as any;
    expect(recurrence(t('month', 25), '2025-08-26')).toEqual({ start: '2025-09-25', rrule: 'FREQ=MONTHLY;BYMONTHDAY=25' });
    expect(recurrence(t('year', 15, 12), '2025-12-20')).toEqual({ start: '2026-12-15', rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15' });
    expect(recurrence(t('two-weeks'), '2025-01-01')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(recurrence(t('continuous'), '2025-01-01')).toBeNull();
  });
});
