import { describe, expect, it } from 'vitest';
import { findDates, isoDate, parseVietnameseDate } from './index.ts';

const DATES: Array<[string, string | null, string]> = [
  ['ngày 31 tháng 10 năm 2025', '2025-10-31', 'seeds/004 "Hà Nội, ngày 31 tháng 10 năm 2025"'],
  ['ngày 28 tháng 11 năm 2013', '2013-11-28', 'vlc hien-phap (NFD file, composed here)'],
  ['ngày 28 tháng 11 năm 2013'.normalize('NFD'), '2013-11-28', 'vlc hien-phap, decomposed'],
  ['ngày\u00a031 tháng\u00a010 năm 2025', '2025-10-31', 'NBSP between words'],
  ['ngay 31 thang 10 nam 2025', '2025-10-31', 'typed without diacritics'],
  ['26/9/2025', '2025-09-26', 'seeds/004 "Kết luận số 195-KL/TW, ngày 26/9/2025"'],
  ['02/01/2020', '2020-01-02', 'issue example'],
  ['31/10/2025', '2025-10-31', 'seeds/004 "Tại phiên họp ngày 31/10/2025"'],
  ['29/10/2025', '2025-10-29', 'seeds/004 "ngày 29/10/2025"'],
  ['ngày 26/9/2025', '2025-09-26', 'with "ngày"'],
  ['31-10-2025', '2025-10-31', 'hyphen separators'],
  ['29/02/2024', '2024-02-29', 'leap year'],
  ['31/02/2025', null, 'no such day'],
  ['29/02/2025', null, 'not a leap year'],
  ['1/8', null, 'no year: not a full date'],
  ['tháng 10/2025', null, 'month only (seeds/004)'],
  ['2025-2030', null, 'year range'],
  ['', null, 'empty'],
];

describe('parseVietnameseDate', () => {
  it.each(DATES)('%j → %j (%s)', (text, iso) => {
    expect(parseVietnameseDate(text)).toBe(iso);
  });
  it('isoDate validates', () => {
    expect(isoDate(2025, 9, 26)).toBe('2025-09-26');
    expect(isoDate(2025, 13, 1)).toBeNull();
  });
});

describe('findDates', () => {
  it('finds the written and numeric dates of seeds/004 with offsets', () => {
    const text = 'Hà Nội, ngày 31 tháng 10 năm 2025\nTại phiên họp ngày 31/10/2025, sau khi nghe Báo cáo (Báo cáo số 523-BC/BTCTW, ngày 29/10/2025) tháng 10/2025';
    const found = findDates(text);
    expect(found.map((d) => d.value)).toEqual(['2025-10-31', '2025-10-31', '2025-10-29']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('ngày 31 tháng 10 năm 2025');
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('31/10/2025');
  });
  it('finds the date line of vlc hien-phap, in any case, and skips days that do not exist', () => {
    expect(findDates('Hà Nội, ngày 28 tháng 11 năm 2013').map((d) => d.value)).toEqual(['2013-11-28']);
    expect(findDates('HÀ NỘI, NGÀY 28 THÁNG 11 NĂM 2013').map((d) => d.value)).toEqual(['2013-11-28']);
    expect(findDates('ngày 31 tháng 02 năm 2013')).toEqual([]);
  });
});
