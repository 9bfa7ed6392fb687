/**
 * The database store under the document store contract: the seeds imported with
 * `tracuu db import`, read back from PostgreSQL's tables — and the same records as the files store.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../indexer/db/connect.ts';
import { readRecords } from '../../indexer/db/derived.ts';
import { documentStoreContract } from '../contracts/document-store.ts';
import { filesRecords } from '../helpers/files-store.ts';
import { describePostgres, startCluster } from '../helpers/postgres.ts';
import { ROOT } from '../helpers/seeds.ts';

describePostgres('database store', () => {
  documentStoreContract(
    'PostgreSQL',
    async () => {
      const cluster = await startCluster();
      const work = mkdtempSync(join(tmpdir(), 'tracuu-db-contract-'));
      const tracuu = (args: string[]) => execFileSync(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args, '--db', cluster.url], { cwd: ROOT, stdio: 'ignore' });
      tracuu(['db', 'migrate']);
      tracuu(['db', 'import', 'seeds', '--out', join(work, 'build'), '--quiet']);
      const sql = openDatabase(cluster.url);
      return {
        records: () => readRecords(sql),
        async close() {
          await sql.end({ timeout: 1 });
          cluster.destroy();
          rmSync(work, { recursive: true, force: true });
        },
      };
    },
    async () => {
      const f = await filesRecords();
      await f.close();
      return f.records;
    },
  );
});
