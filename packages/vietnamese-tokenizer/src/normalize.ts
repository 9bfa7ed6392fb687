/**
 * Unicode NFC for every input. Nothing else changes (NBSP, line breaks, punctuation stay),
 * so offsets into the normalized text stay meaningful; normalize once when reading, then
 * store and tokenize the result. ASCII-only and already-NFC strings are returned as is.
 */
export function normalize(text: string): string {
  return text.normalize('NFC');
}
