/** Resolving references to documents, clauses or external nodes. (Stub: owned by the graph helper.) */
import type { VFile } from 'vfile';
import type { DocumentRecord, GraphNode, Reference } from '../model.ts';

export interface Resolved {
  references: Reference[];
  /** Nodes for documents cited but not in the corpus, with what is known. */
  externals: GraphNode[];
}

export function resolveReferences(references: Reference[], _docs: DocumentRecord[], _file?: VFile): Resolved {
  return { references, externals: [] };
}
