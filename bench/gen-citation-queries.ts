/**
 * `node bin/run.js bench/gen-citation-queries.ts`: generates labelled citation queries from the
 * clause ids of the VLC laws and the seeds — every form a legal officer types (article, khoản,
 * điểm, chapter; by name, number, type + number, name + year, abbreviation; with and without
 * diacritics; pinpoint before or after; Party mục / điểm (ii)) — with the clause each names.
 * A seeded random split: 60% `generated-tune.tsv` (read while writing the query rules), 40%
 * `generated-holdout.tsv` (not read; checked only mechanically, see checkHoldout below).
 * The labels come from the clause ids, never from the search: the truth is what was generated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fold } from 'vietnamese-tokenizer';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import type { Clause, DocumentRecord } from '../src/model.ts';
import { NameIndex, nameForms } from '../src/resolve/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'));
const OUT = resolve(ROOT, 'tests/fixtures/citation-queries');

// A small seeded generator (mulberry32): the same files every run.
let seed = 20261124;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => {
  if (!xs.length) throw new Skip();
  return xs[Math.floor(random() * xs.length)]!;
};
/** A generator found nothing to draw from this time. */
class Skip extends Error {}

// The built corpus is kept in .tmp/ between runs (building VLC takes minutes on a busy machine).
const CACHE = resolve(ROOT, '.tmp/gen-citation-artifact.json');
let artifact: ReturnType<typeof buildCorpus>['artifact'];
if (existsSync(CACHE)) artifact = JSON.parse(readFileSync(CACHE, 'utf8'));
else {
  const { inputs } = await loadInputs([resolve(EXTERNAL, 'vlc/corpus'), resolve(ROOT, 'seeds')]);
  artifact = buildCorpus(inputs, { contentHash: 'gen' }).artifact;
  mkdirSync(resolve(ROOT, '.tmp'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(artifact));
}
const docs = artifact.documents;
const names = NameIndex.build(artifact.graph.nodes);

/** The codes' abbreviations, as officers write them. */
const ABBR: Record<string, string[]> = {
  'bo-luat-91-2015-qh13': ['BLDS', 'blds'],
  'bo-luat-100-2015-qh13': ['BLHS', 'blhs'],
  'bo-luat-45-2019-qh14': ['BLLĐ', 'blld'],
  'bo-luat-92-2015-qh13': ['BLTTDS', 'blttds'],
  'bo-luat-101-2015-qh13': ['BLTTHS', 'bltths'],
  'bo-luat-95-2015-qh13': ['BLHH', 'blhh'],
};

interface Row {
  query: string;
  expected: string;
  form: string;
  note: string;
}
const rows: Row[] = [];
const seen = new Set<string>();
const add = (query: string, expected: string, form: string, note: string) => {
  if (seen.has(query)) return;
  seen.add(query);
  rows.push({ query, expected, form, note });
};

const lower = (s: string) => s.toLowerCase();
const bare = (s: string) => fold(s).toLowerCase();
const clausesOf = (d: DocumentRecord, kind: Clause['kind']) => d.clauses.filter((c) => c.kind === kind && !c.id.includes('~'));
const dieuOf = (c: Clause) => /dieu-([0-9a-z]+)/.exec(c.id)?.[1];
const khoanOf = (c: Clause) => /khoan-(\d+)/.exec(c.id)?.[1];
const diemOf = (c: Clause) => (c.kind === 'diem' ? c.number : undefined);

// Laws whose name names them alone (a name shared by two laws in the corpus is ambiguous: not a label).
const laws = docs.filter((d) => ['luat', 'bo-luat', 'hien-phap'].includes(d.type) && d.clauses.some((c) => c.kind === 'dieu'));
const named = laws.filter((d) => {
  const f = nameForms(d.title, d.type);
  if (!f) return false;
  const m = names.lookup(f.name);
  return m.candidates[0]?.id === d.id && m.candidates.filter((c) => c.inCorpus).length === 1;
});
const numbered = laws.filter((d) => d.number && /^\d+\/\d{4}\/QH\d+$/.test(d.number));
const year = (d: DocumentRecord) => d.date?.slice(0, 4) ?? /\/(\d{4})\//.exec(d.number ?? '')?.[1];

type Gen = () => void;
const gens: [string, number, Gen][] = [
  ['article-by-name', 14, () => {
    const d = pick(named);
    const c = pick(clausesOf(d, 'dieu'));
    const name = nameForms(d.title, d.type)!.name;
    add(pick([`Điều ${dieuOf(c)} ${name}`, `điều ${dieuOf(c)} ${lower(name)}`]), c.id, 'article-by-name', name);
  }],
  ['article-by-name-no-diacritics', 12, () => {
    const d = pick(named);
    const c = pick(clausesOf(d, 'dieu'));
    add(`dieu ${dieuOf(c)} ${bare(nameForms(d.title, d.type)!.name)}`, c.id, 'article-by-name-no-diacritics', d.title ?? '');
  }],
  ['khoan-by-name', 12, () => {
    const d = pick(named);
    const c = pick(clausesOf(d, 'khoan'));
    if (!dieuOf(c)) return;
    const name = nameForms(d.title, d.type)!.name;
    add(pick([`khoản ${khoanOf(c)} Điều ${dieuOf(c)} ${name}`, `khoan ${khoanOf(c)} dieu ${dieuOf(c)} ${bare(name)}`]), c.id, 'khoan-by-name', name);
  }],
  ['diem-by-name', 10, () => {
    const d = pick(named);
    const cs = clausesOf(d, 'diem').filter((c) => /^[a-zđ]$/.test(c.number) && khoanOf(c));
    if (!cs.length) return;
    const c = pick(cs);
    const name = nameForms(d.title, d.type)!.name;
    add(`điểm ${diemOf(c)} khoản ${khoanOf(c)} Điều ${dieuOf(c)} ${name}`, c.id, 'diem-by-name', name);
  }],
  ['pinpoint-after-name', 12, () => {
    const d = pick(named);
    const c = pick([...clausesOf(d, 'dieu'), ...clausesOf(d, 'khoan')]);
    const name = nameForms(d.title, d.type)!.name;
    const pin = c.kind === 'khoan' ? `điều ${dieuOf(c)} khoản ${khoanOf(c)}` : `điều ${dieuOf(c)}`;
    add(pick([`${lower(name)} ${pin}`, `${bare(name)} ${bare(pin)}`]), c.id, 'pinpoint-after-name', name);
  }],
  ['name-year', 10, () => {
    const d = pick(named.filter((x) => year(x)));
    const c = pick(clausesOf(d, 'dieu'));
    const name = nameForms(d.title, d.type)!.name;
    add(pick([`Điều ${dieuOf(c)} ${name} năm ${year(d)}`, `${bare(name)} ${year(d)} dieu ${dieuOf(c)}`]), c.id, 'name-year', name);
  }],
  ['by-number', 14, () => {
    const d = pick(numbered);
    const c = pick([...clausesOf(d, 'dieu'), ...clausesOf(d, 'khoan')]);
    const pin = c.kind === 'khoan' ? `khoản ${khoanOf(c)} điều ${dieuOf(c)}` : `Điều ${dieuOf(c)}`;
    const t = d.type === 'bo-luat' ? 'bộ luật' : 'luật';
    add(pick([`${pin} ${t} ${d.number}`, `${pin} ${d.number}`, `${d.number} ${lower(pin)}`, `${bare(pin)} ${bare(t)} so ${d.number!.toLowerCase()}`]), c.id, 'by-number', d.number!);
  }],
  ['type-and-partial-number', 8, () => {
    const d = pick(numbered);
    const [n, y] = d.number!.split('/');
    // "luật 45/2013" names one law only when no other law has that number and year.
    if (laws.filter((x) => x.number?.startsWith(`${n}/${y}/`)).length !== 1) return;
    const c = pick(clausesOf(d, 'dieu'));
    add(pick([`điều ${dieuOf(c)} luật ${n}/${y}`, `luat ${n}/${y} dieu ${dieuOf(c)}`]), c.id, 'type-and-partial-number', d.number!);
  }],
  ['abbreviation', 16, () => {
    const id = pick(Object.keys(ABBR));
    const d = docs.find((x) => x.id === id);
    if (!d) return;
    const c = pick([...clausesOf(d, 'dieu'), ...clausesOf(d, 'khoan')]);
    const a = pick(ABBR[id]!);
    const q = c.kind === 'khoan' ? pick([`khoản ${khoanOf(c)} Điều ${dieuOf(c)} ${a}`, `k${khoanOf(c)} đ${dieuOf(c)} ${a}`]) : pick([`Điều ${dieuOf(c)} ${a}`, `đ${dieuOf(c)} ${a}`, `Đ.${dieuOf(c)} ${a}`, `${a} điều ${dieuOf(c)}`, `dieu ${dieuOf(c)} ${a} ${year(d)}`]);
    add(q, c.id, 'abbreviation', `${a} = ${d.title}`);
  }],
  ['short-pinpoint', 10, () => {
    const d = pick(named);
    const c = pick(clausesOf(d, 'khoan'));
    if (!dieuOf(c)) return;
    const name = nameForms(d.title, d.type)!.name;
    add(pick([`k${khoanOf(c)} đ${dieuOf(c)} ${lower(name)}`, `k.${khoanOf(c)} Đ.${dieuOf(c)} ${name}`, `k${khoanOf(c)} d${dieuOf(c)} ${bare(name)}`]), c.id, 'short-pinpoint', name);
  }],
  ['chapter', 6, () => {
    const d = pick(named);
    const cs = clausesOf(d, 'chuong');
    if (!cs.length) return;
    const c = pick(cs);
    const name = nameForms(d.title, d.type)!.name;
    add(pick([`Chương ${c.number} ${name}`, `chuong ${c.number.toLowerCase()} ${bare(name)}`]), c.id, 'chapter', name);
  }],
  ['party', 14, () => {
    const d = pick(docs.filter((x) => x.type === 'ket-luan'));
    const c = pick(d.clauses.filter((x) => x.kind === 'item'));
    const [top, ...items] = c.path;
    const n = d.number!.split('-')[0];
    const below = items.map((i) => `(${i})`).join(' ');
    const q = items.length
      ? pick([`điểm ${items.map((i) => `(${i})`).at(-1)} mục ${top} Kết luận số ${d.number}`, `mục ${top} ${below} kl ${n}`])
      : pick([`mục ${top} kết luận ${n}`, `muc ${top} ket luan ${n}`, `${d.number} mục ${top}`]);
    // "điểm (ii) mục 3" names the only (ii) below item 3; skip when there are two.
    if (items.length && !q.includes(below) && d.clauses.filter((x) => x.path[0] === top && x.number === items.at(-1)).length !== 1) return;
    add(q, c.id, 'party', d.number!);
  }],
];

const total = gens.reduce((s, [, w]) => s + w, 0);
for (let k = 0; rows.length < 260 && k < 20_000; k++) {
  let r = random() * total;
  for (const [, w, g] of gens) {
    if ((r -= w) < 0) {
      try {
        g();
      } catch (e) {
        if (!(e instanceof Skip)) throw e;
      }
      break;
    }
  }
}

// Mechanical checks (the holdout is not read): the expected clause exists, and the query names its article, khoản and điểm.
const clauseIds = new Set(docs.flatMap((d) => d.clauses.map((c) => c.id)));
for (const r of rows) {
  if (!clauseIds.has(r.expected)) throw new Error(`no clause ${r.expected} for ${r.query}`);
  const d = dieuOfId(r.expected);
  if (d && !new RegExp(`(?:^|[^\\d])${d}(?:[^\\d]|$)`).test(r.query)) throw new Error(`${r.query} does not name article ${d}`);
}
function dieuOfId(id: string) {
  return /dieu-(\d+)/.exec(id)?.[1];
}

// Random split, 60 / 40.
const tune: Row[] = [];
const holdout: Row[] = [];
for (const r of rows) (random() < 0.6 ? tune : holdout).push(r);
mkdirSync(OUT, { recursive: true });
const tsv = (list: Row[]) => ['query\texpected\tform\tnote', ...list.map((r) => [r.query, r.expected, r.form, r.note].join('\t'))].join('\n') + '\n';
writeFileSync(resolve(OUT, 'generated-tune.tsv'), tsv(tune));
writeFileSync(resolve(OUT, 'generated-holdout.tsv'), tsv(holdout));
const forms = (list: Row[]) => Object.entries(list.reduce<Record<string, number>>((m, r) => ((m[r.form] = (m[r.form] ?? 0) + 1), m), {})).map(([f, n]) => `${f} ${n}`).join(', ');
console.log(`${rows.length} queries: tune ${tune.length} (${forms(tune)}); holdout ${holdout.length} (${forms(holdout)})`);
