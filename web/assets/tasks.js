// The tasks page: filters (body, document, due dates, overdue) kept in the address, a timeline
// by month, overdue marked relative to today (the browser's date — or ?asOf= — is the clock at
// this edge), and CSV / iCalendar downloads of exactly what is shown.
import { api, docLabel, errorBox, h } from './common.js';
import { taskCard } from './task-view.js';

const form = document.getElementById('filters');
const timeline = document.getElementById('timeline');
const summary = document.getElementById('summary');
const FIELDS = ['assignee', 'document', 'dueAfter', 'dueBefore', 'overdue'];
const MONTHS = ['', 'Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'];

const page = new URL(location.href);
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const asOf = page.searchParams.get('asOf') || localToday();

function params() {
  const p = new URLSearchParams();
  for (const f of FIELDS) {
    const el = form.elements[f];
    const v = el.type === 'checkbox' ? (el.checked ? 'true' : '') : el.value.trim();
    if (v) p.set(f, v);
  }
  return p;
}

function fill(p) {
  for (const f of FIELDS) {
    const el = form.elements[f];
    if (el.type === 'checkbox') el.checked = p.get(f) === 'true';
    else el.value = p.get(f) || '';
  }
}

async function load() {
  const p = params();
  const q = new URLSearchParams(p);
  q.set('asOf', asOf);
  q.set('limit', '1000');
  for (const [id, format] of [['csv', 'csv'], ['ics', 'ics']]) {
    const e = new URLSearchParams(q);
    e.delete('limit');
    e.set('format', format);
    document.getElementById(id).setAttribute('href', `/api/tasks?${e}`);
  }
  timeline.setAttribute('aria-busy', 'true');
  let body;
  try {
    body = await api(`/api/tasks?${q}`);
  } catch (e) {
    timeline.replaceChildren(errorBox(e));
    summary.textContent = '';
    return;
  } finally {
    timeline.removeAttribute('aria-busy');
  }
  render(body);
}

function render(body) {
  const late = body.tasks.filter((t) => t.overdue).length;
  summary.textContent = `${body.total} nhiệm vụ${late ? ` · ${late} quá hạn` : ''} · tính đến ngày ${asOf.split('-').reverse().map(Number).join('/')}`;
  if (!body.tasks.length) {
    timeline.replaceChildren(h('p', { class: 'empty' }, 'Không có nhiệm vụ nào khớp bộ lọc.'));
    return;
  }
  // Dated deadlines by month; then recurring ones; then events and tasks without a deadline.
  const groups = new Map();
  const add = (key, title, t) => {
    if (!groups.has(key)) groups.set(key, { title, tasks: [] });
    groups.get(key).tasks.push(t);
  };
  for (const t of body.tasks) {
    const d = t.deadline;
    if (d && d.date && d.kind !== 'recurring') add(d.date.slice(0, 7), `${MONTHS[Number(d.date.slice(5, 7))]}/${d.date.slice(0, 4)}`, t);
    else if (d && d.kind === 'recurring') add('~recurring', 'Định kỳ, thường xuyên', t);
    else add('~none', d ? 'Theo sự kiện' : 'Không nêu thời hạn', t);
  }
  const keys = [...groups.keys()].sort();
  const thisMonth = asOf.slice(0, 7);
  timeline.replaceChildren(
    ...keys.map((k) => {
      const g = groups.get(k);
      const past = !k.startsWith('~') && k < thisMonth;
      const lateHere = g.tasks.filter((t) => t.overdue).length;
      return h(
        'section',
        { class: `month${past ? ' past' : ''}${k === thisMonth ? ' now' : ''}`, 'aria-labelledby': `m-${k}`, 'data-month': k },
        h('h2', { id: `m-${k}` }, g.title, h('span', { class: 'count' }, ` · ${g.tasks.length} nhiệm vụ${lateHere ? `, ${lateHere} quá hạn` : ''}`), k === thisMonth ? h('span', { class: 'badge current' }, 'tháng này') : null),
        h('div', { class: 'tasks' }, g.tasks.map((t) => taskCard(t))),
      );
    }),
  );
}

async function init() {
  fill(page.searchParams);
  // Documents that have tasks, and the bodies they name, for the filters.
  try {
    const [docs, all] = await Promise.all([api('/api/documents'), api(`/api/tasks?limit=1000&asOf=${asOf}`)]);
    const withTasks = new Set(all.tasks.map((t) => t.docId));
    const select = form.elements.document;
    for (const d of docs.documents.filter((x) => withTasks.has(x.id))) select.append(h('option', { value: d.id }, `${docLabel(d)}${d.title ? ` — ${d.title.slice(0, 60)}` : ''}`));
    select.value = page.searchParams.get('document') || '';
    const bodies = [...new Set(all.tasks.flatMap((t) => [...t.lead, ...t.partners].map((a) => a.name)))].sort((a, b) => a.localeCompare(b, 'vi'));
    document.getElementById('bodies').replaceChildren(...bodies.map((b) => h('option', { value: b })));
  } catch {
    // The list still loads below; the pickers just stay short.
  }
  await load();
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const p = params();
  if (page.searchParams.get('asOf')) p.set('asOf', asOf);
  history.replaceState(null, '', `/tasks${p.toString() ? `?${p}` : ''}`);
  load();
});
form.elements.overdue.addEventListener('change', () => form.requestSubmit());
form.elements.document.addEventListener('change', () => form.requestSubmit());
document.getElementById('reset').addEventListener('click', () => {
  fill(new URLSearchParams());
  form.requestSubmit();
});
init();
