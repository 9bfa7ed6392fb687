import type { OcrInfo, SourceFormat } from '../model.ts';

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
  /** Facts a binary reader knows and the text does not show (src/read/office, src/read/pdf). */
  layout?: {
    /** Where the appended "[n] …" footnote bodies start. */
    footnotesStart?: number;
    /** Offsets of page starts in `text` (after NFC). */
    pageStarts?: number[];
  };
  /** Page count and OCR facts, copied onto the Source. */
  pages?: number;
  ocr?: OcrInfo;
}
