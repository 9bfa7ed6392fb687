/**
 * The pipeline, end to end and pure: decoded inputs in, a `CorpusArtifact` out; and the
 * in-memory `Corpus` that the server and CLI query. File IO lives in `indexer/`.
 *
 *   read (clean, parse, segment) → merge → find references → resolve → graph → search index
 */
import { VFile } from 'vfile';
import type { Clause, CorpusArtifact, Diagnostic, DocumentRecord, FileAccount } from './model.ts';
import { mergeDocuments, readInput, type InputFile } from './read/index.ts';
import { findReferences } from './refs/index.ts';
import { resolveReferences } from './resolve/index.ts';
import { buildGraph, deriveEffects, GraphIndex, statedEffectiveDays } from './graph/index.ts';
import { SearchEngine } from './search/index.ts';
import { extractTasks, linkTasks, TaskIndex } from './tasks/index.ts';
import { canonicalIdentifier } from 'vietnamese-tokenizer';
import { documentId, slugify } from './ids.ts';
import { typeFromNumber } from './doc-types.ts';

// 4: `effects` (effect events per document: in force from, ended, provisions repealed or amended).
// 5: `files` (what became of every input file); documents sharing a number keep qualified ids.
// 6: references typed by what their verb governs (issue 12: src/refs/govern.ts), names without numbers, pinpoint lists (`Pinpoint.more`).
export const ARTIFACT_VERSION = 6;

export interface BuildProgress {
  phase: 'read' | 'references' | 'graph' | 'tasks' | 'search';
  done: number;
  total: number;
  /** The file or document being worked on. */
  item?: string;
}

export interface BuildOptions {
  onProgress?: (p: BuildProgress) => void;
  /** The clock is an edge concern: pass it in. */
  now?: () => Date;
  contentHash: string;
  /** Problems found before reading (decoding, missing files), carried into the artifact. */
  diagnostics?: Diagnostic[];
  /** Files seen but not documents (README.md, SOURCE.md, question files): listed with the reason. */
  skipped?: string[];
}

export interface BuildResult {
  artifact: CorpusArtifact;
  search: SearchEngine;
}

export function toDiagnostics(file: VFile, docId?: string): Diagnostic[] {
  return file.messages.map((m) => ({
    file: m.file || file.path || '',
    line: m.line ?? 1,
    column: m.column ?? 1,
    ruleId: m.ruleId ?? 'unknown',
    reason: m.reason,
    severity: m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info',
    ...(docId ? { docId } : {}),
  }));
}

export function buildCorpus(inputs: InputFile[], options: BuildOptions): BuildResult {
  const progress = options.onProgress ?? (() => {});
  const diagnostics: Diagnostic[] = [...(options.diagnostics ?? [])];
  const read: DocumentRecord[] = [];
  inputs.forEach((input, i) => {
    progress({ phase: 'read', done: i, total: inputs.length, item: input.path });
    const file = new VFile({ path: input.path });
    const docs = readInput(input, file);
    read.push(...docs);
    diagnostics.push(...toDiagnostics(file, docs.length === 1 ? docs[0]!.id : undefined));
  });
  progress({ phase: 'read', done: inputs.length, total: inputs.length });

  const mergeFile = new VFile({ path: 'identity' });
  const documents = mergeDocuments(read, mergeFile);
  diagnostics.push(...toDiagnostics(mergeFile));
  const files = accountFiles(inputs, documents, diagnostics, options.skipped ?? []);
  const refsFile = new VFile({ path: 'references' });
  const found = documents.flatMap((doc, i) => {
    progress({ phase: 'references', done: i, total: documents.length, item: doc.id });
    return findReferences(doc, refsFile);
  });
  const { references, externals } = resolveReferences(found, documents, refsFile, { effectiveOf: statedEffectiveDays(documents) });
  diagnostics.push(...toDiagnostics(refsFile));

  progress({ phase: 'graph', done: 0, total: 1 });
  const built = buildGraph(documents, references, externals);
  progress({ phase: 'tasks', done: 0, total: documents.length });
  const tasks = documents.flatMap((doc) => extractTasks(doc));
  const taskLinks = linkTasks(tasks, built.lineage, references);
  progress({ phase: 'search', done: 0, total: 1 });
  const search = SearchEngine.build(documents, built.graph);
  progress({ phase: 'search', done: 1, total: 1 });

  const artifact: CorpusArtifact = {
    version: ARTIFACT_VERSION,
    contentHash: options.contentHash,
    builtAt: (options.now?.() ?? new Date(0)).toISOString(),
    documents,
    references,
    graph: built.graph,
    series: built.series,
    lineage: built.lineage,
    tasks,
    taskLinks,
    effects: built.effects,
    diagnostics,
    files,
  };
  return { artifact, search };
}

const NOT_READ = /^input-/;

/**
 * What became of every file: the lead text of a document (indexed), another copy of one
 * (source), a report attached to one, or not indexed — with the reason its diagnostics give.
 */
export function accountFiles(inputs: InputFile[], documents: DocumentRecord[], diagnostics: Diagnostic[], skipped: string[]): FileAccount[] {
  const fate = new Map<string, { status: 'indexed' | 'source' | 'report'; docs: string[] }>();
  const note = (path: string, status: 'indexed' | 'source' | 'report', docId: string) => {
    const file = path.split('#')[0]!;
    const seen = fate.get(file);
    const rank = { indexed: 0, source: 1, report: 2 };
    if (!seen) fate.set(file, { status, docs: [docId] });
    else {
      if (!seen.docs.includes(docId)) seen.docs.push(docId);
      if (rank[status] < rank[seen.status]) seen.status = status;
    }
  };
  for (const d of documents) {
    d.sources.forEach((s, i) => note(s.path, i === 0 || s.path.split('#')[0] === d.sources[0]!.path.split('#')[0] ? 'indexed' : 'source', d.id));
    for (const r of d.reports) note(r.path, 'report', d.id);
  }
  const reasons = new Map<string, string>();
  for (const d of diagnostics) if (d.severity !== 'info' && !reasons.has(d.file)) reasons.set(d.file, `${d.reason} (${d.ruleId})`);
  const out: FileAccount[] = inputs.map((input) => {
    const f = fate.get(input.path);
    const base = { path: input.path, format: input.format, sha256: input.sha256, bytes: input.bytes };
    if (f) return { ...base, status: f.status, documents: f.docs };
    return { ...base, status: 'not-indexed', reason: reasons.get(input.path) ?? 'no document was read from it' };
  });
  // Files refused before reading (binary, too large, scans without OCR, missing).
  const given = new Set(inputs.map((i) => i.path));
  for (const d of diagnostics) {
    if (!NOT_READ.test(d.ruleId) || d.severity !== 'error' || given.has(d.file)) continue;
    given.add(d.file);
    out.push({ path: d.file, status: 'not-indexed', reason: `${d.reason} (${d.ruleId})` });
  }
  for (const s of skipped) out.push({ path: s, status: 'skipped', reason: 'not a document: a folder description (README, SOURCE, LICENSE…) or a data file that is not a law file' });
  return out;
}

/** The loaded, queryable corpus. Immutable: a rebuild makes a new one and swaps it in. */
export interface Corpus {
  artifact: CorpusArtifact;
  documents: Map<string, DocumentRecord>;
  clauses: Map<string, Clause>;
  search: SearchEngine;
  graph: GraphIndex;
  tasks: TaskIndex;
}

export function openCorpus(artifact: CorpusArtifact, search?: SearchEngine): Corpus {
  const documents = new Map(artifact.documents.map((d) => [d.id, d]));
  const clauses = new Map<string, Clause>();
  for (const d of artifact.documents) for (const c of d.clauses) clauses.set(c.id, c);
  const effects = artifact.effects ?? deriveEffects({ documents: artifact.documents, references: artifact.references, nodes: artifact.graph.nodes, edges: artifact.graph.edges });
  const graph = new GraphIndex({ graph: artifact.graph, series: artifact.series, lineage: artifact.lineage, effects }, artifact.references);
  // An artifact written before tasks existed gets them now (they are a pure function of it).
  const tasks = artifact.tasks ?? artifact.documents.flatMap((d) => extractTasks(d));
  const taskLinks = artifact.taskLinks ?? linkTasks(tasks, artifact.lineage, artifact.references);
  return {
    artifact,
    documents,
    clauses,
    search: search ?? SearchEngine.build(artifact.documents, artifact.graph),
    graph,
    tasks: new TaskIndex(tasks, taskLinks, documents, (id) => graph.node(id)),
  };
}

/**
 * A document id from what a person types: an id ("183-kl-tw"), a number in any case or
 * spacing ("183-KL/TW", "183- kl/tw", "53/2014/QH13"), for documents and external nodes.
 */
export function lookupDocumentId(corpus: Corpus, query: string): string | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const lower = q.toLowerCase();
  if (corpus.documents.has(lower) || corpus.graph.node(lower)) return lower;
  const canonical = canonicalIdentifier(q);
  if (canonical) {
    const type = typeFromNumber(canonical) ?? 'khac';
    const id = documentId(canonical, type);
    if (corpus.documents.has(id) || corpus.graph.node(id)) return id;
    // Two documents printed with one number (35-L/CTN): a number alone names neither — no guess.
    const byNumber = corpus.graph.allNodes().filter((n) => n.number === canonical);
    if (byNumber.length === 1) return byNumber[0]!.id;
  }
  const slug = slugify(q);
  if (corpus.documents.has(slug) || corpus.graph.node(slug)) return slug;
  return undefined;
}
