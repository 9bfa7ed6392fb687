/** Unicode NFC for every input. (Stub: the text helper owns this file.) */
export function normalize(text: string): string {
  return text.normalize('NFC');
}
