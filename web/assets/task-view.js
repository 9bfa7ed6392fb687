// One task as shown on the tasks page and beside its clause on the document page.
import { formatDate, h } from './common.js';

const KIND = { date: '', month: 'trong ', quarter: 'trong ', year: 'trong ', recurring: '', event: '' };
const EVERY = { continuous: 'thường xuyên', periodic: 'định kỳ', week: 'hằng tuần', 'two-weeks': '2 tuần một lần', month: 'hằng tháng', quarter: 'hằng quý', year: 'hằng năm' };

/** "31/8/2025", "trong tháng 2/2026", "hằng tháng (ngày 25)", "trước Đại hội …" */
export function deadlineText(d) {
  if (!d) return 'không nêu thời hạn';
  if (d.kind === 'recurring') return `${EVERY[d.every] || 'định kỳ'}${d.day ? ` (ngày ${d.day}${d.month ? `/${d.month}` : ''})` : ''}`;
  if (d.kind === 'event') return d.text;
  if (d.kind === 'month') return `trong tháng ${Number(d.date.slice(5, 7))}/${d.date.slice(0, 4)}`;
  if (d.kind === 'quarter') return `trong quý ${['I', 'II', 'III', 'IV'][Math.floor((Number(d.date.slice(5, 7)) - 1) / 3)]}/${d.date.slice(0, 4)}`;
  if (d.kind === 'year') return `trong năm ${d.date.slice(0, 4)}`;
  return `${KIND[d.kind] || ''}${formatDate(d.date)}`;
}

const SCOPE = { 'items-above': 'hạn chung nêu sau các nhiệm vụ', slot: 'theo mục “Thời gian thực hiện”', heading: 'theo thời hạn của đề mục' };
const names = (xs) => xs.map((a) => a.name).join('; ');
export const docHref = (docId, clauseId) => `/doc/${encodeURIComponent(docId)}${clauseId ? '#' + encodeURIComponent(clauseId) : ''}`;

/** A card: deadline, overdue, who leads and takes part, the action, where it is, and what it repeats or implements. */
export function taskCard(t, { showDocument = true, showAction = true } = {}) {
  const who = t.lead.length ? names(t.lead) : 'Chưa rõ cơ quan thực hiện';
  const links = t.links.map((l) => {
    const label = l.kind === 'repeats' ? (l.direction === 'earlier' ? 'Nhắc lại từ' : 'Được nhắc lại tại') : l.direction === 'earlier' ? 'Thực hiện nhiệm vụ tại' : 'Được thực hiện tại';
    return h('li', {}, `${label} `, h('a', { href: docHref(l.other.docId, l.other.clauseId) }, `${l.other.number || l.other.docId} ${l.other.clausePath}`), l.deadlineChange ? ` — thời hạn ${l.deadlineChange.from || 'không nêu'} → ${l.deadlineChange.to || 'không nêu'}` : '');
  });
  return h(
    'article',
    { class: `task${t.overdue ? ' overdue' : ''}`, 'data-id': t.id },
    h(
      'div',
      { class: 'task-head' },
      h('span', { class: 'due' }, deadlineText(t.deadline)),
      t.overdue ? h('span', { class: 'badge late' }, 'Quá hạn') : null,
      t.deadline && SCOPE[t.deadline.scope] ? h('span', { class: 'small muted', title: t.deadline.text }, SCOPE[t.deadline.scope]) : null,
    ),
    h('p', { class: 'who' }, h('strong', {}, who), t.assignees === 'inferred' ? h('span', { class: 'badge', title: 'Đoạn văn không nêu chủ thể; suy ra từ nhiệm vụ trước' }, 'suy ra') : null, t.partners.length ? h('span', { class: 'partners' }, ` · phối hợp: ${names(t.partners)}`) : null),
    showAction ? h('p', { class: 'action' }, t.action.text) : null,
    showDocument ? h('p', { class: 'where small' }, h('a', { href: docHref(t.docId, t.clauseId) }, `${[t.document.typeLabel, t.document.number].filter(Boolean).join(' ') || t.docId} · ${t.clausePath}`), t.document.date ? ` · ban hành ${formatDate(t.document.date)}` : '') : null,
    links.length ? h('ul', { class: 'task-links small' }, links) : null,
  );
}
