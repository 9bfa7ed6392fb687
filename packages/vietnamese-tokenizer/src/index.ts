/**
 * The Vietnamese text layer: public API. Every other module imports from here, never
 * from the files behind it, so the layer can change inside without breaking callers.
 * See README.md in this folder for the rules (tone placement, identifier grammar).
 */
export { normalize } from './normalize.ts';
export { fold, canonicalTones } from './fold.ts';
export type { Token, TokenKind } from './tokenize.ts';
export { tokenize, bigrams } from './tokenize.ts';
export type { Term } from './term.ts';
export { analyzeTerm, analyzeToken } from './term.ts';
export type { IdentifierShape } from './identifier.ts';
export { canonicalIdentifier, identifierParts, IDENTIFIER_SHAPES } from './identifier.ts';
export { parseVietnameseDate, isoDate } from './date.ts';
export type { DateSpan } from './find-dates.ts';
export { findDates } from './find-dates.ts';
