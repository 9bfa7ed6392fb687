/** `tracuu show <id|number> [--json]`: a document's metadata and clause tree with ids. */
import { command, parse } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import type { Clause } from '../../src/model.ts';

const USAGE = `usage: tracuu show <id or number> [--json] [--full]

Prints the document's metadata and its clause tree: path as written, clause id, first words.
--full prints each clause's whole text.`;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, full: { type: 'boolean' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const corpus = await openCorpus(values);
    const id = requireDocument(corpus, positionals[0]);
    const doc = corpus.documents.get(id);
    const node = corpus.graph.node(id)!;
    if (values.json) {
      console.log(JSON.stringify(doc ? (({ text: _t, ...d }) => d)(doc) : node, null, 2));
      return 0;
    }
    if (!doc) {
      console.log(`${node.typeLabel} ${node.number ?? node.id} — not in the corpus (cited by ${corpus.graph.incoming(id).length} clause(s))`);
      if (node.date) console.log(`date: ${node.date}`);
      if (node.title) console.log(`title: ${node.title}`);
      return 0;
    }
    const facts: [string, string | undefined][] = [
      ['id', doc.id],
      ['number', doc.number],
      ['type', doc.typeLabel],
      ['title', doc.title],
      ['issuer', doc.issuer],
      ['date', doc.date && `${doc.date}${doc.place ? `, ${doc.place}` : ''}`],
      ['term', doc.term && `khóa ${doc.term}`],
      ['signer', doc.signer && `${doc.signerTitle ? doc.signerTitle + ' ' : ''}${doc.signer}`],
      ['status', node.status && `${node.status}${node.supersededBy ? ` (by ${node.supersededBy})` : ''}`],
      ['sources', doc.sources.map((s) => `${s.path} [${s.role}]`).join(', ')],
      ['reports', doc.reports.map((s) => s.path).join(', ') || undefined],
    ];
    for (const [k, v] of facts) if (v) console.log(`${k.padEnd(8)} ${v}`);
    console.log('');
    const byId = new Map(doc.clauses.map((c) => [c.id, c]));
    const print = (c: Clause, depth: number) => {
      const text = c.text.replace(/\s+/g, ' ');
      const shown = values.full ? text : text.length > 90 ? text.slice(0, 89) + '…' : text;
      console.log(`${'  '.repeat(depth)}${c.pathLabel.padEnd(Math.max(1, 16 - depth * 2))} ${c.id}\n${'  '.repeat(depth)}  ${shown}`);
      for (const f of c.footnotes ?? []) print(byId.get(f)!, depth + 1);
      for (const k of c.children) print(byId.get(k)!, depth + 1);
    };
    for (const r of doc.roots) print(byId.get(r)!, 0);
    return 0;
  });
}
