/**
 * `npm run eval:search`: clause-search relevance on the ALQAC sets, with and without
 * diacritics in the questions, next to the plain-BM25 baselines; writes docs/ACCURACY.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate } from '../indexer/commands/eval.ts';
import { writeSection, machine } from './doc-section.ts';
import { splitQuestions } from './alqac-split.ts';

const A = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../shared/corpus-external'), 'alqac');
if (!existsSync(A)) {
  console.error(`eval:search needs the ALQAC sets at ${A} (set TRACUU_EXTERNAL_DIR)`);
  process.exit(1);
}
const BASELINE: Record<string, [number, number, number]> = { 'ALQAC 2022': [0.827, 0.954, 0.875], 'ALQAC 2023 train (not tuned on)': [0.71, 0.98, 0.808] };
type Pick = <T>(qs: T[]) => T[];
const sets: [string, string, string, Pick?][] = [
  ['ALQAC 2022, tune part (60%, tuned on)', '2022/law.json', '2022/question.json', (qs) => splitQuestions(qs).tune],
  ['ALQAC 2022, aside part (40%, not tuned on)', '2022/law.json', '2022/question.json', (qs) => splitQuestions(qs).aside],
  ['ALQAC 2022', '2022/law.json', '2022/question.json'],
  ['ALQAC 2023 train (not tuned on)', '2023/law.json', '2023/train.json'],
];
// The public test questions are included when they carry answers.
const pub = resolve(A, '2023/public_test.json');
if (existsSync(pub) && (JSON.parse(readFileSync(pub, 'utf8')) as { relevant_articles?: unknown[] }[]).some((q) => q.relevant_articles?.length)) sets.push(['ALQAC 2023 public test', '2023/law.json', '2023/public_test.json']);

const rows: string[] = [];
for (const [name, law, questions, select] of sets) {
  const withMarks = evaluate(resolve(A, law), resolve(A, questions), select ? { select } : {});
  const without = evaluate(resolve(A, law), resolve(A, questions), { strip: true, ...(select ? { select } : {}) });
  const b = BASELINE[name];
  const f = (x: number) => x.toFixed(3);
  rows.push(`| ${name} | ${withMarks.n} | ${b ? b.map(f).join(' / ') : '—'} | **${f(withMarks.hit1)} / ${f(withMarks.hit10)} / ${f(withMarks.mrr10)}** | ${f(without.hit1)} / ${f(without.hit10)} / ${f(without.mrr10)} | ${f(withMarks.mrr10 - without.mrr10)} |`);
  console.error(rows.at(-1));
}
const body = [
  `Command: \`npm run eval:search\` (${machine()}, ${new Date().toISOString().slice(0, 10)}); one set: \`npx tracuu eval <law.json> <questions.json> [--strip-diacritics] [--json]\`.`,
  '',
  'Each cell is Hit@1 / Hit@10 / MRR@10 over the questions\' `relevant_articles`. Baseline: plain BM25 over syllables on the same files. "Without diacritics" strips the marks from the questions only (the way people type); the last column is what typing without marks costs (negative: it helps).',
  '',
  '| set | questions | baseline BM25 | tracuu | tracuu, questions without diacritics | MRR loss without diacritics |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  'What is tuned on, from issue 11 on: **only the tune part** — a seeded random 60% of ALQAC 2022\'s questions (`bench/alqac-split.ts`, 312 questions). The other 40% of 2022 (208 questions, same four laws) and ALQAC 2023 train (100 questions, other laws and writers) are reported, never used to choose anything. Honesty note: before issue 11 the engine was tuned on all of ALQAC 2022 and 2023 train (folded syllable pairs as a ranking field, AND-first then OR, BM25 k 1.2 / b 0.7, exact spellings as a 0.1 tie-breaker for queries of up to 4 words — a larger exact boost lowered 2022 MRR@10 from 0.917 to 0.889), so neither "not tuned on" row is clean: they are not the unseen questions the issue measured (Hit@10 0.918, MRR@10 0.821), which we do not have. Tried on the tune part in issue 11 and not kept: adding the folded words to the "any pair" step of long questions (word boost 0.1 / 0.3 / 1: MRR@10 0.914 / 0.917 / 0.909 against 0.913, Hit@10 0.965 against 0.971); adding their BM25 afterwards as a tie-breaker among the clauses the pairs found (× 0.02–0.1: MRR@10 0.915, Hit@10 0.974 — one question of 312; judged too small to pay for scoring the postings of every word on every long question; looked at afterwards on the other two sets: aside MRR@10 +0.001, 2023 train −0.002). No per-question rules, no synonyms, no stop-word list. The per-document share of the first page (src/search/arrange.ts) is off here (`perDocument: 0`): these questions run over four laws.',
].join('\n');
console.log(body);
writeSection(resolve(import.meta.dirname, '../docs/ACCURACY.md'), 'eval:search', body);
