/**
 * Markdown inputs: parsed with unified + remark-parse, then the syntax is masked with spaces
 * (heading hashes, emphasis and strong markers, list bullets, link brackets and targets,
 * images) so the text keeps its offsets and reads as plain text. A unified-style pass.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { blank } from './noise.ts';

interface MdNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdNode[];
  url?: string;
}

const parser = unified().use(remarkParse);

export function maskMarkdown(text: string): string {
  const tree = parser.parse(text) as unknown as MdNode;
  const ranges: { start: number; end: number }[] = [];
  const add = (start?: number, end?: number) => {
    if (start !== undefined && end !== undefined && end > start) ranges.push({ start, end });
  };
  const visit = (node: MdNode) => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    const kids = node.children ?? [];
    const first = kids[0]?.position?.start.offset;
    const last = kids.at(-1)?.position?.end.offset;
    switch (node.type) {
      case 'heading':
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'listItem':
      case 'blockquote':
        // The markers are what lies between the node's edges and its children's.
        if (kids.length) {
          add(s, first);
          add(last, e);
        }
        break;
      case 'link':
        // "[text](javascript:…)": keep the text, drop the target — it is never rendered as a link.
        if (kids.length) {
          add(s, first);
          add(last, e);
        }
        break;
      case 'image':
      case 'thematicBreak':
      case 'definition':
        add(s, e);
        break;
      case 'inlineCode':
        if (s !== undefined && e !== undefined) {
          add(s, s + 1);
          add(e - 1, e);
        }
        break;
    }
    for (const k of kids) visit(k);
  };
  visit(tree);
  // Escapes ("\[1\]") are syntax too; keep the escaped character.
  for (const m of text.matchAll(/\\(?=[\\`*{}[\]()#+\-.!_>])/g)) add(m.index, m.index + 1);
  return blank(text, ranges);
}
