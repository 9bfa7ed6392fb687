import { describe, expect, it } from 'vitest';
import { NameIndex } from '../resolve/index.ts';
import { findInText } from '../refs/index.ts';
import { LAW_ABBREVIATIONS, QUERY_FORMS } from './citation-forms.ts';
import { nameInitials, parseCitation, targetOf } from './citation-query.ts';

// Law names as the VLC laws' titles give them (the forms' examples use these).
const docs = [
    ['luat-45-2013-qh13', 'luat', 'Luật Đất đai', '2013-11-29'],
    ['luat-89-2015-qh13', 'luat', 'Luật Thống kê', '2015-11-23'],
    ['bo-luat-45-2019-qh14', 'bo-luat', 'Bộ luật Lao động', '2019-11-20'],
    ['bo-luat-91-2015-qh13', 'bo-luat', 'Bộ luật Dân sự', '2015-11-24'],
    ['bo-luat-100-2015-qh13', 'bo-luat', 'Bộ luật Hình sự', '2015-11-27'],
    ['bo-luat-92-2015-qh13', 'bo-luat', 'Bộ luật Tố tụng dân sự', '2015-11-25'],
    ['bo-luat-101-2015-qh13', 'bo-luat', 'Bộ luật Tố tụng hình sự', '2015-11-27'],
    ['bo-luat-95-2015-qh13', 'bo-luat', 'Bộ luật Hàng hải Việt Nam', '2015-11-25'],
    ['luat-52-2014-qh13', 'luat', 'Luật Hôn nhân và gia đình', '2014-06-19'],
    ['luat-47-2010-qh12', 'luat', 'Luật Các tổ chức tín dụng', '2010-06-16'],
].map(([id, type, title, date]) => ({ id: id!, type: type as 'luat', title: title!, date: date!, inCorpus: true }));
const names = NameIndex.build(docs);
const initials = nameInitials(docs);

describe('query forms (data): every example is read as the citation it writes, and the reference finder reads that', () => {
  const rows = QUERY_FORMS.flatMap((f) => f.examples.map(([typed, written]) => [f.id, typed, written] as const));
  it.each(rows)('%s: %j → %j', (_id, typed, written) => {
    const parsed = parseCitation(typed, names, initials);
    expect(parsed?.written).toBe(written);
    const found = findInText(written).filter((f) => f.target.scope === 'document');
    expect(found.length, `the finder reads no document in ${JSON.stringify(written)}`).toBeGreaterThan(0);
  });

  it.each(LAW_ABBREVIATIONS.flatMap(([abbrs, name]) => abbrs.map((a) => [a, name] as const)))('abbreviation %s → %s', (abbr, name) => {
    // Only those whose law the test corpus has resolve to a name; the others are still read as one.
    const parsed = parseCitation(`Điều 5 ${abbr}`, names, initials);
    expect(parsed?.doc).toMatchObject({ kind: 'name', name: names.lookup(name).candidates[0]?.name ?? name });
  });
});

describe('parseCitation + targetOf: what the query names', () => {
  it.each<[string, object]>([
    ['Điều 5 Luật Đất đai', { name: 'Luật Đất đai', pinpoint: { dieu: '5' } }],
    ['khoản 2 điều 5 luật 45/2013/QH13', { number: '45/2013/QH13', complete: true, pinpoint: { dieu: '5', khoan: '2' } }],
    ['bộ luật lao động điều 35', { name: 'Bộ luật Lao động', type: 'bo-luat', pinpoint: { dieu: '35' } }],
    ['Điều 286 BLHS', { name: 'Bộ luật Hình sự', pinpoint: { dieu: '286' } }],
    ['dieu 7 luat thong ke', { name: 'Luật Thống kê', pinpoint: { dieu: '7' } }],
    ['nghị định 15/2020', { number: '15/2020', complete: false, type: 'nghi-dinh' }],
    ['điểm đ khoản 1 điều 3 luật đất đai', { name: 'Luật Đất đai', pinpoint: { dieu: '3', khoan: '1', diem: 'đ' } }],
    ['Luật Đất đai năm 2013', { name: 'Luật Đất đai', year: '2013' }],
    ['luat hon nhan gia dinh dieu 8', { name: 'Luật Hôn nhân và gia đình', pinpoint: { dieu: '8' } }],
    ['điều 5 đất đai', { name: 'Luật Đất đai', pinpoint: { dieu: '5' } }],
    ['Chương II Luật Đất đai', { name: 'Luật Đất đai', pinpoint: { chuong: 'II' } }],
    ['điểm (ii) mục 3 kl 183', { number: '183', complete: false, type: 'ket-luan', pinpoint: { muc: '3', items: ['ii'] } }],
    ['Điều 5 Luật Xyz', { name: 'Luật Xyz', pinpoint: { dieu: '5' } }],
    ['qđ 213', { number: '213', complete: false }],
    ['Điều 12 Hiến pháp 2013', { name: 'Hiến pháp', year: '2013', pinpoint: { dieu: '12' } }],
    ['Điều 3 Luật HNGĐ', { name: 'Luật Hôn nhân và gia đình', pinpoint: { dieu: '3' } }],
    // "06/2003" is read as a date (2003-06) by the tokenizer: the number is what was typed.
    ['luat 06/2003 dieu 16', { number: '06/2003', complete: false, pinpoint: { dieu: '16' } }],
    ['Điều 8 Luật TCTD', { name: 'Luật Các tổ chức tín dụng', pinpoint: { dieu: '8' } }],
  ])('%j', (q, want) => {
    const parsed = parseCitation(q, names, initials);
    expect(parsed, q).toBeDefined();
    expect(targetOf(parsed!)).toMatchObject({ scope: 'document', ...want });
  });

  it.each([
    'quyền sử dụng đất',
    'thời hiệu khởi kiện',
    'đất đai',
    'điều 5',
    'Điều 5 và Điều 6 Luật Đất đai',
    'người lao động bị tai nạn lao động được hưởng chế độ gì theo bộ luật lao động',
    'luật sư',
    'tram y te',
    'Kỳ họp thứ 10 Quốc hội',
    'Luật Đất đai quy định gì về thu hồi đất',
  ])('%j is not a citation (searched as text)', (q) => {
    expect(parseCitation(q, names, initials)).toBeUndefined();
  });
});

describe('law names the corpus shares with what it cites', () => {
  const more = [
    ...docs,
    { id: 'vb-luat-luat-su', type: 'luat' as const, title: 'Luật Luật sư', date: '2006-06-29', inCorpus: true, status: 'current' as const },
    // Cited as "LUẬT SƯ" somewhere: a node named "sư" after its type word.
    { id: 'luat-su', type: 'luat' as const, title: 'LUẬT SƯ', inCorpus: false },
    { id: 'luat-12-2003-qh11', type: 'luat' as const, title: 'Luật Bầu cử đại biểu Hội đồng nhân dân', date: '2003-11-26', inCorpus: true, status: 'repealed' as const },
    { id: 'luat-bau-cu-dai-bieu-hoi-dong-nhan-dan-1994', type: 'luat' as const, title: 'Luật bầu cử đại biểu Hội đồng nhân dân', date: '1994-06-21', inCorpus: false, status: 'superseded' as const },
  ];
  const index = NameIndex.build(more);
  it('"luật luật sư" is the law named Luật sư, not a law "sư"', () => {
    expect(parseCitation('điều 6 luật luật sư', index, nameInitials(more))?.written).toBe('Điều 6 Luật Luật sư');
  });
  it('neither version in force: the one in the corpus and newest first (superseded and repealed alike)', () => {
    expect(index.lookup('Luật Bầu cử đại biểu Hội đồng nhân dân').candidates.map((c) => c.id)).toEqual(['luat-12-2003-qh11', 'luat-bau-cu-dai-bieu-hoi-dong-nhan-dan-1994']);
  });
});
