/** Opening the index for the query commands (docs, show, refs, …): reuse build/, rebuild when the corpus changed. */
import type { Corpus } from '../src/corpus.ts';
import { lookupDocumentId } from '../src/corpus.ts';
import { UsageError } from './args.ts';
import { createProgress } from './progress.ts';
import { ensureBuild } from './store.ts';

export const OPEN_OPTIONS = { in: { type: 'string', multiple: true }, out: { type: 'string' } } as const;

export async function openCorpus(values: { in?: string[] | undefined; out?: string | undefined }): Promise<Corpus> {
  const progress = createProgress(process.stderr, false);
  const result = await ensureBuild({ paths: values.in ?? [], ...(values.out ? { out: values.out } : {}), onProgress: (p) => progress.update(p.phase, p.done, p.total, p.item) });
  progress.done();
  return result.corpus;
}

/** The document a user named, or a usage error that says what exists. */
export function requireDocument(corpus: Corpus, query: string | undefined): string {
  if (!query) throw new UsageError('name a document: an id ("183-kl-tw") or a number ("183-KL/TW")');
  const id = lookupDocumentId(corpus, query);
  if (!id) {
    const known = [...corpus.documents.values()].slice(0, 12).map((d) => d.number ?? d.id).join(', ');
    throw new UsageError(`no document "${query}" in the index (tracuu docs lists them; e.g. ${known})`);
  }
  return id;
}
