// The search page: query and filters live in the URL, results are clauses, facets filter.
import { api, debounce, docLabel, errorBox, formatDate, h, snippetNodes, STATUS_LABEL } from './common.js';

const FACETS = [
  ['type', 'Loại văn bản'],
  ['status', 'Hiệu lực'],
  ['series', 'Chuỗi văn bản'],
  ['issuer', 'Cơ quan ban hành'],
  ['year', 'Năm'],
  ['corpus', 'Kho'],
];
const LIMIT = 10;
const $ = (id) => document.getElementById(id);
const input = $('q');
const list = $('suggest');

function state() {
  const p = new URLSearchParams(location.search);
  const asOf = p.get('asOf') || '';
  return { q: p.get('q') || '', page: Number(p.get('page') || 1), group: p.get('group') === 'document', document: p.get('document') || '', inForce: p.get('inForce') === '1', asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '', filters: Object.fromEntries(FACETS.map(([k]) => [k, p.get(k) || ''])) };
}

function setState(next, push = true) {
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  for (const [k, v] of Object.entries(next.filters)) if (v) p.set(k, v);
  if (next.group) p.set('group', 'document');
  if (next.document) p.set('document', next.document);
  if (next.inForce) p.set('inForce', '1');
  if (next.asOf) p.set('asOf', next.asOf);
  if (next.page > 1) p.set('page', String(next.page));
  const url = `/${p.toString() ? '?' + p : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  render();
}

let seq = 0;
// While typing, the last word is still being written: ask the server to complete it.
let typing = false;
async function render() {
  const s = state();
  input.value = s.q;
  $('group').checked = s.group;
  $('in-force').checked = s.inForce;
  $('as-of').value = s.asOf || localToday();
  document.title = s.q ? `${s.q} — tracuu` : 'tracuu — tra cứu văn bản và điều khoản';
  $('hint').hidden = Boolean(s.q);
  const results = $('results');
  if (!s.q.trim()) {
    results.replaceChildren(h('p', { class: 'empty' }, 'Nhập từ khoá, cụm từ trong ngoặc kép, hoặc số hiệu văn bản (ví dụ 195-KL/TW, kl 195, NĐ 15/2020).'));
    $('facets').replaceChildren();
    $('summary').textContent = '';
    $('pager').replaceChildren();
    return;
  }
  const my = ++seq;
  const p = new URLSearchParams({ q: s.q, limit: String(LIMIT), offset: String((s.page - 1) * LIMIT), prefix: typing ? '1' : '0' });
  typing = false;
  for (const [k, v] of Object.entries(s.filters)) if (v && k !== 'year') p.set(k, v);
  if (s.filters.year) {
    p.set('from', `${s.filters.year}-01-01`);
    p.set('to', `${s.filters.year}-12-31`);
  }
  if (s.group) p.set('group', 'document');
  if (s.document) p.set('document', s.document);
  // In force on the chosen day (the reader's today by default): the API's status=in-force&asOf=.
  if (s.inForce) {
    p.set('status', 'in-force');
    p.set('asOf', s.asOf || localToday());
  }
  try {
    const r = await api(`/api/search?${p}`);
    if (my !== seq) return;
    $('summary').textContent = r.total ? `${r.total.toLocaleString('vi-VN')} kết quả · ${r.tookMs ?? ''} ms` : '';
    const list = r.total ? (s.group && r.groups ? groups(r.groups) : hits(r.hits)) : h('p', { class: 'empty' }, `Không tìm thấy kết quả cho “${s.q}”. Thử bỏ bớt từ, hoặc gõ không dấu.`);
    // "More in this document" leads here: say so, and how to go back to every document.
    const only = s.document ? h('p', { class: 'only-doc' }, 'Chỉ trong văn bản ', h('a', { href: `/doc/${encodeURIComponent(s.document)}` }, r.hits[0] ? docLabel(r.hits[0].document) : s.document), ' · ', h('button', { type: 'button', class: 'link', onclick: () => setState({ ...s, document: '', page: 1 }) }, 'Tìm trong mọi văn bản')) : null;
    results.replaceChildren(...(only ? [only] : []), list);
    facets(r.facets, s);
    pager(r.total, s);
  } catch (e) {
    if (my === seq) results.replaceChildren(errorBox(e));
  }
}

/** The reader's own date (the clock at this edge), YYYY-MM-DD. */
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function hitItem(hit) {
  const d = hit.document;
  const href = hit.match === 'number' ? `/doc/${encodeURIComponent(d.id)}` : `/doc/${encodeURIComponent(d.id)}#${encodeURIComponent(hit.id)}`;
  return h(
    'li',
    { class: hit.match === 'number' ? 'number' : '', 'data-id': hit.id },
    h(
      'div',
      { class: 'hit-head' },
      hit.path ? h('a', { class: 'path', href }, hit.path) : null,
      h('a', { class: 'doc', href: `/doc/${encodeURIComponent(d.id)}` }, docLabel(d)),
      d.date ? h('span', { class: 'muted small' }, formatDate(d.date)) : null,
      d.inCorpus ? null : h('span', { class: 'badge ext' }, 'ngoài kho'),
      hit.match === 'cites' ? h('span', { class: 'badge' }, 'viện dẫn văn bản cần tìm') : null,
      h('span', { class: 'score', title: 'điểm xếp hạng' }, hit.score.toFixed(1)),
    ),
    d.title ? h('div', { class: 'hit-title' }, d.title) : null,
    h('div', { class: 'snippet' }, ...snippetNodes(hit.snippet)),
    hit.alsoIn?.length ? alsoIn(hit.alsoIn) : null,
    hit.moreInDocument ? h('a', { class: 'more-in-doc', href: `/?${new URLSearchParams({ q: state().q, document: d.id })}` }, `Thêm ${hit.moreInDocument.toLocaleString('vi-VN')} kết quả trong văn bản này`) : null,
  );
}

// The same sentence in other documents, folded into this hit: "and N more documents".
const alsoIn = (others) =>
  h(
    'details',
    { class: 'also-in' },
    h('summary', {}, `và ${others.length.toLocaleString('vi-VN')} văn bản khác có cùng nội dung`),
    h('ul', {}, others.map((o) => h('li', {}, h('a', { href: `/doc/${encodeURIComponent(o.document.id)}#${encodeURIComponent(o.id)}` }, docLabel(o.document)), o.path ? h('span', { class: 'muted small' }, ` ${o.path}`) : null, o.document.title ? h('span', { class: 'muted small' }, ` — ${o.document.title}`) : null))),
  );

const hits = (list) => h('ol', { class: 'hits' }, list.map(hitItem));
const groups = (gs) => h('div', {}, gs.map((g) => h('div', { class: 'group' }, h('h2', {}, h('a', { href: `/doc/${encodeURIComponent(g.document.id)}` }, docLabel(g.document)), ' ', h('span', { class: 'muted small' }, g.document.title || '')), hits(g.hits))));

function facets(all, s) {
  const box = $('facets');
  box.replaceChildren();
  for (const [key, title] of FACETS) {
    const values = all[key] || [];
    const active = s.filters[key];
    if (!values.length && !active) continue;
    box.append(h('h3', {}, title));
    for (const f of values.slice(0, 8)) {
      const on = active === f.value;
      box.append(
        h('button', { type: 'button', class: 'chip', 'aria-pressed': String(on), onclick: () => setState({ ...s, page: 1, filters: { ...s.filters, [key]: on ? '' : f.value } }) }, h('span', {}, key === 'status' ? STATUS_LABEL[f.value] || f.label : f.label), h('span', { class: 'count' }, String(f.count))),
      );
    }
  }
}

function pager(total, s) {
  const pages = Math.ceil(total / LIMIT);
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (n) => () => {
    setState({ ...s, page: n });
    scrollTo(0, 0);
  };
  nav.append(h('button', { type: 'button', disabled: s.page <= 1, onclick: go(s.page - 1), 'aria-label': 'Trang trước' }, '‹'));
  const from = Math.max(1, s.page - 3);
  for (let n = from; n <= Math.min(pages, from + 6); n++) nav.append(h('button', { type: 'button', 'aria-current': n === s.page ? 'page' : false, onclick: go(n) }, String(n)));
  nav.append(h('button', { type: 'button', disabled: s.page >= pages, onclick: go(s.page + 1), 'aria-label': 'Trang sau' }, '›'));
}

// Autosuggest: an ARIA combobox with a listbox.
let active = -1;
function showSuggestions(items) {
  active = -1;
  list.replaceChildren(...items.map((text, i) => h('li', { role: 'option', id: `sg-${i}`, 'aria-selected': 'false', onmousedown: (e) => (e.preventDefault(), choose(text)) }, text)));
  list.hidden = !items.length;
  input.setAttribute('aria-expanded', String(items.length > 0));
  input.removeAttribute('aria-activedescendant');
}
function move(delta) {
  const items = [...list.children];
  if (!items.length) return;
  active = (active + delta + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  input.setAttribute('aria-activedescendant', items[active].id);
}
function choose(text) {
  showSuggestions([]);
  setState({ ...state(), q: text, page: 1 });
}
const suggest = debounce(async () => {
  const q = input.value;
  if (!q.trim()) return showSuggestions([]);
  try {
    const r = await api(`/api/suggest?q=${encodeURIComponent(q)}`);
    if (input.value === q && document.activeElement === input) showSuggestions(r.suggestions.filter((s) => s !== q));
  } catch {
    showSuggestions([]);
  }
}, 120);
const live = debounce(() => {
  const s = state();
  if (input.value !== s.q) {
    typing = true;
    setState({ ...s, q: input.value, page: 1 }, false);
  }
}, 250);

input.addEventListener('input', () => {
  suggest();
  live();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') (e.preventDefault(), list.hidden ? suggest() : move(1));
  else if (e.key === 'ArrowUp') (e.preventDefault(), move(-1));
  else if (e.key === 'Escape') showSuggestions([]);
  else if (e.key === 'Enter' && active >= 0) (e.preventDefault(), choose(list.children[active].textContent));
});
input.addEventListener('blur', () => setTimeout(() => showSuggestions([]), 100));
$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  showSuggestions([]);
  setState({ ...state(), q: input.value, page: 1 });
});
$('group').addEventListener('change', (e) => setState({ ...state(), group: e.target.checked }));
$('in-force').addEventListener('change', (e) => setState({ ...state(), page: 1, inForce: e.target.checked }));
$('as-of').addEventListener('change', (e) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setState({ ...state(), page: 1, asOf: e.target.value });
});
for (const b of document.querySelectorAll('#hint button')) b.addEventListener('click', () => setState({ ...state(), q: b.dataset.q, page: 1 }));
addEventListener('popstate', render);
render();
