/**
 * Serving an original file: its content type, from the format the indexer read it as, and a
 * Content-Disposition whose file name is safe (RFC 6266: an ASCII `filename` fallback and the
 * real name, UTF-8 percent-encoded, in `filename*`).
 */
import type { Source, SourceFormat } from '../model.ts';

const TYPES: Record<SourceFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  'phapdien-html': 'text/html; charset=utf-8',
  'alqac-json': 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  rtf: 'application/rtf',
  pdf: 'application/pdf',
  image: 'application/octet-stream',
};

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', tif: 'image/tiff', tiff: 'image/tiff' };

/** What a person calls the format: "PDF", "Word", "văn bản". */
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  txt: 'văn bản',
  md: 'Markdown',
  html: 'HTML',
  'phapdien-html': 'HTML',
  'alqac-json': 'JSON',
  docx: 'Word',
  odt: 'ODT',
  doc: 'Word 97–2003',
  rtf: 'RTF',
  pdf: 'PDF',
  image: 'ảnh',
};

/** The file's base name as given to the indexer, without any "#entry" of a file of many documents. */
export function sourceFileName(source: Pick<Source, 'path'>): string {
  return source.path.split('#')[0]!.replace(/^.*[\\/]/, '') || 'ban-goc';
}

export function sourceContentType(source: Pick<Source, 'format' | 'path'>): string {
  if (source.format === 'image') return IMAGE_TYPES[sourceFileName(source).split('.').pop()!.toLowerCase()] ?? TYPES.image;
  return TYPES[source.format] ?? 'application/octet-stream';
}

/**
 * `attachment; filename="Nghi dinh 30.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2030.pdf`.
 * The fallback keeps printable ASCII only (folded Vietnamese, no quotes, backslashes or
 * control characters); the real name is percent-encoded, so no header can be injected.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'ban-goc';
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_') || 'ban-goc';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
