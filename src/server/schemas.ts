/**
 * The API's schemas: the same zod objects validate requests and generate /openapi.json, so
 * the document cannot drift from the code. Responses are the library's exported types
 * (src/model.ts), described here field by field for the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { DOC_TYPES, EFFECT_DATE_BASES, EFFECT_EVENTS, EFFECT_STATUSES } from '../doc-types.ts';

export const DOC_TYPE_VALUES = DOC_TYPES.map((t) => t.type) as [string, ...string[]];
export const RELATIONS = ['based-on', 'implements', 'guides', 'amends', 'supplements', 'replaces', 'repeals', 'ends-effect', 'continues-effect', 'corrects', 'attached', 'reports-on', 'supersedes', 'amended-by', 'supplemented-by', 'repealed-by', 'cites'] as const;
export const STATUSES = ['current', 'superseded', 'repealed'] as const;
/** The search filter also takes `in-force` (judged on `asOf`, from the effect status). */
export const SEARCH_STATUSES = [...STATUSES, 'in-force'] as const;
/** Effect statuses, events and date bases: from the vocabulary in doc-types.ts. */
export const EFFECT_STATUS_VALUES = EFFECT_STATUSES.map((s) => s.status) as [EffectStatusValue, ...EffectStatusValue[]];
type EffectStatusValue = (typeof EFFECT_STATUSES)[number]['status'];
const EFFECT_EVENT_VALUES = EFFECT_EVENTS.map((e) => e.kind) as [(typeof EFFECT_EVENTS)[number]['kind'], ...(typeof EFFECT_EVENTS)[number]['kind'][]];
const EFFECT_BASIS_VALUES = EFFECT_DATE_BASES.map((b) => b.basis) as [(typeof EFFECT_DATE_BASES)[number]['basis'], ...(typeof EFFECT_DATE_BASES)[number]['basis'][]];
const vocabularyNote = (items: readonly { en: string }[], key: (i: never) => string) => items.map((i) => `${key(i as never)}: ${i.en}`).join('; ');

const list = (name: string, allowed?: readonly string[], max = 20) =>
  z
    .string()
    .max(1000)
    .optional()
    .refine((v) => v === undefined || v.split(',').length <= max, { message: `${name}: at most ${max} values` })
    .refine((v) => v === undefined || !allowed || v.split(',').every((x) => allowed.includes(x.trim())), {
      message: allowed ? `${name} must be one or more of: ${allowed.join(', ')}` : name,
    })
    .openapi({ description: `Comma-separated${allowed ? `; one or more of ${allowed.join(', ')}` : ''}`, example: allowed?.[0] });

const isoDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date written YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(v + 'T00:00:00Z')) && new Date(v + 'T00:00:00Z').toISOString().startsWith(v), `${name} is not a real date`)
    .optional()
    .openapi({ example: '2025-01-01' });

const int = (name: string, min: number, max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${name} must be a whole number from ${min} to ${max}`)
    .refine((v) => Number(v) >= min && Number(v) <= max, `${name} must be a whole number from ${min} to ${max}`)
    .optional()
    .openapi({ example: String(dflt) });

export const SearchQuery = z.object({
  q: z.string().max(500, 'q is limited to 500 characters').optional().openapi({ example: 'tram y te cap xa', description: 'Words, a phrase in quotes, or a document number in any form ("kl 195", "15/2020/NĐ-CP").' }),
  limit: int('limit', 1, 100, 10),
  offset: int('offset', 0, 10000, 0),
  type: list('type', DOC_TYPE_VALUES),
  issuer: list('issuer'),
  from: isoDate('from'),
  to: isoDate('to'),
  series: list('series'),
  status: list('status', SEARCH_STATUSES).openapi({ description: 'Comma-separated; one or more of current, superseded, repealed (the status as last known) and in-force (in force, or partly, on asOf: not yet in force, ended, replaced, superseded and unknown are left out). Default: no filter.', example: 'in-force' }),
  asOf: isoDate('asOf').openapi({ description: 'The day status=in-force is judged on (YYYY-MM-DD); default today (the server clock).' }),
  corpus: list('corpus'),
  group: z.enum(['document']).optional().openapi({ description: 'Group hits by document.' }),
  document: z.string().max(200, 'document is too long').optional().openapi({ example: 'luat-45-2013-qh13', description: "One document's results only (a hit's `moreInDocument`)." }),
  perDocument: int('perDocument', 0, 10, 3).openapi({ description: 'At most this many of the first ten results from one document (default 3; 0: no limit; no limit with `document`).' }),
  prefix: z.enum(['0', '1']).optional().openapi({ description: 'Complete the last word (as-you-type); default 1.' }),
});

export const ClauseQuery = z.object({
  asOf: isoDate('asOf').openapi({ description: 'The day the effect status of the clause is given for (YYYY-MM-DD); default today (the server clock), or as last known.' }),
});

export const DocumentQuery = z.object({
  asOf: isoDate('asOf').openapi({ description: 'The day the effect status of the document and of each provision is given for (YYYY-MM-DD); default today (the server clock), or as last known.' }),
});

export const SuggestQuery = z.object({ q: z.string().max(200, 'q is limited to 200 characters').openapi({ example: 'chinh q' }), limit: int('limit', 1, 20, 8) });

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200, 'id is too long')
    .openapi({ param: { name: 'id', in: 'path' }, example: '202-kl-tw' }),
});
export const SourceParam = IdParam.extend({
  n: z.coerce
    .number()
    .int()
    .min(1, 'sources are numbered from 1')
    .max(10_000)
    .openapi({ param: { name: 'n', in: 'path' }, example: 1, description: 'The file, from 1: the document\'s sources, then its reports' }),
});

export const GraphQuery = z.object({
  root: z.string().max(200).optional().openapi({ example: '221-kl-tw' }),
  depth: int('depth', 0, 4, 1),
  relation: list('relation', RELATIONS),
  direction: z.enum(['out', 'in', 'both']).optional(),
  format: z.enum(['json', 'dot', 'mermaid', 'graphml']).optional(),
});

export const ResolveBody = z.object({ text: z.string().min(1, 'text is empty').max(200_000, 'text is limited to 200,000 characters') });

export const AddDocumentBody = z.object({
  name: z.string().min(1, 'name is empty').max(255, 'name is limited to 255 bytes in UTF-8').openapi({ example: 'ket-luan-230.txt', description: 'A file name: printable, at most 255 bytes in UTF-8, ending .txt, .md, .html, .docx, .doc, .odt, .rtf or .pdf' }),
  content: z.string().min(1, 'content is empty'),
  metadata: z.record(z.string(), z.string()).optional(),
});
export const AddDocumentForm = z.object({
  file: z.string().openapi({ type: 'string', format: 'binary', description: 'The document: text, .docx, .pdf … (read by its bytes)' }),
  name: z.string().optional().openapi({ description: "The file name to store under; default: the file part's own name" }),
});
export const SourceNameParam = z.object({
  name: z.string().min(1).openapi({ param: { name: 'name', in: 'path' }, example: 'ket-luan-230.txt' }),
});

/* Responses (documentation of src/model.ts). */
const Position = z.object({ line: z.number(), column: z.number(), offset: z.number() });
const Span = z.object({ start: Position, end: Position });
const HitDocument = z.object({ id: z.string(), number: z.string().optional(), type: z.string(), typeLabel: z.string(), title: z.string().optional(), date: z.string().optional(), inCorpus: z.boolean() });
export const SearchHit = z
  .object({ id: z.string(), docId: z.string(), path: z.string(), kind: z.string(), snippet: z.string().openapi({ description: 'HTML-escaped; <mark> is the only markup' }), score: z.number(), document: HitDocument, match: z.enum(['citation', 'number', 'cites', 'text']).openapi({ description: 'citation: the clause or document the query cites (the exact match); number: the document a number names; cites: a clause citing it; text: a text match' }),
    alsoIn: z.array(z.object({ id: z.string(), path: z.string(), document: HitDocument })).optional().openapi({ description: 'The same text (label and diacritics aside) in other documents, folded into this hit: "and N more documents".' }),
    moreInDocument: z.number().optional().openapi({ description: 'This document has this many more results below the first page\'s share: ask again with `document`.' }),
  })
  .openapi('SearchHit');
const CitationAlternative = z
  .object({ id: z.string(), number: z.string().optional(), type: z.string(), typeLabel: z.string(), title: z.string().optional(), date: z.string().optional(), inCorpus: z.boolean(), status: z.enum(STATUSES).optional() })
  .openapi('CitationAlternative');
export const CitationMatch = z
  .object({
    written: z.string().openapi({ description: 'The query written the way a document cites: "khoản 2 Điều 5 Luật Đất đai"' }),
    status: z.enum(['found', 'partial', 'external', 'not-found']),
    documentId: z.string().optional(),
    clauseId: z.string().optional(),
    others: z.array(CitationAlternative).openapi({ description: 'Other documents the number or name may mean, in force first' }),
    ambiguous: z.boolean(),
  })
  .openapi('CitationMatch');
const Facet = z.object({ value: z.string(), label: z.string(), count: z.number() });
export const SearchResult = z
  .object({
    query: z.string(),
    total: z.number(),
    offset: z.number(),
    limit: z.number(),
    hits: z.array(SearchHit),
    facets: z.record(z.string(), z.array(Facet)),
    citation: CitationMatch.optional(),
    groups: z.array(z.object({ document: HitDocument, hits: z.array(SearchHit) })).optional(),
    tookMs: z.number().optional(),
  })
  .openapi('SearchResult');
export const GraphNode = z
  .object({
    id: z.string(),
    number: z.string().optional(),
    type: z.string(),
    typeLabel: z.string(),
    title: z.string().optional(),
    issuer: z.string().optional(),
    date: z.string().optional(),
    inCorpus: z.boolean(),
    series: z.string().optional(),
    status: z.enum(STATUSES).optional(),
    supersededBy: z.string().optional(),
    statusEvidence: z.string().optional(),
    statusInferred: z.boolean().optional(),
    effect: z.enum(EFFECT_STATUS_VALUES).optional().openapi({ description: `Effect status as last known (${vocabularyNote(EFFECT_STATUSES, (s: { status: string }) => s.status)})` }),
    effectiveFrom: z.string().optional(),
    effectiveBasis: z.enum(EFFECT_BASIS_VALUES).optional(),
    endedOn: z.string().optional().openapi({ description: 'First day no longer in force at all, when known' }),
  })
  .openapi('GraphNode');
export const EffectEvent = z
  .object({
    kind: z.enum(EFFECT_EVENT_VALUES).openapi({ description: vocabularyNote(EFFECT_EVENTS, (e: { kind: string }) => e.kind) }),
    date: z.string().optional(),
    dateBasis: z.enum(EFFECT_BASIS_VALUES).openapi({ description: vocabularyNote(EFFECT_DATE_BASES, (b: { basis: string }) => b.basis) }),
    by: z.string().optional().openapi({ description: 'The acting document' }),
    byClause: z.string().optional().openapi({ description: 'The clause that says it (the ending provision)' }),
    provisions: z.array(z.string()).optional().openapi({ description: 'The provisions concerned, as written; absent = the whole document' }),
    clauses: z.array(z.string()).optional(),
    except: z.array(z.string()).optional().openapi({ description: 'Provisions that keep effect ("trừ Điều 75 …")' }),
    exceptClauses: z.array(z.string()).optional(),
    until: z.string().optional().openapi({ description: 'Last day the excepted provisions apply' }),
    note: z.string().optional(),
    evidence: z.string(),
    inferred: z.boolean(),
    confidence: z.enum(['high', 'low']),
    refs: z.array(z.string()),
  })
  .openapi('EffectEvent');
export const ClauseEffect = z
  .object({ provision: z.string(), clauseId: z.string().optional(), status: z.enum(EFFECT_STATUS_VALUES), label: z.string(), since: z.string().optional(), until: z.string().optional(), event: EffectEvent })
  .openapi('ClauseEffect');
export const ProvisionEffective = z
  .object({
    provision: z.string().openapi({ description: 'As written: "khoản 3 Điều 29"' }),
    clauseId: z.string().optional(),
    from: z.string().openapi({ description: 'Its own effective day' }),
    when: z.enum(['later', 'earlier']).openapi({ description: "Later or earlier than the document's own effective day" }),
    evidenceClauseId: z.string().optional().openapi({ description: 'The clause that gives the day' }),
    evidence: z.string(),
  })
  .openapi('ProvisionEffective');
export const ClauseStatus = z
  .object({
    asOf: z.string().optional(),
    status: z.enum(EFFECT_STATUS_VALUES),
    label: z.string().openapi({ description: 'The status in Vietnamese' }),
    since: z.string().optional(),
    until: z.string().optional(),
    scope: z.enum(['clause', 'ancestor', 'document']).openapi({ description: "Whose status: the clause's own provision, an enclosing provision's, or the whole document's" }),
    provision: z.string().optional(),
    provisionClauseId: z.string().optional(),
    by: z.string().optional().openapi({ description: 'The acting document' }),
    evidenceClauseId: z.string().optional().openapi({ description: 'The clause that says it' }),
    evidence: z.string().optional().openapi({ description: 'Its sentence' }),
    basis: z.enum(['stated', 'inferred']).openapi({ description: 'stated: a text says it; inferred: the series, a day not written, or nothing said against it' }),
  })
  .openapi('ClauseStatus');
export const EffectView = z
  .object({
    asOf: z.string().optional(),
    status: z.enum(EFFECT_STATUS_VALUES),
    label: z.string().openapi({ description: 'The status in Vietnamese' }),
    since: z.string().optional(),
    inferred: z.boolean(),
    caveat: z.string().optional().openapi({ description: 'With in-force: the status is judged from the documents in the corpus only, which does not hold every document' }),
    effectiveFrom: z.string().optional(),
    effectiveBasis: z.enum(EFFECT_BASIS_VALUES).optional(),
    event: EffectEvent.optional().openapi({ description: 'The event that decides the status' }),
    clauses: z.array(ClauseEffect).openapi({ description: 'Provisions with their own status on that day' }),
    pending: z.array(EffectEvent).openapi({ description: 'Events after that day' }),
    uncertain: z.array(EffectEvent).openapi({ description: 'Low-confidence events: shown, not applied' }),
    provisionsEffective: z.array(ProvisionEffective).openapi({ description: 'Provisions with an effective day of their own (later or earlier than the document)' }),
    eventWords: z.record(z.string(), z.object({ label: z.string(), verb: z.string(), by: z.string() })).openapi({ description: 'How each event kind is said in Vietnamese and how its evidence is labelled (the vocabulary)' }),
  })
  .openapi('EffectView');
export const Edge = z
  .object({
    from: z.string(),
    to: z.string(),
    relation: z.string(),
    evidence: z.string(),
    clauses: z.object({ from: z.string().optional(), to: z.string().optional() }),
    refs: z.array(z.string()),
    inferred: z.boolean().optional(),
    status: z.string().optional(),
    candidates: z.array(z.string()).optional(),
  })
  .openapi('Edge');
export const Graph = z.object({ nodes: z.array(GraphNode), edges: z.array(Edge) }).openapi('Graph');
export const Reference = z
  .object({
    id: z.string(),
    docId: z.string(),
    clauseId: z.string(),
    start: z.number(),
    end: z.number(),
    span: Span,
    text: z.string(),
    sentence: z.string(),
    patternId: z.string(),
    target: z.looseObject({ scope: z.string(), type: z.string().optional(), number: z.string().optional(), date: z.string().optional() }),
    relation: z.string(),
    trigger: z.string().optional(),
    relationCandidate: z.string().optional(),
    status: z.string().optional(),
    targetDocId: z.string().optional(),
    targetClauseId: z.string().optional(),
    candidates: z.array(z.string()).optional(),
  })
  .openapi('Reference');
export const Clause = z
  .looseObject({ id: z.string(), docId: z.string(), kind: z.string(), label: z.string(), number: z.string(), path: z.array(z.string()), pathLabel: z.string(), heading: z.string().optional(), text: z.string(), span: Span, parentId: z.string().optional(), children: z.array(z.string()) })
  .openapi('Clause');
export const Series = z.object({ id: z.string(), title: z.string(), issuer: z.string().optional(), members: z.array(z.string()) }).openapi('Series');
const DiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const LineageLink = z.object({ from: z.string(), to: z.string(), similarity: z.number(), diff: z.array(DiffPart) }).openapi('LineageLink');
export const DocumentSummary = z
  .looseObject({ id: z.string(), number: z.string().optional(), type: z.string(), typeLabel: z.string(), title: z.string().optional(), issuer: z.string().optional(), date: z.string().optional(), corpus: z.string(), clauses: z.number(), status: z.enum(STATUSES).optional(), supersededBy: z.string().optional(), effect: z.enum(EFFECT_STATUS_VALUES).optional().openapi({ description: 'Effect status as last known' }) })
  .openapi('DocumentSummary');
export const DocumentView = z
  .object({ node: GraphNode, document: z.looseObject({ id: z.string(), clauses: z.array(Clause), roots: z.array(z.string()) }).optional(), references: z.array(Reference), citedBy: z.array(Reference), series: Series.optional(), seriesNodes: z.array(GraphNode).optional(), lineage: z.array(LineageLink), effect: EffectView })
  .openapi('DocumentView');
export const ClauseView = z
  .object({ clause: Clause, document: GraphNode, ancestors: z.array(z.object({ id: z.string(), pathLabel: z.string() })), references: z.array(Reference), citedBy: z.array(Reference), lineage: z.array(LineageLink), effect: ClauseStatus.openapi({ description: 'The status of the clause on asOf (default today): its own provision, an enclosing one, or the document; with the evidence clause and whether stated or inferred' }) })
  .openapi('ClauseView');
export const IntegrityEvent = z
  .object({ file: z.string(), problem: z.string(), detail: z.string(), action: z.enum(['rebuilt', 'replaced', 'refused']), at: z.string() })
  .openapi('IntegrityEvent');
export const SkippedFile = z.object({ file: z.string(), ruleId: z.string(), reason: z.string() }).openapi('SkippedFile');
export const DatabaseHealth = z
  .object({
    state: z.enum(['connected', 'unreachable']),
    url: z.string().openapi({ description: 'The connection string, password hidden' }),
    revision: z.number().optional().openapi({ description: "The database's revision (one per write) when last seen" }),
    servedRevision: z.number().optional().openapi({ description: 'The revision of the sources the served index was built from' }),
    since: z.string(),
    lastError: z.string().optional(),
    readOnly: z.boolean().optional().openapi({ description: 'A read replica (hot standby): followed by polling; admin writes are refused (503)' }),
  })
  .openapi('DatabaseHealth', { description: 'With `serve --db`: the PostgreSQL store as this instance sees it. Unreachable: the instance is degraded, answers from its last index, and refuses admin writes (503).' });
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    state: z.enum(['ready', 'rebuilding', 'failed']),
    documents: z.number(),
    clauses: z.number(),
    references: z.number(),
    builtAt: z.string(),
    contentHash: z.string(),
    lastError: z.string().optional(),
    integrity: z.array(IntegrityEvent).optional().openapi({ description: 'Damage found in build/ since the server started, and what was done about it' }),
    failures: z.number().optional().openapi({ description: 'Failed rebuilds in a row' }),
    nextRetryAt: z.string().optional().openapi({ description: 'When the failed rebuild is tried again' }),
    database: DatabaseHealth.optional(),
    skipped: z.array(SkippedFile).optional().openapi({ description: 'Files the served build did not index, and why (the first 50; GET /api/diagnostics has all)' }),
    skippedTotal: z.number().optional(),
  })
  .openapi('Health');
export const DiagnosticItem = z.object({ file: z.string(), line: z.number(), column: z.number(), ruleId: z.string(), reason: z.string(), severity: z.string(), docId: z.string().optional() }).openapi('Diagnostic');
export const Diagnostics = z
  .object({
    builtAt: z.string(),
    state: z.enum(['ready', 'rebuilding', 'failed']),
    lastError: z.string().optional(),
    failures: z.number().optional(),
    nextRetryAt: z.string().optional(),
    skipped: z.array(SkippedFile),
    problems: z.object({ total: z.number(), errors: z.number(), items: z.array(DiagnosticItem) }),
    integrity: z.array(IntegrityEvent),
  })
  .openapi('Diagnostics');
export const Problem = z
  .object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), param: z.string().optional() })
  .openapi('Problem');
export const SuggestResponse = z.object({ query: z.string(), suggestions: z.array(z.string()) }).openapi('Suggestions');
export const DocumentList = z.object({ total: z.number(), documents: z.array(DocumentSummary) }).openapi('DocumentList');
export const ReferenceList = z.object({ references: z.array(Reference) }).openapi('ReferenceList');
export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['put', 'remove']),
    name: z.string(),
    state: z.enum(['pending', 'done', 'failed']),
    documentIds: z.array(z.string()).optional().openapi({ description: 'put, done: the documents now searchable' }),
    error: z.string().optional().openapi({ description: 'failed: why; pending: why the rebuild it waits for failed so far (it is retried)' }),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    location: z.string().optional(),
  })
  .openapi('Job');
export const AddedResponse = z
  .object({ path: z.string(), documentIds: z.array(z.string()), etag: z.string().optional(), created: z.boolean().optional(), job: JobSchema.optional() })
  .openapi('Added');
export const AcceptedResponse = z.object({ path: z.string(), etag: z.string(), created: z.boolean().optional(), job: JobSchema }).openapi('Accepted');

/* Tasks and deadlines (src/tasks). */
export const TaskQuery = z.object({
  assignee: z.string().max(200).optional().openapi({ example: 'Sở Nội vụ', description: 'A body: words of its name with or without diacritics ("noi vu"), or its id ("so-noi-vu").' }),
  document: list('document').openapi({ example: '202-kl-tw', description: 'Document ids or numbers, comma-separated ("202-KL/TW").' }),
  series: z.string().max(200).optional().openapi({ example: '221-kl-tw', description: 'A series id, or any member document: tasks of every member.' }),
  dueBefore: isoDate('dueBefore').openapi({ description: 'Deadline on or before (YYYY-MM-DD). Tasks without a dated deadline are left out.' }),
  dueAfter: isoDate('dueAfter').openapi({ description: 'Deadline on or after (YYYY-MM-DD).' }),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: 'Only tasks whose dated deadline has passed on asOf (true), or has not (false).' }),
  asOf: isoDate('asOf').openapi({ description: 'The day "overdue" is judged on; default today.' }),
  format: z.enum(['json', 'csv', 'ics']).optional().openapi({ description: 'json (default), csv (every match, for spreadsheets) or ics (iCalendar: one event per dated deadline, recurring ones with RRULE).' }),
  limit: int('limit', 1, 1000, 200),
  offset: int('offset', 0, 100000, 0),
});
const DeadlineSchema = z
  .object({
    kind: z.enum(['date', 'month', 'quarter', 'year', 'recurring', 'event']),
    date: z.string().optional(),
    every: z.enum(['continuous', 'periodic', 'week', 'two-weeks', 'month', 'quarter', 'year']).optional(),
    day: z.number().optional(),
    month: z.number().optional(),
    text: z.string(),
    clauseId: z.string(),
    start: z.number(),
    end: z.number(),
    scope: z.enum(['own', 'items-above', 'slot', 'heading']),
    patternId: z.string(),
  })
  .openapi('Deadline');
const AssigneeSchema = z.object({ text: z.string(), name: z.string(), bodyId: z.string().optional(), group: z.boolean() }).openapi('Assignee');
const TaskLinkSchema = z.object({ from: z.string(), to: z.string(), kind: z.enum(['repeats', 'implements']), similarity: z.number(), deadlineChange: z.object({ from: z.string().optional(), to: z.string().optional() }).optional() });
export const TaskView = z
  .object({
    id: z.string().openapi({ example: '183-kl-tw/3/1/i#t1' }),
    docId: z.string(),
    clauseId: z.string(),
    action: z.object({ text: z.string(), start: z.number(), end: z.number() }),
    lead: z.array(AssigneeSchema),
    partners: z.array(AssigneeSchema),
    deadline: DeadlineSchema.optional(),
    assignees: z.enum(['written', 'inferred', 'unknown']),
    assigneesFrom: z.string().optional(),
    patternId: z.string(),
    trigger: z.string(),
    document: z.object({ id: z.string(), number: z.string().optional(), type: z.string(), typeLabel: z.string(), title: z.string().optional(), date: z.string().optional() }),
    clausePath: z.string(),
    links: z.array(TaskLinkSchema.extend({ direction: z.enum(['earlier', 'later']), other: z.object({ taskId: z.string(), docId: z.string(), number: z.string().optional(), clauseId: z.string(), clausePath: z.string(), deadline: z.string().optional() }) })),
    overdue: z.boolean().optional(),
  })
  .openapi('Task');
export const TaskList = z.object({ total: z.number(), asOf: z.string().optional(), offset: z.number(), limit: z.number(), tasks: z.array(TaskView) }).openapi('TaskList');
