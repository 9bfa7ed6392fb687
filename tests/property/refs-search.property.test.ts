/**
 * Property tests for the reference finder and the query side of search (fast-check, 10,000
 * cases each): Vietnamese text with numbers, identifiers, type names, control characters,
 * lone surrogates and combining marks. Nothing throws; offsets are exact; a slow input is a bug.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { findInText } from '../../src/refs/index.ts';
import { parseNumberQuery, SearchEngine } from '../../src/search/index.ts';
import { seedCorpus } from '../helpers/seeds.ts';
import { withinTime } from '../helpers/timing.ts';

const RUNS = 10_000;
const PIECES = ['Kết luận', 'Kết Luận', 'số', '195-KL/TW', '183- KL/TW', 'Nghị quyết', '18', 'Luật', 'này', 'Điều', '5', 'khoản', '2', 'điểm', 'a', 'các điều 6, 7 và 8', 'Quy định số 213-QĐ/TW', 'ngày 02/01/2020', 'của Bộ Chính trị', '15/2020/NĐ-CP', 'thay thế', 'bãi bỏ', 'sửa đổi, bổ sung', 'hết hiệu lực', 'bởi', 'Luật công chứng số 82/2006/QH11', '1.', '(i)', '[1]', ',', ';', '.', '\n', '"', 'kl', 'nd', 'ket luan', '195'];
const NASTY = ['\u0000', '\ud800', '\udfff', '\u0301', '\u0323', '\ufeff', '\u00a0', '😀', '<script>', '%', '*', '(', ')', '/', '-'];
const text = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 30 })
  .map((xs) => xs.join(' '));

const timed = <T>(f: () => T): T => withinTime(50, f, 'one input');

describe('reference finder', () => {
  it(`never throws, finds exact slices, in order, fast (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = timed(() => findInText(t));
        let last = 0;
        for (const f of found) {
          if (f.start < last || f.end <= f.start || t.slice(f.start, f.end) !== f.text) throw new Error(`bad reference ${JSON.stringify(f.text)}`);
          last = f.end;
        }
      }),
      { numRuns: RUNS },
    );
  });
  it.each([
    ['"số số số …" for 200 KB', 'số '.repeat(66_000)],
    ['type names back to back', 'Kết luận Nghị quyết Luật '.repeat(8_000)],
    ['pinpoints without end', 'điểm a khoản 1 Điều 2 '.repeat(8_000)],
    ['identifier-like runs', '1/2/3/4/5/6/7/8/9/10/11/12-'.repeat(8_000)],
  ])('stays linear on %s', (_name, t) => {
    withinTime(3000, () => findInText(t), 'finding references');
  });
});

describe('query side of search', async () => {
  const engine: SearchEngine = (await seedCorpus()).search;
  it(`parses and runs any query without throwing (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (q) => {
        timed(() => parseNumberQuery(q));
        const r = timed(() => engine.search(q, { limit: 5 }));
        if (r.hits.length > 5 || r.total < r.hits.length) throw new Error('bad page');
        for (const h of r.hits) if (/<(?!\/?mark>)/.test(h.snippet)) throw new Error(`unescaped snippet ${h.snippet}`);
        timed(() => engine.suggest(q));
      }),
      { numRuns: RUNS },
    );
  });
});
