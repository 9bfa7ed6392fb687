/** Law names learned from the VLC laws' titles: each law found by its name as people write it. */
import { expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { mergeDocuments, readInput } from '../src/read/index.ts';
import { NameIndex, nameForms } from '../src/resolve/index.ts';
import { fold } from 'vietnamese-tokenizer';
import type { DocumentRecord } from '../src/model.ts';

describeExternal('law names on the VLC laws', () => {
  let docs: DocumentRecord[] = [];
  let names: NameIndex;
  const ready = async () => {
    if (!docs.length) {
      const { inputs } = await loadInputs([externalPath('vlc/corpus')]);
      docs = mergeDocuments(inputs.flatMap((i) => readInput(i, new VFile())));
      names = NameIndex.build(docs.map((d) => ({ ...d, inCorpus: true })));
    }
    return names;
  };

  it('every titled law is found first by its name, without diacritics, and with its year', async () => {
    const index = await ready();
    const named = docs.filter((d) => nameForms(d.title, d.type));
    expect(named.length).toBeGreaterThan(100);
    for (const d of named) {
      const { name } = nameForms(d.title, d.type)!;
      const year = d.date?.slice(0, 4);
      for (const typed of [name, fold(name), name.toUpperCase(), ...(year ? [`${name} năm ${year}`, `${fold(name)} ${year}`] : [])])
        expect(index.lookup(typed).candidates[0]?.id, `${typed} → ${d.id}`).toBe(d.id);
    }
  });

  it.each([
    ['Luật Đất đai', 'luat-45-2013-qh13'],
    ['luat dat dai 2013', 'luat-45-2013-qh13'],
    ['Bộ luật Lao động', 'bo-luat-45-2019-qh14'],
    ['Luật Lao động', 'bo-luat-45-2019-qh14'],
    ['bo luat hinh su', 'bo-luat-100-2015-qh13'],
    ['Bộ luật Tố tụng dân sự', 'bo-luat-92-2015-qh13'],
    ['Luật Thống kê', 'luat-89-2015-qh13'],
    ['Bộ luật Hàng hải', 'bo-luat-95-2015-qh13'],
    ['Luật Biên giới quốc gia', 'luat-06-2003-qh11'],
    ['Luật Hôn nhân gia đình', 'luat-52-2014-qh13'],
    ['Luật Phòng chống ma túy', 'luat-23-2000-qh10'],
    ['Luật Giao thông đường thủy nội địa', 'luat-23-2004-qh11'],
    ['Hiến pháp 2013', 'vb-hien-phap'],
  ])('%j → %s', async (name, id) => {
    expect((await ready()).lookup(name).candidates[0]?.id).toBe(id);
  });

  it('a year that no version has gives nothing, and says which versions exist', async () => {
    const m = (await ready()).lookup('Luật Đất đai 2003');
    expect(m.candidates).toEqual([]);
    expect(m.others.map((c) => c.id)).toEqual(['luat-45-2013-qh13']);
  });
});
