import { describe, expect, it } from 'vitest';
import { canonicalTones, fold } from './index.ts';

// Each row: a syllable as written in a real document, its canonical form, and where it is from.
const TONES: Array<[written: string, canonical: string, source: string]> = [
  // new-style placement → canonical (old style, mark on the first vowel of oa/oe/uy)
  ['uỷ', 'ủy', 'seeds/002 "các cấp uỷ, tổ chức đảng"'],
  ['Uỷ', 'Ủy', 'vlc luat-an-ninh-quoc-gia "Uỷ ban nhân dân các cấp"'],
  ['UỶ', 'ỦY', 'upper-case heading form of seeds/002 "uỷ"'],
  ['hoá', 'hóa', 'seeds/002 "hiện đại hoá hạ tầng số"'],
  ['thuỷ', 'thủy', 'vlc bo-luat-hang-hai "trong nội thuỷ, lãnh hải"'],
  ['hoà', 'hòa', 'vlc bo-luat-to-tung-hinh-su "Cộng hoà xã hội chủ nghĩa"'],
  ['khoẻ', 'khỏe', 'vlc bo-luat-to-tung-dan-su "sức khoẻ bị xâm phạm"'],
  ['tuỳ', 'tùy', 'vlc bo-luat-to-tung-dan-su "tuỳ từng trường hợp"'],
  // already canonical, or the mark is where it must be: unchanged
  ['ủy', 'ủy', 'seeds/004 "các đảng ủy, tỉnh ủy"'],
  ['quỹ', 'quỹ', 'seeds/003 "các loại quỹ"'],
  ['quý', 'quý', 'vlc bo-luat-dan-su "kim khí quý, đá quý"'],
  ['Quỳnh', 'Quỳnh', 'issue example "quỳnh", capitalised'],
  ['hoàn', 'hoàn', 'seeds/000 "xây dựng, hoàn thiện"'],
  ['thuận', 'thuận', 'seeds/004 "thuận lợi"'],
  ['khuya', 'khuya', 'issue example (no tone mark)'],
  ['giữa', 'giữa', 'seeds/003 "tương quan giữa các đối tượng"'],
  ['gìn', 'gìn', 'vlc bo-luat-dan-su "giữ gìn bản sắc"'],
  ['tuyển', 'tuyển', 'seeds/004 "giải pháp tuyển dụng"'],
  ['thuở', 'thuở', 'issue example (shaped ơ after u)'],
  ['khuỷu', 'khuỷu', 'middle of three vowels (uyu)'],
  ['ngoài', 'ngoài', 'vlc bo-luat-dan-su "yếu tố nước ngoài"'],
  ['người', 'người', 'seeds/004 "người đứng đầu"'],
  ['nghĩa', 'nghĩa', 'vlc bo-luat-dan-su "xã hội chủ nghĩa"'],
  ['già', 'già', 'vlc bo-luat-hinh-su "người già yếu" (gi + a)'],
  ['Nguyễn', 'Nguyễn', 'seeds/003 "Đồng chí Nguyễn Xuân Thắng"'],
  ['quốc', 'quốc', 'seeds/004 "Quốc hội"'],
  ['Trung', 'Trung', 'seeds/004 "Ban Chấp hành Trung ương" (no tone)'],
  // not one Vietnamese syllable: never touched
  ['UBND', 'UBND', 'seeds/001 "22498/UBND-THĐT" (no vowel cluster rule applies)'],
  ['XIII', 'XIII', 'seeds/003 "khóa XIII" (roman numeral)'],
  ['hoáx', 'hoáx', 'impossible coda'],
  ['ủỷ', 'ủỷ', 'two marks'],
  ['Trưòng', 'Trưòng', 'vlc luat-nguoi-lao-dong-viet-nam-di-lam-o-nuoc-ngoai… "Trưòng hợp": "ưo" is no rhyme, left as written'],
  // misplaced marks in the corpus are repaired
  ['cuả', 'của', 'vlc luat-dau-tu-nuoc-ngoai-tai-viet-nam "phá sản cuả doanh nghiệp"'],
  ['đựơc', 'được', 'vlc luat-doanh-nghiep-nha-nuoc "hợp đồng đã đựơc ký kết"'],
  ['HỌAT', 'HOẠT', 'vlc luat-doanh-nghiep-tu-nhan "TỔ CHỨC HỌAT ĐỘNG"'],
  ['KHỎAN', 'KHOẢN', 'vlc luat-doanh-nghiep-tu-nhan "ĐIỀU KHỎAN CUỐI CÙNG"'],
  ['thoả', 'thỏa', 'vlc "thoả thuận" (390 times)'],
];

describe('canonicalTones', () => {
  it.each(TONES)('%s → %s (%s)', (written, canonical) => {
    expect(canonicalTones(written)).toBe(canonical);
  });
  it('composes decomposed input first (seeds/004 "bộ" is NFD)', () => {
    expect(canonicalTones('u\u0309y')).toBe('ủy');
    expect(canonicalTones('bo\u0323\u0302')).toBe('bộ');
  });
  it('old and new placement fold to the same ASCII', () => {
    for (const [w, c] of TONES) expect(fold(w)).toBe(fold(c));
  });
});

const FOLDS: Array<[string, string, string]> = [
  ['Ủy ban nhân dân', 'uy ban nhan dan', 'seeds/004'],
  ['ĐẢNG ỦY', 'dang uy', 'seeds/001 heading'],
  ['NĐ-CP', 'nd-cp', 'issue example'],
  ['Cộng hoà', 'cong hoa', 'vlc bo-luat-to-tung-hinh-su'],
  ['bo\u0323\u0302', 'bo', 'seeds/004 decomposed "bộ"'],
  ['ngành\u00a0Trung', 'nganh\u00a0trung', 'NBSP kept (seeds/004)'],
  ['Bí thư', 'bi thu', 'seeds/004'],
];

describe('fold', () => {
  it.each(FOLDS)('%j → %j (%s)', (input, folded) => {
    expect(fold(input)).toBe(folded);
  });
  it('returns lowercase ASCII unchanged (same string)', () => {
    const s = 'chinh quyen';
    expect(fold(s)).toBe(s);
  });
  it('keeps other scripts, strips their marks', () => {
    expect(fold('Ärger Ωmega')).toBe('arger ωmega');
  });
});
