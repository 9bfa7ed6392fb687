/** Clause trees. (Stub: owned by the read/segment helper.) */
import type { VFile } from 'vfile';
import type { Clause } from '../model.ts';

export interface SegmentOptions {
  docId: string;
  /** Offsets into `text` of the body to segment (header and signature block excluded). */
  start?: number;
  end?: number;
  /** "law" for Phần/Chương/Mục/Điều/Khoản/Điểm, "party" for 1./[1]/(1)/(i)/a); "auto" decides. */
  mode?: 'law' | 'party' | 'auto';
}

export interface Segmented {
  roots: string[];
  clauses: Clause[];
}

export function segment(_text: string, _file: VFile, _options: SegmentOptions): Segmented {
  return { roots: [], clauses: [] };
}
