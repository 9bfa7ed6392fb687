/**
 * Effect status on the VLC laws, through the API (app.request()): a dated partial ending on a day
 * before, during and after it; a repealed article of a law in the corpus; no law in force shown
 * as ended; bad days refused.
 */
import { expect, it } from 'vitest';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { loadInputs } from '../indexer/inputs.ts';
import { readInput } from '../src/read/index.ts';
import { buildCorpus, openCorpus, type Corpus } from '../src/corpus.ts';
import { createApp } from '../src/server/index.ts';

describeExternal('effect status on the VLC laws', () => {
  let corpus: Corpus | undefined;
  const ready = async () => {
    if (!corpus) {
      const { inputs } = await loadInputs([externalPath('vlc/corpus')]);
      const built = buildCorpus(inputs, { contentHash: 'test' });
      corpus = openCorpus(built.artifact, built.search);
    }
    return corpus;
  };
  const get = async (path: string) => {
    const c = await ready();
    const app = createApp({ corpus: () => c, config: { corsOrigins: [] }, now: () => new Date('2026-12-02T08:00:00Z') });
    const r = await app.request(path);
    return { status: r.status, body: (await r.json()) as any };
  };

  // Bộ luật tố tụng dân sự 92/2015/QH13, Điều 517 khoản 2: "Bộ luật tố tụng dân sự số 24/2004/QH11 …
  // hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành, trừ các quy định tại Điều 159 và điểm h
  // khoản 1 Điều 192 tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016."
  it('a dated partial ending: in force, partly ended (two provisions kept until 2016-12-31), ended', async () => {
    const before = await get('/api/documents/bo-luat-24-2004-qh11?asOf=2016-06-30');
    expect(before.status).toBe(200);
    expect(before.body.effect).toMatchObject({ asOf: '2016-06-30', status: 'in-force', label: 'Còn hiệu lực' });
    expect(before.body.effect.pending[0]).toMatchObject({ kind: 'ended', date: '2016-07-01' });

    const during = await get('/api/documents/bo-luat-24-2004-qh11?asOf=2016-10-01');
    expect(during.body.effect).toMatchObject({ status: 'partly-ended', label: 'Hết hiệu lực một phần', since: '2016-07-01', inferred: false });
    expect(during.body.effect.event).toMatchObject({ by: 'bo-luat-92-2015-qh13', byClause: 'bo-luat-92-2015-qh13/dieu-517/khoan-2', dateBasis: 'acting-effective', until: '2016-12-31' });
    expect(during.body.effect.event.evidence).toContain('tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016');
    expect(during.body.effect.clauses.map((c: any) => [c.provision, c.status, c.until])).toEqual([
      ['Điều 159', 'in-force', '2016-12-31'],
      ['điểm h khoản 1 Điều 192', 'in-force', '2016-12-31'],
    ]);

    const after = await get('/api/documents/bo-luat-24-2004-qh11?asOf=2017-01-01');
    expect(after.body.effect).toMatchObject({ status: 'ended', since: '2017-01-01' });
    expect(after.body.effect.clauses.every((c: any) => c.status === 'ended')).toBe(true);
    // The acting code itself was not yet in force on 2016-06-30.
    expect((await get('/api/documents/bo-luat-92-2015-qh13?asOf=2016-06-30')).body.effect).toMatchObject({ status: 'not-yet-in-force', effectiveFrom: '2016-07-01', effectiveBasis: 'stated' });
  });

  it('"… hết hiệu lực …, trừ Điều 75 của Luật Đầu tư số 67/2014/QH14": partly ended, Điều 75 kept with no last day', async () => {
    const v = (await get('/api/documents/luat-67-2014-qh14?asOf=2023-01-01')).body.effect;
    expect(v).toMatchObject({ status: 'partly-ended', since: '2021-01-01', event: { by: 'luat-61-2020-qh14', except: ['Điều 75'] } });
    expect(v.clauses).toMatchObject([{ provision: 'Điều 75', clauseId: 'luat-67-2014-qh14/dieu-75', status: 'in-force' }]);
    expect(v.clauses[0].until).toBeUndefined();
    // "trừ trường hợp quy định tại Điều 115 của Luật này" is a case of the new law: the old one ends.
    expect((await get('/api/documents/luat-38-2005-qh11?asOf=2023-01-01')).body.effect).toMatchObject({ status: 'ended', since: '2020-07-01', event: { note: 'trừ trường hợp quy định tại Điều 115 của Luật này' } });
  });

  it('a provision with an effective day of its own: khoản 3 Điều 29 of 72/2020/QH14 from 2021-02-01, the law from 2022-01-01', async () => {
    const early = (await get('/api/documents/luat-72-2020-qh14?asOf=2021-06-01')).body.effect;
    expect(early).toMatchObject({ status: 'not-yet-in-force', effectiveFrom: '2022-01-01' });
    expect(early.clauses).toMatchObject([{ provision: 'khoản 3 Điều 29', clauseId: 'luat-72-2020-qh14/dieu-29/khoan-3', status: 'in-force', since: '2021-02-01' }]);
    const before = (await get('/api/documents/luat-72-2020-qh14?asOf=2021-01-01')).body.effect;
    expect(before.clauses).toEqual([]);
    // 58/2014/QH13: "trừ quy định tại điểm b khoản 1 và khoản 2 Điều 2 của Luật này thì có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2018".
    const bhxh = (await get('/api/documents/luat-58-2014-qh13?asOf=2017-06-01')).body.effect;
    expect(bhxh.status).toBe('in-force');
    expect(bhxh.clauses.filter((c: any) => c.status === 'not-yet-in-force').map((c: any) => c.provision)).toEqual(['điểm b khoản 1 Điều 2', 'khoản 2 Điều 2']);
  });

  it('a repealed article of a law in the corpus: the law stays in force, the article is repealed from the repealing law’s effective day', async () => {
    const before = await get('/api/documents/luat-66-2006-qh11?asOf=2014-06-30');
    expect(before.body.effect.status).toBe('in-force');
    expect(before.body.effect.clauses).toEqual([]);
    const after = await get('/api/documents/luat-66-2006-qh11?asOf=2014-07-01');
    expect(after.body.effect.status).toBe('in-force');
    expect(after.body.effect.clauses).toMatchObject([{ provision: 'Điều 57', clauseId: 'luat-66-2006-qh11/dieu-57', status: 'repealed', since: '2014-07-01', event: { by: 'luat-45-2013-qh13', dateBasis: 'implied' } }]);
  });

  it('the amending laws named after "đã được sửa đổi, bổ sung … theo" stay in force; the amended law ends', async () => {
    const c = await ready();
    for (const id of ['luat-35-2018-qh14', 'luat-39-2019-qh14', 'luat-61-2020-qh14', 'luat-59-2020-qh14']) expect(c.graph.effectOn(id).status, id).not.toMatch(/ended/);
    expect(c.graph.effectOn('luat-55-2014-qh13')).toMatchObject({ status: 'ended', since: '2022-01-01' });
    expect(c.graph.node('luat-59-2020-qh14')?.status).toBe('current');
    expect(c.graph.node('luat-61-2020-qh14')?.status).toBe('current');
  });

  it('the document list says Luật Doanh nghiệp 59/2020 and Luật Đầu tư 61/2020 are in force', async () => {
    const list = (await get('/api/documents')).body.documents;
    for (const id of ['luat-59-2020-qh14', 'luat-61-2020-qh14']) expect(list.find((d: any) => d.id === id), id).toMatchObject({ status: 'current', effect: 'in-force' });
    expect(list.find((d: any) => d.id === 'luat-12-2003-qh11')).toMatchObject({ status: 'repealed', effect: 'ended', supersededBy: 'luat-85-2015-qh13' });
  });

  it('no VLC law is shown as ended but 12/2003/QH11, which 85/2015/QH13 ends', async () => {
    const c = await ready();
    const ended = c.artifact.documents.filter((d) => ['ended', 'partly-ended', 'replaced'].includes(c.graph.effectOn(d.id).status)).map((d) => d.id);
    expect(ended).toEqual(['luat-12-2003-qh11']);
    expect(c.graph.effectOn('luat-12-2003-qh11')).toMatchObject({ status: 'ended', since: '2015-09-01', event: { by: 'luat-85-2015-qh13', byClause: 'luat-85-2015-qh13/dieu-97/khoan-2' } });
  });

  it('search: status=in-force keeps what is in force on asOf (12/2003/QH11 until 2015-08-31), default off', async () => {
    const q = '/api/search?q=' + encodeURIComponent('bầu cử đại biểu Hội đồng nhân dân') + '&limit=100';
    const docs = (b: any) => new Set(b.hits.map((h: any) => h.docId));
    expect(docs((await get(q)).body).has('luat-12-2003-qh11')).toBe(true);
    expect(docs((await get(`${q}&status=in-force&asOf=2010-01-01`)).body).has('luat-12-2003-qh11')).toBe(true);
    const later = (await get(`${q}&status=in-force&asOf=2016-01-01`)).body;
    expect(docs(later).has('luat-12-2003-qh11')).toBe(false);
    expect(docs(later).has('luat-85-2015-qh13')).toBe(true);
    // Today (the clock given to the app) when no day is asked for.
    expect(docs((await get(`${q}&status=in-force`)).body).has('luat-12-2003-qh11')).toBe(false);
    // The electoral law of 2015 was not yet in force in 2010.
    expect(docs((await get(`${q}&status=in-force&asOf=2010-01-01`)).body).has('luat-85-2015-qh13')).toBe(false);
    expect((await get(`${q}&status=in-force&asOf=2010-13-01`)).status).toBe(400);
  });

  it('every event carries its sentence, the clause that says it, how its date is known, and stated or inferred', async () => {
    const c = await ready();
    let n = 0;
    for (const { docId, events } of c.artifact.effects) {
      for (const e of events) {
        if (e.kind === 'effective' && e.dateBasis !== 'stated') continue; // no statement: the date of issue (or none), marked inferred
        n++;
        expect(e.evidence.length, `${docId} ${e.kind}`).toBeGreaterThan(10);
        expect(e.byClause, `${docId} ${e.kind}`).toMatch(/\//);
        expect(e.inferred, `${docId} ${e.kind}`).toBe(e.kind === 'superseded');
        if (e.kind !== 'effective') expect(e.by, `${docId} ${e.kind}`).toBeTruthy();
        if (e.date) expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(e.dateBasis).toBe('unknown');
      }
    }
    expect(n).toBeGreaterThan(150);
  });

  it('bad days are a 400 problem', async () => {
    for (const bad of ['2016-13-01', '2016-02-30', 'yesterday', '2016-1-1']) {
      const r = await get(`/api/documents/bo-luat-24-2004-qh11?asOf=${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.param ?? r.body.detail).toBeTruthy();
    }
  });
});

describeExternal('effect status from the Bộ pháp điển source notes', () => {
  it('"(Điều 7 Nghị định số 45/2010/NĐ-CP …, có nội dung bị bãi bỏ bởi Điều 2 Nghị định số 33/2012/NĐ-CP có hiệu lực thi hành kể từ ngày 01/06/2012)": that article repealed from the day the note gives', async () => {
    const name = '213aa299-188e-4c1d-af68-ba87a99d849b.html';
    const docs = readInput({ path: name, corpus: 'phapdien', format: 'phapdien-html', text: readFileSync(externalPath('phapdien/demuc', name), 'utf8'), bytes: 0, sha256: '' }, new VFile());
    const { findReferences } = await import('../src/refs/index.ts');
    const { resolveReferences } = await import('../src/resolve/index.ts');
    const { buildGraph, effectOn } = await import('../src/graph/index.ts');
    const { references, externals } = resolveReferences(docs.flatMap((d) => findReferences(d)), docs, new VFile());
    const g = buildGraph(docs, references, externals);
    const events = g.effects.find((e) => e.events.some((x) => x.kind === 'repealed' && x.by === '33-2012-nd-cp'))!.events;
    const repeal = events.find((x) => x.kind === 'repealed')!;
    expect(repeal).toMatchObject({ date: '2012-06-01', dateBasis: 'stated', byClause: '33-2012-nd-cp/dieu-2', inferred: false });
    expect(effectOn(events, '2012-05-31').clauses.some((x) => x.status === 'repealed')).toBe(false);
    expect(effectOn(events, '2012-06-01').clauses).toContainEqual(expect.objectContaining({ clauseId: repeal.clauses![0], status: 'repealed', since: '2012-06-01' }));
  });
});
