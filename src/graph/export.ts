/** Graph exports: DOT (Graphviz), Mermaid, GraphML. Labels are escaped for each format. */
import type { Graph, GraphNode } from '../model.ts';

/** Exports draw one arrow per document pair and relation (JSON keeps one edge per clause). */
function merged(g: Graph): (Graph['edges'][number] & { count: number })[] {
  const by = new Map<string, Graph['edges'][number] & { count: number }>();
  for (const e of g.edges) {
    const k = `${e.from}|${e.to}|${e.relation}`;
    const seen = by.get(k);
    if (seen) seen.count++;
    else by.set(k, { ...e, count: 1 });
  }
  return [...by.values()];
}

const label = (n: GraphNode) => `${n.number ?? n.title ?? n.id}${n.date ? ` (${n.date})` : ''}`;

const dotString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toDot(g: Graph): string {
  const lines = ['digraph tracuu {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of g.nodes) lines.push(`  ${dotString(n.id)} [label=${dotString(`${n.typeLabel} ${label(n)}`)}${n.inCorpus ? '' : ', style=dashed'}];`);
  for (const e of merged(g)) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.count > 1 ? `${e.relation} ×${e.count}` : e.relation)}${e.inferred ? ', style=dotted' : ''}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Mermaid ids must be simple: n0, n1 …; labels in quotes with entities for quotes. */
export function toMermaid(g: Graph): string {
  const idOf = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const text = (s: string) => s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['graph LR'];
  for (const n of g.nodes) lines.push(`  ${idOf.get(n.id)}${n.inCorpus ? `["${text(`${n.typeLabel} ${label(n)}`)}"]` : `(["${text(`${n.typeLabel} ${label(n)}`)}"])`}`);
  for (const e of merged(g)) {
    const a = idOf.get(e.from);
    const b = idOf.get(e.to);
    if (a && b) lines.push(`  ${a} ${e.inferred ? '-.->' : '-->'}|${text(e.relation)}| ${b}`);
  }
  return lines.join('\n') + '\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toGraphML(g: Graph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="number" for="node" attr.name="number" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="date" for="node" attr.name="date" attr.type="string"/>',
    '  <key id="inCorpus" for="node" attr.name="inCorpus" attr.type="boolean"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <graph id="tracuu" edgedefault="directed">',
  ];
  for (const n of g.nodes) {
    out.push(`    <node id="${xml(n.id)}">`);
    if (n.number) out.push(`      <data key="number">${xml(n.number)}</data>`);
    out.push(`      <data key="type">${xml(n.type)}</data>`);
    if (n.date) out.push(`      <data key="date">${xml(n.date)}</data>`);
    out.push(`      <data key="inCorpus">${n.inCorpus}</data>`, '    </node>');
  }
  g.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`, `      <data key="relation">${xml(e.relation)}</data>`, `      <data key="evidence">${xml(e.evidence)}</data>`, '    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
