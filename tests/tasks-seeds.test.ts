/**
 * Tasks in the four seed documents against the hand labels (tests/fixtures/tasks/tune/seed-*):
 * the labels still sit in the clause tree (a change of the segmenter shows up here, label by
 * label), every dated task is found with its clause, lead and date, no date that is not a
 * deadline is taken as one, and tasks link across the series and to the provincial instruction.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeQuote, readLabelFiles, scoreFiles } from '../bench/lib/tasks-eval.ts';
import { ROOT, seedCorpus } from './helpers/seeds.ts';

const files = readLabelFiles(resolve(ROOT, 'tests/fixtures/tasks')).filter((f) => f.file.includes('/seed-'));

describe('task labels follow the clause tree', () => {
  const rows = files.flatMap((f) => [...f.tasks, ...(f.notTasks ?? [])].map((l) => [f.file, l.clause!, l.quote] as const));
  it.each(rows)('%s: %s holds %j', async (_file, clause, quote) => {
    const corpus = await seedCorpus();
    const doc = corpus.documents.get(clause.split('/')[0]!);
    expect(doc, `document of ${clause}`).toBeDefined();
    expect(corpus.clauses.get(clause), `clause ${clause} (did the clause tree change? update the label's clause id)`).toBeDefined();
    expect(placeQuote(doc!, quote, clause), `"${quote}" is not in ${clause} any more`).toBeDefined();
  });
});

describe('tasks in the seeds', () => {
  it('every dated task is found with the right clause, lead and date; no non-deadline is taken', async () => {
    const s = scoreFiles(await seedCorpus(), files).tune;
    expect(s.datedGoal.wrong).toEqual([]);
    expect(s.datedGoal.total).toBeGreaterThanOrEqual(17);
    expect(s.notDeadlinesTaken).toEqual([]);
    expect(s.notTasksTaken).toEqual([]);
  });

  it('tasks, leads and deadlines match the labels', async () => {
    const s = scoreFiles(await seedCorpus(), files).tune;
    expect(s.misses).toEqual([]);
    expect(s.extras).toEqual([]);
    expect(s.wrong).toEqual([]);
  });

  it('the list stated once for the items above it gives each item the date (202-KL/TW [4])', async () => {
    const corpus = await seedCorpus();
    const items = corpus.tasks.ofDocument('202-kl-tw').filter((t) => t.clauseId.startsWith('202-kl-tw/4/'));
    expect(items.map((t) => t.clauseId)).toEqual(['202-kl-tw/4/1/i', '202-kl-tw/4/1/ii', '202-kl-tw/4/2', '202-kl-tw/4/3', '202-kl-tw/4/4']);
    for (const t of items) expect(t.deadline).toMatchObject({ date: '2025-12-15', clauseId: '202-kl-tw/4/4' });
    expect(items.slice(0, 4).every((t) => t.deadline?.scope === 'items-above')).toBe(true);
  });

  it('a task asked again in 202-KL/TW [4] moves its deadline from 31/8/2025 to 15/12/2025', async () => {
    const corpus = await seedCorpus();
    const t = corpus.tasks.get('202-kl-tw/4/1/i#t1')!;
    const view = corpus.tasks.view(t);
    const earlier = view.links.find((l) => l.kind === 'repeats' && l.direction === 'earlier');
    expect(earlier?.other.docId).toBe('183-kl-tw');
    expect(earlier?.deadlineChange).toEqual({ from: '31/8/2025', to: '15/12/2025' });
    // And 221-KL/TW [3] asks it again after 202.
    const later = corpus.tasks.view(corpus.tasks.get('221-kl-tw/3#t1')!).links.find((l) => l.kind === 'repeats');
    expect(later?.other.taskId).toBe('202-kl-tw/4/1/i#t1');
  });

  it("the provincial instruction's tasks implement 221-KL/TW's", async () => {
    const corpus = await seedCorpus();
    const links = corpus.tasks.links.filter((l) => l.kind === 'implements');
    expect(links.map((l) => `${l.from.split('#')[0]} → ${l.to.split('#')[0]}`)).toEqual(
      expect.arrayContaining(['vb-001-57c09aa3197540b1/p6 → 221-kl-tw/3', 'vb-001-57c09aa3197540b1/p7 → 221-kl-tw/4', 'vb-001-57c09aa3197540b1/p2 → 221-kl-tw/2']),
    );
  });

  it('a subjectless paragraph gets its bodies as a guess, marked inferred', async () => {
    const corpus = await seedCorpus();
    const t = corpus.tasks.ofDocument('183-kl-tw').find((x) => x.action.text.startsWith('Chỉ đạo các cơ quan rà soát'))!;
    expect(t.assignees).toBe('inferred');
    expect(t.lead.map((a) => a.name)).toEqual(['Đảng ủy Chính phủ']);
  });

  it('queries: by body (any spelling), by due date, overdue on a given day', async () => {
    const corpus = await seedCorpus();
    const byBody = corpus.tasks.query({ assignee: 'dang uy chinh phu' });
    expect(byBody.length).toBeGreaterThan(8);
    expect(byBody.every((t) => [...t.lead, ...t.partners].some((a) => a.name === 'Đảng ủy Chính phủ'))).toBe(true);
    expect(corpus.tasks.query({ assignee: 'Đảng uỷ Chính phủ' }).length).toBe(byBody.length);
    const due = corpus.tasks.query({ dueBefore: '2025-09-30', dueAfter: '2025-08-01' });
    expect(due.length).toBeGreaterThan(5);
    expect(due.every((t) => t.deadline!.date! <= '2025-09-30' && t.deadline!.date! >= '2025-08-01')).toBe(true);
    const overdue = corpus.tasks.query({ overdue: true, asOf: '2025-12-20' });
    expect(overdue.every((t) => t.deadline!.date! < '2025-12-20')).toBe(true);
    expect(overdue.some((t) => t.id === '202-kl-tw/3#t1')).toBe(true);
    expect(overdue.some((t) => t.id === '221-kl-tw/4#t3')).toBe(false); // due 31/12/2025
  });
});
