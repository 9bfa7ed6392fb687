/**
 * Short forms defined in a text (issue 12): "(sau đây gọi tắt là Quy định 377)" makes a later
 * "Quy định 377 (Điều 9, 10, 11)" the text defined, with its pinpoint. The phrase is the one quoted
 * in issue 12; the two sentences around it are a minimal document built for the test.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';

function refsOf(text: string) {
  const [doc] = readInput({ path: 'ke-hoach.txt', corpus: 'test', format: 'text', text, bytes: 0, sha256: '' } as never, new VFile());
  return findReferences(doc!);
}

describe('short forms defined in the text resolve later mentions', () => {
  it.each([
    [
      'Căn cứ Quy định số 377-QĐ/TW, ngày 08/10/2025 của Bộ Chính trị (sau đây gọi tắt là Quy định 377);\n\n1. Thực hiện đúng Quy định 377 (Điều 9, 10, 11).',
      'Quy định 377 (Điều 9, 10, 11)',
      '377-QĐ/TW',
      ['9', '10', '11'],
    ],
  ] as const)('%#', (text, mention, number, articles) => {
    const r = refsOf(text).find((x) => x.text === mention);
    expect(r, JSON.stringify(refsOf(text).map((x) => x.text))).toBeDefined();
    expect(r!.target.number).toBe(number);
    expect(r!.target.complete).toBe(true);
    expect(r!.target.pinpoint?.dieuList).toEqual(articles);
  });

  it('a short form for a common noun ("sau đây gọi chung là cấp tỉnh") changes nothing', () => {
    const refs = refsOf('Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (sau đây gọi chung là cấp tỉnh) thực hiện theo Luật số 53/2014/QH13.');
    expect(refs.map((r) => [r.text, r.target.number])).toEqual([['Luật số 53/2014/QH13', '53/2014/QH13']]);
  });
});
