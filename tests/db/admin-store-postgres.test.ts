/**
 * The PostgreSQL admin store under the same admin store contract as the files store: a private
 * cluster holding the seeds, one instance's LiveCorpus indexing its mirror, writes through the
 * database. Plus what only a database has: the write is visible in `sources` to every instance.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adminStoreContract } from '../contracts/admin-store.ts';
import { describePostgres, startCluster } from '../helpers/postgres.ts';
import { ROOT } from '../helpers/seeds.ts';
import { startServer } from '../../indexer/commands/serve.ts';

describePostgres('PostgreSQL admin store', () => {
  adminStoreContract('postgres (serve --db)', async () => {
    const cluster = await startCluster();
    const work = mkdtempSync(join(tmpdir(), 'tracuu-admin-pg-'));
    const tracuu = (args: string[]) => execFileSync(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    tracuu(['db', 'migrate', '--db', cluster.url]);
    tracuu(['db', 'import', 'seeds', '--db', cluster.url, '--out', join(work, 'import'), '--quiet']);
    const server = await startServer({ db: cluster.url, out: join(work, 'build'), port: 0, quiet: true, adminToken: 'token', log: () => undefined, retry: { baseMs: 200, maxMs: 1000 } });
    return {
      store: server.admin,
      served: () => [...server.live.corpus().documents.keys()],
      close: async () => {
        await server.close();
        cluster.destroy();
        rmSync(work, { recursive: true, force: true });
      },
    };
  });
});
