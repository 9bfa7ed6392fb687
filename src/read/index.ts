/**
 * Reading documents: decoded text in, DocumentRecords out. (Stub: owned by the read/segment helper.)
 * Pure: the indexer does the file IO and hands over `InputFile`s.
 */
import type { VFile } from 'vfile';
import type { DocumentRecord, SourceFormat } from '../model.ts';

export interface InputFile {
  /** Path as given to the indexer (relative to cwd when possible). */
  path: string;
  /** Corpus id: "seeds", "corpus", "vlc", "alqac-2022", "phapdien", … */
  corpus: string;
  format: SourceFormat;
  /** Decoded text (not yet normalised). */
  text: string;
  bytes: number;
  sha256: string;
}

export function readInput(_input: InputFile, _file: VFile): DocumentRecord[] {
  return [];
}

/** Merge documents that are the same document (full text + news report), attaching reports. */
export function mergeDocuments(docs: DocumentRecord[]): DocumentRecord[] {
  return docs;
}
