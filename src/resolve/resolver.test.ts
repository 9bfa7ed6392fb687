import { describe, expect, it } from 'vitest';
import { Resolver, numberKey, type ClauseNode, type KnownDocument } from './resolver.ts';

const known: KnownDocument[] = [
  { id: '15-2020-nd-cp', number: '15/2020/NĐ-CP', type: 'nghi-dinh', inCorpus: false },
  { id: '15-2019-nd-cp', number: '15/2019/NĐ-CP', type: 'nghi-dinh', inCorpus: false },
  { id: 'luat-45-2013-qh13', number: '45/2013/QH13', type: 'luat', date: '2013-11-29', inCorpus: true },
  { id: 'bo-luat-45-2019-qh14', number: '45/2019/QH14', type: 'bo-luat', date: '2019-11-20', inCorpus: true },
  { id: '18-nq-tw', number: '18-NQ/TW', type: 'nghi-quyet', date: '2017-10-25', term: 'XII', inCorpus: false },
  { id: '01-vbhn-vpqh', number: '01/VBHN-VPQH', type: 'van-ban-hop-nhat', inCorpus: true },
];
const tree: [string, string, string, string[]][] = [
  ['luat-45-2013-qh13/chuong-1', 'chuong', '1', []],
  ['luat-45-2013-qh13/dieu-5', 'dieu', '5', ['luat-45-2013-qh13/dieu-5/khoan-2']],
  ['luat-45-2013-qh13/dieu-5/khoan-2', 'khoan', '2', []],
  ['bo-luat-45-2019-qh14/chuong-iii', 'chuong', 'III', ['bo-luat-45-2019-qh14/chuong-iii/muc-2']],
  ['bo-luat-45-2019-qh14/chuong-iii/muc-2', 'muc', '2', []],
  ['183-kl-tw/3', 'item', '3', ['183-kl-tw/3/1', '183-kl-tw/3/2']],
  ['183-kl-tw/3/1', 'item', '1', ['183-kl-tw/3/1/i', '183-kl-tw/3/1/ii']],
  ['183-kl-tw/3/1/i', 'item', 'i', []],
  ['183-kl-tw/3/1/ii', 'item', 'ii', []],
  ['183-kl-tw/3/2', 'item', '2', []],
];
const clauses = new Map<string, ClauseNode>(tree.map(([id, kind, number, children]) => [id, { id, kind: kind as ClauseNode['kind'], number, children }]));
const resolver = new Resolver(known, clauses);
const ids = (t: Parameters<Resolver['numberCandidates']>[0], c = {}) => resolver.numberCandidates(t, c).map((k) => k.id);

describe('Resolver.numberCandidates', () => {
  it.each<[string, Parameters<Resolver['numberCandidates']>[0], string[]]>([
    ['complete', { scope: 'document', number: '45/2013/QH13', complete: true }, ['luat-45-2013-qh13']],
    ['complete, folded and lower case', { scope: 'document', number: '15/2020/nd-cp', complete: true }, ['15-2020-nd-cp']],
    ['leading zeros do not name another document', { scope: 'document', number: '1/VBHN-VPQH', complete: true }, ['01-vbhn-vpqh']],
    ['partial number and year: only that year', { scope: 'document', number: '15/2020', complete: false, type: 'nghi-dinh' }, ['15-2020-nd-cp']],
    ['partial number: every year', { scope: 'document', number: '15', complete: false, type: 'nghi-dinh' }, ['15-2020-nd-cp', '15-2019-nd-cp']],
    ['"luật 45/2013"', { scope: 'document', number: '45/2013', complete: false, type: 'luat' }, ['luat-45-2013-qh13']],
    ['"luật 45" also names a Bộ luật', { scope: 'document', number: '45', complete: false, type: 'luat' }, ['luat-45-2013-qh13', 'bo-luat-45-2019-qh14']],
    ['"bộ luật 45" names only the Bộ luật', { scope: 'document', number: '45', complete: false, type: 'bo-luat' }, ['bo-luat-45-2019-qh14']],
    ['unknown', { scope: 'document', number: '99/2020/NĐ-CP', complete: true }, []],
  ])('%s', (_name, target, want) => {
    expect(ids(target)).toEqual(want);
  });

  it('the citing document\'s own complete numbers come first', () => {
    expect(ids({ scope: 'document', number: '15', complete: false, type: 'nghi-dinh' }, { ownNumbers: new Set(['15/2019/NĐ-CP']) })).toEqual(['15-2019-nd-cp']);
  });

  it('numberKey folds, lowercases and drops leading zeros', () => {
    expect(numberKey('01/VBHN-VPQH')).toBe('1/vbhn-vpqh');
    expect(numberKey('15/2020/NĐ-CP')).toBe(numberKey('15/2020/nd-cp'));
  });
});

describe('Resolver.pinpointClause', () => {
  it.each<[string, string, Parameters<Resolver['pinpointClause']>[1], { id: string; exact: boolean } | undefined]>([
    ['an article', 'luat-45-2013-qh13', { dieu: '5' }, { id: 'luat-45-2013-qh13/dieu-5', exact: true }],
    ['a khoản', 'luat-45-2013-qh13', { dieu: '5', khoan: '2' }, { id: 'luat-45-2013-qh13/dieu-5/khoan-2', exact: true }],
    ['a missing điểm: the deepest clause that exists, not exact', 'luat-45-2013-qh13', { dieu: '5', khoan: '2', diem: 'a' }, { id: 'luat-45-2013-qh13/dieu-5/khoan-2', exact: false }],
    ['a missing article', 'luat-45-2013-qh13', { dieu: '999' }, undefined],
    ['a chapter as written', 'luat-45-2013-qh13', { chuong: '1' }, { id: 'luat-45-2013-qh13/chuong-1', exact: true }],
    ['"Chương 3" where the law writes "Chương III"', 'bo-luat-45-2019-qh14', { chuong: '3' }, { id: 'bo-luat-45-2019-qh14/chuong-iii', exact: true }],
    ['"Chương I" where the law writes "Chương 1"', 'luat-45-2013-qh13', { chuong: 'I' }, { id: 'luat-45-2013-qh13/chuong-1', exact: true }],
    ['a Mục in its chapter', 'bo-luat-45-2019-qh14', { chuong: 'III', muc: '2' }, { id: 'bo-luat-45-2019-qh14/chuong-iii/muc-2', exact: true }],
    ['Party "mục 3"', '183-kl-tw', { muc: '3' }, { id: '183-kl-tw/3', exact: true }],
    ['Party "điểm (ii) mục 3": the only (ii) below', '183-kl-tw', { muc: '3', items: ['ii'] }, { id: '183-kl-tw/3/1/ii', exact: true }],
    ['Party "mục 3 (1) (i)"', '183-kl-tw', { muc: '3', items: ['1', 'i'] }, { id: '183-kl-tw/3/1/i', exact: true }],
    ['Party "mục 3 (9)": not there', '183-kl-tw', { muc: '3', items: ['9'] }, { id: '183-kl-tw/3', exact: false }],
    ['an article list names no one clause', 'luat-45-2013-qh13', { dieuList: ['5', '6'] }, undefined],
  ])('%s', (_name, doc, pinpoint, want) => {
    expect(resolver.pinpointClause(doc, pinpoint)).toEqual(want);
  });

  it('"khoản 2 Điều này" is read in the citing article', () => {
    expect(resolver.pinpointClause('luat-45-2013-qh13', { khoan: '2' }, 'luat-45-2013-qh13/dieu-5/khoan-1')).toEqual({ id: 'luat-45-2013-qh13/dieu-5/khoan-2', exact: true });
  });
});
