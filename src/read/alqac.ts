/** ALQAC law.json importer — placeholder until the search work lands its implementation. */
import type { VFile } from 'vfile';
import type { DocumentRecord } from '../model.ts';
import type { InputFile } from './input.ts';

export function readAlqac(_input: InputFile, file: VFile): DocumentRecord[] {
  file.message('ALQAC importer not available yet', { ruleId: 'alqac-json' });
  return [];
}
