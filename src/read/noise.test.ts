import { describe, expect, it } from 'vitest';
import { NOISE_RULES, maskNoise } from './noise.ts';

describe('noise rules (data): examples are masked, counter-examples kept', () => {
  const rows = NOISE_RULES.flatMap((r) => r.examples.map((e) => [r.id, e] as const));
  it.each(rows)('%s masks %j', (id, example) => {
    // A byline only counts on the last line; a tail rule cuts from its line to the end.
    const text = `Đoạn đầu.\n${example}\n` + (id === 'byline' ? '' : 'Đoạn sau.');
    const { text: out, removed } = maskNoise(text);
    expect(removed.map((r) => r.ruleId)).toContain(id);
    expect(out).not.toContain(example);
    expect(out).toHaveLength(text.length);
  });
  const counter = NOISE_RULES.flatMap((r) => r.counterExamples.map((e) => [r.id, e] as const));
  it.each(counter)('%s keeps %j', (id, example) => {
    const { removed } = maskNoise(`Đoạn đầu.\n${example}\nĐoạn sau.`);
    expect(removed.filter((r) => r.ruleId === id)).toEqual([]);
  });
});
