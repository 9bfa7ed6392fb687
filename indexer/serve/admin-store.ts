/**
 * Documents added and removed over HTTP live as files under corpus/: written to a temporary
 * name and renamed (never half a file), never outside corpus/, then the corpus is rebuilt.
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import type { AdminStore } from '../../src/server/index.ts';
import { safeName } from '../../src/server/index.ts';
import type { LiveCorpus } from './live-corpus.ts';

export function createAdminStore(corpusDir: string, live: LiveCorpus, cwd: string): AdminStore {
  const root = resolve(corpusDir);
  const inside = (p: string) => {
    const abs = resolve(root, p);
    if (abs !== root && !abs.startsWith(root + sep)) throw new Error('refusing a path outside corpus/');
    return abs;
  };
  return {
    async add({ name, content }) {
      const file = inside(safeName(name));
      await mkdir(root, { recursive: true });
      const tmp = join(root, `.tmp-${randomBytes(6).toString('hex')}`);
      await writeFile(tmp, content, 'utf8');
      await rename(tmp, file);
      await live.rebuild();
      const rel = relative(cwd, file).split(sep).join('/');
      const documentIds = live
        .corpus()
        .artifact.documents.filter((d) => [...d.sources, ...d.reports].some((s) => s.path === rel || resolve(cwd, s.path) === file))
        .map((d) => d.id);
      return { path: rel, documentIds };
    },
    async remove(docId) {
      const doc = live.corpus().documents.get(docId);
      if (!doc) return false;
      const files = [...doc.sources, ...doc.reports].map((s) => resolve(cwd, s.path.split('#')[0]!)).filter((f) => f.startsWith(root + sep));
      if (!files.length) return false;
      for (const f of files) await unlink(inside(relative(root, f))).catch(() => undefined);
      await live.rebuild();
      return true;
    },
  };
}
