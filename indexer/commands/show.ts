/** `tracuu show <id|number> [--json]`: a document's metadata and clause tree with ids. */
import { command, parse, UsageError } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import type { Clause, ClauseEffectView, EffectEvent, EffectView } from '../../src/model.ts';

const USAGE = `usage: tracuu show <id or number> [--json] [--full] [--as-of YYYY-MM-DD]

Prints the document's metadata, its effect status and its clause tree: path as written, clause
id, first words. --full prints each clause's whole text. --as-of gives the status of the document
and of each provision on that day (default today); with --json, {document, effect}.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => DATE.test(v) && new Date(v + 'T00:00:00Z').toISOString().startsWith(v);

/** "Hết hiệu lực một phần từ 2016-07-01 — bo-luat-92-2015-qh13/dieu-517/khoan-2: «…»", then each provision. */
function effectLines(e: EffectView): string[] {
  const who = (x: EffectEvent) => (x.by ? ` — ${x.byClause ?? x.by}` : '');
  const out = [`${e.label}${e.since ? ` từ ${e.since}` : ''}${e.inferred && !e.label.includes('suy ra') ? ' (suy ra)' : ''}${e.event && e.event.kind !== 'effective' ? who(e.event) : ''}`];
  if (e.effectiveFrom) out.push(`  có hiệu lực từ ${e.effectiveFrom}${e.effectiveBasis === 'stated' ? '' : ` (${e.effectiveBasis})`}`);
  if (e.event && e.event.kind !== 'effective') out.push(`  «${e.event.evidence.replace(/\s+/g, ' ')}»`);
  const clause = (c: ClauseEffectView) => `  ${c.provision}${c.clauseId ? ` (${c.clauseId})` : ''}: ${c.label}${c.since ? ` từ ${c.since}` : ''}${c.until ? ` đến hết ${c.until}` : ''}${who(c.event)}`;
  out.push(...e.clauses.map(clause));
  for (const p of e.pending) out.push(`  sau ngày này: ${p.date ?? '?'} ${p.kind}${p.provisions ? ` ${p.provisions.join(', ')}` : ''}${who(p)}`);
  for (const p of e.uncertain) out.push(`  chưa chắc chắn (không áp dụng): ${p.kind}${p.provisions ? ` ${p.provisions.join(', ')}` : ''}${who(p)}`);
  return out;
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, full: { type: 'boolean' }, 'as-of': { type: 'string' }, ...OPEN_OPTIONS }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const asOfArg = values['as-of'] as string | undefined;
    if (asOfArg !== undefined && !realDay(asOfArg)) throw new UsageError(`--as-of must be a real day written YYYY-MM-DD\n\n${USAGE}`);
    // The clock is read here, at the edge.
    const asOf = asOfArg ?? new Date().toISOString().slice(0, 10);
    const corpus = await openCorpus(values);
    const id = requireDocument(corpus, positionals[0]);
    const doc = corpus.documents.get(id);
    const node = corpus.graph.node(id)!;
    const effect = corpus.graph.effectOn(id, asOf);
    if (values.json) {
      const shown = doc ? (({ text: _t, ...d }) => d)(doc) : node;
      console.log(JSON.stringify(asOfArg !== undefined ? { document: shown, effect } : shown, null, 2));
      return 0;
    }
    if (!doc) {
      console.log(`${node.typeLabel} ${node.number ?? node.id} — not in the corpus (cited by ${corpus.graph.incoming(id).length} clause(s))`);
      if (node.date) console.log(`date: ${node.date}`);
      if (node.title) console.log(`title: ${node.title}`);
      const [first, ...rest] = effectLines(effect);
      console.log(`effect   ${asOf}: ${first}`);
      for (const l of rest) console.log(`        ${l}`);
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
    const [first, ...rest] = effectLines(effect);
    console.log(`effect   ${asOf}: ${first}`);
    for (const l of rest) console.log(`        ${l}`);
    console.log('');
    const byClause = new Map(effect.clauses.filter((c) => c.clauseId).map((c) => [c.clauseId!, c]));
    const byId = new Map(doc.clauses.map((c) => [c.id, c]));
    const print = (c: Clause, depth: number) => {
      const text = c.text.replace(/\s+/g, ' ');
      const shown = values.full ? text : text.length > 90 ? text.slice(0, 89) + '…' : text;
      const e = byClause.get(c.id);
      console.log(`${'  '.repeat(depth)}${c.pathLabel.padEnd(Math.max(1, 16 - depth * 2))} ${c.id}${e ? `  [${e.label}${e.since ? ` từ ${e.since}` : ''}${e.until ? ` đến hết ${e.until}` : ''}]` : ''}\n${'  '.repeat(depth)}  ${shown}`);
      for (const f of c.footnotes ?? []) print(byId.get(f)!, depth + 1);
      for (const k of c.children) print(byId.get(k)!, depth + 1);
    };
    for (const r of doc.roots) print(byId.get(r)!, 0);
    return 0;
  });
}
