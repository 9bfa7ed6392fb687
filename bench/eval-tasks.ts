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
  'What was tuned on, honestly: the rules were written against the tune part — the four seeds (labelled before any rule), the Lâm Đồng conclusion notice on administrative reform (labelled before any rule, read while writing them; the Lâm Đồng expressway notice was also read, not labelled) and, since the third round, the four documents that were the second-round aside part (Lào Cai inspection plan 1105, Lâm Đồng report 329, Justice dispatch 3917, Public Security dispatch 5689): they had been scored once (recall 0.071, precision 0.091) and their misses read, so they were moved to tune and tuned on. **First round:** two office documents drawn at random (`random.Random(18)`) — a Lâm Đồng plan and a Government Office dispatch — scored once (task recall 0.600, precision 0.900); the second round built exactly the forms their misses named (tables, slots), and the third round\'s "Lãnh đạo Sở X" rule comes from their misses too, so they are reported apart as "first-round aside, not blind for tables". **Third round (precision first):** before any rule of this round, the three remaining documents of the reproducible redraw (tests/fixtures/tasks/README.md) were labelled by reading their text, without looking at the finder\'s output, and form the **new aside** part: the Lâm Đồng drug-control plan (.doc), the Lào Cai mineral report (.docx) and the Public Security plan 996 (a scan, OCR text). Rules of the round: a report (Báo cáo) gives work only in its parts that look ahead (REPORT_WORK_PARTS) — work told as done is no task (report 329: 8 wrong tasks before, 0 after); "Lãnh đạo Sở X" names the body Sở X, the wording kept as the assignee\'s text; a body acting after a "Căn cứ …," clause leads (3917: 3 of 3); "… trân trọng đề nghị …" is a closing formula. The new aside part was scored once, after the last rule had landed; no rule changed after. (One run of the previous eval script, started after the labels were committed and before any rule, also scored the new aside part; its aside figures were deleted unread.)\n\nWhat the new aside says (same single run): no labelled non-task and no non-deadline date was taken, and 67 of 71 found tasks match a label (precision 0.944: the 4 extras are the drug-control plan\'s headings "4.7. Đề nghị Ngân hàng …", "5.4." and "6.5. Đề nghị Chi cục Hải quan …" read as tasks with an empty action beside the item below, and the heading "5.2. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng" read as a task). Recall 0.632: the Lào Cai report\'s 4 "trong thời gian tới, tiếp tục yêu cầu các Sở, ban, ngành và địa phương:" items and 3 "đề nghị Bộ Nông nghiệp và Môi trường …" proposals sit in parts whose headings do not look ahead, so the report gate drops them (the price of the precision rule), and its 4 items under "1. Kiến nghị Bộ Nông nghiệp và Môi trường" are not read as given to the ministry; plan 996\'s subjectless content items (labelled as tasks with no one named) and its "Giao Phòng 5, Cục Cảnh sát điều tra …" are missed; in the drug-control plan, items under headings with one paragraph and no dash and several headings ("3.9. Chủ tịch Ủy ban nhân dân địa bàn cấp xã chỉ đạo", "4.5. Đề nghị Viện Kiểm sát …") are missed. Lead exact 0.627 is mostly a naming convention of the new labels, not fixed after scoring: they keep "các sở, ban, ngành" and "các đơn vị, địa phương" as written where the vocabulary says "các sở, ban, ngành cấp tỉnh" and reads "các đơn vị; các địa phương" (25 of the 25 lead mismatches). Deadline precision 0.500: "thường xuyên" or a yearly word later in an item taken for the whole item (5; once where the label reads "trong năm 2026" as the year), and plan 996\'s twelve-month report date (20/12/2026) taken where the label keeps the six-month one (20/6/2026).',
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
