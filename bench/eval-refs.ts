/**
 * `npm run eval:refs`: the reference finder against (1) the labelled sample in
 * tests/fixtures/refs-labelled.tsv and (2) the source notes of the whole Bộ pháp điển subset,
 * whose structure ("(Điều 5 Nghị định số 23/2015/NĐ-CP, …, có nội dung được sửa đổi bởi Điều 1
 * Nghị định số 07/2025/NĐ-CP …)") gives gold numbers and gold relations independent of our
 * patterns. Writes docs/ACCURACY.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { readLabels, score } from './lib/refs-eval.ts';
import { findInText } from '../src/refs/index.ts';
import { readInput } from '../src/read/index.ts';
import { writeSection, machine } from './doc-section.ts';
import { readRefsSample } from './lib/refs-sample.ts';
import { CHANGING, scoreSample, type SampleScore } from './lib/refs-sample-eval.ts';

const ROOT = resolve(import.meta.dirname, '..');
const s = score(readLabels(resolve(ROOT, 'tests/fixtures/refs-labelled.tsv')));
const f = (x: number) => x.toFixed(3);
console.error(`labelled: P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)} relations ${f(s.relationAccuracy)}`);
if (s.misses.length) console.error('misses:\n  ' + s.misses.join('\n  '));
if (s.extras.length) console.error('extras:\n  ' + s.extras.join('\n  '));

// Pháp điển gold: every number in a note; the ones after "bởi" carry the verbs before it.
const PD = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'), 'phapdien/demuc');
let pd = '';
if (existsSync(PD)) {
  const NUMBER = /\d{1,5}[ ]?\/\d{4}\/[A-ZĐa-zđ0-9-]+(?:\/[A-ZĐ0-9-]+)?/gu;
  let notes = 0;
  let goldNumbers = 0;
  let foundNumbers = 0;
  let goldActs = 0;
  let actsFound = 0;
  let actsRight = 0;
  for (const name of readdirSync(PD)) {
    const [doc] = readInput({ path: name, corpus: 'phapdien', format: 'phapdien-html', text: readFileSync(resolve(PD, name), 'utf8'), bytes: 0, sha256: '' }, new VFile());
    for (const c of doc?.clauses ?? []) {
      const note = c.meta?.note;
      if (!note) continue;
      notes++;
      const found = findInText(note);
      const norm = (x: string) => x.replace(/\s+/g, '').toUpperCase();
      const by = note.indexOf(' bởi ');
      const verbs = by > 0 ? note.slice(0, by) : '';
      const acts = new Set([...(/sửa đổi/.test(verbs) ? ['amended-by'] : []), ...(/bổ sung/.test(verbs) ? ['supplemented-by'] : []), ...(/bãi bỏ/.test(verbs) ? ['repealed-by'] : [])]);
      for (const m of note.matchAll(NUMBER)) {
        goldNumbers++;
        const hit = found.find((r) => r.target.number && norm(r.target.number) === norm(m[0]));
        if (hit) foundNumbers++;
        if (by > 0 && m.index! > by) {
          goldActs++;
          if (hit) {
            actsFound++;
            if (acts.has(hit.relation)) actsRight++;
          }
        }
      }
    }
  }
  pd = `| Bộ pháp điển source notes (all ${notes.toLocaleString('en')} notes, gold from their structure) | ${goldNumbers.toLocaleString('en')} numbers | recall **${f(foundNumbers / goldNumbers)}** | — | amended / supplemented / repealed accuracy **${f(actsRight / Math.max(1, actsFound))}** (${actsRight}/${actsFound}; ${goldActs} amending references) |`;
  console.error(pd);
}
// The issue-12 sample: tune (read while writing rules), holdout and blind (only ever scored here;
// blind = documents nobody had read, see tests/fixtures/refs-sample/README.md).
const SAMPLE = resolve(ROOT, 'tests/fixtures/refs-sample');
// `--no-blind`: while rules are being written, leave the blind sample unscored (and the docs unwritten).
const noBlind = process.argv.includes('--no-blind');
const halves: Array<[string, SampleScore]> = (['tune', 'holdout', 'blind'] as const).filter((h) => !noBlind || h !== 'blind').map((h) => [h, scoreSample(readRefsSample(resolve(SAMPLE, `${h}.tsv`)))]);
const verbose = process.argv.includes('--verbose');
for (const [h, x] of halves) {
  console.error(`refs-sample ${h}: R ${f(x.recall)} P ${f(x.precision)} relation ${f(x.relationAccuracy)} pinpoints ${x.pinpointRight}/${x.pinpointGold} names ${x.nameFound}/${x.nameGold}`);
  for (const r of x.relations) console.error(`  ${r.relation}: predicted ${r.predicted} correct ${r.correct} gold ${r.gold} found ${r.found}`);
  // Details only for the tune half: the holdout is scored, never read.
  if (verbose && h === 'tune') {
    console.error(['misses:', ...x.misses, 'extras:', ...x.extras, 'wrong relations:', ...x.wrongRelations, 'wrong pinpoints:', ...x.wrongPinpoints].join('\n  '));
  }
}
const ratio = (a: number, b: number) => (b ? `${f(a / b)} (${a}/${b})` : '—');
const sampleRows = halves.map(([h, x]) => {
  const changing = x.relations.filter((r) => (CHANGING as readonly string[]).includes(r.relation));
  const cp = changing.reduce((a, r) => a + r.predicted, 0);
  const cc = changing.reduce((a, r) => a + r.correct, 0);
  return `| ${h} | ${x.sentences} | ${x.gold} | **${f(x.recall)}** | **${f(x.precision)}** (${x.predicted} found) | **${f(x.relationAccuracy)}** (${x.relationCorrect}/${x.matched}) | ${ratio(cc, cp)} | ${ratio(x.pinpointRight, x.pinpointGold)} | ${ratio(x.nameFound, x.nameGold)} |`;
});
const perRelation = SCORED_ORDER().map((rel) => {
  const cells = halves.map(([, x]) => {
    const r = x.relations.find((y) => y.relation === rel)!;
    return `${ratio(r.correct, r.predicted)} / ${ratio(r.found, r.gold)}`;
  });
  return `| ${rel} | ${cells.join(' | ')} |`;
});
/** Which of issue 12's goals a sample reaches. */
function goals(h: string, x: SampleScore): string {
  const changing = x.relations.filter((r) => (CHANGING as readonly string[]).includes(r.relation));
  const cp = changing.reduce((a, r) => a + r.predicted, 0);
  const cc = changing.reduce((a, r) => a + r.correct, 0);
  const list: Array<[string, number, number]> = [
    ['recall', x.recall, 0.95],
    ['precision', x.precision, 0.98],
    ['relation accuracy', x.relationAccuracy, 0.9],
    ['changing-relations precision', cp ? cc / cp : 1, 0.98],
    ['pinpoints', x.pinpointGold ? x.pinpointRight / x.pinpointGold : 1, 0.95],
    ['name-only recall', x.nameGold ? x.nameFound / x.nameGold : 1, 0.9],
  ];
  const fmt = ([n, v, g]: [string, number, number]) => `${n} ${f(v)} (goal ${g})`;
  const reached = list.filter(([, v, g]) => v >= g);
  const not = list.filter(([, v, g]) => v < g);
  return `- ${h}: reached ${reached.map(fmt).join(', ') || 'none'}; **not reached** ${not.map(fmt).join(', ') || 'none'}.`;
}
function SCORED_ORDER(): string[] {
  return halves[0]![1].relations.map((r) => r.relation);
}
const body = [
  `Command: \`npm run eval:refs\` (${machine()}, ${new Date().toISOString().slice(0, 10)}).`,
  '',
  '| sample | references | recall | precision | relation |',
  '|---|---|---|---|---|',
  `| tests/fixtures/refs-labelled.tsv (labelled by reading; VLC, Bộ pháp điển, seeds) | ${s.gold} | **${f(s.recall)}** | **${f(s.precision)}** (F1 ${f(s.f1)}) | accuracy **${f(s.relationAccuracy)}** (${s.relationCorrect}/${s.matched}) |`,
  ...(pd ? [pd] : []),
  '',
  '### Issue-12 sample (tests/fixtures/refs-sample): tune, holdout and blind',
  '',
  'Each labelled sentence run alone through the finder; a found reference matches a labelled occurrence when the spans overlap; traps (topics, own numbers) found count as extras. "Changing relations": ends-effect, repeals, replaces, amends as typed by the finder, and how many of those the label accepts. Pinpoints: the labelled pinpoint equals the one found (found or not). Name-only: references written by name without a number.',
  '',
  '| sample | sentences | references | recall | precision | relation accuracy | changing relations precision | pinpoints | name-only recall |',
  '|---|---|---|---|---|---|---|---|---|',
  ...sampleRows,
  '',
  'Baseline before issue 12 (same command, 2026-12-02, finder as it was): tune recall 0.766, precision 0.952, relation accuracy 0.766, changing relations precision 0.500 (44/88), pinpoints 73/138, name-only recall 27/85; holdout recall 0.802, precision 0.950, relation accuracy 0.759, changing relations precision 0.544 (74/136), pinpoints 76/139, name-only recall 34/90.',
  '',
  'What was tuned on, honestly. Rules (src/refs/govern.ts, patterns.ts, find.ts) were written from `tune.tsv` (its misses, extras and wrong relations, printed by `npm run eval:refs -- --verbose --no-blind`, which never prints the holdout\'s or the blind sample\'s rows), the sentences quoted in issue 12, the older refs-labelled.tsv, and — for the last rounds (titles, conditions, list heads, own numbers) — the finder\'s output on VLC and Bộ pháp điển sentences that are in neither the holdout nor the blind sample (a script listed every changing relation it typed there; wrong ones were read and fixed by general rules). `holdout.tsv` was never opened, but it was scored after most rounds, so it is not a single blind shot. `blind.tsv` (172 sentences from 29 office documents — decrees, circulars, Party regulations and guidance, provincial plans, notices, reports, letters, two laws, two consolidated texts, the constitutions, precedents — plus undrawn VLC and Bộ pháp điển sentences) was labelled by reading before any finder ran on it and was scored once, at the end, after the last rule change (the labeller had read its sentences while labelling; no rule or test was taken from them).',
  '',
  ...halves.map(([h, x]) => goals(h, x)),
  '',
  'Document level on all 109 VLC laws (tests/refs-doc-status-external.test.ts, gold tests/fixtures/refs-sample/doc-status.tsv, which was read — it covers the VLC census sentences of both halves): **no VLC law in force is typed ended, replaced or repealed as a whole document**; 115 of the 125 documents or provisions the laws say end, are replaced or repealed get that relation in their evidence sentence (110 before the last rounds). Items under a list head ("a) Bãi bỏ Điều 37 …" under "… của Luật Tài nguyên nước số 17/2012/QH13 … như sau:") now get the head\'s law and their verb when indexed (the parent clause is passed to the finder); the sample scores each sentence alone, so there such items are found but typed cites, which lowers relation accuracy.',
  '',
  'Per relation, precision / recall (precision over every reference the finder typed so, recall over the rows whose only accepted relation it is):',
  '',
  '| relation | tune | holdout | blind |',
  '|---|---|---|---|',
  ...perRelation,
  '',
  'A relation the structure does not confirm (inside another text\'s title, under a condition) is typed cites and kept on the reference as `relationCandidate` (low confidence), never applied.',
  '',
  'Relations count as right when the label accepts them (see tests/fixtures/refs-labelled.md). For the Bộ pháp điển notes, the gold numbers are every `N/YYYY/…` in the note and the gold relations are the verbs before "bởi" (a note may name several: "có nội dung được sửa đổi, có nội dung được bổ sung bởi …"); a found amending reference is right when its relation is one of them.',
  '',
  s.misses.length ? `Remaining misses on the labelled sample:\n\n${s.misses.map((m) => `- ${m}`).join('\n')}` : '',
].join('\n');
console.log(body);
if (!noBlind) writeSection(resolve(ROOT, 'docs/ACCURACY.md'), 'eval:refs', body);
