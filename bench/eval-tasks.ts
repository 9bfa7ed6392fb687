/**
 * `npm run eval:tasks`: tasks, assignees and deadlines found, against the hand labels in
 * tests/fixtures/tasks/ — the part used while writing the rules (tune) and the part kept
 * aside (aside), reported separately. Writes docs/ACCURACY.md.
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus, openCorpus } from '../src/corpus.ts';
import { readLabelFiles, ratio, scoreFiles, type PartScore } from './lib/tasks-eval.ts';
import { machine, writeSection } from './doc-section.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'));
// --tune-only: while rules are being written the aside part is not even read.
const files = readLabelFiles(resolve(ROOT, 'tests/fixtures/tasks')).filter((f) => !process.argv.includes('--tune-only') || f.part === 'tune');
const paths = ['seeds', ...new Set(files.filter((f) => f.document.startsWith('office/')).map((f) => resolve(EXTERNAL, f.document)).filter((p) => existsSync(p)))];
const { inputs, diagnostics } = await loadInputs(paths, { cwd: ROOT });
const { artifact, search } = buildCorpus(inputs, { contentHash: 'eval-tasks', diagnostics });
const corpus = openCorpus(artifact, search);
const score = scoreFiles(corpus, files);

const row = (name: string, s: PartScore) => {
  const bp = s.bodies.tp / Math.max(1, s.bodies.tp + s.bodies.fp);
  const br = s.bodies.tp / Math.max(1, s.bodies.tp + s.bodies.fn);
  return `| ${name} | ${s.documents} | ${s.labels} | **${ratio(s.matched, s.labels)}** | **${ratio(s.matched, s.predicted)}** | ${ratio(s.leadExact, s.leadScored)} (${s.leadExact}/${s.leadScored}) | ${bp.toFixed(3)} / ${br.toFixed(3)} | **${ratio(s.deadlines.correct, s.deadlines.labelled)}** | **${ratio(s.deadlines.correct, s.deadlines.predicted)}** | ${s.notDeadlinesTaken.length} |`;
};
const list = (title: string, xs: string[]) => (xs.length ? `\n${title}:\n\n${xs.map((x) => `- ${x}`).join('\n')}\n` : '');
const t = score.tune;
const a = score.aside;
const f = score['aside-first'];
const body = [
  `Command: \`npm run eval:tasks\` (${machine()}, ${new Date().toISOString().slice(0, 10)}). Labels: tests/fixtures/tasks/ (README there says what counts as a task).`,
  '',
  '| part | documents read | labelled tasks | task recall | task precision | lead exact | bodies P / R (lead and partners) | deadline recall | deadline precision | non-deadlines taken |',
  '|---|---|---|---|---|---|---|---|---|---|',
  row('tune (4 seed documents + office documents read while writing the rules, incl. the four second-round aside documents)', t),
  row('new aside (third round: three documents of the random.Random(18) redraw, labelled before any third-round rule, scored once at the end)', a),
  row('first-round aside (2 documents; aside, not blind for tables)', f),
  '',
  `Seeds goal — every dated task found with the right clause, lead and date: **${t.datedGoal.right}/${t.datedGoal.total}**; dates a label says are not deadlines (issue, meeting and report dates, periods, "hằng năm" in a cited title, eligibility lengths) taken as one: **${t.notDeadlinesTaken.length}** in tune, **${a.notDeadlinesTaken.length}** new aside, **${f.notDeadlinesTaken.length}** first-round aside. Non-tasks a label names taken as tasks: ${t.notTasksTaken.length} tune, ${a.notTasksTaken.length} new aside, ${f.notTasksTaken.length} first-round aside. Labelled "implements" links between the provincial instruction and 221-KL/TW found: ${t.links.correct}/${t.links.labelled} (${t.links.predicted} predicted).`,
  '',
  'What was tuned on, honestly: the rules were written against the tune part — the four seeds (labelled before any rule) and the Lâm Đồng conclusion notice on administrative reform (labelled before any rule, read while writing them); the Lâm Đồng expressway notice was also read (not labelled). **First round:** the aside part was drawn at random (`random.Random(18)` over six office documents); two were labelled — a provincial plan (before any rule) and a Government Office dispatch (after the rules, not used for them) — and scored once: task recall 0.600, precision 0.900, deadline recall 0.152. **Second round** (plans laid out as tables and in slots, times of day before a date, \"trước Hội nghị\" / \"nhân Ngày …\" as events, \"Định kỳ … hàng tháng\" as monthly, attendee lists): these are the forms the first-round misses named, so those two documents are no longer blind for them. The six-document list of the first draw was not recorded; the four remaining aside documents were drawn again, reproducibly (`random.Random(18)` over the seven unlabelled office documents that give work; tests/fixtures/tasks/README.md lists them), and labelled before any second-round rule: the Lào Cai inspection plan 1105 (OCR text), the Lâm Đồng report 329 (no task in it: it measures what is taken wrongly), the Justice dispatch 3917 and the Public Security dispatch 5689 (a scan). No tune document holds a plan as a table or in slots, so those rules were written from the layouts the issue names, tested on rows built from seed sentences and on real tables that are not plans (tests/tasks-layout.test.ts), and checked to take nothing from the 19 other office .doc/.docx documents and the VLC laws. The aside part was scored once, after the last rule; no rule changed after.\n\nSplit by document (the same single run, scored file by file): the four documents labelled for the second round — blind — hold 14 labelled tasks; 11 were found, 1 of them right (recall **0.071**, precision **0.091**; deadlines 1 of 4): the rules do not yet carry over to dispatches and an inspection plan written in other ways. The two first-round documents, no longer blind for the forms they named: 60 labelled, 59 found, 47 right (recall 0.783, precision 0.797; deadlines 21 of 33). What the second-round aside misses say: tables are read — the Lâm Đồng plan’s \"Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026)\" rows are found with their dates — but a lead cell \"Lãnh đạo Sở Công Thương\" is kept as the office’s leadership where the label names the body (11 lead mismatches), and in the second table the labels quote the lead cell (\"Lãnh đạo UBND xã Đức Trọng\"), which lies outside the action span (the task cell), so its 10 rows, found, count as 10 misses and 10 extras. Persons as assignees in an inspection team (\"Ông … - Trưởng đoàn: Phụ trách chung …\"), a passive \"do Văn phòng Sở … bố trí\" and \"Đối với đơn vị được kiểm tra: Chuẩn bị …\" are not read (plan 1105: 0 of 7). A body after a long \"Căn cứ …\" clause (3917: 0 of 3) and subjects outside the vocabulary or verbs outside the action words (\"Các Bộ, cơ quan trung ương chủ dự án thành phần … dự kiến\", \"Bộ Quốc phòng dự kiến\", 5689) are missed. The report 329 gives 8 tasks that are work reported as done without \"đã\" (\"Sở Tư pháp thực hiện thẩm định 268 dự thảo …\", \"Ủy ban nhân dân tỉnh ban hành Quyết định số …\"). No date that is not a deadline was taken in either part.',
  '',
  'A found task matches a label when it is in the labelled clause and its action span holds the label\'s quote. "Lead exact": the set of lead bodies, by canonical name, equals the label\'s; a label whose text does not say who (`ambiguous`) counts against the finder only when it names someone as written — a guess marked `inferred` is shown as a guess. Deadline precision counts every deadline the finder gave, on any task it found; recall every labelled deadline.',
  list('Documents not read (no reader for their format in this build)', [...t.unread, ...a.unread, ...f.unread]),
  list('Labels whose quote is not in the document as read', [...t.unplaced, ...a.unplaced, ...f.unplaced]),
  list('Tune: labelled tasks not found', t.misses),
  list('Tune: found, not labelled', t.extras),
  list('Tune: found with a wrong lead, partner or deadline', t.wrong),
  list('Tune: non-deadlines taken', t.notDeadlinesTaken),
  list('Tune: non-tasks taken', t.notTasksTaken),
  list('Aside: labelled tasks not found', a.misses),
  list('Aside: found, not labelled', a.extras),
  list('Aside: found with a wrong lead, partner or deadline', a.wrong),
  list('Aside: non-deadlines taken', a.notDeadlinesTaken),
  list('Aside: non-tasks taken', a.notTasksTaken),
  list('First-round aside: labelled tasks not found', f.misses),
  list('First-round aside: found, not labelled', f.extras),
  list('First-round aside: found with a wrong lead, partner or deadline', f.wrong),
  list('First-round aside: non-deadlines taken', f.notDeadlinesTaken),
].filter((x, i, all) => x !== '' || all[i - 1] !== '').join('\n');
console.log(body);
if (!process.argv.includes('--no-write')) writeSection(resolve(ROOT, 'docs/ACCURACY.md'), 'eval:tasks', `## Tasks and deadlines\n${body}`);
