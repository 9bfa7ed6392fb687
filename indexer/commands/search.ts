/** `tracuu search "…" [--json] [--limit N] [--offset N] [--type T …]`: clauses, best first. */
import { command, intOption, parse, UsageError } from '../args.ts';
import { openCorpus, OPEN_OPTIONS } from '../open.ts';
import { DOC_TYPES } from '../../src/doc-types.ts';
import type { DocType, SearchOptions } from '../../src/model.ts';

const USAGE = `usage: tracuu search <query> [--limit N] [--offset N] [--type T …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

Searches clauses, with or without diacritics. Quote a phrase for an exact match; a document
number in any form ("195-KL/TW", "kl 195", "NĐ 15/2020") finds the document, then what cites it.
Types: ${DOC_TYPES.map((t) => t.type).join(', ')}`;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(
      args,
      { json: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' }, type: { type: 'string', multiple: true }, from: { type: 'string' }, to: { type: 'string' }, ...OPEN_OPTIONS },
      USAGE,
    );
    if (values.help) return (console.log(USAGE), 0);
    const query = positionals.join(' ');
    if (!query.trim()) throw new UsageError(`what should I search for?\n\n${USAGE}`);
    const types = (values.type ?? []).flatMap((t) => t.split(','));
    for (const t of types) if (!DOC_TYPES.some((d) => d.type === t)) throw new UsageError(`unknown type "${t}"; one of: ${DOC_TYPES.map((d) => d.type).join(', ')}`);
    for (const [k, v] of [['from', values.from], ['to', values.to]] as const) if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${k} is a date written YYYY-MM-DD`);
    const options: SearchOptions = {
      limit: intOption(values.limit, 'limit', 1, 100, 10),
      offset: intOption(values.offset, 'offset', 0, 100_000, 0),
      ...(types.length ? { type: types as DocType[] } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    };
    const corpus = await openCorpus(values);
    const started = performance.now();
    // A command-line query is complete: no completion of the last word.
    const result = corpus.search.search(query + ' ', options);
    const ms = performance.now() - started;
    if (values.json) return (console.log(JSON.stringify({ ...result, query }, null, 2)), 0);
    const tty = Boolean(process.stdout.isTTY);
    const mark = (s: string) =>
      s
        .replace(/<mark>(.*?)<\/mark>/g, tty ? '\x1b[1;33m$1\x1b[0m' : '[$1]')
        .replace(/&(amp|lt|gt|quot|#39);/g, (m) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[m]!);
    if (!result.total) {
      console.log(`no results for "${query}"`);
      return 0;
    }
    result.hits.forEach((h, i) => {
      const d = h.document;
      const where = [d.typeLabel, d.number, h.path && `${h.path}`].filter(Boolean).join(' · ');
      console.log(`${String(options.offset! + i + 1).padStart(2)}. ${where}${d.date ? `  (${d.date})` : ''}${d.inCorpus ? '' : '  [not in corpus]'}${h.match !== 'text' ? `  [${h.match}]` : ''}\n    ${mark(h.snippet)}\n    ${h.id}`);
    });
    console.log(`\n${result.hits.length} of ${result.total} in ${ms.toFixed(1)} ms`);
    return 0;
  });
}
