/**
 * A small element tree over saxes (the XML parser) and the zip reader (fflate): what the
 * OOXML (.docx) and ODF (.odt) readers walk. Names stay qualified ("w:p", "text:h"): both
 * formats use fixed prefixes in practice, and a prefix-free walk would need a namespace map
 * for every lookup.
 */
import { SaxesParser } from 'saxes';
import { strFromU8, unzipSync } from 'fflate';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => stack.at(-1)!.children.push(t));
  parser.on('cdata', (t) => stack.at(-1)!.children.push(t));
  parser.write(xml).close();
  return root;
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (!name || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All descendants named `name`, in document order (not descending into matches). */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The parts of a zip package as text, only those `wanted` says (by path). Throws on a broken archive. */
export function unzipParts(bytes: Uint8Array, wanted: (path: string) => boolean): Map<string, string> {
  const files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) out.set(name, strFromU8(data));
  return out;
}
