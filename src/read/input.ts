import type { SourceFormat } from '../model.ts';

/** One decoded input, handed over by the indexer (which does the file IO). */
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
