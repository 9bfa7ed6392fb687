/**
 * ALQAC law files (`law.json`): `[{ id: "91/2015/QH13", articles: [{ id: "1", text: "Phạm vi
 * điều chỉnh\n\nBộ luật này …" }] }]` → one document per law, one `dieu` clause per article,
 * in the same document model as everything else.
 */
import type { VFile } from 'vfile';
import type { Clause, DocumentRecord } from '../model.ts';
import { canonicalIdentifier, normalize } from 'vietnamese-tokenizer';
import { clauseId, clauseSegment, documentId } from '../ids.ts';
import { typeFromNumber, typeInfo } from '../doc-types.ts';
import { LineIndex } from '../segment/index.ts';
import type { InputFile } from './input.ts';

interface Law {
  id: string;
  articles: { id: string; text: string }[];
}

function isLaws(x: unknown): x is Law[] {
  return Array.isArray(x) && x.every((l) => l && typeof l.id === 'string' && Array.isArray(l.articles) && l.articles.every((a: { id?: unknown; text?: unknown }) => a && (typeof a.id === 'string' || typeof a.id === 'number') && typeof a.text === 'string'));
}

/** The document id an ALQAC law id maps to (also used to score the evaluation). */
export function alqacDocumentId(lawId: string): string {
  const number = canonicalIdentifier(lawId) ?? lawId;
  return documentId(number, typeFromNumber(number) ?? 'luat');
}

export function readAlqac(input: InputFile, file: VFile): DocumentRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(input.text);
  } catch (e) {
    file.message(`not valid JSON: ${(e as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'alqac-json', source: 'tracuu' });
    return [];
  }
  if (!isLaws(data)) {
    file.message('not an ALQAC law file: expected [{ "id": …, "articles": [{ "id": …, "text": … }] }]', { place: { line: 1, column: 1 }, ruleId: 'alqac-json', source: 'tracuu' });
    return [];
  }
  return data.map((law) => {
    const number = canonicalIdentifier(law.id) ?? law.id;
    const type = typeFromNumber(number) ?? 'luat';
    const docId = alqacDocumentId(law.id);
    let text = '';
    const spans: [number, number][] = [];
    for (const a of law.articles) {
      const start = text.length;
      text += normalize(`Điều ${a.id}. ${a.text.trim()}`);
      spans.push([start, text.length]);
      text += '\n\n';
    }
    const lines = new LineIndex(text);
    const used = new Set<string>();
    const clauses: Clause[] = law.articles.map((a, i) => {
      const n = String(a.id);
      let repeat = 1;
      let id = clauseId(docId, [clauseSegment('dieu', n)]);
      while (used.has(id)) id = clauseId(docId, [clauseSegment('dieu', n, ++repeat)]);
      used.add(id);
      const [s, e] = spans[i]!;
      const heading = normalize(a.text.trim().split('\n')[0]!.trim());
      return { id, docId, kind: 'dieu', label: `Điều ${n}.`, number: n, path: id.split('/').slice(1), pathLabel: `Điều ${n}`, ...(heading ? { heading } : {}), text: text.slice(s, e), span: lines.span(s, e), children: [] };
    });
    const info = typeInfo(type);
    return {
      id: docId,
      number,
      type,
      typeLabel: info.label,
      title: `${info.label} ${number}`,
      corpus: input.corpus,
      sources: [{ path: `${input.path}#${law.id}`, role: 'full-text', format: 'alqac-json', sha256: input.sha256, bytes: input.bytes, corpus: input.corpus }],
      reports: [],
      text,
      roots: clauses.map((c) => c.id),
      clauses,
    } satisfies DocumentRecord;
  });
}
