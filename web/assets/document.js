// The document page: metadata, status and series, the clause tree with each clause's
// references, who cites it, and clause lineage with word diffs. External nodes (cited, not in
// the corpus) show what is known and who cites them. The effect status (of the document and of
// each provision) is given for a day the reader picks (?asOf=), today by default; statuses are
// written out as text (labels from the API, which takes them from the vocabulary), never colour only.
import { api, docLabel, errorBox, formatDate, h, RELATION_LABEL, STATUS_LABEL } from './common.js';
import { taskCard } from './task-view.js';

const main = document.getElementById('main');
const id = decodeURIComponent(location.pathname.replace(/^\/doc\//, ''));
document.getElementById('graph-link').setAttribute('href', `/graph?root=${encodeURIComponent(id)}&depth=2`);

const docHref = (docId, clauseId) => `/doc/${encodeURIComponent(docId)}${clauseId ? '#' + encodeURIComponent(clauseId) : ''}`;

function refLink(r, side) {
  if (side === 'to') {
    if (r.status === 'ambiguous') return h('span', {}, r.text, ' ', h('span', { class: 'badge' }, `chưa rõ: ${(r.candidates || []).join(' / ')}`));
    if (!r.targetDocId) return h('span', { class: 'muted' }, r.text, ' (chưa xác định)');
    return h('a', { href: docHref(r.targetDocId, r.targetClauseId && r.status === 'resolved' ? r.targetClauseId : undefined), 'data-target': r.targetDocId }, r.text);
  }
  return h('a', { href: docHref(r.docId, r.clauseId) }, r.clauseId);
}

function status(node, effect) {
  if (effect) return h('span', { class: `badge effect ${effect.status}`, 'data-effect': effect.status }, effect.label, effect.inferred && !effect.label.includes('suy ra') ? ' (suy ra)' : '');
  if (!node.status) return null;
  return h('span', { class: `badge ${node.status}`, title: node.statusEvidence || '' }, STATUS_LABEL[node.status] || node.status);
}

const day = (iso) => (iso ? formatDate(iso) : 'không rõ ngày');
const actingLink = (e) => (e.by ? h('a', { href: docHref(e.by, e.byClause) }, e.byClause || e.by) : null);

/** The effect on the chosen day: status, since when, the ending provision and its sentence, provisions, later and doubtful events. */
function effectPanel(view, shownDay) {
  const e = view.effect;
  if (!e) return null;
  const form = h(
    'form',
    { class: 'asof', method: 'get', action: location.pathname },
    h('label', { for: 'asof' }, 'Hiệu lực tại ngày '),
    h('input', { type: 'date', id: 'asof', name: 'asOf', value: shownDay, required: 'required' }),
    ' ',
    h('button', { type: 'submit' }, 'Xem'),
  );
  const lines = [];
  lines.push(h('p', { class: 'effect-now' }, `Ngày ${formatDate(shownDay)}: `, h('strong', { 'data-effect': e.status }, e.label), e.since ? ` từ ngày ${formatDate(e.since)}` : '', e.inferred && !e.label.includes('suy ra') ? ' (suy ra, không ghi rõ trong văn bản)' : ''));
  if (e.caveat) lines.push(h('p', { class: 'effect-caveat' }, e.caveat));
  if (e.effectiveFrom) lines.push(h('p', { class: 'small' }, `Có hiệu lực từ ngày ${formatDate(e.effectiveFrom)}`, e.effectiveBasis === 'stated' ? ' (ghi trong văn bản)' : ' (suy ra: ngày ban hành)'));
  if (e.event && e.event.kind !== 'effective') {
    // The label and wording come with the view (the vocabulary): "Quy định tại", or for the series "Suy ra từ loạt văn bản".
    const words = (e.eventWords || {})[e.event.kind];
    lines.push(h('p', { class: 'small' }, `${words ? words.by : 'Quy định tại'}: `, actingLink(e.event), e.event.inferred && e.event.kind !== 'superseded' ? ' (suy ra)' : '', e.event.note ? ` — ${e.event.note}` : ''), h('blockquote', { class: 'small' }, e.event.evidence));
  }
  if ((e.provisionsEffective || []).length) {
    lines.push(
      h('h3', {}, 'Điều khoản có ngày hiệu lực riêng'),
      h(
        'ul',
        { class: 'effect-own-days' },
        e.provisionsEffective.map((p) => h('li', {}, p.clauseId && view.document ? h('a', { href: `#${encodeURIComponent(p.clauseId)}` }, p.provision) : p.provision, `: có hiệu lực từ ngày ${formatDate(p.from)} (${p.when === 'later' ? 'muộn hơn' : 'sớm hơn'} văn bản)`, p.evidenceClauseId ? [' — ', h('a', { href: `#${encodeURIComponent(p.evidenceClauseId)}` }, p.evidenceClauseId)] : null)),
      ),
    );
  }
  if (e.clauses.length) {
    lines.push(
      h('h3', {}, 'Điều khoản có hiệu lực riêng'),
      h(
        'ul',
        { class: 'effect-clauses' },
        e.clauses.map((c) => h('li', {}, c.clauseId && view.document ? h('a', { href: `#${encodeURIComponent(c.clauseId)}` }, c.provision) : c.provision, ': ', h('strong', { 'data-effect': c.status }, c.label), c.since ? ` từ ngày ${formatDate(c.since)}` : '', c.until ? ` đến hết ngày ${formatDate(c.until)}` : '', ' — ', actingLink(c.event))),
      ),
    );
  }
  if (e.pending.length) lines.push(h('h3', {}, 'Sau ngày này'), h('ul', {}, e.pending.map((p) => h('li', {}, `${day(p.date)}: ${eventText(p, e.eventWords)} — `, actingLink(p)))));
  if (e.uncertain.length) lines.push(h('h3', {}, 'Chưa chắc chắn (không áp dụng)'), h('ul', {}, e.uncertain.map((p) => h('li', {}, `${eventText(p, e.eventWords)} — `, actingLink(p), h('div', { class: 'small muted' }, p.evidence)))));
  return h('section', { class: 'effect', 'aria-label': 'Hiệu lực' }, h('h2', {}, 'Hiệu lực'), form, ...lines);
}

/** "Điều 5 bị bãi bỏ": the verb from the vocabulary the API sends with the view. */
function eventText(e, words) {
  return `${e.provisions ? e.provisions.join(', ') + ' ' : ''}${(words && words[e.kind] && words[e.kind].verb) || e.kind}${e.except ? `, trừ ${e.except.join(', ')}` : ''}`;
}

async function load() {
  let view;
  // Tasks beside their clauses; overdue as of the reader's own date (the clock at this edge).
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(new URL(location.href).searchParams.get('asOf') || '') ? new URL(location.href).searchParams.get('asOf') : '';
  const tasks = api(`/api/tasks?document=${encodeURIComponent(id)}&limit=1000&asOf=${asOf || today}`).catch(() => ({ tasks: [] }));
  try {
    view = await api(`/api/documents/${encodeURIComponent(id)}?asOf=${asOf || today}`);
    view.tasks = (await tasks).tasks;
  } catch (e) {
    main.replaceChildren(e.status === 404 ? h('div', { class: 'error' }, h('strong', {}, 'Không có văn bản này. '), `“${id}” không có trong kho và không được văn bản nào viện dẫn. `, h('a', { href: '/' }, 'Tìm kiếm')) : errorBox(e));
    return;
  }
  const { node, document: doc } = view;
  document.title = `${docLabel(node)} — tracuu`;
  const head = h(
    'section',
    { class: 'doc-head panel' },
    h('div', { class: 'kicker' }, h('span', {}, node.typeLabel), node.number ? h('strong', {}, node.number) : null, node.date ? h('span', {}, formatDate(node.date)) : null, status(node, view.effect), node.inCorpus ? null : h('span', { class: 'badge ext' }, 'ngoài kho — chỉ biết qua trích dẫn')),
    h('h1', {}, node.title || docLabel(node)),
    facts(view),
    effectPanel(view, asOf || today),
  );
  const body = h('div', { class: 'doc-layout' }, h('section', { class: 'panel clauses', 'aria-label': 'Nội dung' }, doc ? tree(view) : external(view)), side(view));
  main.replaceChildren(head, body);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

function facts(view) {
  const { node, document: doc } = view;
  const rows = [];
  const add = (k, v) => v && rows.push(h('dt', {}, k), h('dd', {}, v));
  add('Cơ quan ban hành', node.issuer);
  if (doc) {
    add('Nơi ban hành', doc.place);
    add('Khóa', doc.term);
    add('Người ký', doc.signer && [doc.signerTitle, doc.signer].filter(Boolean).join(' '));
    add('Nơi nhận', doc.recipients && doc.recipients.join('; '));
    // Every file the document was read from: the leading text first, other copies after, each downloadable.
    add('Nguồn', h('ul', { class: 'sources' }, doc.sources.map((s, i) => sourceItem(s, i === 0 ? (s.role === 'full-text' ? 'toàn văn' : s.role === 'news' ? 'trang tin' : 'bài báo') : 'bản khác của văn bản'))));
    if (doc.reports.length) add('Bài báo về văn bản', h('ul', { class: 'sources' }, doc.reports.map((s) => sourceItem(s, s.title))));
  }
  if (node.supersededBy) add('Thay bằng', h('span', {}, h('a', { href: docHref(node.supersededBy) }, node.supersededBy), node.statusInferred ? ' (suy ra từ chuỗi kết luận)' : ' (quy định rõ trong văn bản)'));
  add('Mã', h('code', {}, node.id));
  return h('dl', { class: 'facts' }, rows);
}

function sourceItem(s, note) {
  return h(
    'li',
    {},
    h('code', {}, s.path),
    note ? ` (${note})` : '',
    s.ocr ? ` · đọc bằng OCR, độ tin cậy ${Math.round(s.ocr.confidence)}%` : '',
    s.download ? [' · ', h('a', { href: s.download.href, download: s.download.fileName, type: s.download.contentType }, s.download.label)] : '',
  );
}

function tree(view) {
  const doc = view.document;
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const tasksBy = new Map();
  for (const t of view.tasks || []) tasksBy.set(t.clauseId, [...(tasksBy.get(t.clauseId) || []), t]);
  const refsBy = new Map();
  for (const r of view.references) refsBy.set(r.clauseId, [...(refsBy.get(r.clauseId) || []), r]);
  const effectBy = new Map();
  for (const e of (view.effect && view.effect.clauses) || []) if (e.clauseId) effectBy.set(e.clauseId, e);
  const lineageTo = new Map();
  const lineageFrom = new Map();
  for (const l of view.lineage) {
    if (byId.has(l.to)) lineageTo.set(l.to, [...(lineageTo.get(l.to) || []), l]);
    if (byId.has(l.from)) lineageFrom.set(l.from, [...(lineageFrom.get(l.from) || []), l]);
  }
  const render = (c) =>
    h(
      'div',
      { class: `clause ${c.kind}`, id: c.id },
      h('div', { class: 'meta' }, h('span', {}, c.kind === 'paragraph' ? '' : c.pathLabel), effectBy.has(c.id) ? clauseEffect(effectBy.get(c.id)) : null, c.page ? h('span', { class: 'page' }, `trang ${c.page}`) : null, h('a', { class: 'id', href: `#${encodeURIComponent(c.id)}`, title: 'Liên kết tới điều khoản này' }, c.id)),
      h('div', { class: 'text' }, c.text),
      (refsBy.get(c.id) || []).length ? h('div', { class: 'refs' }, (refsBy.get(c.id) || []).map((r) => h('span', {}, h('span', { class: 'rel' }, RELATION_LABEL[r.relation] || r.relation), refLink(r, 'to'), r.status === 'external' ? h('span', { class: 'badge ext' }, 'ngoài kho') : null))) : null,
      (tasksBy.get(c.id) || []).length ? h('div', { class: 'clause-tasks', role: 'group', 'aria-label': `Nhiệm vụ tại ${c.pathLabel || c.id}` }, (tasksBy.get(c.id) || []).map((t, _i, all) => taskCard(t, { showDocument: false, showAction: all.length > 1 }))) : null,
      ...(lineageTo.get(c.id) || []).map((l) => lineage(l, 'from')),
      ...(lineageFrom.get(c.id) || []).map((l) => lineage(l, 'to')),
      ...(c.footnotes || []).map((f) => render(byId.get(f))),
      ...c.children.map((k) => render(byId.get(k))),
    );
  return h('div', {}, doc.roots.map((r) => render(byId.get(r))));
}

function clauseEffect(e) {
  return h('span', { class: `badge effect ${e.status}`, 'data-effect': e.status }, e.label, e.since ? ` từ ${formatDate(e.since)}` : '', e.until ? ` đến hết ${formatDate(e.until)}` : '');
}

function lineage(l, side) {
  const other = side === 'from' ? l.from : l.to;
  const otherDoc = other.split('/')[0];
  const label = side === 'from' ? 'Kế thừa từ ' : 'Được nhắc lại tại ';
  return h(
    'details',
    { class: 'lineage' },
    // A link inside <summary> is a control inside a control (axe: nested-interactive): it goes in the body.
    h('summary', {}, label, h('code', {}, other), ` (giống ${Math.round(l.similarity * 100)}%)`),
    h('p', { class: 'small' }, h('a', { href: docHref(otherDoc, other) }, `Mở ${other}`)),
    h('div', { class: 'diff' }, ...l.diff.flatMap((p) => [p.op === 'equal' ? document.createTextNode(p.text) : h(p.op === 'insert' ? 'ins' : 'del', {}, p.text), ' '])),
  );
}

function external(view) {
  return h('div', {}, h('p', {}, 'Văn bản này không có trong kho; tracuu biết nó qua các trích dẫn dưới đây.'), view.citedBy.length ? h('ul', {}, view.citedBy.map((r) => h('li', {}, refLink(r, 'from'), ': ', h('q', {}, r.sentence)))) : null);
}

function side(view) {
  const out = h('aside', { class: 'side' });
  if (view.series) {
    out.append(
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, 'Chuỗi kết luận'),
        h('p', { class: 'small muted' }, view.series.title),
        h('ol', { class: 'timeline' }, (view.seriesNodes || []).map((n, i, all) => h('li', { class: `${n.id === view.node.id ? 'this' : ''} ${i === all.length - 1 ? 'current' : ''}`, 'data-id': n.id }, h('a', { href: docHref(n.id) }, docLabel(n)), n.date ? ` · ${formatDate(n.date)}` : '', n.inCorpus ? '' : ' · ngoài kho', i === all.length - 1 ? ' · hiện hành' : ''))),
      ),
    );
  }
  if ((view.tasks || []).length) {
    const late = view.tasks.filter((t) => t.overdue).length;
    out.append(h('section', { class: 'panel' }, h('h2', {}, `Nhiệm vụ (${view.tasks.length})`), h('p', { class: 'small' }, late ? `${late} nhiệm vụ đã quá hạn. ` : '', h('a', { href: `/tasks?document=${encodeURIComponent(view.node.id)}` }, 'Xem theo thời hạn'), ' · ', h('a', { href: `/api/tasks?document=${encodeURIComponent(view.node.id)}&format=ics`, download: 'tracuu-nhiem-vu.ics' }, 'Lịch (.ics)'))));
  }
  const refs = view.references.filter((r) => r.targetDocId && r.targetDocId !== view.node.id);
  if (refs.length) out.append(h('section', { class: 'panel' }, h('h2', {}, `Viện dẫn (${refs.length})`), h('ul', {}, refs.map((r) => h('li', {}, h('span', { class: 'rel' }, RELATION_LABEL[r.relation] || r.relation), refLink(r, 'to'), h('div', { class: 'small muted' }, 'tại ', h('a', { href: `#${encodeURIComponent(r.clauseId)}` }, r.clauseId)))))));
  if (view.citedBy.length) out.append(h('section', { class: 'panel' }, h('h2', {}, `Được viện dẫn bởi (${view.citedBy.length})`), h('ul', {}, view.citedBy.map((r) => h('li', {}, h('span', { class: 'rel' }, RELATION_LABEL[r.relation] || r.relation), refLink(r, 'from'), h('div', { class: 'small muted' }, r.sentence))))));
  return out;
}

addEventListener('hashchange', () => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView());
load();
