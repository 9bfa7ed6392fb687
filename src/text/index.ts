/**
 * The Vietnamese text layer: public API. Every other module imports from here, never
 * from the files behind it, so the layer can change inside without breaking callers.
 */
export { normalize } from './normalize.ts';
export { fold, canonicalTones } from './fold.ts';
export type { Token, TokenKind } from './tokenize.ts';
export { tokenize, bigrams } from './tokenize.ts';
export type { Term } from './term.ts';
export { analyzeTerm } from './term.ts';
export { canonicalIdentifier } from './identifier.ts';
