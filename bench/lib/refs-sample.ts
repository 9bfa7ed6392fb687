/**
 * Reads tests/fixtures/refs-sample (issue 12): reference occurrences labelled by reading, one
 * row per occurrence (a sentence with none has one row with ref 0). See the README there for
 * what every column means. Whoever writes reference rules reads `tune.tsv` only; `holdout.tsv`
 * is for scoring.
 */
import { readFileSync } from 'node:fs';

/** What an occurrence names. `topic` and `own-number` rows are NOT references (traps for precision). */
export const SAMPLE_KINDS = ['number', 'name', 'name-date', 'self', 'internal', 'anaphor', 'topic', 'own-number'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** Relation values the labels use beyond `Relation` in src/model.ts (see the README). */
export const EXTRA_RELATIONS = ['continues-effect'] as const;

export const SAMPLE_COLUMNS = [
  'sid',
  'stratum',
  'census',
  'source',
  'file',
  'line',
  'where',
  'sentence',
  'ref',
  'text',
  'start',
  'end',
  'kind',
  'type',
  'number',
  'name',
  'date',
  'pinpoint',
  'relation',
  'except',
  'when',
  'stated',
  'ambiguous',
  'note',
] as const;

export interface SampleRow {
  sid: string;
  stratum: string;
  census: boolean;
  /** `office` rows come from the blind sample (tests/fixtures/refs-sample/blind.tsv). */
  source: 'vlc' | 'phapdien' | 'office';
  file: string;
  line: number;
  where: string;
  sentence: string;
  /** 1-based ordinal of the occurrence in its sentence; 0 for a sentence with no occurrence. */
  ref: number;
  text: string;
  /** UTF-16 offsets into `sentence` (NFC); -1 when `ref` is 0. */
  start: number;
  end: number;
  kind?: SampleKind;
  type: string;
  number: string;
  name: string;
  date: string;
  pinpoint: string;
  /** Accepted relations, `|`-separated in the file ("continues-effect|cites": either is right). */
  relations: string[];
  except: string;
  when: string;
  stated: string;
  ambiguous: boolean;
  note: string;
}

export function readRefsSample(path: string): SampleRow[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines.shift()?.split('\t') ?? [];
  if (header.join('\t') !== SAMPLE_COLUMNS.join('\t')) throw new Error(`${path}: unexpected header ${header.join(',')}`);
  return lines.map((l, i) => {
    const c = l.split('\t');
    if (c.length !== SAMPLE_COLUMNS.length) throw new Error(`${path}:${i + 2}: ${c.length} columns, expected ${SAMPLE_COLUMNS.length}`);
    const get = (k: (typeof SAMPLE_COLUMNS)[number]) => c[SAMPLE_COLUMNS.indexOf(k)]!;
    const ref = Number(get('ref'));
    return {
      sid: get('sid'),
      stratum: get('stratum'),
      census: get('census') === 'census',
      source: get('source') as SampleRow['source'],
      file: get('file'),
      line: Number(get('line')),
      where: get('where'),
      sentence: get('sentence'),
      ref,
      text: get('text'),
      start: ref ? Number(get('start')) : -1,
      end: ref ? Number(get('end')) : -1,
      kind: (get('kind') || undefined) as SampleKind | undefined,
      type: get('type'),
      number: get('number'),
      name: get('name'),
      date: get('date'),
      pinpoint: get('pinpoint'),
      relations: get('relation') ? get('relation').split('|') : [],
      except: get('except'),
      when: get('when'),
      stated: get('stated'),
      ambiguous: get('ambiguous') === 'yes',
      note: get('note'),
    };
  });
}

/** True for rows that are references (a finder should find them); false for traps and empty sentences. */
export function isReference(r: SampleRow): boolean {
  return r.ref > 0 && r.kind !== 'topic' && r.kind !== 'own-number';
}
