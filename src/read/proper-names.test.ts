import { describe, expect, it } from 'vitest';
import { ISSUERS, officialIssuer, PROPER_NAMES, restoreProperNames } from './proper-names.ts';

describe('proper names in titles (data: each entry\'s own example)', () => {
  it.each(PROPER_NAMES.map((p) => [p.name, ...p.example]))('%s: "%s" → "%s"', (_name, lowered, official) => {
    expect(restoreProperNames(lowered!)).toBe(official);
  });
  it('leaves ordinary words alone, and a law named inside a title keeps its capital', () => {
    expect(restoreProperNames('Luật Ngân sách nhà nước')).toBe('Luật Ngân sách nhà nước');
    expect(restoreProperNames('Luật Sửa đổi, bổ sung một số điều của luật đầu tư nước ngoài tại việt nam')).toBe('Luật Sửa đổi, bổ sung một số điều của Luật Đầu tư nước ngoài tại Việt Nam');
  });
});

describe('issuers in their official form', () => {
  it.each(ISSUERS.map((i) => [i.example, i.name]))('%s → %s', (printed, name) => {
    expect(officialIssuer(printed!)).toBe(name);
  });
  it('a letter lost in the source is still the issuer; an unknown body is not guessed', () => {
    expect(officialIssuer('UỐC HỘI')).toBe('Quốc hội');
    expect(officialIssuer('Bộ công thương')).toBe('Bộ Công Thương');
    expect(officialIssuer('SỞ CÔNG THƯƠNG')).toBeUndefined();
  });
});
