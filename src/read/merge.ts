/**
 * One document, many sources. Full texts of the same number become one document (the longest
 * text leads); a news report naming a document ("Kết luận số 221 của Bộ Chính trị", issued the
 * same day) is attached to it as a report instead of being indexed as a duplicate.
 */
import type { DocumentRecord, Source } from '../model.ts';

export function mergeDocuments(docs: DocumentRecord[]): DocumentRecord[] {
  const byId = new Map<string, DocumentRecord>();
  const reports: DocumentRecord[] = [];
  for (const doc of docs) {
    if (!doc.number && doc.meta?.reportOf) {
      reports.push(doc);
      continue;
    }
    const seen = byId.get(doc.id);
    if (!seen) {
      byId.set(doc.id, doc);
      continue;
    }
    // Same number twice: keep the fuller text as the document, the other as a further source.
    const [lead, other] = seen.clauses.length >= doc.clauses.length ? [seen, doc] : [doc, seen];
    byId.set(doc.id, fill({ ...lead, sources: [...lead.sources, ...other.sources], reports: [...lead.reports, ...other.reports] }, other));
  }
  for (const report of reports) {
    const target = findSubject(report, [...byId.values()]);
    if (!target) {
      byId.set(report.id, report);
      continue;
    }
    const source: Source = { ...report.sources[0]!, role: 'report', ...(report.title ? { title: report.title } : {}) };
    byId.set(target.id, fill({ ...target, reports: [...target.reports, source] }, report));
  }
  return [...byId.values()];
}

/** The document a report is about: same type, number starting with the partial number, same date when both are known. */
function findSubject(report: DocumentRecord, docs: DocumentRecord[]): DocumentRecord | undefined {
  const partial = report.meta!.reportOf!;
  const type = report.meta?.reportOfType;
  const candidates = docs.filter(
    (d) => d.number && d.number.split(/[-/]/)[0] === partial && (!type || d.type === type) && (!report.date || !d.date || d.date === report.date),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Metadata the leading source lacks, taken from another (a report names the signer, say). */
function fill(doc: DocumentRecord, from: DocumentRecord): DocumentRecord {
  const out = { ...doc };
  if (!out.signer && from.signer) {
    out.signer = from.signer;
    if (from.signerTitle) out.signerTitle = from.signerTitle;
  }
  if (!out.date && from.date) out.date = from.date;
  if (!out.issuer && from.issuer) out.issuer = from.issuer;
  if (!out.title && from.title) out.title = from.title;
  return out;
}
