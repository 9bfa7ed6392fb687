/** Rewrites the part of a docs file between `<!-- name -->` and `<!-- /name -->` (the markers stay). */
import { readFileSync, writeFileSync } from 'node:fs';

export function writeSection(file: string, name: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  const block = `${open}\n${body.trim()}\n${close}`;
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

export function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}
