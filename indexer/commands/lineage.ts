/** `tracuu lineage <id|number> [--json]`: the series a conclusion belongs to and where each clause came from. */
import { command, parse } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import type { DiffPart } from '../../src/model.ts';

const USAGE = `usage: tracuu lineage <id or number> [--json] [--color]

The series (oldest → newest, the current one marked), then for each clause of the
document the clause of its predecessor that says the same thing, with what changed:
[-deleted-] {+inserted+}.`;

export function formatDiff(parts: DiffPart[], color: boolean): string {
  return parts
    .map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? (color ? `\x1b[31m[-${p.text}-]\x1b[0m` : `[-${p.text}-]`) : color ? `\x1b[32m{+${p.text}+}\x1b[0m` : `{+${p.text}+}`))
    .join(' ');
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, color: { type: 'boolean' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const corpus = await openCorpus(values);
    const id = requireDocument(corpus, positionals[0]);
    const series = corpus.graph.seriesOf(id);
    const doc = corpus.documents.get(id);
    const links = (doc?.clauses ?? []).flatMap((c) => corpus.graph.lineageOf(c.id).filter((l) => l.to === c.id || l.from === c.id));
    if (values.json) return (console.log(JSON.stringify({ series, lineage: links }, null, 2)), 0);
    if (!series) console.log(`${id} belongs to no series`);
    else {
      console.log(`series: ${series.title}${series.issuer ? ` — ${series.issuer}` : ''}`);
      for (const m of series.members) {
        const n = corpus.graph.node(m)!;
        console.log(`  ${m === id ? '▶' : ' '} ${(n.number ?? n.id).padEnd(12)} ${n.date ?? '—'}  ${n.inCorpus ? '' : '(not in corpus) '}${n.status === 'current' ? 'current' : n.status ? `${n.status} by ${n.supersededBy}` : ''}`);
      }
    }
    const color = Boolean(values.color) || Boolean(process.stdout.isTTY);
    for (const l of links.filter((l) => l.to.startsWith(id + '/'))) {
      console.log(`\n${l.to}  ←  ${l.from}  (similarity ${l.similarity})`);
      console.log('  ' + formatDiff(l.diff, color));
    }
    const newer = links.filter((l) => l.from.startsWith(id + '/'));
    if (newer.length) {
      console.log('\nsuperseded clauses:');
      for (const l of newer) console.log(`  ${l.from} → ${l.to}`);
    }
    return 0;
  });
}
