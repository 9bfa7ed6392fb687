/** `tracuu docs [--json]`: the documents in the index. */
import { command, parse } from '../args.ts';
import { openCorpus, OPEN_OPTIONS } from '../open.ts';

const USAGE = `usage: tracuu docs [--json] [--in PATH …]

Lists the indexed documents: id, number, type, date, clauses, title.`;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values } = parse(args, { json: { type: 'boolean' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const corpus = await openCorpus(values);
    const docs = corpus.artifact.documents;
    if (values.json) {
      console.log(JSON.stringify(docs.map(({ text: _t, clauses, ...d }) => ({ ...d, clauses: clauses.length, status: corpus.graph.node(d.id)?.status })), null, 2));
      return 0;
    }
    const rows = docs.map((d) => [d.id, d.number ?? '—', d.typeLabel, d.date ?? '—', String(d.clauses.length), corpus.graph.node(d.id)?.status ?? '', (d.title ?? '').slice(0, 70)]);
    const head = ['id', 'number', 'type', 'date', 'clauses', 'status', 'title'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    console.log(fmt(head));
    for (const r of rows) console.log(fmt(r));
    console.log(`\n${docs.length} documents`);
    return 0;
  });
}
