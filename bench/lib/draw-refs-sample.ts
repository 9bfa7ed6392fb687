/**
 * Draws the sentences of tests/fixtures/refs-sample (issue 12) from the external corpus:
 * the VLC laws (`vlc/corpus/*.txt`) and the article bodies of the Bộ pháp điển
 * (`phapdien/demuc/*.html`, `p.pNoiDung` only — the source notes are sampled elsewhere).
 *
 * Sentences are assigned to ONE stratum by the first relation cue they contain (the order of
 * STRATA), then drawn at random with a fixed seed — never chosen by hand. Every VLC sentence
 * containing "hết hiệu lực", "thay thế" or "bãi bỏ" is taken (the census). The draw is then
 * split seeded-randomly by sentence into `tune` and `holdout`, alternating within each
 * stratum so both halves cover every stratum.
 *
 * This script uses no part of tracuu's reference finder: plain regexes over folded text
 * (`fold` from the tokenizer package) decide the strata, nothing else.
 *
 *   node bin/run.js bench/lib/draw-refs-sample.ts [--external DIR] > draw.tsv
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fold, normalize } from 'vietnamese-tokenizer';

export const SEED = 20261124;

export type Stratum =
  | 'ends'
  | 'replaces'
  | 'repeals'
  | 'amends'
  | 'guides'
  | 'based-on'
  | 'implements'
  | 'name-only'
  | 'numbered'
  | 'doctype'
  | 'guides-ref'
  | 'implements-ref'
  | 'amends-ref'
  | 'based-on-preamble';

/**
 * The strata in priority order, each with its cue on FOLDED text (lower case, no marks,
 * đ → d) and how many sentences to draw from each source. `census: true` means every VLC
 * sentence with the cue is taken, whatever the sample size says.
 */
export const STRATA: { id: Stratum; cue: RegExp; note: string; vlc: number; pd: number; census?: boolean }[] = [
  { id: 'ends', cue: /\bhet hieu luc\b/, note: '"hết hiệu lực"', vlc: 0, pd: 28, census: true },
  { id: 'replaces', cue: /\bthay the\b/, note: '"thay thế"', vlc: 0, pd: 28, census: true },
  { id: 'repeals', cue: /\b(bai bo|huy bo)\b/, note: '"bãi bỏ", "hủy bỏ" (VLC census: "bãi bỏ" only)', vlc: 21, pd: 28 },
  { id: 'amends', cue: /\bsua doi\b/, note: '"sửa đổi" (incl. "sửa đổi, bổ sung")', vlc: 28, pd: 28 },
  { id: 'guides', cue: /\b(quy dinh chi tiet|huong dan)\b/, note: '"quy định chi tiết", "hướng dẫn"', vlc: 28, pd: 28 },
  { id: 'based-on', cue: /\bcan cu\b/, note: '"căn cứ"', vlc: 28, pd: 28 },
  { id: 'implements', cue: /\b(thuc hien|trien khai)\b/, note: '"thực hiện", "triển khai"', vlc: 28, pd: 28 },
  { id: 'name-only', cue: /./, note: 'a law/code/ordinance named without a number (see NAME_ONLY)', vlc: 28, pd: 28 },
  { id: 'numbered', cue: /./, note: 'a document number N/YYYY/… or N-X/Y (see NUMBERED)', vlc: 28, pd: 28 },
  { id: 'doctype', cue: /./, note: 'any other sentence with a document-type word (see DOCTYPE)', vlc: 28, pd: 28 },
];

/**
 * Supplementary strata: a relation cue right next to a document-type word, so that the rarer
 * relations (guides, implements, amends, based-on) get enough examples. Drawn after the main
 * strata from the sentences not yet taken, with their own seeded generator, so adding them
 * changed no earlier draw or half.
 */
export const SUPPLEMENTARY: { id: Stratum; cue: RegExp; note: string; vlc: number; pd: number }[] = [
  {
    id: 'guides-ref',
    cue: /\b(quy dinh chi tiet|huong dan( thi hanh)?)\b[^.;:]{0,60}\b(luat|bo luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi)\b/,
    note: '"quy định chi tiết" / "hướng dẫn (thi hành)" then a document-type word within 60 characters',
    vlc: 10,
    pd: 10,
  },
  {
    id: 'implements-ref',
    cue: /\b(thuc hien|trien khai( thuc hien)?|thi hanh|quan triet)\s+(cac |mot so )?(luat|bo luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|ket luan)\b/,
    note: '"thực hiện" / "triển khai (thực hiện)" / "thi hành" / "quán triệt" directly before a document-type word',
    vlc: 10,
    pd: 10,
  },
  {
    id: 'amends-ref',
    cue: /\b(sua doi|bo sung)\b[^.;:]{0,50}\b(cua|tai) (luat|bo luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh)\b/,
    note: '"sửa đổi" / "bổ sung" then "của/tại" + a document-type word within 50 characters',
    vlc: 10,
    pd: 10,
  },
  { id: 'based-on-preamble', cue: /^can cu\b/, note: 'a sentence that begins with "Căn cứ"', vlc: 10, pd: 10 },
];

/** The census cues (VLC): "hết hiệu lực", "thay thế", "bãi bỏ". */
const CENSUS = /\b(het hieu luc|thay the|bai bo)\b/;

/** A document-type word, folded. */
const DOCTYPE = /\b(hien phap|bo luat|luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|lenh|ket luan|dieu le|dieu uoc|cong uoc|hiep dinh)\b/;
/** Something that may be a reference: a type word, an article, a number. Relation strata need one. */
const SIGNAL = new RegExp(`${DOCTYPE.source}|\\bdieu \\d|\\bdieu nay\\b|\\bkhoan \\d|\\d+\\/\\d{4}\\/`);
/** A plain numbered mention: 45/2013/QH13, 35-L/CTN, 221-KL/TW, 15/2020/NĐ-CP. */
const NUMBERED = /\d+\s?\/\s?\d{4}\s?\/\s?[a-z]|\b\d+[-/][a-z]{1,6}\/[a-z]/;
/**
 * A law, code, ordinance or constitution followed by a name word (not "này", "số", "sửa
 * đổi", "khác", …) and not by a number within the next few words: "theo quy định của Luật
 * đất đai", "Bộ luật Dân sự", "Hiến pháp năm 2013".
 */
const NAME_ONLY =
  /\b(bo luat|luat|phap lenh|hien phap)\s+(?!nay\b|so\b|sua\b|khac\b|co\b|chuyen\b|quy\b|va\b|hoac\b|nay\b|do\b|theo\b|lien\b|ve\b|cua\b|ma\b|thi\b|duoc\b|thuoc\b|[\d(]|$)[a-z]+(?![^.;]{0,60}\bso \d)/;

export interface DrawnSentence {
  /** Stable id: "vlc/luat-dat-dai/212.1" (file, line, sentence in line) or "pd/<file8>/<line>.<k>". */
  sid: string;
  half: 'tune' | 'holdout';
  stratum: Stratum;
  /** True for the VLC census (all sentences with the three cues). */
  census: boolean;
  source: 'vlc' | 'phapdien';
  /** Path relative to the external corpus directory. */
  file: string;
  /** 1-based line of the paragraph in the file. */
  line: number;
  /** Pháp điển: the article ("Điều 36.3.LQ.2") and its source note's document; VLC: empty. */
  where: string;
  sentence: string;
}

export interface Candidate extends Omit<DrawnSentence, 'half' | 'stratum' | 'census'> {
  folded: string;
}

/** mulberry32: small, seedable, the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Splits a paragraph into sentences at ". " / "? " / "! " before a capital letter, a digit or
 * an opening quote, except after a label ("Điều 5.", "1.", "Chương II.") or an abbreviation.
 * Semicolons do not end a sentence (they separate the items of one).
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.?!]["”)]?\s+(?=["“(]?[\p{Lu}\d])/gu;
  for (const m of paragraph.matchAll(re)) {
    const end = m.index! + m[0].trimEnd().length;
    const head = paragraph.slice(start, end);
    if (/(^|\s)(Điều|Chương|Mục|Phần|Khoản|Điểm|Phụ lục)\s+[\p{L}\d.]+\.$/u.test(head)) continue;
    if (/^\s*([\dIVXLC]+|[a-zđ])[.)]$/u.test(head.trim())) continue;
    if (/(^|\s)(TP|Tp|tp|St|v\.v|Mr|Ms|TS|ThS|GS|PGS|Ths)\.$/u.test(head)) continue;
    const s = head.trim();
    if (s) out.push(s);
    start = m.index! + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function vlcCandidates(dir: string): Candidate[] {
  const out: Candidate[] = [];
  const corpus = resolve(dir, 'vlc/corpus');
  for (const name of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = normalize(readFileSync(resolve(corpus, name), 'utf8')).split(/\r?\n/);
    lines.forEach((raw, i) => {
      const para = raw.replace(/^\uFEFF/, '').trim();
      if (!para) return;
      splitSentences(para).forEach((sentence, k) => {
        out.push({
          sid: `vlc/${basename(name, '.txt')}/${i + 1}.${k + 1}`,
          source: 'vlc',
          file: `vlc/corpus/${name}`,
          line: i + 1,
          where: '',
          sentence,
          folded: fold(sentence),
        });
      });
    });
  }
  return out;
}

const stripTags = (html: string) => normalize(decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim());

function phapdienCandidates(dir: string): Candidate[] {
  const out: Candidate[] = [];
  const demuc = resolve(dir, 'phapdien/demuc');
  for (const name of readdirSync(demuc).filter((f) => f.endsWith('.html')).sort()) {
    const html = readFileSync(resolve(demuc, name), 'utf8');
    const short = name.slice(0, 8);
    // One article: heading, note, body up to the next article, chapter or "liên quan" block.
    const heads = [...html.matchAll(/<p class='pDieu'>([\s\S]*?)<\/p>/g)];
    heads.forEach((h, hi) => {
      const from = h.index! + h[0].length;
      const to = hi + 1 < heads.length ? heads[hi + 1]!.index! : html.length;
      const block = html.slice(from, to);
      const article = stripTags(h[1]!).replace(/^(Điều [\d.A-ZĐa-z]+?)\.\s.*$/u, '$1');
      const noteM = /<p class='pGhiChu'>([\s\S]*?)<\/p>/.exec(block);
      const note = noteM ? stripTags(noteM[1]!).replace(/^\(|\)$/g, '') : '';
      const src = /^(?:(?:Điều|Khoản|Điểm|Mục|Phụ lục|Chương)\s+\S+\s+)*(.*?)(?:,| ngày | có hiệu lực|$)/u.exec(note)?.[1] ?? '';
      const bodyAt = block.indexOf("<p class='pNoiDung'>");
      if (bodyAt < 0) return;
      const bodyFrom = bodyAt + "<p class='pNoiDung'>".length;
      const stop = block.slice(bodyFrom).search(/<p class='p(ChiDan|Chuong|Dieu)'>/);
      const body = block.slice(bodyFrom, stop < 0 ? undefined : bodyFrom + stop);
      for (const p of body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
        const para = stripTags(p[1]!);
        if (!para) continue;
        const line = lineAt(html, from + bodyFrom + p.index!);
        splitSentences(para).forEach((sentence, k) => {
          out.push({
            sid: `pd/${short}/${line}.${k + 1}`,
            source: 'phapdien',
            file: `phapdien/demuc/${name}`,
            line,
            where: `${article} ← ${src}`.trim(),
            sentence,
            folded: fold(sentence),
          });
        });
      }
    });
  }
  // Two paragraphs on one HTML line get the same sid: number them apart.
  const seen = new Map<string, number>();
  for (const c of out) {
    const n = (seen.get(c.sid) ?? 0) + 1;
    seen.set(c.sid, n);
    if (n > 1) c.sid = `${c.sid}~${n}`;
  }
  return out;
}

/** The candidate sentences of both sources (also used by the blind draw, which excludes the sids drawn here). */
export function drawSources(externalDir: string): { vlc: Candidate[]; pd: Candidate[] } {
  return { vlc: vlcCandidates(externalDir), pd: phapdienCandidates(externalDir) };
}

function stratumOf(c: Candidate): Stratum | undefined {
  for (const s of STRATA.slice(0, 7)) if (s.cue.test(c.folded) && SIGNAL.test(c.folded)) return s.id;
  if (NAME_ONLY.test(c.folded)) return 'name-only';
  if (NUMBERED.test(c.folded)) return 'numbered';
  if (DOCTYPE.test(c.folded)) return 'doctype';
  return undefined;
}

function censusStratum(folded: string): Stratum {
  if (/\bhet hieu luc\b/.test(folded)) return 'ends';
  if (/\bthay the\b/.test(folded)) return 'replaces';
  return 'repeals';
}

/** The whole draw, in a stable order (stratum, then half, then sid). */
export function drawRefsSample(externalDir: string): DrawnSentence[] {
  const rand = rng(SEED);
  const drawn: DrawnSentence[] = [];
  const vlc = vlcCandidates(externalDir);
  const pd = phapdienCandidates(externalDir);
  const taken = new Set<string>();
  // 1. The census: every VLC sentence with one of the three cues, signal or not.
  for (const c of vlc) {
    if (!CENSUS.test(c.folded)) continue;
    const { folded: _f, ...rest } = c;
    drawn.push({ ...rest, half: 'tune', stratum: censusStratum(c.folded), census: true });
    taken.add(c.sid);
  }
  // 2. The strata, per source, at random.
  for (const [source, pool] of [['vlc', vlc], ['phapdien', pd]] as const) {
    const byStratum = new Map<Stratum, Candidate[]>();
    for (const c of pool) {
      if (taken.has(c.sid)) continue;
      const s = stratumOf(c);
      if (s) byStratum.set(s, [...(byStratum.get(s) ?? []), c]);
    }
    for (const s of STRATA) {
      const n = source === 'vlc' ? s.vlc : s.pd;
      for (const c of shuffle(byStratum.get(s.id) ?? [], rand).slice(0, n)) {
        const { folded: _f, ...rest } = c;
        drawn.push({ ...rest, half: 'tune', stratum: s.id, census: false });
        taken.add(c.sid);
      }
    }
  }
  // 3. The split: shuffle each stratum (census and sampled apart) and alternate.
  const groups = new Map<string, DrawnSentence[]>();
  for (const d of drawn) {
    const k = `${d.stratum}/${d.census ? "census" : d.source}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const k of [...groups.keys()].sort()) {
    shuffle(groups.get(k)!, rand).forEach((d, i) => {
      d.half = i % 2 === 0 ? 'tune' : 'holdout';
    });
  }
  // 4. Supplementary strata: their own generator, drawn and split after everything above.
  const rand2 = rng(SEED + 1);
  for (const [source, pool] of [['vlc', vlc], ['phapdien', pd]] as const) {
    for (const s of SUPPLEMENTARY) {
      const n = source === 'vlc' ? s.vlc : s.pd;
      const eligible = pool.filter((c) => !taken.has(c.sid) && s.cue.test(c.folded));
      shuffle(eligible, rand2)
        .slice(0, n)
        .forEach((c, i) => {
          const { folded: _f, ...rest } = c;
          drawn.push({ ...rest, half: i % 2 === 0 ? 'tune' : 'holdout', stratum: s.id, census: false });
          taken.add(c.sid);
        });
    }
  }
  const order = new Map([...STRATA, ...SUPPLEMENTARY].map((s, i) => [s.id, i]));
  return drawn.sort((a, b) => order.get(a.stratum)! - order.get(b.stratum)! || Number(b.census) - Number(a.census) || a.sid.localeCompare(b.sid));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const at = process.argv.indexOf('--external');
  const dir = resolve(at > 0 ? process.argv[at + 1]! : (process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus-external')));
  const rows = drawRefsSample(dir);
  const clean = (s: string) => s.replace(/[\t\n]/g, ' ');
  process.stdout.write('sid\thalf\tstratum\tcensus\tsource\tfile\tline\twhere\tsentence\n');
  for (const r of rows) process.stdout.write([r.sid, r.half, r.stratum, r.census ? 'yes' : '', r.source, r.file, r.line, clean(r.where), clean(r.sentence)].join('\t') + '\n');
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.stratum}\t${r.census ? 'census' : r.source}\t${r.half}`, (count.get(`${r.stratum}\t${r.census ? 'census' : r.source}\t${r.half}`) ?? 0) + 1);
  for (const [k, v] of [...count].sort()) console.error(`${k}\t${v}`);
  console.error(`total\t${rows.length}`);
}
