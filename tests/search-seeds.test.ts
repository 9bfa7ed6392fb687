/** Search on the seeds: clauses first, diacritics both ways, numbers, phrases, filters, facets, highlights. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';
import { SearchEngine } from '../src/search/index.ts';

const corpus = await seedCorpus();
const search = corpus.search;
const top = (q: string, o = {}) => search.search(q, { limit: 5, ...o }).hits;

describe('diacritics', () => {
  it('"tram y te cap xa" finds 221-KL/TW [4] first, with the words marked', () => {
    const [hit] = top('tram y te cap xa');
    expect(hit).toMatchObject({ id: '221-kl-tw/4', path: '[4]', document: { number: '221-KL/TW', type: 'ket-luan', date: '2025-11-28' } });
    expect(hit!.snippet).toContain('<mark>trạm</mark> <mark>y</mark> <mark>tế</mark> <mark>cấp</mark> <mark>xã</mark>');
  });
  it('the same query with diacritics finds the same clause first', () => {
    expect(top('trạm y tế cấp xã')[0]!.id).toBe('221-kl-tw/4');
  });
  it('"Đảng uỷ" (old tone) and "Đảng ủy" (new) find the same clauses, and NFD input works', () => {
    const a = search.search('Đảng uỷ', { limit: 100 }).hits.map((h) => h.id).sort();
    const b = search.search('Đảng ủy', { limit: 100 }).hits.map((h) => h.id).sort();
    const c = search.search('Đảng ủy'.normalize('NFD'), { limit: 100 }).hits.map((h) => h.id).sort();
    expect(a.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
    expect(c).toEqual(b);
    // 221 writes "uỷ", 202 writes "ủy": both come back for either spelling.
    expect(a.some((id) => id.startsWith('221-kl-tw/'))).toBe(true);
    expect(a.some((id) => id.startsWith('202-kl-tw/'))).toBe(true);
  });
  it('a query typed with marks ranks exact spellings first: "bàn" has no exact match, so "ban" clauses come after nothing exact', () => {
    const hits = search.search('bàn', { limit: 3 }).hits;
    const exact = search.search('Ban Tổ chức', { limit: 3 }).hits;
    expect(exact[0]!.snippet).toMatch(/<mark>Ban<\/mark> <mark>Tổ<\/mark> <mark>chức<\/mark>/u);
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe('numbers in any form', () => {
  it.each(['195-KL/TW', '195-kl/tw', 'kl 195', 'ket luan 195', 'Kết luận số 195', 'KL195'])('%j → the external 195-KL/TW first, then the clause citing it', (q) => {
    const hits = top(q);
    expect(hits[0]).toMatchObject({ id: '195-kl-tw', match: 'number', document: { number: '195-KL/TW', inCorpus: false } });
    expect(hits[1]).toMatchObject({ id: '202-kl-tw/2', match: 'cites' });
  });
  it('"221-KL/TW" → the document, then 001 which implements it', () => {
    const hits = top('221-KL/TW');
    expect(hits[0]).toMatchObject({ id: '221-kl-tw', match: 'number', document: { inCorpus: true } });
    expect(hits.map((h) => h.id)).toContain('vb-001-57c09aa3197540b1/p1');
  });
  it('"nq 18" finds Nghị quyết 18-NQ/TW (cited in 202 and, as "Nghị quyết 18", in 183)', () => {
    const hits = top('nq 18');
    expect(hits[0]!.id).toBe('18-nq-tw');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['183-kl-tw/4/1']));
  });
});

describe('phrases, prefixes, empty queries', () => {
  it('a quoted phrase must appear as written (in order)', () => {
    const hits = search.search('"trạm y tế"', { limit: 50 }).hits;
    expect(hits.map((h) => h.id)).toEqual(['221-kl-tw/4']);
  });
  it('completes the last word while typing: "tram y t" finds 221 [4]', () => {
    expect(top('tram y t')[0]!.id).toBe('221-kl-tw/4');
  });
  it.each(['', '   ', '!!!', '…', '"', '-'])('%j gives an empty result, not an error', (q) => {
    expect(search.search(q)).toMatchObject({ total: 0, hits: [] });
  });
});

describe('filters, facets, pagination, grouping', () => {
  it('filters by type and year and counts facets over the whole result', () => {
    const all = search.search('chính quyền địa phương', { limit: 100 });
    expect(all.facets.type!.find((f) => f.value === 'ket-luan')).toMatchObject({ label: 'Kết luận' });
    expect(all.facets.year!.map((f) => f.value)).toContain('2025');
    const onlyKl = search.search('chính quyền địa phương', { limit: 100, type: ['ket-luan'] });
    expect(onlyKl.hits.every((h) => h.document.type === 'ket-luan')).toBe(true);
    expect(onlyKl.total).toBeLessThan(all.total);
    expect(search.search('chính quyền địa phương', { from: '2025-11-01' }).hits.every((h) => h.docId === '221-kl-tw')).toBe(true);
  });
  it('filters by status from the graph: current is 221 only', () => {
    const r = search.search('Đảng ủy', { status: ['current'], limit: 100 });
    expect(new Set(r.hits.map((h) => h.docId))).toEqual(new Set(['221-kl-tw', 'vb-001-57c09aa3197540b1']));
    expect(search.search('Đảng ủy').facets.status!.map((f) => f.value).sort()).toEqual(['current', 'superseded']);
  });
  it('paginates with a stable total', () => {
    const p1 = search.search('Đảng ủy', { limit: 3 });
    const p2 = search.search('Đảng ủy', { limit: 3, offset: 3 });
    expect(p1.total).toBe(p2.total);
    expect(p1.hits.map((h) => h.id)).not.toEqual(p2.hits.map((h) => h.id));
  });
  it('groups hits by document on request', () => {
    const r = search.search('Đảng ủy', { limit: 20, group: 'document' });
    expect(r.groups!.length).toBeGreaterThan(1);
    expect(r.groups!.flatMap((g) => g.hits)).toHaveLength(r.hits.length);
  });
});

describe('safety and persistence', () => {
  it('escapes HTML in snippets: only <mark> is markup', () => {
    const doc = { ...corpus.artifact.documents[0]!, id: 'xss', clauses: [{ ...corpus.artifact.documents[0]!.clauses[0]!, id: 'xss/1', docId: 'xss', text: 'Đảng ủy <script>alert(1)</script> <img src=x onerror=alert(1)>' }] };
    const engine = SearchEngine.build([doc]);
    const s = engine.search('Đảng ủy script').hits[0]!.snippet;
    expect(s).toContain('&lt;<mark>script</mark>&gt;');
    expect(s.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
  it('saves and loads without re-analysing, with identical results', () => {
    const loaded = SearchEngine.load(search.save(), corpus.artifact.documents, corpus.artifact.graph);
    for (const q of ['tram y te', 'kl 195', 'Đảng uỷ', 'chính quyền']) expect(loaded.search(q)).toEqual(search.search(q));
  });
  it('suggests completions as the corpus writes them, and numbers', () => {
    expect(search.suggest('chinh q')).toContain('chính quyền');
    expect(search.suggest('tram y t')).toEqual(['trạm y tế']);
    expect(search.suggest('kl 19')).toContain('195-KL/TW');
  });
});

describe('typos', () => {
  it('forgives one edit in a longer syllable pair ("chinh quyenn dia phuong")', () => {
    const hits = search.search('chinh quyenn dia phuong ', { limit: 5 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    // The first hit may be 202-KL/TW's title, written in capitals ("… CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP").
    expect(hits[0]!.snippet.toLowerCase()).toContain('<mark>chính</mark>');
  });
});
