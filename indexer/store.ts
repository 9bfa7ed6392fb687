/**
 * The build directory: `tracuu index` writes it, `serve`/`search`/`show` load it.
 *
 *   build/
 *     current -> v-<hash12>-<n>      symlink, swapped atomically with rename(2)
 *     v-<hash12>-<n>/manifest.json   content hash, counts, inputs
 *     v-<hash12>-<n>/corpus.json     CorpusArtifact (documents, references, graph, …; clause texts sliced back on load)
 *     v-<hash12>-<n>/search.bin      the search index (src/search/saved-index.ts)
 *
 * A version directory is written completely (under a temporary name), then renamed, then
 * `current` is pointed at it by renaming a fresh symlink over it. Killing the process at
 * any moment leaves `current` pointing at a complete build (or absent before the first
 * one): never at a half-written one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ARTIFACT_VERSION, buildCorpus, openCorpus, type BuildProgress, type Corpus } from '../src/corpus.ts';
import type { ClauseKind, CorpusArtifact, Diagnostic } from '../src/model.ts';
import { SearchEngine } from '../src/search/index.ts';
import { DEFAULT_PATHS, loadInputs, type LoadedInputs } from './inputs.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = 'build';

export interface Manifest {
  version: number;
  contentHash: string;
  builtAt: string;
  paths: string[];
  inputs: { path: string; sha256: string; bytes: number; corpus: string; format: string }[];
  summary: BuildSummary;
}

export interface BuildSummary {
  documents: number;
  clauses: number;
  references: number;
  diagnostics: Diagnostic[];
  levels: Record<ClauseKind, number>;
}

export interface EnsureOptions {
  paths?: string[];
  out?: string;
  cwd?: string;
  force?: boolean;
  onProgress?: (p: BuildProgress | { phase: 'load'; done: number; total: number; item?: string }) => void;
}

export interface EnsureResult {
  corpus: Corpus;
  summary: BuildSummary;
  rebuilt: boolean;
  dir: string;
  manifest: Manifest;
}

let codeHashCache: string | undefined;
/**
 * The indexer's own code is part of the content hash: a new tracuu version rebuilds. So is
 * the installed MiniSearch's version: the saved index is its internal state
 * (src/search/minisearch-door.ts), which another version may lay out differently.
 */
export function codeHash(): string {
  if (codeHashCache) return codeHashCache;
  const h = createHash('sha256');
  h.update(`minisearch ${installedVersion('minisearch')}\n`);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) h.update(relative(ROOT, p)).update(readFileSync(p));
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'packages', 'vietnamese-tokenizer', 'src'));
  return (codeHashCache = h.digest('hex'));
}

/** The version of an installed package, from its package.json (beside its resolved entry point). */
function installedVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the installed version of ${name}`);
    dir = up;
  }
}

export function contentHash(loaded: LoadedInputs): string {
  const h = createHash('sha256').update(`tracuu-artifact-v${ARTIFACT_VERSION}\n${codeHash()}\n`);
  for (const i of loaded.inputs) h.update(`${i.path}\t${i.corpus}\t${i.format}\t${i.sha256}\n`);
  for (const d of loaded.diagnostics) h.update(`!${d.file}\t${d.ruleId}\n`);
  return h.digest('hex');
}

export function summarize(artifact: CorpusArtifact): BuildSummary {
  const levels = { phan: 0, chuong: 0, muc: 0, dieu: 0, khoan: 0, diem: 0, item: 0, paragraph: 0, footnote: 0 } satisfies Record<ClauseKind, number>;
  let clauses = 0;
  for (const d of artifact.documents)
    for (const c of d.clauses) {
      levels[c.kind]++;
      clauses++;
    }
  return { documents: artifact.documents.length, clauses, references: artifact.references.length, diagnostics: artifact.diagnostics, levels };
}

/** Where the current build lives, or null when there is none (or it is unreadable). */
export async function currentDir(out: string): Promise<string | null> {
  try {
    const target = await readlink(join(out, 'current'));
    const dir = resolve(out, target);
    return existsSync(join(dir, 'manifest.json')) ? dir : null;
  } catch {
    return null;
  }
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Loads a complete build directory. Throws when it is unreadable: callers rebuild. */
export async function loadBuild(dir: string): Promise<{ corpus: Corpus; manifest: Manifest }> {
  const manifest = await readManifest(dir);
  if (!manifest || manifest.version !== ARTIFACT_VERSION) throw new Error(`build at ${dir} is from another version`);
  const artifact = withClauseTexts(JSON.parse(await readFile(join(dir, 'corpus.json'), 'utf8')) as CorpusArtifact);
  const search = SearchEngine.load(await readFile(join(dir, 'search.bin')), artifact.documents, artifact.graph);
  return { corpus: openCorpus(artifact, search), manifest };
}

async function writeBuild(out: string, artifact: CorpusArtifact, search: SearchEngine, manifest: Manifest): Promise<string> {
  await mkdir(out, { recursive: true });
  const name = `v-${manifest.contentHash.slice(0, 12)}-${Date.now().toString(36)}`;
  const tmp = join(out, `.tmp-${name}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  await writeFile(join(tmp, 'corpus.json'), JSON.stringify(withoutClauseTexts(artifact)));
  await writeFile(join(tmp, 'search.bin'), search.save());
  // The manifest goes last: a directory with a manifest is complete.
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await rename(tmp, join(out, name));
  const link = join(out, `.current-${randomBytes(4).toString('hex')}`);
  await symlink(name, link);
  await rename(link, join(out, 'current'));
  await prune(out, name);
  return join(out, name);
}

/**
 * A clause's text is a slice of its document's text (`clause.text === doc.text.slice(span)`),
 * so corpus.json leaves it out and loading slices it back: a fifth less to write and parse.
 * A clause whose text is not such a slice keeps it.
 */
function withoutClauseTexts(artifact: CorpusArtifact): CorpusArtifact {
  return {
    ...artifact,
    documents: artifact.documents.map((d) => ({
      ...d,
      clauses: d.clauses.map((c) => {
        if (c.text !== d.text.slice(c.span.start.offset, c.span.end.offset)) return c;
        const { text: _text, ...rest } = c;
        return rest as typeof c;
      }),
    })),
  };
}

function withClauseTexts(artifact: CorpusArtifact): CorpusArtifact {
  for (const d of artifact.documents) for (const c of d.clauses) c.text ??= d.text.slice(c.span.start.offset, c.span.end.offset);
  return artifact;
}

/** Removes older versions and abandoned temporaries; keeps the current one. */
async function prune(out: string, keep: string): Promise<void> {
  for (const e of await readdir(out)) {
    if (e === keep || e === 'current') continue;
    if (e.startsWith('v-') || e.startsWith('.tmp-') || e.startsWith('.current-')) await rm(join(out, e), { recursive: true, force: true });
  }
}

/**
 * Load the build for these paths if its content hash matches the inputs, else rebuild it.
 * With no paths: seeds/ and corpus/ (relative to cwd, falling back to the package root).
 */
export async function ensureBuild(options: EnsureOptions = {}): Promise<EnsureResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths : defaultPaths(cwd);
  const out = resolve(cwd, options.out ?? DEFAULT_OUT);
  const loaded = await loadInputs(paths, { cwd, onFile: (item, done, total) => options.onProgress?.({ phase: 'load', done, total, item }) });
  const hash = contentHash(loaded);
  if (!options.force) {
    const dir = await currentDir(out);
    const manifest = dir ? await readManifest(dir) : null;
    if (dir && manifest?.contentHash === hash) {
      try {
        const { corpus } = await loadBuild(dir);
        return { corpus, summary: manifest.summary, rebuilt: false, dir, manifest };
      } catch {
        // unreadable build: fall through and rebuild it
      }
    }
  }
  const { artifact, search } = buildCorpus(loaded.inputs, {
    contentHash: hash,
    now: () => new Date(),
    diagnostics: loaded.diagnostics,
    onProgress: (p) => options.onProgress?.(p),
  });
  const summary = summarize(artifact);
  const manifest: Manifest = {
    version: ARTIFACT_VERSION,
    contentHash: hash,
    builtAt: artifact.builtAt,
    paths,
    inputs: loaded.inputs.map((i) => ({ path: i.path, sha256: i.sha256, bytes: i.bytes, corpus: i.corpus, format: i.format })),
    summary,
  };
  const dir = await writeBuild(out, artifact, search, manifest);
  return { corpus: openCorpus(artifact, search), summary, rebuilt: true, dir, manifest };
}

function defaultPaths(cwd: string): string[] {
  const here = DEFAULT_PATHS.filter((p) => existsSync(resolve(cwd, p)));
  if (here.length) return here;
  return DEFAULT_PATHS.map((p) => resolve(ROOT, p)).filter((p) => existsSync(p));
}
