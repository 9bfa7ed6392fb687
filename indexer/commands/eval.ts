/**
 * `tracuu eval <law.json> <questions.json> [--strip-diacritics] [--json] [--limit N]`:
 * relevance of clause search on an ALQAC-format set. Each question's `relevant_articles` are
 * the right answers; we report n, Hit@1, Hit@10 and MRR@10.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { command, intOption, parse, UsageError } from '../args.ts';
import { readAlqac, alqacDocumentId } from '../../src/read/alqac.ts';
import { SearchEngine } from '../../src/search/index.ts';
import { clauseId, clauseSegment } from '../../src/ids.ts';
import { fold } from 'vietnamese-tokenizer';

const USAGE = `usage: tracuu eval <law.json> <questions.json> [--strip-diacritics] [--json] [--limit N]

Indexes an ALQAC law file, runs every question of an ALQAC-format question file
({text, relevant_articles: [{law_id, article_id}]}) and prints n, Hit@1, Hit@10, MRR@10.
--strip-diacritics removes the marks from the questions (as typed without them).`;

export interface EvalResult {
  n: number;
  skipped: number;
  hit1: number;
  hit10: number;
  mrr10: number;
}

interface Question {
  id?: string;
  question_id?: string;
  text: string;
  relevant_articles?: { law_id: string; article_id: string | number }[];
}

const engines = new Map<string, SearchEngine>();

export function evaluate(lawPath: string, questionsPath: string, options: { strip?: boolean; limit?: number; select?: <T>(questions: T[]) => T[] } = {}): EvalResult {
  let engine = engines.get(lawPath);
  if (!engine) {
    const text = readFileSync(lawPath, 'utf8');
    const file = new VFile({ path: lawPath });
    const docs = readAlqac({ path: lawPath, corpus: 'eval', format: 'alqac-json', text, bytes: text.length, sha256: '' }, file);
    if (!docs.length) throw new UsageError(`${lawPath}: ${file.messages[0]?.reason ?? 'no laws found'}`);
    engine = SearchEngine.build(docs);
    engines.set(lawPath, engine);
  }
  let questions: Question[];
  try {
    questions = JSON.parse(readFileSync(questionsPath, 'utf8'));
    if (!Array.isArray(questions)) throw new Error('expected an array of questions');
  } catch (e) {
    throw new UsageError(`${questionsPath}: ${(e as Error).message}`);
  }
  if (options.select) questions = options.select(questions);
  if (options.limit) questions = questions.slice(0, options.limit);
  let n = 0;
  let skipped = 0;
  let hit1 = 0;
  let hit10 = 0;
  let mrr = 0;
  for (const q of questions) {
    const rel = new Set((q.relevant_articles ?? []).map((a) => clauseId(alqacDocumentId(a.law_id), [clauseSegment('dieu', String(a.article_id))])));
    if (!rel.size || typeof q.text !== 'string') {
      skipped++;
      continue;
    }
    n++;
    // A question is a whole sentence: search it as submitted (no prefix completion).
    const text = (options.strip ? fold(q.text) : q.text) + ' ';
    // Articles of a few laws: no per-document share of the first page (src/search/arrange.ts).
    const hits = engine.search(text, { limit: 10, perDocument: 0 }).hits;
    const rank = hits.findIndex((h) => rel.has(h.id));
    if (rank === 0) hit1++;
    if (rank >= 0) {
      hit10++;
      mrr += 1 / (rank + 1);
    }
  }
  const r3 = (x: number) => Math.round((x / Math.max(1, n)) * 1000) / 1000;
  return { n, skipped, hit1: r3(hit1), hit10: r3(hit10), mrr10: r3(mrr) };
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { 'strip-diacritics': { type: 'boolean' }, json: { type: 'boolean' }, limit: { type: 'string' } }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    if (positionals.length !== 2) throw new UsageError(`give a law file and a question file\n\n${USAGE}`);
    const r = evaluate(positionals[0]!, positionals[1]!, { strip: Boolean(values['strip-diacritics']), limit: intOption(values.limit, 'limit', 1, 1_000_000, 0) || undefined });
    if (values.json) console.log(JSON.stringify(r));
    else console.log(`n ${r.n}${r.skipped ? ` (skipped ${r.skipped} without relevant_articles)` : ''}\nHit@1  ${r.hit1.toFixed(3)}\nHit@10 ${r.hit10.toFixed(3)}\nMRR@10 ${r.mrr10.toFixed(3)}`);
    return 0;
  });
}
