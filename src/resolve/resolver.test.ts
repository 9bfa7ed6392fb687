import { describe, expect, it } from 'vitest';
import { Resolver, numberKey, type ClauseNode, type KnownDocument } from './resolver.ts';
import { NameIndex } from './names.ts';
import type { RefTarget } from '../model.ts';

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

describe('Resolver.resolveName: the version a name means on the citing date', () => {
  // Luật Đất đai: 13/2003/QH11 (known only as cited, issued 2003-11-26) and 45/2013/QH13 (in the
  // corpus, issued 2013-11-29, in force from 2014-07-01); Pháp lệnh Đê điều 2000 (cited by date only).
  const names = NameIndex.build([
    { id: 'luat-13-2003-qh11', type: 'luat', title: 'Luật Đất đai', number: '13/2003/QH11', date: '2003-11-26', inCorpus: false },
    { id: 'luat-45-2013-qh13', type: 'luat', title: 'Luật Đất đai', number: '45/2013/QH13', date: '2013-11-29', inCorpus: true },
    { id: 'phap-lenh-de-dieu-2000', type: 'phap-lenh', title: 'Pháp lệnh Đê điều', date: '2000-08-24', inCorpus: false },
    { id: 'luat-79-2006-qh11', type: 'luat', title: 'Luật Đê điều', number: '79/2006/QH11', date: '2006-11-29', inCorpus: true },
  ]);
  const byName = new Resolver([], new Map(), names, { effectiveOf: (id) => (id === 'luat-45-2013-qh13' ? '2014-07-01' : undefined) });
  it.each<[string, Partial<RefTarget>, string | undefined, string, string[]]>([
    ['cited in 2010: the 2003 law, in force then', { name: 'Luật đất đai' }, '2010-05-01', 'resolved', ['luat-13-2003-qh11']],
    ['cited in 2015: the 2013 law, in force since 2014-07-01', { name: 'Luật Đất đai' }, '2015-11-24', 'resolved', ['luat-45-2013-qh13']],
    ['cited in May 2014: the 2013 law is issued, not yet in force — ambiguous, both kept', { name: 'Luật Đất đai' }, '2014-05-15', 'ambiguous', ['luat-45-2013-qh13', 'luat-13-2003-qh11']],
    ['"Luật Đất đai năm 2003" cited in 2015: the year decides', { name: 'Luật Đất đai', year: '2003' }, '2015-11-24', 'resolved', ['luat-13-2003-qh11']],
    ['"Luật Đất đai năm 2013" cited in 2010: issued after the citing document — never', { name: 'Luật Đất đai', year: '2013' }, '2010-05-01', 'none', []],
    ['cited in 2001: every known version is later — none (an older one, not known)', { name: 'Luật đất đai' }, '2001-01-01', 'none', []],
    ['no citing date, two versions: ambiguous', { name: 'Luật đất đai' }, undefined, 'ambiguous', ['luat-45-2013-qh13', 'luat-13-2003-qh11']],
    ['"Pháp lệnh Đê điều ngày 24 tháng 8 năm 2000": the date decides, the Luật of that name is not a Pháp lệnh', { name: 'Pháp lệnh Đê điều', type: 'phap-lenh', date: '2000-08-24', year: '2000' }, '2006-11-29', 'resolved', ['phap-lenh-de-dieu-2000']],
    ['"Pháp lệnh Đê điều ngày 1 tháng 1 năm 2000": another day of that year is another document', { name: 'Pháp lệnh Đê điều', type: 'phap-lenh', date: '2000-01-01', year: '2000' }, '2006-11-29', 'none', []],
    ['"Pháp lệnh đất đai": no Pháp lệnh of that name', { name: 'Pháp lệnh đất đai', type: 'phap-lenh' }, '2015-11-24', 'none', []],
  ])('%s', (_what, target, date, status, ids) => {
    const r = byName.resolveName({ scope: 'document', ...target }, date ? { date } : {});
    expect(r.status).toBe(status);
    expect(r.candidates.map((c) => c.id)).toEqual(ids);
  });

  it('a law naming its own title names an earlier version, never itself', () => {
    expect(byName.resolveName({ scope: 'document', name: 'Luật Đất đai' }, { docId: 'luat-45-2013-qh13', date: '2013-11-29' }).candidates.map((c) => c.id)).toEqual(['luat-13-2003-qh11']);
  });
});
