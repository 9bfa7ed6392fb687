/** Scoring the reference finder against labels: shared by `npm run eval:refs` and the tests. */
import { readFileSync } from 'node:fs';
import { findInText, type FoundReference } from '../../src/refs/index.ts';
import { canonicalIdentifier } from 'vietnamese-tokenizer';

export interface Label {
  source: string;
  sentence: string;
  text: string;
  number: string;
  relations: string[];
}

export function readLabels(path: string): Label[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [source = '', sentence = '', text = '', number = '', relations = ''] = l.split('\t');
      return { source, sentence, text, number, relations: relations ? relations.split('|') : [] };
    });
}

export interface Score {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  relationCorrect: number;
  relationAccuracy: number;
  misses: string[];
  extras: string[];
}

const num = (s: string) => (s ? (canonicalIdentifier(s) ?? s) : '');

function matches(p: FoundReference, g: Label): boolean {
  const textOk = p.text.includes(g.text) || g.text.includes(p.text);
  if (!textOk) return false;
  if (!g.number) return p.target.scope !== 'document';
  return num(p.target.number ?? '') === num(g.number);
}

export function score(labels: Label[]): Score {
  const bySentence = new Map<string, Label[]>();
  for (const l of labels) bySentence.set(l.sentence, [...(bySentence.get(l.sentence) ?? []), l]);
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let relationCorrect = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  for (const [sentence, ls] of bySentence) {
    const golds = ls.filter((l) => l.text);
    const found = findInText(sentence);
    gold += golds.length;
    predicted += found.length;
    const used = new Set<number>();
    for (const g of golds) {
      const i = found.findIndex((p, k) => !used.has(k) && matches(p, g));
      if (i < 0) {
        misses.push(`${g.source}: "${g.text}" in "${sentence.slice(0, 90)}…"`);
        continue;
      }
      used.add(i);
      matched++;
      if (g.relations.includes(found[i]!.relation)) relationCorrect++;
      else misses.push(`${g.source}: "${g.text}" typed ${found[i]!.relation}, labelled ${g.relations.join('|')}`);
    }
    found.forEach((p, k) => used.has(k) || extras.push(`${ls[0]!.source}: "${p.text}" (${p.patternId})`));
  }
  const precision = predicted ? matched / predicted : 1;
  const recall = gold ? matched / gold : 1;
  return { gold, predicted, matched, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), relationCorrect, relationAccuracy: matched ? relationCorrect / matched : 1, misses, extras };
}
