import { describe, expect, it } from 'vitest';
import { NameIndex, nameForms, nameWords, type NamedDocument } from './names.ts';

// Titles as the VLC laws and the seeds give them (src/read/metadata.ts), plus versions the
// corpus knows only as external nodes (cited by number and name).
const DOCS: NamedDocument[] = [
  { id: 'luat-45-2013-qh13', type: 'luat', title: 'Luật Đất đai', number: '45/2013/QH13', date: '2013-11-29', inCorpus: true, status: 'current' },
  { id: 'luat-13-2003-qh11', type: 'luat', title: 'Luật đất đai', number: '13/2003/QH11', inCorpus: false },
  { id: 'bo-luat-45-2019-qh14', type: 'bo-luat', title: 'Bộ luật Lao động', number: '45/2019/QH14', date: '2019-11-20', inCorpus: true, status: 'current' },
  { id: 'bo-luat-95-2015-qh13', type: 'bo-luat', title: 'Bộ luật Hàng hải việt nam', number: '95/2015/QH13', date: '2015-11-25', inCorpus: true },
  { id: 'luat-06-2003-qh11', type: 'luat', title: 'Luật Luật biên giới quốc gia', number: '06/2003/QH11', date: '2003-06-17', inCorpus: true },
  { id: 'vb-luat-luat-su', type: 'luat', title: 'Luật Luật sư', date: '2006-06-29', inCorpus: true },
  { id: 'luat-52-2014-qh13', type: 'luat', title: 'Luật Hôn nhân và gia đình', number: '52/2014/QH13', date: '2014-06-19', inCorpus: true },
  { id: 'luat-23-2000-qh10', type: 'luat', title: 'Luật Phòng, chống ma tuý', number: '23/2000/QH10', date: '2000-12-09', inCorpus: true },
  { id: 'luat-48-lct-hdnn8', type: 'luat', title: 'Luật Doanh nghiệp tư nhân của quốc hội số 48-lct/hđnn8 ngày 21/12/1990', number: '48-LCT/HĐNN8', date: '1990-12-21', inCorpus: true },
  { id: 'luat-103-sl-l', type: 'luat', title: 'Luật Số 103-sl/l.005 ngày 20-5-1957 đảm bảo quyền tự do thân thể', number: '103-SL/L', inCorpus: true },
  { id: 'luat-18-2000-qh10', type: 'luat', title: 'Luật Sửa đổi, bổ sung một số điều của luật đầu tư nước ngoài', number: '18/2000/QH10', date: '2000-06-09', inCorpus: true },
  { id: 'vb-hien-phap', type: 'hien-phap', title: 'Hiến pháp Nước cộng hòa xã hội chủ nghĩa việt nam lời nói đầu', date: '2013-11-28', inCorpus: true },
  { id: 'luat-59-2020-qh14', type: 'luat', title: 'Luật Doanh nghiệp', number: '59/2020/QH14', date: '2020-06-17', inCorpus: true, status: 'current' },
  { id: 'luat-68-2014-qh13', type: 'luat', title: 'Luật Doanh nghiệp', number: '68/2014/QH13', date: '2014-11-26', inCorpus: true, status: 'current' },
  { id: 'pl-1', type: 'phap-lenh', title: 'Pháp lệnh Thống kê', date: '1989-02-20', inCorpus: true },
  { id: 'luat-89-2015-qh13', type: 'luat', title: 'Luật Thống kê', number: '89/2015/QH13', date: '2015-11-23', inCorpus: true },
  { id: '221-kl-tw', type: 'ket-luan', title: 'Về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị', number: '221-KL/TW', date: '2025-11-28', inCorpus: true },
];
const names = NameIndex.build(DOCS);
const first = (name: string, q = {}) => names.lookup(name, q).candidates[0]?.id;

describe('nameForms: the names a title gives', () => {
  it.each<[string, NamedDocument['type'], string | undefined, string[]]>([
    ['Luật Đất đai', 'luat', 'Luật Đất đai', ['dat dai']],
    ['Bộ luật Lao động', 'bo-luat', 'Bộ luật Lao động', ['lao dong']],
    ['Bộ luật Hàng hải việt nam', 'bo-luat', 'Bộ luật Hàng hải việt nam', ['hang hai viet nam', 'hang hai']],
    ['Luật Luật biên giới quốc gia', 'luat', 'Luật Luật biên giới quốc gia', ['luat bien gioi quoc gia', 'bien gioi quoc gia']],
    ['Luật Luật sư', 'luat', 'Luật Luật sư', ['luat su']],
    ['Luật Phòng, chống ma tuý', 'luat', 'Luật Phòng, chống ma tuý', ['phong chong ma tuy']],
    ['Luật Hôn nhân và gia đình', 'luat', 'Luật Hôn nhân và gia đình', ['hon nhan gia dinh']],
    ['Luật Doanh nghiệp tư nhân của quốc hội số 48-lct/hđnn8 ngày 21/12/1990', 'luat', 'Luật Doanh nghiệp tư nhân', ['doanh nghiep tu nhan']],
    ['Luật Thuế sử dụng đất nông nghiệp số 23-l/ctn ngày 10/07/1993', 'luat', 'Luật Thuế sử dụng đất nông nghiệp', ['thue su dung dat nong nghiep']],
    ['Luật Số 103-sl/l.005 ngày 20-5-1957 đảm bảo quyền tự do thân thể', 'luat', 'Luật đảm bảo quyền tự do thân thể', ['dam bao quyen tu do than the']],
    ['Luật Đất đai năm 2013', 'luat', 'Luật Đất đai', ['dat dai']],
    ['Hiến pháp Nước cộng hòa xã hội chủ nghĩa việt nam', 'hien-phap', 'Hiến pháp', ['hien phap']],
    ['Về tình hình, kết quả hoạt động', 'ket-luan', undefined, []],
  ])('%j (%s) → %j, known as %j', (title, type, name, cores) => {
    const f = nameForms(title, type);
    expect(f?.name).toBe(name);
    expect(f?.cores ?? []).toEqual(cores);
  });

  it('a year written in the title is kept apart', () => {
    expect(nameForms('Luật Đất đai năm 2013', 'luat')?.year).toBe('2013');
  });

  it('nameWords folds, drops punctuation and "và"', () => {
    expect(nameWords('Luật Phòng, chống ma tuý và  Chất   gây nghiện')).toEqual(['luat', 'phong', 'chong', 'ma', 'tuy', 'chat', 'gay', 'nghien']);
  });
});

describe('NameIndex.lookup: name (+ year or date) → documents, best first', () => {
  it.each<[string, string | undefined]>([
    ['Luật Đất đai', 'luat-45-2013-qh13'],
    ['luật đất đai', 'luat-45-2013-qh13'],
    ['luat dat dai', 'luat-45-2013-qh13'],
    ['LUẬT ĐẤT ĐAI', 'luat-45-2013-qh13'],
    ['Đất đai', 'luat-45-2013-qh13'],
    ['Bộ luật Lao động', 'bo-luat-45-2019-qh14'],
    ['bo luat lao dong', 'bo-luat-45-2019-qh14'],
    ['Luật Lao động', 'bo-luat-45-2019-qh14'],
    ['Bộ luật Hàng hải', 'bo-luat-95-2015-qh13'],
    ['Bộ luật Hàng hải Việt Nam', 'bo-luat-95-2015-qh13'],
    ['Luật Biên giới quốc gia', 'luat-06-2003-qh11'],
    ['Luật Luật sư', 'vb-luat-luat-su'],
    ['Luật Hôn nhân gia đình', 'luat-52-2014-qh13'],
    ['Luật phòng chống ma túy', 'luat-23-2000-qh10'],
    ['Luật Phòng, chống ma tuý', 'luat-23-2000-qh10'],
    ['Hiến pháp', 'vb-hien-phap'],
    ['hien phap 2013', 'vb-hien-phap'],
    ['Luật Thống kê', 'luat-89-2015-qh13'],
    ['Pháp lệnh Thống kê', 'pl-1'],
    ['Luật Đầu tư nước ngoài', undefined],
    ['Luật Sửa đổi, bổ sung một số điều của luật đầu tư nước ngoài', 'luat-18-2000-qh10'],
    ['Luật Đất', undefined],
    ['Luật', undefined],
    ['tình hình', undefined],
  ])('%j → %s', (name, id) => {
    expect(first(name)).toBe(id);
  });

  it('two versions of a law: the one in force first (in the corpus), the other kept, the choice not called certain only when nothing tells them apart', () => {
    const m = names.lookup('Luật Đất đai');
    expect(m.candidates.map((c) => c.id)).toEqual(['luat-45-2013-qh13', 'luat-13-2003-qh11']);
    expect(m).toMatchObject({ ambiguous: false, basis: 'in-force' });
    expect(m.candidates[1]).toMatchObject({ inCorpus: false, year: '2003', number: '13/2003/QH11' });
  });

  it('two current laws with one name: newest first, marked ambiguous', () => {
    const m = names.lookup('Luật Doanh nghiệp');
    expect(m.candidates.map((c) => c.id)).toEqual(['luat-59-2020-qh14', 'luat-68-2014-qh13']);
    expect(m.ambiguous).toBe(true);
  });

  it.each<[string, { year?: string; asOf?: string }, string | undefined, string[]]>([
    ['Luật Đất đai 2013', {}, 'luat-45-2013-qh13', ['luat-13-2003-qh11']],
    ['Luật Đất đai năm 2013', {}, 'luat-45-2013-qh13', ['luat-13-2003-qh11']],
    ['luat dat dai nam 2003', {}, 'luat-13-2003-qh11', ['luat-45-2013-qh13']],
    ['Luật Đất đai', { year: '2003' }, 'luat-13-2003-qh11', ['luat-45-2013-qh13']],
    ['Luật Đất đai 1993', {}, undefined, ['luat-45-2013-qh13', 'luat-13-2003-qh11']],
    ['bo luat hang hai viet nam 2015', {}, 'bo-luat-95-2015-qh13', []],
    ['Bộ luật Hàng hải Việt Nam năm 2015', {}, 'bo-luat-95-2015-qh13', []],
    ['Luật Doanh nghiệp', { asOf: '2016-01-01' }, 'luat-68-2014-qh13', ['luat-59-2020-qh14']],
    ['Luật Doanh nghiệp', { asOf: '2021-01-01' }, 'luat-59-2020-qh14', []],
    ['Luật Doanh nghiệp', { asOf: '2010-01-01' }, undefined, ['luat-59-2020-qh14', 'luat-68-2014-qh13']],
  ])('%j %j → %s; others %j', (name, q, id, others) => {
    const m = names.lookup(name, q);
    expect(m.candidates[0]?.id).toBe(id);
    expect(m.others.map((c) => c.id)).toEqual(others);
  });

  it('as of a date, the latest version issued by then decides', () => {
    const m = names.lookup('Luật Doanh nghiệp', { asOf: '2021-01-01' });
    expect(m).toMatchObject({ basis: 'as-of', ambiguous: false });
    expect(m.candidates.map((c) => c.date)).toEqual(['2020-06-17', '2014-11-26']);
  });

  it('longestAt: how far a name runs in folded words', () => {
    expect(names.longestAt(['dat', 'dai', 'nam', '2013'], 0)).toEqual({ length: 2, key: 'dat dai' });
    expect(names.longestAt(['bien', 'gioi', 'quoc', 'gia', 'quy', 'dinh'], 0)).toEqual({ length: 4, key: 'bien gioi quoc gia' });
    expect(names.longestAt(['quy', 'dinh'], 0)).toBeUndefined();
    expect(names.has('hon nhan gia dinh')).toBe(true);
  });
});
