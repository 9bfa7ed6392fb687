/**
 * Reading documents: decoded inputs in, DocumentRecords out. Pure: the indexer does the file
 * IO and hands over `InputFile`s. The reader is chosen by the input's format.
 */
import type { VFile } from 'vfile';
import type { DocumentRecord } from '../model.ts';
import type { InputFile } from './input.ts';
import { readText } from './read-text.ts';
import { readPhapdien } from './phapdien.ts';
import { readAlqac } from './alqac.ts';

export type { InputFile } from './input.ts';
export { mergeDocuments } from './merge.ts';
export { NOISE_RULES, maskNoise } from './noise.ts';
export { DOC_TYPES, typeFromName, typeFromNumber, typeInfo, partyTerm } from '../doc-types.ts';
export { cleanText, findLayout, pageOf } from './read-text.ts';

export function readInput(input: InputFile, file: VFile): DocumentRecord[] {
  switch (input.format) {
    case 'phapdien-html':
      return readPhapdien(input, file);
    case 'alqac-json':
      return readAlqac(input, file);
    default:
      return readText(input, file);
  }
}

export type { ExtractedText, OfficeBlock, OfficeDocument, OfficeParagraph, OfficeTable, ReaderMessage } from './office/blocks.ts';
export { layoutOffice, isLayoutTable } from './office/blocks.ts';
export { readDocx } from './office/docx.ts';
export { readOdt } from './office/odt.ts';
export { formatNumber, NumberingCounter } from './office/numbering.ts';
export type { PdfPage, PdfTextItem } from './pdf/types.ts';
export { pdfToText, garbledScore, GARBLED_THRESHOLD, type PdfExtracted } from './pdf/pdf-text.ts';
