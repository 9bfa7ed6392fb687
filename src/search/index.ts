/** Clause search over MiniSearch. (Stub: owned by the search helper.) */
import type { DocumentRecord, Graph, SearchOptions, SearchResult } from '../model.ts';

export class SearchEngine {
  static build(_docs: DocumentRecord[], _graph?: Graph): SearchEngine {
    return new SearchEngine();
  }
  /** Restores an engine from `toJSON()` output without re-analysing the corpus. */
  static load(_json: string, _docs: DocumentRecord[], _graph?: Graph): SearchEngine {
    return new SearchEngine();
  }
  toJSON(): unknown {
    return {};
  }
  search(query: string, options: SearchOptions = {}): SearchResult {
    return { query, total: 0, offset: options.offset ?? 0, limit: options.limit ?? 10, hits: [], facets: {} };
  }
  suggest(_prefix: string, _limit = 8): string[] {
    return [];
  }
}
