/** The files store (build/ on disk) under the document store contract (tests/contracts/document-store.ts). */
import { documentStoreContract } from './contracts/document-store.ts';
import { filesRecords } from './helpers/files-store.ts';

documentStoreContract('files (build/)', async () => {
  const f = await filesRecords();
  return { records: async () => f.records, close: f.close };
});
