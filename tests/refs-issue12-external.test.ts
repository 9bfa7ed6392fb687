/**
 * Issue 12 on the VLC laws' own text: a verb's relation goes to the reference it governs, never
 * to every reference in its sentence. The five cases the issue quotes, read from the files.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';
import type { Reference } from '../src/model.ts';

const CHANGING = new Set(['ends-effect', 'repeals', 'replaces', 'amends', 'supplements']);

describeExternal('issue 12: relations attach to the reference they govern (VLC)', () => {
  const refs = new Map<string, Reference[]>();
  beforeAll(() => {
    for (const f of ['luat-bao-ve-moi-truong', 'luat-chung-khoan', 'luat-doanh-nghiep', 'luat-dat-dai', 'bo-luat-dan-su']) {
      const text = readFileSync(externalPath('vlc/corpus', `${f}.txt`), 'utf8');
      refs.set(f, readInput({ path: `${f}.txt`, corpus: 'vlc', format: 'txt', text, bytes: 0, sha256: '' }, new VFile()).flatMap((d) => findReferences(d)));
    }
  });
  const inSentence = (file: string, words: RegExp) => refs.get(file)!.filter((r) => words.test(r.sentence));

  it('"Luật Bảo vệ môi trường số 55/2014/QH13 đã được sửa đổi … theo Luật số 35/2018/QH14, … 61/2020/QH14 hết hiệu lực": only 55/2014 ends', () => {
    const s = inSentence('luat-bao-ve-moi-truong', /55\/2014\/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 35\/2018\/QH14, Luật số 39\/2019\/QH14 và Luật số 61\/2020\/QH14 hết hiệu lực/u);
    const by = Object.fromEntries(s.filter((r) => r.target.number).map((r) => [r.target.number, r.relation]));
    expect(by).toEqual({ '55/2014/QH13': 'ends-effect', '35/2018/QH14': 'cites', '39/2019/QH14': 'cites', '61/2020/QH14': 'cites' });
  });

  it('no amending law named after "đã được sửa đổi, bổ sung … theo" in a VLC law is typed ends/repeals/replaces/amends', () => {
    for (const [file, list] of refs)
      for (const r of list) {
        const before = r.sentence.slice(0, Math.max(0, r.sentence.indexOf(r.text)));
        if (/đã được sửa đổi, bổ sung(?: một số điều)? theo(?: Luật số [\d/A-Z]+(?:,| và))*\s*$/u.test(before)) expect(CHANGING.has(r.relation), `${file}: ${r.text} (${r.relation}) in ${r.sentence.slice(0, 120)}`).toBe(false);
      }
  });

  it('"hủy bỏ nghị quyết, quyết định của Đại hội đồng cổ đông … theo quy định của Luật Doanh nghiệp" (Luật Chứng khoán): the law is cited', () => {
    const s = inSentence('luat-chung-khoan', /hủy bỏ nghị quyết, quyết định của Đại hội đồng cổ đông/u);
    const law = s.find((r) => r.target.name === 'Luật Doanh nghiệp');
    expect(law).toMatchObject({ relation: 'cites' });
    // And nowhere in the Securities Law is the Enterprise Law ended, replaced, repealed or amended.
    expect(refs.get('luat-chung-khoan')!.filter((r) => /Doanh nghiệp/u.test(r.target.name ?? '') && CHANGING.has(r.relation))).toEqual([]);
  });

  it('"Bãi bỏ điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi số 08/2017/QH14 …": those provisions are repealed, 35/2018 and 59/2020 cited', () => {
    const s = inSentence('luat-bao-ve-moi-truong', /^2\. Bãi bỏ điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi/u);
    const thuyLoi = s.find((r) => r.target.number === '08/2017/QH14')!;
    expect(thuyLoi).toMatchObject({ relation: 'repeals', text: 'điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi số 08/2017/QH14' });
    expect(thuyLoi.target.pinpoint).toEqual({ dieu: '44', khoan: '1', diem: 'd', more: [{ dieu: '58' }] });
    expect(s.filter((r) => r.target.number === '35/2018/QH14' || r.target.number === '59/2020/QH14').map((r) => r.relation)).toEqual(['cites', 'cites']);
  });

  it('"Luật Phòng, chống tham nhũng" keeps its comma (Luật Doanh nghiệp); "Thay thế cụm từ … của Luật Phòng, chống tham nhũng số 36/2018/QH14" amends it, not replaces', () => {
    const named = inSentence('luat-doanh-nghiep', /theo quy định của Luật Cán bộ, công chức, Luật Viên chức, Luật Phòng, chống tham nhũng\./u);
    expect(named.map((r) => r.target.name)).toContain('Luật Phòng, chống tham nhũng');
    expect(refs.get('luat-doanh-nghiep')!.some((r) => r.target.name === 'Luật Phòng')).toBe(false);
    const words = inSentence('luat-doanh-nghiep', /^3\. Thay thế cụm từ “doanh nghiệp nhà nước”/u).find((r) => r.target.number === '36/2018/QH14');
    expect(words).toMatchObject({ relation: 'amends' });
  });

  it('"theo quy định của Hiến pháp, Luật Mặt trận Tổ quốc Việt Nam" (Luật Đất đai 2013) is a citation, not "implements"; "theo quy định của Luật đất đai" (Bộ luật Dân sự) is a reference', () => {
    const s = inSentence('luat-dat-dai', /thực hiện quyền giám sát về quản lý và sử dụng đất đai theo quy định của Hiến pháp, Luật Mặt trận Tổ quốc Việt Nam/u);
    expect(s.map((r) => [r.target.name, r.relation])).toEqual([
      ['Hiến pháp', 'cites'],
      ['Luật Mặt trận Tổ quốc Việt Nam', 'cites'],
    ]);
    const land = refs.get('bo-luat-dan-su')!.filter((r) => r.target.name?.toLowerCase() === 'luật đất đai');
    expect(land.length).toBeGreaterThanOrEqual(5);
    expect(land.every((r) => r.relation === 'cites')).toBe(true);
  });
});
