/** The files admin store (corpus/ on disk, a real LiveCorpus and indexer) under the admin store contract. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { adminStoreContract } from './contracts/admin-store.ts';
import { cleanup, tempProject } from './helpers/server.ts';
import { ensureBuild } from '../indexer/store.ts';
import { LiveCorpus } from '../indexer/serve/live-corpus.ts';
import { startIndexDaemon } from '../indexer/serve/index-daemon.ts';
import { createFileAdminStore } from '../indexer/serve/admin-store.ts';

adminStoreContract('files (corpus/)', async () => {
  const dir = tempProject('admin-store');
  const built = await ensureBuild({ paths: ['seeds', 'corpus'], cwd: dir, out: 'build' });
  const daemon = startIndexDaemon();
  const live = new LiveCorpus(built.corpus, { paths: ['seeds', 'corpus'], out: 'build', cwd: dir, log: () => {}, runIndexer: daemon.run }, { manifest: built.manifest });
  const store = createFileAdminStore({ corpusDir: join(dir, 'corpus'), cwd: dir, live });
  return {
    store,
    served: () => [...live.corpus().documents.keys()],
    leftovers: () => readdirSync(join(dir, 'corpus')).filter((f) => f.startsWith('.tmp-')),
    close: async () => {
      live.close();
      daemon.close();
      cleanup(dir);
    },
  };
});
