/** Finding references. (Stub: owned by the refs helper.) */
import type { VFile } from 'vfile';
import type { DocumentRecord, Reference } from '../model.ts';

export function findReferences(_doc: DocumentRecord, _file?: VFile): Reference[] {
  return [];
}
