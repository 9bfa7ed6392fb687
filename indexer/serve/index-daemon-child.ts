/**
 * The indexer daemon's side (started by bin/index-daemon.js): one request at a time,
 * `{ id, args, cwd }` → runs the CLI (`main(args)`) in `cwd` → `{ id, code }`. A crash ends the
 * process: the server sees how it ended, reports it, and starts a new daemon for the next build.
 */
import { main } from '../cli.ts';
// Load the indexing pipeline now, while nothing waits for it: the first rebuild is then as fast as the rest.
await import('../commands/index.ts');

interface Request {
  id: number;
  args: string[];
  cwd: string;
}

process.on('message', (m: Request) => {
  void (async () => {
    let code = 3;
    try {
      process.chdir(m.cwd);
      code = await main(m.args);
    } catch (e) {
      console.error(`tracuu: ${e instanceof Error ? e.message : String(e)}`);
    }
    process.send?.({ id: m.id, code });
  })();
});
process.send?.({ ready: true });
