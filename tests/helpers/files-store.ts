/** The seeds as the files store keeps them: built into a fresh build/ and loaded back from disk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, loadBuild } from '../../indexer/store.ts';
import type { Records } from '../contracts/document-store.ts';
import { ROOT } from './seeds.ts';

export async function filesRecords(): Promise<{ records: Records; close(): Promise<void> }> {
  const out = mkdtempSync(join(tmpdir(), 'tracuu-files-store-'));
  const built = await ensureBuild({ paths: ['seeds'], cwd: ROOT, out });
  const { corpus } = await loadBuild(built.dir);
  const a = corpus.artifact;
  return { records: { documents: a.documents, references: a.references, nodes: a.graph.nodes }, close: async () => rmSync(out, { recursive: true, force: true }) };
}
