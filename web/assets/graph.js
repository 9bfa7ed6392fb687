// The graph page: the citation graph around a document, drawn with cytoscape. Tooltips and
// labels are plain text; a click opens the document.
import cytoscape from '/assets/vendor/cytoscape.js';
import { api, docLabel, errorBox, formatDate, h, RELATION_LABEL } from './common.js';

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const RELS = ['supersedes', 'implements', 'based-on', 'amends', 'supplements', 'replaces', 'repeals', 'ends-effect', 'guides', 'attached', 'reports-on', 'cites'];
const selected = new Set((params.get('relation') || '').split(',').filter(Boolean));
$('root').value = params.get('root') || '221-kl-tw';
$('depth').value = params.get('depth') || '2';
for (const r of RELS) {
  $('relations').append(h('label', {}, h('input', { type: 'checkbox', value: r, checked: !selected.size || selected.has(r) }), ' ', RELATION_LABEL[r]));
}

const css = getComputedStyle(document.documentElement);
const color = (name) => css.getPropertyValue(name).trim() || '#888';
let cy;

async function draw() {
  const root = $('root').value.trim();
  const depth = $('depth').value;
  const rels = [...$('relations').querySelectorAll('input:checked')].map((i) => i.value);
  const p = new URLSearchParams({ depth });
  if (root) p.set('root', root);
  if (rels.length && rels.length < RELS.length) p.set('relation', rels.join(','));
  history.replaceState(null, '', `/graph?${p}`);
  $('status').textContent = 'Đang tải…';
  let g;
  try {
    g = await api(`/api/graph?${p}`);
  } catch (e) {
    $('status').replaceChildren(errorBox(e));
    return;
  }
  $('status').textContent = `${g.nodes.length} văn bản, ${g.edges.length} quan hệ`;
  const rootId = g.nodes.find((n) => n.id === root.toLowerCase())?.id ?? g.nodes[0]?.id;
  // One edge per relation between two documents (the API gives one per clause).
  const seen = new Map();
  for (const e of g.edges) {
    const key = `${e.from}|${e.to}|${e.relation}`;
    if (!seen.has(key)) seen.set(key, { ...e, count: 1 });
    else seen.get(key).count++;
  }
  const elements = [
    ...g.nodes.map((n) => ({ data: { id: n.id, label: `${n.number || shorten(n.typeLabel + ': ' + (n.title || n.id))}${n.date ? '\n' + formatDate(n.date) : ''}`, node: n }, classes: `${n.inCorpus ? 'in' : 'out'}${n.id === rootId ? ' root' : ''}${n.status === 'superseded' ? ' superseded' : ''}` })),
    ...[...seen.values()].map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: RELATION_LABEL[e.relation] || e.relation, edge: e }, classes: e.inferred ? 'inferred' : '' })),
  ];
  cy?.destroy();
  cy = cytoscape({
    container: $('cy'),
    elements,
    layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.15, padding: 30, roots: rootId ? [rootId] : undefined },
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 11, color: color('--ink'), 'background-color': color('--panel'), 'border-width': 2, 'border-color': color('--accent'), shape: 'round-rectangle', width: 150, height: 48, 'text-max-width': 140 } },
      { selector: 'node.out', style: { 'border-style': 'dashed', 'border-color': color('--ext') } },
      { selector: 'node.root', style: { 'background-color': color('--accent'), color: '#fff' } },
      { selector: 'node.superseded', style: { opacity: 0.8 } },
      { selector: 'edge', style: { width: 1.6, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': color('--muted'), 'target-arrow-color': color('--muted'), label: 'data(label)', 'font-size': 9, color: color('--muted'), 'text-background-color': color('--panel'), 'text-background-opacity': 1, 'text-rotation': 'autorotate' } },
      { selector: 'edge.inferred', style: { 'line-style': 'dotted', 'line-color': color('--accent'), 'target-arrow-color': color('--accent') } },
    ],
  });
  window.__tracuuGraph = { nodes: g.nodes.map((n) => n.id), edges: [...seen.values()].map((e) => ({ from: e.from, to: e.to, relation: e.relation })) };
  cy.on('tap', 'node', (ev) => (location.href = `/doc/${encodeURIComponent(ev.target.id())}`));
  cy.on('mouseover', 'node, edge', (ev) => tip(ev));
  cy.on('mouseout', 'node, edge', () => ($('tip').hidden = true));
}

function shorten(s) {
  return s.length > 34 ? s.slice(0, 33) + '…' : s;
}

function tip(ev) {
  const box = $('tip');
  const d = ev.target.data();
  if (d.node) {
    const n = d.node;
    box.replaceChildren(h('strong', {}, docLabel(n)), n.date ? h('div', {}, formatDate(n.date)) : null, n.title ? h('div', {}, n.title) : null, h('div', { class: 'muted small' }, n.inCorpus ? 'trong kho' : 'ngoài kho'));
  } else {
    const e = d.edge;
    box.replaceChildren(h('strong', {}, `${RELATION_LABEL[e.relation] || e.relation}${e.count > 1 ? ` (${e.count} điều khoản)` : ''}`), h('div', { class: 'small' }, e.evidence));
  }
  const p = ev.renderedPosition || { x: 0, y: 0 };
  const rect = $('cy').getBoundingClientRect();
  box.style.left = `${Math.min(rect.left + p.x + 12, innerWidth - 380)}px`;
  box.style.top = `${rect.top + p.y + 12}px`;
  box.hidden = false;
}

$('tools').addEventListener('submit', (e) => (e.preventDefault(), draw()));
draw();
