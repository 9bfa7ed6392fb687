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
const body = [
  `Command: \`npm run eval:tasks\` (${machine()}, ${new Date().toISOString().slice(0, 10)}). Labels: tests/fixtures/tasks/ (README there says what counts as a task).`,
  '',
  '| part | documents read | labelled tasks | task recall | task precision | lead exact | bodies P / R (lead and partners) | deadline recall | deadline precision | non-deadlines taken |',
  '|---|---|---|---|---|---|---|---|---|---|',
  row('tune (4 seed documents + office documents read while writing the rules)', t),
  row('aside (office documents kept aside at random, scored once at the end)', a),
  '',
  `Seeds goal — every dated task found with the right clause, lead and date: **${t.datedGoal.right}/${t.datedGoal.total}**; dates a label says are not deadlines (issue, meeting and report dates, periods, "hằng năm" in a cited title, eligibility lengths) taken as one: **${t.notDeadlinesTaken.length}** in tune, **${a.notDeadlinesTaken.length}** aside. Labelled "implements" links between the provincial instruction and 221-KL/TW found: ${t.links.correct}/${t.links.labelled} (${t.links.predicted} predicted).`,
  '',
  'What was tuned on, honestly: the rules were written against the tune part — the four seeds (labelled before any rule) and the Lâm Đồng conclusion notice on administrative reform (labelled before any rule, read while writing them); the Lâm Đồng expressway notice was also read (not labelled). The aside part was drawn at random (`random.Random(18)` over six office documents; two are labelled so far: a provincial plan, labelled before any rule, and a Government Office dispatch, labelled after the rules but not used for them) and scored once, at the end, with no rule changed after. Its misses say what is not built yet: plans laid out as **tables** (21 rows "Nội dung | Trách nhiệm thực hiện | Thời gian" — the largest loss), times of day before a date ("trước 14 giờ ngày 08 tháng 10 năm 2025"), "trước Hội nghị" and "nhân ngày …" as events, "Định kỳ … hàng tháng" read as periodic rather than monthly, and attendee lists ("- Lãnh đạo các Bộ: Công an, …") taken for tasks. None of its misses is a date wrongly taken as a deadline.',
  '',
  'A found task matches a label when it is in the labelled clause and its action span holds the label\'s quote. "Lead exact": the set of lead bodies, by canonical name, equals the label\'s; a label whose text does not say who (`ambiguous`) counts against the finder only when it names someone as written — a guess marked `inferred` is shown as a guess. Deadline precision counts every deadline the finder gave, on any task it found; recall every labelled deadline.',
  list('Documents not read (no reader for their format in this build)', [...t.unread, ...a.unread]),
  list('Labels whose quote is not in the document as read', [...t.unplaced, ...a.unplaced]),
  list('Tune: labelled tasks not found', t.misses),
  list('Tune: found, not labelled', t.extras),
  list('Tune: found with a wrong lead, partner or deadline', t.wrong),
  list('Tune: non-deadlines taken', t.notDeadlinesTaken),
  list('Tune: non-tasks taken', t.notTasksTaken),
  list('Aside: labelled tasks not found', a.misses),
  list('Aside: found, not labelled', a.extras),
  list('Aside: found with a wrong lead, partner or deadline', a.wrong),
  list('Aside: non-deadlines taken', a.notDeadlinesTaken),
].filter((x, i, all) => x !== '' || all[i - 1] !== '').join('\n');
console.log(body);
if (!process.argv.includes('--no-write')) writeSection(resolve(ROOT, 'docs/ACCURACY.md'), 'eval:tasks', `## Tasks and deadlines\n${body}`);
