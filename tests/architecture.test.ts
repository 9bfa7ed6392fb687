/**
 * Imports point one way (docs/DESIGN.md):
 *   vietnamese-tokenizer (packages/, the bottom layer) ← segment ← read;
 *   segment ← refs ← resolve ← graph;  search ← refs, resolve (a citation query is read and
 *   resolved as a citation in a text is);  tasks ← vietnamese-tokenizer;
 *   corpus, server ← everything in src;  indexer, web, bench, tests ← src (never the reverse).
 * `src/` is pure: no node: built-ins for IO, no process.env. Modules meet only through
 * each other's index.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const TOKENIZER = join(ROOT, 'packages', 'vietnamese-tokenizer', 'src');

/** module → modules it may import (besides itself and the shared model.ts, ids.ts, doc-types.ts). */
const ALLOWED: Record<string, string[]> = {
  segment: [],
  read: ['segment'],
  refs: ['segment'],
  resolve: ['segment', 'refs'],
  graph: ['segment', 'refs', 'resolve'],
  search: ['refs', 'resolve'],
  // Tasks read documents and lineage links as data (model.ts): no other layer's code.
  tasks: [],
  server: ['segment', 'read', 'refs', 'resolve', 'graph', 'search', 'tasks', 'corpus.ts'],
  'corpus.ts': ['segment', 'read', 'refs', 'resolve', 'graph', 'search', 'tasks', 'doc-types.ts'],
  'ids.ts': [],
  'model.ts': [],
  'doc-types.ts': [],
  'index.ts': ['*'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

const moduleOf = (abs: string) => relative(SRC, abs).split('/')[0]!;

describe('architecture', () => {
  const srcFiles = files(SRC).filter((f) => !f.endsWith('.test.ts'));

  it('finds the source tree', () => {
    expect(srcFiles.length).toBeGreaterThan(10);
  });

  it.each(srcFiles.map((f) => [relative(ROOT, f), f]))('%s imports only what its layer may', (_name, file) => {
    const from = moduleOf(file);
    const allowed = ALLOWED[from];
    expect(allowed, `no layer rule for src/${from}`).toBeDefined();
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) {
        // Packages are fine; node built-ins are not, in the pure core.
        expect(spec.startsWith('node:') || ['fs', 'path', 'child_process', 'os'].includes(spec), `${spec} in src/ (src is pure: IO lives in indexer/)`).toBe(false);
        continue;
      }
      const target = resolve(dirname(file), spec);
      expect(target.startsWith(SRC + '/'), `${spec}: src/ must not import from outside src/`).toBe(true);
      const to = moduleOf(target);
      if (to === from || to === 'model.ts' || to === 'ids.ts' || to === 'doc-types.ts' || allowed!.includes('*')) continue;
      expect(allowed, `src/${from} may not import src/${to} (${spec})`).toContain(to);
      if (!to.endsWith('.ts')) expect(relative(SRC, target), `import src/${to} through its index.ts (${spec})`).toBe(`${to}/index.ts`);
    }
  });

  it.each(srcFiles.map((f) => [relative(ROOT, f), f]))('%s reads no environment', (_name, file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/process\.env|process\.argv|require\(/);
  });

  it('the text layer is the vietnamese-tokenizer package, imported by name only', () => {
    const everywhere = ['src', 'indexer', 'web', 'bench', 'tests', 'scripts'].flatMap((d) => files(join(ROOT, d)));
    for (const file of everywhere)
      for (const spec of imports(file)) expect(spec, relative(ROOT, file)).not.toMatch(/(^|\/)(src\/text|text\/index|packages\/)/);
  });

  it('vietnamese-tokenizer imports nothing outside itself (the bottom layer, no dependencies)', () => {
    const own = files(TOKENIZER);
    expect(own.length).toBeGreaterThan(5);
    for (const file of own)
      for (const spec of imports(file)) {
        if (file.endsWith('.test.ts') && (spec === 'vitest' || spec.startsWith('node:') || spec === 'fast-check')) continue;
        expect(spec.startsWith('./'), `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
  });

  it('the core never imports the edges', () => {
    for (const file of srcFiles)
      for (const spec of imports(file)) expect(spec, relative(ROOT, file)).not.toMatch(/(^|\/)(indexer|web|bench|tests|scripts)\//);
  });
});
