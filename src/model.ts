/**
 * The data model of tracuu. These types are the documentation of what the indexer
 * produces, what the graph links and what the HTTP API returns: every module and the
 * JSON API speak them. Keep them plain (JSON-serialisable, no classes, no Maps).
 *
 * Positions follow unist: `line` and `column` are 1-based, `offset` is 0-based and
 * counts UTF-16 code units into the document's *normalised* text (NFC, see
 * `normalize` in the vietnamese-tokenizer package). Folding (diacritic stripping) is applied to terms only, so
 * it never moves an offset.
 */

import type { EFFECT_DATE_BASES, EFFECT_EVENTS, EFFECT_STATUSES } from './doc-types.ts';

/** Kinds of documents we recognise. ASCII slugs; `typeLabel` carries the Vietnamese name. */
export type DocType =
  | 'ket-luan' // Kết luận (Party conclusion)
  | 'nghi-quyet' // Nghị quyết
  | 'quy-dinh' // Quy định (Party regulation)
  | 'chi-thi' // Chỉ thị
  | 'huong-dan' // Hướng dẫn
  | 'thong-bao' // Thông báo
  | 'ke-hoach' // Kế hoạch
  | 'bao-cao' // Báo cáo
  | 'hien-phap' // Hiến pháp
  | 'bo-luat' // Bộ luật
  | 'luat' // Luật
  | 'phap-lenh' // Pháp lệnh
  | 'nghi-dinh' // Nghị định
  | 'thong-tu' // Thông tư
  | 'thong-tu-lien-tich' // Thông tư liên tịch
  | 'quyet-dinh' // Quyết định
  | 'cong-van' // Công văn
  | 'van-ban-hop-nhat' // Văn bản hợp nhất (VBHN)
  | 'cong-dien' // Công điện
  | 'an-le' // Án lệ (court precedent)
  | 'phu-luc' // Phụ lục issued as its own file, attached to a document (meta.appendixOf)
  | 'chi-dao' // a provincial instruction / direction with no number of its own
  | 'tin-tuc' // a news page
  | 'khac'; // anything else

/** A point in the normalised text of a document. */
export interface Position {
  line: number; // 1-based
  column: number; // 1-based
  offset: number; // 0-based, UTF-16 code units
}

export interface Span {
  start: Position;
  end: Position;
}

/**
 * The level of a clause, as ASCII keys (also used by `tracuu index --json` `levels`).
 * `item` is numbering outside Điều/Khoản/Điểm (1. / [1] / (1) / (i) / a) in Party texts);
 * `paragraph` an unnumbered paragraph between numbered ones; `footnote` a "[1]" note body.
 * Outside the numbered body (src/segment/frame.ts): `title` (the type line and the title under it),
 * `preamble` (one per "Căn cứ …", "Thực hiện …", "Xét …" line and the enacting formula) and
 * `appendix` (each appendix or form after the signature). Their ids ("tieu-de", "mo-dau-2",
 * "phu-luc-i") are new segments, so no clause id of the numbered body changed when they came.
 */
export type ClauseKind =
  | 'phan'
  | 'chuong'
  | 'muc'
  | 'dieu'
  | 'khoan'
  | 'diem'
  | 'item'
  | 'paragraph'
  | 'footnote'
  | 'title'
  | 'preamble'
  | 'appendix';

/** How an `item` was numbered, so the path can be printed as written. */
export type NumberingStyle =
  | 'dot' // 1.
  | 'bracket' // [1]
  | 'paren' // (1)
  | 'roman-paren' // (i)
  | 'letter' // a)
  | 'roman' // I. II- (sections of Party and administrative texts)
  | 'outline' // 1.1. 1.1- 1.1.1. (the number is the last part; the depth is the count of parts)
  | 'none';

export interface Clause {
  /** Stable id, see `src/ids.ts`: "202-kl-tw/8", "183-kl-tw/3/1/ii", "luat-53-2014-qh13/dieu-5/khoan-2/diem-a". */
  id: string;
  docId: string;
  kind: ClauseKind;
  style?: NumberingStyle;
  /** The label exactly as written: "4.", "(1)", "(ii)", "[3]", "Điều 5.", "a)". Empty for paragraphs. */
  label: string;
  /** The bare number: "4", "1", "ii", "5", "a", "II". Empty for paragraphs. */
  number: string;
  /** Id segments from the root to this clause (e.g. ["3", "1", "ii"] or ["dieu-5", "khoan-2"]). */
  path: string[];
  /** The path as a person writes it: "3.(1).(ii)", "Điều 5 khoản 2 điểm a". */
  pathLabel: string;
  /** Article or chapter title when one is written ("Phạm vi điều chỉnh"). */
  heading?: string;
  /** The clause's own text (NFC), without its children's text. Includes the label. */
  text: string;
  /** Where `text` sits in the document's normalised text. */
  span: Span;
  parentId?: string;
  children: string[];
  /** Footnotes attached to this clause (their bodies are clauses of kind `footnote`). */
  footnotes?: string[];
  /** Extra facts from importers, e.g. a Bộ pháp điển source note. */
  meta?: Record<string, string>;
  /** The page (1-based) of the leading source where the clause starts, for PDF and scanned sources. */
  page?: number;
}

export type SourceRole = 'full-text' | 'report' | 'news';
export type SourceFormat = 'txt' | 'md' | 'html' | 'alqac-json' | 'phapdien-html' | 'docx' | 'odt' | 'doc' | 'rtf' | 'pdf' | 'image';

/** How a source's text was read by OCR (scans, and PDF pages whose text layer is garbled). */
export interface OcrInfo {
  engine: 'tesseract';
  language: 'vie';
  /** Mean word confidence over the OCR'd pages, 0–100. */
  confidence: number;
  /** 1-based numbers of the pages read by OCR. */
  pages: number[];
  /** Confidence of each of those pages, in the same order. */
  pageConfidence: number[];
}

/** One input file (or one entry inside a file) that contributed to a document. */
export interface Source {
  /** Path relative to the working directory as given to the indexer, or a label like "alqac/2022/law.json#91/2015/QH13". */
  path: string;
  role: SourceRole;
  format: SourceFormat;
  /** sha256 of the raw bytes (hex). */
  sha256: string;
  bytes: number;
  /** Title line of a report or news page, when it differs from the document's. */
  title?: string;
  /** The id of the corpus this source came from ("seeds", "corpus", "vlc", "alqac-2022", "phapdien", …). */
  corpus: string;
  /** Pages of a PDF (or 1 for an image). */
  pages?: number;
  /** Offsets into the text read from this source where each page starts (index 0 = page 1). */
  pageStarts?: number[];
  /** Present when (some of) the text was read by OCR: the text is marked as OCR. */
  ocr?: OcrInfo;
}

export interface DocumentRecord {
  /** Stable id, see `src/ids.ts`: "221-kl-tw", "luat-53-2014-qh13", "vb-001-57c09aa3197540b1". */
  id: string;
  /** Canonical number: "183-KL/TW", "53/2014/QH13", "15/2020/NĐ-CP". Absent when the text has none. */
  number?: string;
  type: DocType;
  /** Vietnamese type name: "Kết luận", "Luật". */
  typeLabel: string;
  /** Trích yếu: what the document is about. */
  title?: string;
  /** Issuing body: "Bộ Chính trị, Ban Bí thư", "Quốc hội", "UBND tỉnh Thanh Hóa". */
  issuer?: string;
  place?: string;
  /** ISO date issued: "2025-11-28". */
  date?: string;
  /** Party term (khóa) in force when issued, e.g. "XIII". */
  term?: string;
  signer?: string;
  /** "T/M BỘ CHÍNH TRỊ". */
  signerTitle?: string;
  recipients?: string[];
  corpus: string;
  /** The full text first, then any other sources merged into this document. */
  sources: Source[];
  /** News pages or reports about this document, attached rather than indexed as duplicates. */
  reports: Source[];
  /** The normalised full text that all clause spans point into. */
  text: string;
  /** Top-level clause ids in order. */
  roots: string[];
  /** Every clause, in document order. */
  clauses: Clause[];
  /** Text outside the body that no clause holds: letterhead, signature, "Nơi nhận" (offsets into `text`; src/segment/frame.ts). */
  notBody?: { role: 'letterhead' | 'signature' | 'recipients'; start: number; end: number }[];
  meta?: Record<string, string>;
}

export type Severity = 'error' | 'warning' | 'info';

/** A content problem. Produced through vfile messages (`file.message(reason, {place, ruleId})`), never exceptions. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  reason: string;
  severity: Severity;
  /** The id of the document concerned, when known. */
  docId?: string;
}

/** Edge types of the citation graph. */
export type Relation =
  | 'based-on' // căn cứ; "sau khi nghe Báo cáo"
  | 'implements' // thực hiện, triển khai thực hiện, quán triệt
  | 'guides' // quy định chi tiết, hướng dẫn thi hành
  | 'amends' // sửa đổi, bổ sung
  | 'supplements' // bổ sung
  | 'replaces' // thay thế
  | 'repeals' // bãi bỏ
  | 'ends-effect' // hết hiệu lực
  | 'continues-effect' // "trừ Điều 75 …", "tiếp tục có hiệu lực": keeps effect (never an end)
  | 'corrects' // đính chính
  | 'attached' // kèm theo
  | 'reports-on' // a news page about a document
  | 'supersedes' // the newer conclusion of the same series
  | 'amended-by' // passive: "được sửa đổi … bởi" (the graph turns these around)
  | 'supplemented-by' // passive: "được bổ sung … bởi"
  | 'repealed-by' // passive: "bị bãi bỏ bởi"
  | 'cites'; // plain citation

/** A pinpoint inside a target document. */
export interface Pinpoint {
  phan?: string;
  chuong?: string;
  muc?: string;
  dieu?: string;
  khoan?: string;
  diem?: string;
  /** Several articles at once: "các điều 6, 7 và 8". */
  dieuList?: string[];
  /** Party numbering below a "mục" ("mục 3, điểm (ii)" → muc "3", items ["ii"]). */
  items?: string[];
  /** "Phụ lục 01", "Phụ lục II". */
  phuLuc?: string;
  /** "tiểu mục 04" under a "mục" of an appendix ("điểm 4.1 tiểu mục 04, mục II, Phần A thuộc Phụ lục số 01"). */
  tieuMuc?: string;
  /** Further pinpoints of the same document: "điểm d khoản 1 Điều 44 và Điều 58 của Luật …" → this is Điều 44…, `more` holds Điều 58. */
  more?: Pinpoint[];
}

/** What a reference names, before resolution. */
export interface RefTarget {
  /** "self" for "Luật này", "Kết luận này"; "internal" for "khoản 2 Điều này"; "document" otherwise. */
  scope: 'document' | 'self' | 'internal';
  type?: DocType;
  /** Canonical number when written ("195-KL/TW"); partial forms keep what is known ("18", "221"). */
  number?: string;
  /** Whether `number` is complete (has its symbol). */
  complete?: boolean;
  date?: string;
  issuer?: string;
  /** Name for laws cited by name: "Luật Công chứng". */
  name?: string;
  /** The year written with a name: "Luật Đất đai năm 2013". */
  year?: string;
  pinpoint?: Pinpoint;
}

export type ResolutionStatus = 'resolved' | 'external' | 'ambiguous' | 'unresolved';

export interface Reference {
  /** `${clauseId}#r${n}` (see `src/ids.ts`). */
  id: string;
  docId: string;
  clauseId: string;
  /** Offsets of the reference into the clause text. */
  start: number;
  end: number;
  /** Absolute position in the document's normalised text. */
  span: Span;
  /** Exactly as written. */
  text: string;
  /** The sentence around it. */
  sentence: string;
  /** The id of the pattern (see `src/refs/patterns.ts`) that found it. */
  patternId: string;
  target: RefTarget;
  relation: Relation;
  /** The trigger phrase that typed the relation ("triển khai thực hiện"), kept as evidence. */
  trigger?: string;
  /**
   * Low confidence: a changing relation the sentence's verb may give this reference, which its
   * structure does not confirm (inside another text's title, under a condition). `relation` stays
   * `cites`: a wrong "ended" is worse than a missed one.
   */
  relationCandidate?: Relation;
  /** Filled by `src/resolve/`. */
  status?: ResolutionStatus;
  targetDocId?: string;
  targetClauseId?: string;
  /** When ambiguous: every candidate document id. */
  candidates?: string[];
}

export interface GraphNode {
  id: string;
  number?: string;
  type: DocType;
  typeLabel: string;
  title?: string;
  issuer?: string;
  date?: string;
  inCorpus: boolean;
  /** Document ids of the series this document belongs to, if any. */
  series?: string;
  /** Current or superseded, from explicit relations and series inference. */
  status?: 'current' | 'superseded' | 'repealed';
  supersededBy?: string;
  /** Why the status: the sentence of an explicit relation, or the series inference. */
  statusEvidence?: string;
  /** True when the status comes from series inference rather than an explicit "thay thế / bãi bỏ". */
  statusInferred?: boolean;
  /** The effect status as known from every event (no date: the latest known state), see `DocumentEffect`. */
  effect?: EffectStatus;
  /** The day it takes (took) effect, when known (its own text, else its date of issue: `effectiveBasis`). */
  effectiveFrom?: string;
  effectiveBasis?: EffectDateBasis;
  /** The first day it is no longer in force at all (ended, replaced, or followed in its series), when known. */
  endedOn?: string;
}

/** Effect statuses (documents and clauses), from `EFFECT_STATUSES` in doc-types.ts. */
export type EffectStatus = (typeof EFFECT_STATUSES)[number]['status'];
export type EffectEventKind = (typeof EFFECT_EVENTS)[number]['kind'];
export type EffectDateBasis = (typeof EFFECT_DATE_BASES)[number]['basis'];

/**
 * Something that happens to a document or to some of its provisions, from a day: it takes
 * effect, ends, is replaced, repealed, amended, or (inferred) is followed in its series.
 * `by` and `byClause` are the acting document and the provision that says so, `evidence` its
 * sentence. Without `provisions` the event is about the whole document.
 */
export interface EffectEvent {
  kind: EffectEventKind;
  /** ISO day from which it applies. */
  date?: string;
  dateBasis: EffectDateBasis;
  /** The acting document (absent for a document's own effective date: then it is itself). */
  by?: string;
  /** The clause whose sentence says it (the ending provision, or the "Hiệu lực thi hành" clause). */
  byClause?: string;
  /** The provisions concerned, as written ("điểm d khoản 1 Điều 44"); absent = the whole document. */
  provisions?: string[];
  /** Their clause ids in the target (whether or not the target is in the corpus). */
  clauses?: string[];
  /** Provisions that keep effect when the rest ends ("trừ Điều 75 …"), as written. */
  except?: string[];
  exceptClauses?: string[];
  /** Last day the excepted provisions stay in force ("đến hết ngày 31 tháng 12 năm 2016"). */
  until?: string;
  /** An exception or condition that is not a list of provisions ("trừ trường hợp quy định tại Điều 115 của Luật này"). */
  note?: string;
  evidence: string;
  /** Stated in a text (false) or inferred (the Party series' supersession). */
  inferred: boolean;
  /** low: the text may not say this (the status does not change on a low-confidence event). */
  confidence: 'high' | 'low';
  /** Reference ids that produced it. */
  refs: string[];
}

/** Everything known about a document's effect, oldest first (`CorpusArtifact.effects`). */
export interface DocumentEffect {
  docId: string;
  events: EffectEvent[];
}

/** A provision's status on a day. */
export interface ClauseEffectView {
  /** As written: "Điều 159", "điểm h khoản 1 Điều 192". */
  provision: string;
  clauseId?: string;
  status: EffectStatus;
  label: string;
  /** From when, and (for provisions kept in force) until when. */
  since?: string;
  until?: string;
  event: EffectEvent;
}

/** A provision that takes effect on a day of its own ("Điều 29 … có hiệu lực thi hành từ ngày …"). */
export interface ProvisionEffective {
  provision: string;
  clauseId?: string;
  /** The provision's own effective day. */
  from: string;
  /** Later or earlier than the document's own effective day. */
  when: 'later' | 'earlier';
  /** The clause that says so, and its sentence. */
  evidenceClauseId?: string;
  evidence: string;
}

/** One clause's status on a day (GET /api/clauses/:id?asOf=). */
export interface ClauseStatus {
  asOf?: string;
  status: EffectStatus;
  label: string;
  since?: string;
  until?: string;
  /** Whose status it is: the clause's own provision, an enclosing one ("Điều 5" for its khoản), or the whole document's. */
  scope: 'clause' | 'ancestor' | 'document';
  /** The provision the status is written for, as written, and its clause. */
  provision?: string;
  provisionClauseId?: string;
  /** The acting document, the clause that says it (the evidence) and its sentence. */
  by?: string;
  evidenceClauseId?: string;
  evidence?: string;
  /** stated: a text says it, with its day; inferred: the series, a day not written, or nothing said against it. */
  basis: 'stated' | 'inferred';
}

/** A document's status on a day (`asOf`), or as last known when no day is given. */
export interface EffectView {
  asOf?: string;
  status: EffectStatus;
  label: string;
  since?: string;
  /** True when what decides it is inferred (series, or a date not written). */
  inferred: boolean;
  /** With `in-force`: it is judged from the corpus, which does not hold every document (doc-types IN_FORCE_CAVEAT). */
  caveat?: string;
  effectiveFrom?: string;
  effectiveBasis?: EffectDateBasis;
  /** The event that decides the status (absent: in force with nothing against it). */
  event?: EffectEvent;
  /** Provisions with their own status on that day (repealed, amended, kept in force, not yet in force). */
  clauses: ClauseEffectView[];
  /** Events on later days, and low-confidence ones, shown but not applied. */
  pending: EffectEvent[];
  uncertain: EffectEvent[];
  /** Provisions with an effective day of their own (later or earlier than the document's). */
  provisionsEffective: ProvisionEffective[];
  /** How each event kind is said and its evidence labelled (from the vocabulary, src/doc-types.ts). */
  eventWords: Record<string, { label: string; verb: string; by: string }>;
}

export interface Edge {
  from: string;
  to: string;
  relation: Relation;
  /** The sentence (or trigger phrase in context) that makes the relation. */
  evidence: string;
  /** Clause ids at each end, when known. */
  clauses: { from?: string; to?: string };
  /** Reference ids that produced this edge. */
  refs: string[];
  /** True for edges inferred (series supersession) rather than written. */
  inferred?: boolean;
  status?: ResolutionStatus;
  candidates?: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: Edge[];
}

/** A series of documents on the same matter by the same issuer, ordered by date. */
export interface Series {
  id: string;
  title: string;
  issuer?: string;
  /** Document ids (in-corpus or external nodes), oldest first. */
  members: string[];
}

/** A clause of a predecessor that says the same thing, with what changed. */
export interface LineageLink {
  from: string; // older clause id
  to: string; // newer clause id
  similarity: number; // 0..1
  diff: DiffPart[];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A search hit: one clause. */
export interface SearchHit {
  id: string; // clause id
  docId: string;
  path: string; // pathLabel
  kind: ClauseKind;
  snippet: string; // HTML-escaped, `<mark>` only
  score: number;
  document: {
    id: string;
    number?: string;
    type: DocType;
    typeLabel: string;
    title?: string;
    date?: string;
    inCorpus: boolean;
  };
  /**
   * Why this hit: "citation" for the clause (or document) a citation query names — the exact
   * match; "number" for the document a number names; "cites" for clauses citing it; "text" otherwise.
   */
  match: 'citation' | 'number' | 'cites' | 'text';
  /** The same text (label and diacritics aside) in other documents, folded into this hit — "and N more documents": each document's first such clause. */
  alsoIn?: { id: string; path: string; document: SearchHit['document'] }[];
  /** This document has this many more results after the first page's share (see `document` and `perDocument`). */
  moreInDocument?: number;
}

/** A document a citation's number or name may mean. */
export interface CitationAlternative {
  id: string;
  number?: string;
  type: DocType;
  typeLabel: string;
  title?: string;
  date?: string;
  inCorpus: boolean;
  status?: GraphNode['status'];
}

/** A query read as a citation ("khoản 2 Điều 5 Luật Đất đai", "nghị định 15/2020"), and what it names. */
export interface CitationMatch {
  /** The query written the way a document cites: "khoản 2 Điều 5 Luật Đất đai năm 2013". */
  written: string;
  /**
   * found: the named clause (or document) is in the corpus; partial: the document is, but only
   * part of the pinpoint (the deepest clause found comes first); external: the document is only
   * cited — its node and the clauses citing it come first; not-found: nothing known by that
   * number or name.
   */
  status: 'found' | 'partial' | 'external' | 'not-found';
  documentId?: string;
  clauseId?: string;
  /** Other documents the number or name may mean (other versions, another document with that number), in force first. */
  others: CitationAlternative[];
  /** Nothing written tells the first document from the others (no year, same status). */
  ambiguous: boolean;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  query: string;
  total: number;
  offset: number;
  limit: number;
  hits: SearchHit[];
  facets: Record<string, FacetCount[]>;
  /** When the query is a citation: what it names (the first hits), or that the corpus has no such document. */
  citation?: CitationMatch;
  /** Documents grouped, when `group=document`. */
  groups?: { document: SearchHit['document']; hits: SearchHit[] }[];
  /** Took, in milliseconds (measured at the edge). */
  tookMs?: number;
}

export interface SearchFilters {
  type?: DocType[];
  issuer?: string[];
  from?: string; // ISO date
  to?: string; // ISO date
  series?: string[];
  /** `in-force`: documents in force (or partly) on `asOf` — not yet in force, ended, replaced and superseded ones are left out, and so are documents whose effect is unknown. */
  status?: ('current' | 'superseded' | 'repealed' | 'in-force')[];
  corpus?: string[];
  /** The day `status=in-force` is judged on (ISO); without it, the status as last known. */
  asOf?: string;
  /** One document's results only (a document id): "more in this document". */
  document?: string;
}

export interface SearchOptions extends SearchFilters {
  limit?: number; // default 10, max 100
  offset?: number;
  group?: 'document';
  /** At most this many of the first ten results from one document (default 3; 0: no limit; none with `document`). */
  perDocument?: number;
}

/* ----------------------------------------------------------------------------------------
 * Tasks and deadlines (src/tasks): who must do what, by when, and what was asked again.
 * -------------------------------------------------------------------------------------- */

/**
 * How a deadline is written. `date`: a day ("trước ngày 31/8/2025"); `month`, `quarter`,
 * `year`: within a period ("trong tháng 10/2025", "trong quý IV/2025", "hoàn thành trong năm
 * 2025"), `date` being its last day; `recurring`: "thường xuyên", "định kỳ", "hằng quý",
 * "chậm nhất trước ngày 25 hằng tháng"; `event`: an event without a date, kept as text
 * ("trước Đại hội …").
 */
export type DeadlineKind = 'date' | 'month' | 'quarter' | 'year' | 'recurring' | 'event';
/** How often a recurring task recurs: `continuous` is "thường xuyên", `periodic` "định kỳ" with no period. */
export type Recurrence = 'continuous' | 'periodic' | 'week' | 'two-weeks' | 'month' | 'quarter' | 'year';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO date: the day, or the last day of the month / quarter / year. Absent for `event` and most `recurring`. */
  date?: string;
  every?: Recurrence;
  /** Day of the month ("trước ngày 25 hằng tháng" → 25), or with `month` the day of the year ("hằng năm (trước ngày 15/12)"). */
  day?: number;
  month?: number;
  /** The words that state it, as written. */
  text: string;
  /** Where it is written: the clause and the offsets of `text` in that clause's text. */
  clauseId: string;
  start: number;
  end: number;
  /**
   * Why it applies to this task: `own` (written in the task), `items-above` ("toàn bộ các nhiệm
   * vụ nêu trên …" after a list), `slot` (a "Thời gian thực hiện" item beside the task),
   * `heading` (the window of a heading or title above it).
   */
  scope: 'own' | 'items-above' | 'slot' | 'heading';
  /** The id of the deadline pattern (src/tasks/deadlines.ts). */
  patternId: string;
}

/** One body a task is given to, as written and as normalised by the vocabulary (src/tasks/bodies.ts). */
export interface Assignee {
  /** As written: "Đảng uỷ Chính phủ", "UBND các xã, phường". */
  text: string;
  /** Canonical name: "Đảng ủy Chính phủ", "Ủy ban nhân dân cấp xã". */
  name: string;
  /** Vocabulary id when the body is known ("dang-uy-chinh-phu"); absent for bodies read by shape only. */
  bodyId?: string;
  /** A group of bodies ("các bộ, ngành", "các tỉnh ủy, thành ủy"), kept as one. */
  group: boolean;
}

export interface Task {
  /** `${clauseId}#t${n}` (see `src/ids.ts`). */
  id: string;
  docId: string;
  clauseId: string;
  /** The action: a span of the clause's text (offsets into `clause.text`). */
  action: { text: string; start: number; end: number };
  /** Who leads ("chủ trì", or the bodies the task is given to). Empty when the text does not say. */
  lead: Assignee[];
  /** Who takes part ("phối hợp với …"). */
  partners: Assignee[];
  deadline?: Deadline;
  /**
   * How sure the assignees are: `written` in the task or its heading; `inferred` from an
   * earlier paragraph (shown as a guess); `unknown` when nothing says who.
   */
  assignees: 'written' | 'inferred' | 'unknown';
  /** The clause whose words name the assignees, when it is not the task's own. */
  assigneesFrom?: string;
  /** The id of the task pattern (src/tasks/patterns.ts) that found it. */
  patternId: string;
  /** The words that make it a task ("Giao", "Yêu cầu", "chủ trì, phối hợp"), as written. */
  trigger: string;
}

/**
 * A task that asks again what an earlier one asked (`repeats`: a later conclusion of the same
 * series, through clause lineage) or carries it out (`implements`: a provincial instruction's
 * task for a conclusion it implements). `from` is the newer task.
 */
export interface TaskLink {
  from: string;
  to: string;
  kind: 'repeats' | 'implements';
  similarity: number;
  /** The earlier and later deadlines as written, when they differ ("31/8/2025 → 15/12/2025"). */
  deadlineChange?: { from?: string; to?: string };
}

/** A task as the API and pages show it: the task, where it is, what it repeats or implements, and whether it is overdue. */
export interface TaskView extends Task {
  document: { id: string; number?: string; type: DocType; typeLabel: string; title?: string; date?: string };
  /** The clause's path as a person writes it: "3.(1).(i)", "[4]". */
  clausePath: string;
  /** Links to and from other tasks, with the other task's document and clause. */
  links: (TaskLink & { direction: 'earlier' | 'later'; other: { taskId: string; docId: string; number?: string; clauseId: string; clausePath: string; deadline?: string } })[];
  /** Set when a date (`asOf`, today at the edge) was given: the deadline has passed. Recurring and event deadlines are never overdue. */
  overdue?: boolean;
}

/** `GET /api/tasks`. */
export interface TaskList {
  total: number;
  asOf?: string;
  tasks: TaskView[];
}

/** Everything the indexer writes to `build/` (besides the serialised search index). */
export interface CorpusArtifact {
  version: number;
  /** sha256 over the sorted (path, sha256) of all inputs plus the code version: rebuild when it changes. */
  contentHash: string;
  builtAt: string; // ISO timestamp
  documents: DocumentRecord[];
  references: Reference[];
  graph: Graph;
  series: Series[];
  lineage: LineageLink[];
  /** Tasks found in every document's clauses (src/tasks), and the links between them. */
  tasks: Task[];
  taskLinks: TaskLink[];
  /** Effect events per document (in force from, ended, replaced, provisions repealed or amended). */
  effects: DocumentEffect[];
  diagnostics: Diagnostic[];
  /** Every file given to the indexer and what became of it (absent in artifacts before version 5). */
  files?: FileAccount[];
}

/** What became of a file: no file given is dropped without a word. */
export type FileStatus = 'indexed' | 'source' | 'report' | 'not-indexed' | 'skipped';

export interface FileAccount {
  path: string;
  status: FileStatus;
  /** The documents it is (a source or report of); several for a file of many laws (ALQAC). */
  documents?: string[];
  format?: SourceFormat;
  sha256?: string;
  bytes?: number;
  /** Why it was not indexed, or not indexed as a document of its own. */
  reason?: string;
}

/* ----------------------------------------------------------------------------------------
 * HTTP API views. The server returns exactly these; the web pages and widget read them.
 * -------------------------------------------------------------------------------------- */

/** One row of `GET /api/documents`. */
export interface DocumentSummary {
  id: string;
  number?: string;
  type: DocType;
  typeLabel: string;
  title?: string;
  issuer?: string;
  date?: string;
  corpus: string;
  clauses: number;
  status?: GraphNode['status'];
  supersededBy?: string;
  /** The effect status as last known (`GraphNode.effect`). */
  effect?: EffectStatus;
}

/** `GET /api/documents/:id`: an in-corpus document (with its clause tree) or an external node. */
export interface DocumentView {
  node: GraphNode;
  /** Absent for external nodes (cited, not in the corpus). `text` is left out: clauses carry it. */
  document?: Omit<DocumentRecord, 'text'>;
  /** References this document makes, in order. */
  references: Reference[];
  /** References from other documents that target this one (or one of its clauses). */
  citedBy: Reference[];
  series?: Series;
  /** The series members as graph nodes (number, date, status), oldest first. */
  seriesNodes?: GraphNode[];
  /** Lineage links of this document's clauses: where each came from, or what replaced it. */
  lineage: LineageLink[];
  /** Its effect status on `asOf` (or today), with each provision's. */
  effect: EffectView;
}

/** `GET /api/clauses/:id`. */
export interface ClauseView {
  clause: Clause;
  document: GraphNode;
  /** The chain of ancestors, root first, for breadcrumbs. */
  ancestors: { id: string; pathLabel: string }[];
  references: Reference[];
  citedBy: Reference[];
  lineage: LineageLink[];
  /** Its effect status on `asOf` (or today), with the evidence clause and whether stated or inferred. */
  effect: ClauseStatus;
}

/** `GET /healthz`. */
export interface Health {
  status: 'ok' | 'degraded';
  state: 'ready' | 'rebuilding' | 'failed';
  documents: number;
  clauses: number;
  references: number;
  builtAt: string;
  contentHash: string;
  lastError?: string;
  /** Damage found in build/ since the server started, and what was done (rebuilt from the sources, replaced). */
  integrity?: IntegrityEvent[];
  /** Failed rebuilds in a row, and when the next attempt runs (back-off). */
  failures?: number;
  nextRetryAt?: string;
  /** With `serve --db`: the database this instance follows. */
  database?: DatabaseHealth;
}

/**
 * The PostgreSQL store as one instance sees it. `unreachable` makes the instance `degraded`: it
 * keeps answering from its last index; admin writes are refused (503) until the database is back.
 */
export interface DatabaseHealth {
  state: 'connected' | 'unreachable';
  /** The connection string without its password. */
  url: string;
  /** The database's revision (one per write) when last seen. */
  revision?: number;
  /** The revision of the sources the served index was built from. */
  servedRevision?: number;
  /** Since when the state is what it is (ISO). */
  since: string;
  lastError?: string;
  /** A read replica (hot standby): followed by polling; admin writes are refused (503). */
  readOnly?: boolean;
}

/** Something in build/ that failed its check, and what was done about it. */
export interface IntegrityEvent {
  /** The file, relative to build/ ("v-…/search.bin", "current"). */
  file: string;
  /** missing, unreadable, size, checksum, not-a-link, decode. */
  problem: string;
  detail: string;
  /** rebuilt: from the sources; replaced: a broken `current` link; refused: not served until rebuilt. */
  action: 'rebuilt' | 'replaced' | 'refused';
  at: string;
}

/** Errors: RFC 9457 problem documents (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The offending request parameter, when there is one. */
  param?: string;
}
