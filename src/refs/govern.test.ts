import { describe, expect, it } from 'vitest';
import { GOVERNANCE_RULES } from './govern.ts';
import { findInText } from './find.ts';

describe('which reference a verb governs (govern.ts, data): every example typed as its rule says', () => {
  const rows = GOVERNANCE_RULES.flatMap((r) => r.examples.map(([sentence, ref, relation]) => [r.id, ref, relation, sentence] as const));
  it.each(rows)('%s: %s → %s', (_id, ref, relation, sentence) => {
    const found = findInText(sentence, { selfType: 'luat' });
    const hit = found.find((f) => f.text === ref);
    expect(hit, `found ${JSON.stringify(found.map((f) => [f.text, f.relation]))}`).toBeDefined();
    expect(hit!.relation).toBe(relation);
  });
  it('every rule has a note and at least one example', () => {
    for (const r of GOVERNANCE_RULES) {
      expect(r.note.length, r.id).toBeGreaterThan(30);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });
});
