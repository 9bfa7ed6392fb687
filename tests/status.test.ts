/** Effect status (src/graph/status.ts): the phrases as data, provision lists, and what holds on a day. */
import { beforeAll, describe, expect, it } from 'vitest';
import { clauseEffectOn, effectiveDate, effectOn, parseProvisions, STATUS_PATTERNS } from '../src/graph/index.ts';
import { EFFECT_STATUSES } from '../src/doc-types.ts';
import type { EffectEvent } from '../src/model.ts';

describe('status patterns', () => {
  for (const p of Object.values(STATUS_PATTERNS)) {
    it.each(p.examples)(`${p.id} matches %s`, (s) => expect(p.re.test(s)).toBe(true));
    it.each(p.counterExamples)(`${p.id} does not match %s`, (s) => expect(p.re.test(s)).toBe(false));
  }
});

describe('effective date from the document itself', () => {
  const doc = (text: string, date = '2015-11-25') => ({ date, clauses: [{ id: 'x/dieu-1', text } as never] });
  it.each([
    ['Điều 517. Hiệu lực thi hành 1. Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2016, trừ các quy định sau đây', '2016-07-01', 'stated'],
    ['1. Luật này có hiệu lực thi hành từ năm ngân sách 2017.', '2017-01-01', 'stated'],
    ['Luật này có hiệu lực thi hành từ ngày 1-7-1995.', '1995-07-01', 'stated'],
    ['Nghị định này có hiệu lực thi hành kể từ ngày ký.', '2015-11-25', 'stated'],
    ['Các quy định của Luật này được áp dụng đối với người đã tham gia bảo hiểm xã hội từ trước ngày Luật này có hiệu lực.', '2015-11-25', 'issued'],
  ])('%s → %s (%s)', (text, date, basis) => {
    const e = effectiveDate(doc(text));
    expect(e.date).toBe(date);
    expect(e.basis).toBe(basis);
  });
});

describe('provision lists', () => {
  it.each([
    ['điểm d khoản 1 Điều 44 và Điều 58', ['điểm d khoản 1 Điều 44', 'Điều 58']],
    ['khoản 3 và khoản 4 Điều 19', ['khoản 3 Điều 19', 'khoản 4 Điều 19']],
    ['Điều 159 và điểm h khoản 1 Điều 192', ['Điều 159', 'điểm h khoản 1 Điều 192']],
    ['các điều 223, 224 và 234 Mục 5 Chương XIV', ['Điều 223 Mục 5 Chương XIV', 'Điều 224 Mục 5 Chương XIV', 'Điều 234 Mục 5 Chương XIV']],
    ['Mục 1 Chương VI', ['Mục 1 Chương VI']],
    ['Điều 3, 4, 5, khoản 1 Điều 26 và khoản 2 Điều 29', ['Điều 3', 'Điều 4', 'Điều 5', 'khoản 1 Điều 26', 'khoản 2 Điều 29']],
  ])('%s', (text, labels) => {
    expect(parseProvisions(text).map((p) => p.label)).toEqual(labels);
  });
});

describe('status on a day', () => {
  // Bộ luật tố tụng dân sự 92/2015/QH13 Điều 517 khoản 2, on 24/2004/QH11: ended from 2016-07-01
  // except Điều 159 and điểm h khoản 1 Điều 192, kept until 2016-12-31.
  const ending: EffectEvent = {
    kind: 'ended',
    date: '2016-07-01',
    dateBasis: 'acting-effective',
    by: 'bo-luat-92-2015-qh13',
    byClause: 'bo-luat-92-2015-qh13/dieu-517/khoan-2',
    except: ['Điều 159', 'điểm h khoản 1 Điều 192'],
    exceptClauses: ['bo-luat-24-2004-qh11/dieu-159', 'bo-luat-24-2004-qh11/dieu-192/khoan-1/diem-h'],
    until: '2016-12-31',
    evidence: '…',
    inferred: false,
    confidence: 'high',
    refs: [],
  };
  const effective: EffectEvent = { kind: 'effective', date: '2005-01-01', dateBasis: 'stated', evidence: '…', inferred: false, confidence: 'high', refs: [] };
  it.each([
    ['2004-12-31', 'not-yet-in-force'],
    ['2016-06-30', 'in-force'],
    ['2016-07-01', 'partly-ended'],
    ['2016-12-31', 'partly-ended'],
    ['2017-01-01', 'ended'],
    [undefined, 'ended'],
  ])('on %s: %s', (asOf, status) => {
    expect(effectOn([effective, ending], asOf).status).toBe(status);
  });
  it('the kept provisions are in force until the day written, then ended', () => {
    const partly = effectOn([effective, ending], '2016-10-01');
    expect(partly.clauses.map((c) => [c.provision, c.status, c.until])).toEqual([
      ['Điều 159', 'in-force', '2016-12-31'],
      ['điểm h khoản 1 Điều 192', 'in-force', '2016-12-31'],
    ]);
    expect(partly.since).toBe('2016-07-01');
    expect(partly.event?.byClause).toBe('bo-luat-92-2015-qh13/dieu-517/khoan-2');
    const after = effectOn([effective, ending], '2017-01-01');
    expect(after.clauses.every((c) => c.status === 'ended' && c.since === '2017-01-01')).toBe(true);
    expect(after.since).toBe('2017-01-01');
  });
  it('a low-confidence ending is shown, never applied', () => {
    const v = effectOn([effective, { ...ending, except: undefined, confidence: 'low' }], '2020-01-01');
    expect(v.status).toBe('in-force');
    expect(v.uncertain).toHaveLength(1);
  });
  it('a repealed provision ends only itself; a later one is pending', () => {
    const repeal: EffectEvent = { kind: 'repealed', date: '2014-07-01', dateBasis: 'implied', by: 'luat-45-2013-qh13', provisions: ['Điều 57'], clauses: ['luat-66-2006-qh11/dieu-57'], evidence: '…', inferred: false, confidence: 'high', refs: [] };
    expect(effectOn([effective, repeal], '2014-06-30')).toMatchObject({ status: 'in-force', clauses: [], pending: [repeal] });
    const v = effectOn([effective, repeal], '2014-07-01');
    expect(v.status).toBe('in-force');
    expect(v.clauses).toMatchObject([{ provision: 'Điều 57', clauseId: 'luat-66-2006-qh11/dieu-57', status: 'repealed', since: '2014-07-01' }]);
  });
  it.each<[string, string | undefined, string, string, string, string | undefined]>([
    // [clause, asOf, status, scope, basis, since]
    ['bo-luat-24-2004-qh11/dieu-159', '2016-10-01', 'in-force', 'clause', 'stated', undefined],
    ['bo-luat-24-2004-qh11/dieu-192/khoan-1/diem-h', '2016-10-01', 'in-force', 'clause', 'stated', undefined],
    ['bo-luat-24-2004-qh11/dieu-5', '2016-10-01', 'ended', 'document', 'stated', '2016-07-01'],
    ['bo-luat-24-2004-qh11/dieu-5', '2016-06-30', 'in-force', 'document', 'stated', '2005-01-01'],
    ['bo-luat-24-2004-qh11/dieu-159', '2017-01-01', 'ended', 'clause', 'stated', '2017-01-01'],
  ])('clause %s on %s: %s (%s, %s)', (clauseId, asOf, status, scope, basis, since) => {
    const c = clauseEffectOn(effectOn([effective, ending], asOf), clauseId, []);
    expect(c).toMatchObject({ status, scope, basis });
    expect(c.since).toBe(since);
    if (status !== 'in-force' || scope === 'clause') expect(c.evidenceClauseId).toBe('bo-luat-92-2015-qh13/dieu-517/khoan-2');
  });
  it('a khoản of a repealed article is repealed with it (scope ancestor), with the repealing clause as evidence', () => {
    const repeal: EffectEvent = { kind: 'repealed', date: '2014-07-01', dateBasis: 'implied', by: 'luat-45-2013-qh13', byClause: 'luat-45-2013-qh13/dieu-211/khoan-2', provisions: ['Điều 57'], clauses: ['luat-66-2006-qh11/dieu-57'], evidence: '…', inferred: false, confidence: 'high', refs: [] };
    const c = clauseEffectOn(effectOn([effective, repeal], '2015-01-01'), 'luat-66-2006-qh11/dieu-57/khoan-2', ['luat-66-2006-qh11/dieu-57']);
    expect(c).toMatchObject({ status: 'repealed', scope: 'ancestor', provision: 'Điều 57', provisionClauseId: 'luat-66-2006-qh11/dieu-57', by: 'luat-45-2013-qh13', evidenceClauseId: 'luat-45-2013-qh13/dieu-211/khoan-2', basis: 'stated', since: '2014-07-01' });
  });
  it('provisions with a day of their own are listed, later or earlier than the document', () => {
    // Luật Bảo vệ môi trường 72/2020/QH14 Điều 171: khoản 3 Điều 29 from 2021-02-01, the law from 2022-01-01.
    const law: EffectEvent = { kind: 'effective', date: '2022-01-01', dateBasis: 'stated', byClause: 'luat-72-2020-qh14/dieu-171/khoan-1', evidence: 'Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022.', inferred: false, confidence: 'high', refs: [] };
    const early: EffectEvent = { ...law, date: '2021-02-01', byClause: 'luat-72-2020-qh14/dieu-171/khoan-2', provisions: ['khoản 3 Điều 29'], clauses: ['luat-72-2020-qh14/dieu-29/khoan-3'], evidence: 'Quy định tại khoản 3 Điều 29 của Luật này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2021.' };
    const late: EffectEvent = { ...law, date: '2023-01-01', byClause: 'luat-72-2020-qh14/dieu-171/khoan-3', provisions: ['Điều 99'], clauses: ['luat-72-2020-qh14/dieu-99'], evidence: '…' };
    const v = effectOn([law, early, late], '2021-06-01');
    expect(v.provisionsEffective.map((p) => [p.provision, p.from, p.when, p.evidenceClauseId])).toEqual([
      ['khoản 3 Điều 29', '2021-02-01', 'earlier', 'luat-72-2020-qh14/dieu-171/khoan-2'],
      ['Điều 99', '2023-01-01', 'later', 'luat-72-2020-qh14/dieu-171/khoan-3'],
    ]);
    expect(clauseEffectOn(v, 'luat-72-2020-qh14/dieu-99', []).status).toBe('not-yet-in-force');
  });
  it('the view says each event in Vietnamese, from the vocabulary', () => {
    const v = effectOn([effective, ending], '2020-01-01');
    expect(v.eventWords.superseded!.by).toMatch(/^Suy ra/u);
    expect(v.eventWords.repealed!.verb).toBe('bị bãi bỏ');
  });
  it('every status has a label from the vocabulary', () => {
    for (const s of EFFECT_STATUSES) expect(s.label.length).toBeGreaterThan(3);
  });
});

describe('the API on the seeds: asOf on documents and search, OpenAPI from the vocabulary', async () => {
  const { seedCorpus } = await import('./helpers/seeds.ts');
  const { createApp } = await import('../src/server/index.ts');
  const corpus = await seedCorpus();
  const app = createApp({ corpus: () => corpus, config: { corsOrigins: [] }, now: () => new Date('2025-12-20T08:00:00Z') });
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, body: (await r.json()) as any };
  };
  let spec: any;
  const spec0 = () => spec;
  beforeAll(async () => {
    spec = (await get('/openapi.json')).body;
  });
  it('a superseded conclusion is marked inferred; before its date it was not yet in force', async () => {
    const now = await get('/api/documents/183-kl-tw');
    expect(now.body.effect).toMatchObject({ asOf: '2025-12-20', status: 'superseded', inferred: true, event: { kind: 'superseded', inferred: true } });
    expect((await get('/api/documents/183-kl-tw?asOf=2020-01-01')).body.effect.status).toBe('not-yet-in-force');
    expect((await get('/api/documents/221-kl-tw')).body.effect.status).toBe('in-force');
  });
  it('status=in-force leaves out superseded conclusions and those not yet issued on asOf', async () => {
    const ids = (b: any) => new Set(b.hits.map((h: any) => h.docId));
    const all = ids((await get('/api/search?q=bo+may&limit=100')).body);
    const inForce = ids((await get('/api/search?q=bo+may&limit=100&status=in-force')).body);
    expect(all.has('183-kl-tw')).toBe(true);
    expect(inForce.has('183-kl-tw')).toBe(false);
    expect(inForce.has('221-kl-tw')).toBe(true);
    expect(ids((await get('/api/search?q=bo+may&limit=100&status=in-force&asOf=2020-01-01')).body).size).toBe(0);
    const bad = await get('/api/search?q=bo+may&status=in-force&asOf=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.param ?? bad.body.detail).toBeTruthy();
  });
  it('GET /api/clauses/:id?asOf=: the clause\'s status on that day, with its evidence, stated or inferred', async () => {
    const now = (await get('/api/clauses/183-kl-tw/3?asOf=2025-12-20')).body.effect;
    // A superseded conclusion: the series says so (inferred), in Vietnamese.
    expect(now).toMatchObject({ asOf: '2025-12-20', status: 'superseded', scope: 'document', basis: 'inferred' });
    expect(now.evidence).toMatch(/trong loạt “.*”.*suy ra/u);
    expect((await get('/api/clauses/183-kl-tw/3?asOf=2020-01-01')).body.effect).toMatchObject({ status: 'not-yet-in-force', scope: 'document' });
    expect((await get('/api/clauses/221-kl-tw/4')).body.effect).toMatchObject({ asOf: '2025-12-20', status: 'in-force' });
    const bad = await get('/api/clauses/221-kl-tw/4?asOf=2025-13-01');
    expect(bad.status).toBe(400);
  });
  it('OpenAPI lists asOf and the effect statuses, taken from the vocabulary', async () => {
    expect(spec0().paths['/api/clauses/{id}'].get.parameters.map((p: any) => p.name)).toContain('asOf');
    expect(Object.keys(spec0().components.schemas.ClauseStatus.properties)).toEqual(expect.arrayContaining(['status', 'scope', 'evidenceClauseId', 'basis']));
    expect(Object.keys(spec0().components.schemas.EffectView.properties)).toEqual(expect.arrayContaining(['provisionsEffective', 'eventWords']));
    const spec = (await get('/openapi.json')).body;
    expect(spec.paths['/api/documents/{id}'].get.parameters.map((p: any) => p.name)).toContain('asOf');
    expect(spec.paths['/api/search'].get.parameters.map((p: any) => p.name)).toContain('asOf');
    expect(spec.components.schemas.EffectView.properties.status.enum).toEqual(EFFECT_STATUSES.map((s) => s.status));
  });
});
