/**
 * Scores effect status (src/graph/status.ts) against tests/fixtures/refs-sample/doc-status.tsv:
 * for each VLC law, what its text says ends, is replaced or repealed (whole documents and
 * provisions), from when, with the partial cases. A census of every such sentence in the 109
 * laws — it was read while the status rules were written, so these figures are fit, not a blind test.
 */
import { readFileSync } from 'node:fs';
import type { DocumentEffect, DocumentRecord, EffectStatus, GraphNode } from '../../src/model.ts';
import { effectOn } from '../../src/graph/index.ts';
import { fold as foldMarks } from 'vietnamese-tokenizer';

export interface DocStatusRow {
  lawFile: string;
  lawNumber: string;
  lawEffective: string;
  targetAsWritten: string;
  targetNumber: string;
  targetName: string;
  targetDate: string;
  provisions: string;
  relation: string;
  from: string;
  fromBasis: string;
  except: string;
  until: string;
  evidence: string;
  note: string;
}

export function readDocStatus(path: string): DocStatusRow[] {
  const [head, ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  const cols = head!.split('\t');
  const key = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(cols.map((c, i) => [key(c), (cells[i] ?? '').trim()])) as unknown as DocStatusRow;
  });
}

const ENDING = new Set(['ends-effect', 'replaces', 'repeals']);
const fold = (s: string) => foldMarks(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
const norm = (n: string) => n.replace(/\s+/g, '').toUpperCase();

export interface StatusScore {
  /** Whole-document endings (ended / partly ended / replaced) said by a VLC law: predicted vs gold pairs (acting law, target). */
  endings: { gold: number; predicted: number; correct: number; precision: number; recall: number; dateRight: number; dateKnown: number; partialRight: number; partialGold: number };
  /** Provisions repealed or ended (pinpointed): (acting law, target) pairs. */
  provisions: { gold: number; predicted: number; correct: number; precision: number; recall: number };
  /** Per target document status (as last known): precision and recall per status. */
  perStatus: { status: EffectStatus; gold: number; predicted: number; correct: number; precision: number; recall: number }[];
  /** VLC laws (in the corpus) shown as ended, partly ended or replaced that no VLC law ends. */
  inForceShownEnded: string[];
  /** VLC laws whose stated effective date we read, and got right. */
  effective: { gold: number; found: number; right: number; wrong: string[] };
  misses: string[];
  extras: string[];
}

export function scoreStatus(rows: DocStatusRow[], documents: DocumentRecord[], nodes: GraphNode[], effects: DocumentEffect[]): StatusScore {
  const lawId = new Map<string, string>();
  for (const d of documents) {
    const file = d.sources[0]?.path.split('/').pop()?.replace(/\.txt$/, '');
    if (file) lawId.set(file, d.id);
  }
  const byNumber = new Map<string, GraphNode>();
  for (const n of nodes) if (n.number) byNumber.set(norm(n.number), n);
  const events = new Map(effects.map((e) => [e.docId, e.events]));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  // The target node a gold row names: by number, else a name node acted on by that law whose title holds the name.
  const acted = (lawDoc: string) => effects.filter((e) => e.events.some((x) => x.by === lawDoc)).map((e) => e.docId);
  const targetOf = (r: DocStatusRow, lawDoc: string): string | undefined => {
    if (r.targetNumber) return byNumber.get(norm(r.targetNumber))?.id;
    // "(sửa đổi)" is part of how the law is written, not of its name.
    const name = fold(r.targetName.replace(/\(sửa đổi\)/gu, ''));
    if (!name) return undefined;
    const named = acted(lawDoc).filter((id) => {
      const n = nodeById.get(id);
      return !n?.number && n && fold(`${n.typeLabel} ${n.title ?? ''} ${n.id}`).includes(name.split(' ').slice(1).join(' '));
    });
    // Two versions of one name (the 1990 and the 1994 amending laws): the gold's date or year tells them apart.
    const dated = r.targetDate ? named.filter((id) => { const n = nodeById.get(id)!; return n.date ? n.date.startsWith(r.targetDate) : id.endsWith(`-${r.targetDate.slice(0, 4)}`); }) : [];
    return dated[0] ?? named[0];
  };

  const misses: string[] = [];
  const extras: string[] = [];
  // Whole-document endings.
  const goldEnd = new Map<string, DocStatusRow>();
  const goldProv = new Map<string, DocStatusRow>();
  for (const r of rows) {
    const law = lawId.get(r.lawFile);
    if (!law || !ENDING.has(r.relation)) continue;
    const t = targetOf(r, law) ?? `?${r.targetNumber || r.targetName}`;
    // A repeal "by subject" (rượu và bia) is a whole-document repeal with an exception.
    const whole = !r.provisions || r.provisions.startsWith('(');
    (whole ? goldEnd : goldProv).set(`${law}→${t}`, r);
  }
  const predEnd = new Map<string, { date?: string; partial: boolean }>();
  const predProv = new Set<string>();
  for (const e of effects) {
    for (const x of e.events) {
      if (!x.by || x.confidence !== 'high' || !['ended', 'replaced', 'repealed'].includes(x.kind)) continue;
      if (!documents.some((d) => d.id === x.by)) continue;
      const key = `${x.by}→${e.docId}`;
      if (x.provisions) predProv.add(key);
      else predEnd.set(key, { ...(x.date ? { date: x.date } : {}), partial: !!x.except?.length });
    }
  }
  let correct = 0;
  let dateRight = 0;
  let dateKnown = 0;
  let partialRight = 0;
  let partialGold = 0;
  for (const [k, r] of goldEnd) {
    const p = predEnd.get(k);
    const partial = !!r.except;
    if (partial) partialGold++;
    if (!p) {
      misses.push(`ending ${k} (${r.targetAsWritten}) — ${r.evidence}`);
      continue;
    }
    correct++;
    if (r.from) {
      dateKnown++;
      if (p.date === r.from) dateRight++;
      else misses.push(`date ${k}: ${p.date ?? 'none'} ≠ ${r.from}`);
    }
    if (partial && p.partial) partialRight++;
  }
  for (const k of predEnd.keys()) if (!goldEnd.has(k)) extras.push(`ending ${k}`);
  let provCorrect = 0;
  for (const k of goldProv.keys()) if (predProv.has(k)) provCorrect++;
  else misses.push(`provisions ${k} (${goldProv.get(k)!.provisions})`);
  for (const k of predProv) if (!goldProv.has(k)) extras.push(`provisions ${k}`);

  // Per target status, as last known.
  const goldStatus = new Map<string, EffectStatus>();
  // A partial ending whose kept provisions have a last day ("đến hết ngày 31 tháng 12 năm 2016") is, as last known, ended.
  const keptUntil = (r: DocStatusRow) => rows.some((c) => c.relation === 'continues-effect' && c.lawFile === r.lawFile && c.targetNumber === r.targetNumber && /^\d{4}-\d{2}-\d{2}$/.test(c.until));
  for (const [k, r] of goldEnd) {
    const t = k.split('→')[1]!;
    goldStatus.set(t, r.except && !keptUntil(r) ? 'partly-ended' : r.relation === 'replaces' ? 'replaced' : 'ended');
  }
  for (const [k] of goldProv) {
    const t = k.split('→')[1]!;
    if (!goldStatus.has(t)) goldStatus.set(t, 'in-force');
  }
  // Amending laws named after "đã được sửa đổi, bổ sung … theo" and VLC laws that lose provisions only: in force.
  for (const d of documents) if (!goldStatus.has(d.id)) goldStatus.set(d.id, 'in-force');
  const predStatus = new Map<string, EffectStatus>();
  for (const id of new Set([...goldStatus.keys(), ...effects.filter((e) => e.events.some((x) => x.kind !== 'effective')).map((e) => e.docId)])) {
    if (id.startsWith('?')) continue;
    predStatus.set(id, effectOn(events.get(id) ?? []).status);
  }
  const statuses: EffectStatus[] = ['in-force', 'ended', 'partly-ended', 'replaced'];
  const perStatus = statuses.map((status) => {
    const gold = [...goldStatus].filter(([, s]) => s === status).map(([id]) => id);
    const predicted = [...predStatus].filter(([id, s]) => s === status && (goldStatus.has(id) || status !== 'in-force')).map(([id]) => id);
    const right = predicted.filter((id) => goldStatus.get(id) === status).length;
    return { status, gold: gold.length, predicted: predicted.length, correct: right, precision: right / Math.max(1, predicted.length), recall: right / Math.max(1, gold.length) };
  });

  const endedByVlc = new Set([...goldEnd.keys()].map((k) => k.split('→')[1]!));
  const inForceShownEnded = documents.filter((d) => ['ended', 'partly-ended', 'replaced'].includes(effectOn(events.get(d.id) ?? []).status) && !endedByVlc.has(d.id)).map((d) => d.id);

  const eff = { gold: 0, found: 0, right: 0, wrong: [] as string[] };
  const seenLaw = new Set<string>();
  for (const r of rows) {
    const law = lawId.get(r.lawFile);
    if (!law || seenLaw.has(law) || !r.lawEffective) continue;
    seenLaw.add(law);
    eff.gold++;
    const e = (events.get(law) ?? []).find((x) => x.kind === 'effective' && !x.provisions);
    if (e?.dateBasis === 'stated') {
      eff.found++;
      if (e.date === r.lawEffective) eff.right++;
      else eff.wrong.push(`${law}: ${e.date} ≠ ${r.lawEffective}`);
    }
  }

  return {
    endings: { gold: goldEnd.size, predicted: predEnd.size, correct, precision: correct / Math.max(1, predEnd.size), recall: correct / Math.max(1, goldEnd.size), dateRight, dateKnown, partialRight, partialGold },
    provisions: { gold: goldProv.size, predicted: predProv.size, correct: provCorrect, precision: provCorrect / Math.max(1, predProv.size), recall: provCorrect / Math.max(1, goldProv.size) },
    perStatus,
    inForceShownEnded,
    effective: eff,
    misses,
    extras,
  };
}
