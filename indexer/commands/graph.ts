/** `tracuu graph <id|number> [--depth N] [--relation R …] [--format json|dot|mermaid|graphml]`. */
import { command, intOption, parse, UsageError } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import { toDot, toGraphML, toMermaid } from '../../src/graph/index.ts';
import type { Relation } from '../../src/model.ts';

const USAGE = `usage: tracuu graph [<id or number>] [--depth N] [--relation R …] [--direction out|in|both] [--format json|dot|mermaid|graphml]

The citation graph around a document (or the whole graph without one).
Relations: based-on implements guides amends supplements replaces repeals ends-effect corrects attached reports-on supersedes cites.
Example: tracuu graph 221-KL/TW --depth 2 --format dot | dot -Tsvg > graph.svg`;

const RELATIONS = ['based-on', 'implements', 'guides', 'amends', 'supplements', 'replaces', 'repeals', 'ends-effect', 'corrects', 'attached', 'reports-on', 'supersedes', 'cites'];
const FORMATS = { dot: toDot, mermaid: toMermaid, graphml: toGraphML } as const;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(
      args,
      { depth: { type: 'string' }, relation: { type: 'string', multiple: true }, direction: { type: 'string' }, format: { type: 'string' }, ...OPEN_OPTIONS },
      USAGE,
    );
    if (values.help) return (console.log(USAGE), 0);
    const depth = intOption(values.depth, 'depth', 0, 6, 1);
    const relations = (values.relation ?? []).flatMap((r) => r.split(','));
    for (const r of relations) if (!RELATIONS.includes(r)) throw new UsageError(`unknown relation "${r}"; one of: ${RELATIONS.join(', ')}`);
    const direction = (values.direction ?? 'both') as 'out' | 'in' | 'both';
    if (!['out', 'in', 'both'].includes(direction)) throw new UsageError('--direction is out, in or both');
    const format = values.format ?? 'json';
    if (format !== 'json' && !(format in FORMATS)) throw new UsageError(`--format is json, dot, mermaid or graphml`);
    const corpus = await openCorpus(values);
    const graph = positionals[0]
      ? corpus.graph.neighbourhood(requireDocument(corpus, positionals[0]), { depth, relations: relations as Relation[], direction })
      : corpus.artifact.graph;
    process.stdout.write(format === 'json' ? JSON.stringify(graph, null, 2) + '\n' : FORMATS[format as keyof typeof FORMATS](graph));
    return 0;
  });
}
