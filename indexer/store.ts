/**
 * The build directory: `tracuu index` writes it, `serve`/`search`/`show` load it.
 *
 *   build/
 *     current -> v-<hash12>-<n>      symlink, swapped atomically with rename(2)
 *     .lock                          who is writing build/ now (indexer/build-lock.ts)
 *     v-<hash12>-<n>/manifest.json   content hash, counts, inputs, a checksum of every other file, its own checksum
 *     v-<hash12>-<n>/corpus.json     CorpusArtifact (documents, references, graph, …; clause texts sliced back on load)
 *     v-<hash12>-<n>/search.bin      the search index (src/search/saved-index.ts)
 *
 * Writing: one indexer at a time (the lock). A version directory is written completely under a
 * temporary name — every file fsynced, then the directory — renamed into place (build/ fsynced),
 * then `current` is pointed at it by renaming a fresh symlink over it (build/ fsynced again).
 * Killing the process or cutting the power at any moment leaves `current` pointing at a complete
 * build (or absent before the first one): never at a half-written one.
 *
 * Reading: every file is checked against the manifest's checksum as it is opened. A build that
 * fails a check is never served: it is rebuilt from the sources, and the new manifest records
 * what was found (`repairs`), which /healthz shows. A `current` that is not a link (a copy that
 * followed it) is replaced by one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ARTIFACT_VERSION, buildCorpus, openCorpus, type BuildProgress, type Corpus } from '../src/corpus.ts';
import type { ClauseKind, CorpusArtifact, Diagnostic, FileAccount } from '../src/model.ts';
import { SearchEngine } from '../src/search/index.ts';
import { DEFAULT_PATHS, loadInputs, type LoadedInputs } from './inputs.ts';
import { checksum, fsyncDir, IntegrityError, readVerified, renameDurable, writeSynced, type Checksum } from './integrity.ts';
import { acquireBuildLock, describeHolder } from './build-lock.ts';
import { SOURCES_DIR } from './sources.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = 'build';

export interface Manifest {
  version: number;
  contentHash: string;
  builtAt: string;
  paths: string[];
  inputs: { path: string; sha256: string; bytes: number; corpus: string; format: string }[];
  summary: BuildSummary;
  /** Checksum of every other file of the version, checked when it is opened. */
  files: Record<string, Checksum>;
  /** What was found wrong with build/ when this version was written, and what was done. */
  repairs?: Repair[];
  /** sha256 of this manifest's JSON without this field. */
  checksum?: string;
}

/** Damage found in build/ and what was done about it (shown by /healthz and /api/diagnostics). */
export interface Repair {
  /** The file, relative to build/ ("v-…/search.bin", "current"). */
  file: string;
  problem: string;
  detail: string;
  action: 'rebuilt' | 'replaced';
  at: string;
}

export interface BuildSummary {
  documents: number;
  clauses: number;
  references: number;
  diagnostics: Diagnostic[];
  levels: Record<ClauseKind, number>;
  /** What became of every file given (indexed, another copy, a report, not indexed and why). */
  files?: FileAccount[];
}

export interface EnsureOptions {
  paths?: string[];
  out?: string;
  cwd?: string;
  force?: boolean;
  onProgress?: (p: BuildProgress | { phase: 'load'; done: number; total: number; item?: string }) => void;
  /** When another indexer is writing build/: wait for it (default), wait at most N ms, or fail at once (false). */
  wait?: boolean | number;
  /** Things a person should know (waiting for another indexer, a stale lock taken over, damage repaired). */
  onNotice?: (line: string) => void;
  /** Who is building, for the lock ("tracuu index", "tracuu serve"). */
  command?: string;
}

export interface EnsureResult {
  corpus: Corpus;
  summary: BuildSummary;
  rebuilt: boolean;
  dir: string;
  manifest: Manifest;
  /** Damage found in build/ by this run and repaired (also in manifest.repairs). */
  repairs: Repair[];
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
  const levels = { phan: 0, chuong: 0, muc: 0, dieu: 0, khoan: 0, diem: 0, item: 0, paragraph: 0, footnote: 0, title: 0, preamble: 0, appendix: 0 } satisfies Record<ClauseKind, number>;
  let clauses = 0;
  for (const d of artifact.documents)
    for (const c of d.clauses) {
      levels[c.kind]++;
      clauses++;
    }
  return { documents: artifact.documents.length, clauses, references: artifact.references.length, diagnostics: artifact.diagnostics, levels, ...(artifact.files ? { files: artifact.files } : {}) };
}

/** Where the current build lives (the folder `current` links to), or null when there is none. */
export async function currentDir(out: string): Promise<string | null> {
  try {
    const target = await readlink(join(out, 'current'));
    const dir = resolve(out, target);
    return existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** The manifest of a version folder, or null when it cannot be read (no check: see loadBuild). */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** A version written by an older tracuu (no checksums) or for another artifact version: rebuilt, not damage. */
export class OutdatedBuildError extends Error {}

/** The manifest, checked against its own checksum. Throws IntegrityError when missing or damaged. */
export async function readVerifiedManifest(dir: string): Promise<Manifest> {
  const name = `${basename(dir)}/manifest.json`;
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IntegrityError(name, code === 'ENOENT' ? 'missing' : 'unreadable', code === 'ENOENT' ? 'is missing from a published version' : `cannot be read (${code})`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new IntegrityError(name, 'checksum', 'is not valid JSON (cut short or overwritten)');
  }
  if (manifest.version !== ARTIFACT_VERSION) throw new OutdatedBuildError(`build at ${dir} is from another version`);
  const { checksum: sum, ...rest } = manifest;
  if (!sum || !manifest.files) throw new OutdatedBuildError(`build at ${dir} was written by an older tracuu, without checksums`);
  if (checksum(JSON.stringify(rest)).sha256 !== sum) throw new IntegrityError(name, 'checksum', 'does not match its own checksum: it was edited or damaged after it was written');
  return manifest;
}

/**
 * Loads a complete build directory, checking every file against the manifest's checksums as it
 * reads it. Throws IntegrityError (damaged), OutdatedBuildError, or another error: callers rebuild.
 */
export async function loadBuild(dir: string): Promise<{ corpus: Corpus; manifest: Manifest }> {
  const manifest = await readVerifiedManifest(dir);
  const file = async (name: string) => {
    const expected = manifest.files[name];
    if (!expected) throw new IntegrityError(`${basename(dir)}/${name}`, 'missing', 'has no checksum in the manifest');
    return readVerified(join(dir, name), expected, `${basename(dir)}/${name}`);
  };
  const [corpusBytes, searchBytes] = await Promise.all([file('corpus.json'), file('search.bin')]);
  const artifact = withClauseTexts(JSON.parse(corpusBytes.toString('utf8')) as CorpusArtifact);
  const search = SearchEngine.load(searchBytes, artifact.documents, artifact.graph);
  return { corpus: openCorpus(artifact, search), manifest };
}

/** Writes a version folder durably and points `current` at it. The caller holds the lock. */
async function writeBuild(out: string, artifact: CorpusArtifact, search: SearchEngine, manifest: Omit<Manifest, 'files' | 'checksum'>): Promise<{ dir: string; manifest: Manifest }> {
  await mkdir(out, { recursive: true });
  const name = `v-${manifest.contentHash.slice(0, 12)}-${Date.now().toString(36)}`;
  const tmp = join(out, `.tmp-${name}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  try {
    const files: Record<string, Checksum> = {};
    files['corpus.json'] = await writeSynced(join(tmp, 'corpus.json'), JSON.stringify(withoutClauseTexts(artifact)));
    files['search.bin'] = await writeSynced(join(tmp, 'search.bin'), search.save());
    const body = { ...manifest, files };
    const full: Manifest = { ...body, checksum: checksum(JSON.stringify(body)).sha256 };
    // The manifest goes last: a directory with a manifest is complete.
    await writeSynced(join(tmp, 'manifest.json'), JSON.stringify(full, null, 2));
    await fsyncDir(tmp);
    await renameDurable(tmp, join(out, name));
    const link = join(out, `.current-${randomBytes(4).toString('hex')}`);
    await symlink(name, link);
    await renameDurable(link, join(out, 'current'));
    await prune(out, name);
    return { dir: join(out, name), manifest: full };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * `current` must be a link. A folder there (a copy that followed the link, a restore from a
 * backup) would make every rename of the new link fail with EISDIR: move it aside and remove it.
 */
async function repairCurrent(out: string): Promise<Repair | null> {
  const path = join(out, 'current');
  let st;
  try {
    st = await lstat(path);
  } catch {
    return null;
  }
  if (st.isSymbolicLink()) return null;
  const aside = join(out, `.broken-current-${randomBytes(4).toString('hex')}`);
  await rename(path, aside);
  await rm(aside, { recursive: true, force: true });
  await fsyncDir(out);
  return {
    file: 'current',
    problem: 'not-a-link',
    detail: `build/current was a ${st.isDirectory() ? 'folder' : 'file'}, not a link to a version (a copy that followed the link?); replaced by a link to the new build`,
    action: 'replaced',
    at: new Date().toISOString(),
  };
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

/** Removes older versions and abandoned temporaries; keeps the current one. Only the lock holder prunes. */
async function prune(out: string, keep: string): Promise<void> {
  for (const e of await readdir(out)) {
    if (e === keep || e === 'current') continue;
    if (e.startsWith('v-') || e.startsWith('.tmp-') || e.startsWith('.current-') || e.startsWith('.broken-current-')) await rm(join(out, e), { recursive: true, force: true });
  }
  await fsyncDir(out);
}

type Reuse = { ok: true; corpus: Corpus; manifest: Manifest; dir: string } | { ok: false; repair?: Repair };

/** The current build, if it is for these inputs and passes its checks. */
async function reusable(out: string, hash: string): Promise<Reuse> {
  const dir = await currentDir(out);
  if (!dir) return { ok: false };
  try {
    const manifest = await readVerifiedManifest(dir);
    if (manifest.contentHash !== hash) return { ok: false };
    const { corpus } = await loadBuild(dir);
    return { ok: true, corpus, manifest, dir };
  } catch (e) {
    if (e instanceof IntegrityError) return { ok: false, repair: { file: e.file, problem: e.problem, detail: e.message, action: 'rebuilt', at: new Date().toISOString() } };
    if (e instanceof OutdatedBuildError) return { ok: false };
    const name = `${basename(dir)}`;
    return { ok: false, repair: { file: name, problem: 'unreadable', detail: `${name} passed its checksums but could not be loaded: ${(e as Error).message}`, action: 'rebuilt', at: new Date().toISOString() } };
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
  const loaded = await loadInputs(paths, { cwd, cacheDir: join(out, 'cache'), sourcesDir: join(out, SOURCES_DIR), onFile: (item, done, total) => options.onProgress?.({ phase: 'load', done, total, item }) });
  const hash = contentHash(loaded);
  const notice = options.onNotice ?? (() => {});
  if (!options.force) {
    // Without the lock: reading a complete version needs none. A failure here may be another
    // indexer pruning what we read, so it is judged again below, under the lock.
    const reuse = await reusable(out, hash);
    if (reuse.ok) return { corpus: reuse.corpus, summary: reuse.manifest.summary, rebuilt: false, dir: reuse.dir, manifest: reuse.manifest, repairs: [] };
  }
  const lock = await acquireBuildLock(out, {
    wait: options.wait ?? true,
    command: options.command ?? 'tracuu index',
    onWait: (h) => notice(`tracuu: ${relative(cwd, out) || out} is being written by ${describeHolder(h)}; waiting for it to finish`),
  });
  try {
    if (lock.tookOver) notice(`tracuu: took over a stale lock on ${relative(cwd, out) || out} left by ${describeHolder(lock.tookOver)} (that process is gone)`);
    const repairs: Repair[] = [];
    if (!options.force) {
      // Another indexer may have just written this very build while we waited.
      const reuse = await reusable(out, hash);
      if (reuse.ok) return { corpus: reuse.corpus, summary: reuse.manifest.summary, rebuilt: false, dir: reuse.dir, manifest: reuse.manifest, repairs: [] };
      if (reuse.repair) repairs.push(reuse.repair);
    }
    const current = await repairCurrent(out);
    if (current) repairs.push(current);
    for (const r of repairs) notice(`tracuu: ${r.detail} — ${r.action === 'rebuilt' ? 'rebuilding from the sources' : 'repaired'}`);
    return await build(loaded, hash, paths, out, repairs, options);
  } finally {
    await lock.release();
  }
}

async function build(loaded: LoadedInputs, hash: string, paths: string[], out: string, repairs: Repair[], options: EnsureOptions): Promise<EnsureResult> {
  const { artifact, search } = buildCorpus(loaded.inputs, {
    contentHash: hash,
    now: () => new Date(),
    diagnostics: loaded.diagnostics,
    skipped: loaded.skipped,
    onProgress: (p) => options.onProgress?.(p),
  });
  const summary = summarize(artifact);
  const written = await writeBuild(out, artifact, search, {
    version: ARTIFACT_VERSION,
    contentHash: hash,
    builtAt: artifact.builtAt,
    paths,
    inputs: loaded.inputs.map((i) => ({ path: i.path, sha256: i.sha256, bytes: i.bytes, corpus: i.corpus, format: i.format })),
    summary,
    ...(repairs.length ? { repairs } : {}),
  });
  return { corpus: openCorpus(artifact, search), summary, rebuilt: true, dir: written.dir, manifest: written.manifest, repairs };
}

function defaultPaths(cwd: string): string[] {
  const here = DEFAULT_PATHS.filter((p) => existsSync(resolve(cwd, p)));
  if (here.length) return here;
  return DEFAULT_PATHS.map((p) => resolve(ROOT, p)).filter((p) => existsSync(p));
}
