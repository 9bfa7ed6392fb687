/**
 * .odt (OpenDocument text) → OfficeDocument: content.xml in reading order. Paragraphs and
 * headings, lists with their numbers drawn from the list style (text:list-level-style-number:
 * format, prefix, suffix, start), tables as rows, notes (text:note) called "[n]".
 */
import type { OfficeBlock, OfficeDocument, OfficeParagraph } from './blocks.ts';
import { formatNumber } from './numbering.ts';
import { child, descendants, elements, parseXml, unzipParts, type XmlElement } from './xml.ts';

interface ListLevel {
  format: string;
  prefix: string;
  suffix: string;
  start: number;
  bullet?: string;
}

const ODF_FORMAT: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman', '': 'none' };

function listStyles(roots: XmlElement[]): Map<string, ListLevel[]> {
  const out = new Map<string, ListLevel[]>();
  for (const root of roots)
    for (const ls of descendants(root, 'text:list-style')) {
      const levels: ListLevel[] = [];
      for (const l of elements(ls)) {
        const level = Number(l.attrs['text:level'] ?? 1) - 1;
        if (l.name === 'text:list-level-style-number')
          levels[level] = { format: ODF_FORMAT[l.attrs['style:num-format'] ?? '1'] ?? 'decimal', prefix: l.attrs['style:num-prefix'] ?? '', suffix: l.attrs['style:num-suffix'] ?? '', start: Number(l.attrs['text:start-value'] ?? 1) };
        else if (l.name === 'text:list-level-style-bullet') levels[level] = { format: 'bullet', prefix: '', suffix: '', start: 1, bullet: l.attrs['text:bullet-char'] ?? '•' };
      }
      out.set(ls.attrs['style:name'] ?? '', levels);
    }
  return out;
}

export function readOdt(bytes: Uint8Array): OfficeDocument {
  const parts = unzipParts(bytes, (p) => p === 'content.xml' || p === 'styles.xml');
  const content = parts.get('content.xml');
  if (!content) return { blocks: [], notes: [], messages: [{ ruleId: 'odt-invalid', reason: 'no content.xml in the package: not an OpenDocument text' }] };
  const root = parseXml(content);
  const styles = listStyles([root, ...(parts.has('styles.xml') ? [parseXml(parts.get('styles.xml')!)] : [])]);
  const notes: string[] = [];
  const counters = new Map<string, number[]>();

  const inline = (el: XmlElement): string => {
    let out = '';
    for (const c of el.children) {
      if (typeof c === 'string') {
        out += c;
        continue;
      }
      switch (c.name) {
        case 'text:s':
          out += ' '.repeat(Number(c.attrs['text:c'] ?? 1));
          break;
        case 'text:tab':
          out += '\t';
          break;
        case 'text:line-break':
          out += '\n';
          break;
        case 'text:note': {
          const body = child(c, 'text:note-body');
          notes.push(body ? descendants(body, 'text:p').map((p) => inline(p)).join(' ').replace(/\s+/g, ' ').trim() : '');
          out += `[${notes.length}]`;
          break;
        }
        case 'text:tracked-changes':
        case 'office:annotation':
          break;
        default:
          out += inline(c);
      }
    }
    return out;
  };

  const blocks: OfficeBlock[] = [];
  const walk = (el: XmlElement, out: OfficeBlock[], list?: { style: string; level: number }) => {
    for (const c of elements(el)) {
      if (c.name === 'text:p' || c.name === 'text:h') out.push({ type: 'p', text: inline(c) });
      else if (c.name === 'text:list') {
        const style = c.attrs['text:style-name'] ?? list?.style ?? '';
        const level = list ? list.level + 1 : 0;
        if (!list && c.attrs['text:continue-numbering'] !== 'true') counters.delete(style);
        for (const item of elements(c, 'text:list-item')) {
          const levels = styles.get(style);
          const def = levels?.[level];
          let label = '';
          const first = elements(item)[0];
          if (def && first && first.name !== 'text:list') {
            const cs = counters.get(style) ?? [];
            cs[level] = cs[level] === undefined ? def.start : cs[level]! + 1;
            cs.length = level + 1;
            counters.set(style, cs);
            label = def.format === 'bullet' ? `${def.bullet} ` : `${def.prefix}${formatNumber(cs[level]!, def.format)}${def.suffix} `;
          }
          const inner: OfficeBlock[] = [];
          walk(item, inner, { style, level });
          const p = inner.find((b): b is OfficeParagraph => b.type === 'p');
          if (p && label) p.label = label;
          out.push(...inner);
        }
      } else if (c.name === 'table:table') {
        const rows: OfficeParagraph[][][] = [];
        for (const tr of descendants(c, 'table:table-row')) {
          rows.push(
            elements(tr, 'table:table-cell').map((tc) => {
              const inner: OfficeBlock[] = [];
              walk(tc, inner);
              return inner.flatMap((b) => (b.type === 'p' ? [b] : b.rows.flat(2)));
            }),
          );
        }
        out.push({ type: 'table', rows });
      } else if (c.name === 'text:section' || c.name === 'office:text' || c.name === 'office:body' || c.name === 'office:document-content') walk(c, out, list);
    }
  };
  walk(root, blocks);
  return { blocks, notes, messages: [] };
}
