/**
 * `tracuu` command line. Each command lives in `indexer/commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code); this file only dispatches, so
 * commands load lazily and one broken command cannot stop the others.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  index: { summary: 'index files or folders into build/ (default: seeds/ and corpus/)', load: () => import('./commands/index.ts') },
  docs: { summary: 'list the documents in the index', load: () => import('./commands/docs.ts') },
  show: { summary: 'print a document and its clause tree with ids', load: () => import('./commands/show.ts') },
  search: { summary: 'search clauses: tracuu search "tram y te" [--json] [--limit N] [--type T]', load: () => import('./commands/search.ts') },
  eval: { summary: 'relevance on an ALQAC-format question file: tracuu eval <law.json> <questions.json>', load: () => import('./commands/eval.ts') },
  refs: { summary: 'references made by a document', load: () => import('./commands/refs.ts') },
  citedby: { summary: 'documents and clauses citing a document', load: () => import('./commands/citedby.ts') },
  graph: { summary: 'citation graph around a document: --depth N --format json|dot|mermaid|graphml', load: () => import('./commands/graph.ts') },
  lineage: { summary: 'series and clause lineage of a conclusion', load: () => import('./commands/lineage.ts') },
  tasks: { summary: 'tasks and deadlines: --assignee, --document, --due-before, --overdue, --json|--csv|--ics', load: () => import('./commands/tasks.ts') },
  db: { summary: 'PostgreSQL store: db migrate | import PATH… | export DIR | status (--db postgres://…)', load: () => import('./commands/db.ts') },
  serve: { summary: 'index (if needed) and serve the API and web app on http://localhost:3000', load: () => import('./commands/serve.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: tracuu <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "tracuu <command> --help" for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`tracuu: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(args);
}
