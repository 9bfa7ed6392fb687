/** `tracuu citedby <id|number> [--json]`: the clauses of other documents that cite this one. */
import { command, parse } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import { formatReference } from './refs.ts';

const USAGE = `usage: tracuu citedby <id or number> [--json]

Every clause of another document that cites, implements, amends, replaces … this one.`;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const corpus = await openCorpus(values);
    const id = requireDocument(corpus, positionals[0]);
    const refs = corpus.graph.citing(id);
    const inferred = corpus.graph.incoming(id).filter((e) => e.inferred);
    if (values.json) return (console.log(JSON.stringify({ references: refs, inferred }, null, 2)), 0);
    for (const r of refs) console.log(formatReference(r, 'to'));
    for (const e of inferred) console.log(`${e.from.padEnd(28)} ${e.relation.padEnd(11)} (inferred) ${e.evidence}`);
    console.log(`\n${refs.length} citing references${inferred.length ? `, ${inferred.length} inferred` : ''} → ${id}`);
    return 0;
  });
}
