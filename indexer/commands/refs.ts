/** `tracuu refs <id|number> [--json]`: the references a document makes, resolved, with relation and evidence. */
import { command, parse } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import type { Reference } from '../../src/model.ts';

const USAGE = `usage: tracuu refs <id or number> [--json]

Every reference the document makes: clause, text as written, target, relation and the
trigger phrase that typed it, resolution status.`;

export function formatReference(r: Reference, side: 'from' | 'to'): string {
  const target = r.status === 'ambiguous' ? `one of ${(r.candidates ?? []).join(', ')}` : (r.targetClauseId ?? r.targetDocId ?? '—');
  const where = side === 'from' ? r.clauseId : r.clauseId;
  return `${where.padEnd(28)} ${r.relation.padEnd(11)} ${JSON.stringify(r.text)} → ${target} [${r.status}]${r.trigger ? `  (“${r.trigger}”)` : ''}`;
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const corpus = await openCorpus(values);
    const id = requireDocument(corpus, positionals[0]);
    const refs = corpus.graph.referencesFrom(id);
    if (values.json) return (console.log(JSON.stringify(refs, null, 2)), 0);
    for (const r of refs) console.log(formatReference(r, 'from'));
    console.log(`\n${refs.length} references from ${id}`);
    return 0;
  });
}
