/** Canonical legal identifiers. (Stub: the text helper owns this file.) */
export function canonicalIdentifier(raw: string): string | null {
  const s = raw.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return /\d/.test(s) && /[/-]/.test(s) ? s : null;
}
