/**
 * vietnamese-tokenizer beside its closest npm peer, vntk, and a naive baseline
 * (`normalize('NFD')` + strip marks + lowercase + split), on the same text in one run:
 * throughput on the VLC laws and a table of real cases. Writes the `compare` section of
 * packages/vietnamese-tokenizer/README.md.
 *
 *   npm run bench:tokenizer            (needs ../shared/corpus-external for the throughput)
 *
 * vntk is installed on first use into .tmp/compare (it is not a dependency of tracuu: it pulls
 * ~80 packages, two of them native, for word segmentation we don't use).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { analyzeToken, canonicalIdentifier, findDates, tokenize } from 'vietnamese-tokenizer';
import { machine, writeSection } from './doc-section.ts';

const ROOT = resolve(import.meta.dirname, '..');
const VNTK_VERSION = '1.4.4';
const COMPARE = join(ROOT, '.tmp', 'compare');
const EXTERNAL = resolve(process.env.TRACUU_EXTERNAL_DIR ?? join(ROOT, '..', 'shared', 'corpus-external'));

interface Vntk {
  tokenizer(): { tokenize(s: string): string[] };
  wordTokenizer(): { tag(s: string): string[] };
}

function loadVntk(): Vntk {
  if (!existsSync(join(COMPARE, 'node_modules', 'vntk'))) {
    mkdirSync(COMPARE, { recursive: true });
    console.error(`installing vntk@${VNTK_VERSION} into ${COMPARE} …`);
    execFileSync('npm', ['install', '--prefix', COMPARE, '--no-audit', '--no-fund', '--no-save', `vntk@${VNTK_VERSION}`], { stdio: 'inherit' });
  }
  return createRequire(join(COMPARE, 'index.js'))('vntk') as Vntk;
}

const vntk = loadVntk();
const vTok = vntk.tokenizer();
const vWord = vntk.wordTokenizer();

/** The naive baseline most code reaches for first. */
const naiveFold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const naiveTokens = (s: string) => naiveFold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const ours = (s: string) => tokenize(s).map((t) => analyzeToken(t).folded);
const oursExact = (s: string) => tokenize(s).map((t) => analyzeToken(t).exact);
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const yes = (ok: boolean, note = '') => `${ok ? '✅' : '❌'}${note ? ` ${note}` : ''}`;
const show = (xs: string[]) => `\`${xs.join(' · ')}\``;

/* --------------------------------- cases --------------------------------- */
interface Case {
  name: string;
  input: string;
  ours: string;
  vntk: string;
  naive: string;
}

function equalCase(name: string, a: string, b: string): Case {
  return {
    name,
    input: `\`${a}\` = \`${b}\``,
    // ours: the exact (diacritic-keeping) term is the same, so a search typed either way finds both
    ours: yes(same(oursExact(a), oursExact(b)), show(oursExact(a))),
    vntk: yes(same(vTok.tokenize(a).map((x) => x.toLowerCase()), vTok.tokenize(b).map((x) => x.toLowerCase())), show(vTok.tokenize(a))),
    naive: yes(same(naiveTokens(a), naiveTokens(b)), `${show(naiveTokens(a))} (only by dropping every mark)`),
  };
}

function identifierCase(raw: string, canonical: string): Case {
  const ident = tokenize(raw).filter((t) => t.kind === 'identifier').map((t) => t.value);
  return {
    name: 'legal number as one term',
    input: `\`${raw}\` → \`${canonical}\``,
    ours: yes(ident.length === 1 && ident[0] === canonical && canonicalIdentifier(raw) === canonical, show(ident)),
    vntk: yes(vTok.tokenize(raw).length === 1, show(vTok.tokenize(raw))),
    naive: yes(naiveTokens(raw).length === 1, show(naiveTokens(raw))),
  };
}

const NFD = 'Ho\u0300a bi\u0300nh';
const cases: Case[] = [
  { ...equalCase('NFD input', NFD, 'Hòa bình'), input: '`Ho\\u0300a bi\\u0300nh` (NFD) = `Hòa bình`' },
  equalCase('tone placement', 'Đảng uỷ', 'Đảng ủy'),
  equalCase('tone placement', 'hiện đại hoá', 'hiện đại hóa'),
  equalCase('tone placement', 'qúy', 'quý'),
  {
    name: 'đ/Đ folded',
    input: '`Đảng` ~ `dang` (typed without marks)',
    ours: yes(ours('Đảng')[0] === 'dang', show(ours('Đảng'))),
    vntk: yes(vTok.tokenize('Đảng')[0]!.toLowerCase() === 'dang', show(vTok.tokenize('Đảng'))),
    naive: yes(naiveTokens('Đảng')[0] === 'dang', `${show(naiveTokens('Đảng'))} (đ has no mark to strip)`),
  },
  {
    name: 'marks kept apart',
    input: '`Ban` ≠ `bàn` (exact term), same folded',
    ours: yes(oursExact('Ban')[0] !== oursExact('bàn')[0] && ours('Ban')[0] === ours('bàn')[0], `${show(oursExact('Ban'))} / ${show(oursExact('bàn'))}`),
    vntk: yes(vTok.tokenize('Ban')[0] !== vTok.tokenize('bàn')[0], 'no folded form'),
    naive: yes(false, 'only the folded form'),
  },
  identifierCase('183- KL/TW', '183-KL/TW'),
  identifierCase('15/2020/NĐ-CP', '15/2020/NĐ-CP'),
  {
    name: 'date',
    input: '`ngày 28 tháng 11 năm 2025` → `2025-11-28`',
    ours: yes(findDates('ngày 28 tháng 11 năm 2025')[0]?.value === '2025-11-28', '`2025-11-28`'),
    vntk: yes(false, show(vTok.tokenize('ngày 28 tháng 11 năm 2025'))),
    naive: yes(false, show(naiveTokens('ngày 28 tháng 11 năm 2025'))),
  },
  {
    name: 'date',
    input: '`01/8/2025` → `2025-08-01`',
    ours: yes(tokenize('01/8/2025')[0]?.value === '2025-08-01', show(tokenize('01/8/2025').map((t) => t.value))),
    vntk: yes(false, `${show(vTok.tokenize('01/8/2025'))} (kept whole, not read)`),
    naive: yes(false, show(naiveTokens('01/8/2025'))),
  },
  {
    name: 'word segmentation',
    input: '`Ủy ban nhân dân tỉnh Thanh Hóa`',
    ours: yes(false, 'syllables + syllable pairs (`ủy ban`, `nhân dân` …) for phrase ranking'),
    vntk: yes(true, show(vWord.tag('Ủy ban nhân dân tỉnh Thanh Hóa'))),
    naive: yes(false, 'syllables'),
  },
];

/* ------------------------------- throughput ------------------------------- */
function mbPerSec(bytes: number, fn: () => void, rounds = 3): number {
  fn(); // warm-up
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return bytes / 1e6 / (best / 1000);
}

let throughput = '_The VLC laws were not found (../shared/corpus-external): throughput not measured._';
const vlcDir = join(EXTERNAL, 'vlc', 'corpus');
if (existsSync(vlcDir)) {
  const texts = readdirSync(vlcDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(vlcDir, f), 'utf8'));
  const all = texts.join('\n');
  const bytes = Buffer.byteLength(all);
  // Word segmentation is orders of magnitude slower: measured on the first 100,000 characters.
  const slice = all.slice(0, 100_000);
  const sliceBytes = Buffer.byteLength(slice);
  const sink: unknown[] = [];
  const rows: Array<[string, string, number]> = [
    ['vietnamese-tokenizer', '`tokenize` + `analyzeToken` (exact and folded term per token; what tracuu indexes)', mbPerSec(bytes, () => { for (const t of texts) sink.push(ours(t.normalize('NFC')).length); })],
    ['vietnamese-tokenizer', '`tokenize` only', mbPerSec(bytes, () => { for (const t of texts) sink.push(tokenize(t).length); })],
    ['naive baseline', "`normalize('NFD')` + strip `\\p{M}` + lowercase + split", mbPerSec(bytes, () => { for (const t of texts) sink.push(naiveTokens(t).length); })],
    [`vntk ${VNTK_VERSION}`, '`tokenizer().tokenize` (regex tokenizer)', mbPerSec(bytes, () => { for (const t of texts) sink.push(vTok.tokenize(t).length); }, 1)],
    [`vntk ${VNTK_VERSION}`, '`wordTokenizer().tag` (CRF word segmentation; first 100,000 characters)', mbPerSec(sliceBytes, () => { for (const line of slice.split('\n')) if (line.trim()) sink.push(vWord.tag(line).length); }, 1)],
  ];
  if (sink.length === 0) throw new Error('nothing measured');
  throughput = [
    `On the ${texts.length} VLC laws (${(bytes / 1e6).toFixed(1)} MB, NFC and NFD mixed), best of the rounds:`,
    '',
    '| library | what runs | MB/s |',
    '|---|---|---|',
    ...rows.map(([lib, what, v]) => `| ${lib} | ${what} | ${v < 1 ? v.toFixed(3) : v.toFixed(1)} |`),
  ].join('\n');
}

const table = [
  '| case | input | vietnamese-tokenizer | vntk | naive NFD + strip |',
  '|---|---|---|---|---|',
  ...cases.map((c) => `| ${c.name} | ${c.input} | ${c.ours} | ${c.vntk} | ${c.naive} |`),
].join('\n');

const body = `Command: \`npm run bench:tokenizer\` (${machine()}, ${new Date().toISOString().slice(0, 10)}; vntk ${VNTK_VERSION}).

${throughput}

${table}

**What each is for.** vntk is a Vietnamese NLP toolkit: word segmentation ("nhân dân" as one
word), part-of-speech tags, chunking, NER, classifiers. vietnamese-tokenizer does none of that; it
analyses text for search and citations — one term for every spelling of a syllable, folded
forms without losing the exact one, offsets that survive, legal numbers and dates as single
canonical terms. The naive baseline is what most code does first: it finds "hoa" for both
"hoá" and "hóa" only by dropping every mark (so "Ban" and "bàn" become one term), misses
đ → d, and splits every number.`;

writeSection(resolve(ROOT, 'packages/vietnamese-tokenizer/README.md'), 'compare', body);
console.log(body);
