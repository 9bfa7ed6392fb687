/**
 * Bodies as data: the organs a task can be given to, with their aliases (old and new tone
 * placement, abbreviations), and the words groups are made of ("các bộ, ngành", "các tỉnh
 * ủy, thành ủy" stay one group). `readBodies` reads a list of bodies at a position in a
 * sentence and says where it ends (where the action begins); `normaliseBody` gives each its
 * canonical name and vocabulary id.
 *
 * Matching runs on a *key* of the text: lowercase, canonical tone placement ("uỷ" → "ủy"),
 * the same length as the text, so offsets found in the key are offsets in the text.
 */
import { canonicalTones } from 'vietnamese-tokenizer';
import { slugify } from '../ids.ts';

export interface BodyEntry {
  /** Canonical name, as a legal officer writes it. */
  name: string;
  /** Other spellings (any case and tone placement), abbreviations, qualifiers dropped. */
  aliases?: readonly string[];
  /** A group of bodies kept as one ("các bộ, ngành"). */
  group?: boolean;
  /** The issuer of Party conclusions: its own plans are not tasks given to a body. */
  issuer?: boolean;
  /** A person by office ("bí thư tỉnh ủy, thành ủy") rather than an organ. */
  role?: boolean;
}

/** The vocabulary. Names with commas inside ("Bộ Văn hóa, Thể thao và Du lịch") are only ever read from here. */
export const BODIES: readonly BodyEntry[] = [
  // Central Party organs
  { name: 'Bộ Chính trị', issuer: true },
  { name: 'Ban Bí thư', issuer: true },
  { name: 'Ban Chấp hành Trung ương', aliases: ['Ban Chấp hành Trung ương Đảng', 'BCH Trung ương'], issuer: true },
  { name: 'Đảng ủy Chính phủ', aliases: ['Đảng uỷ Chính phủ'] },
  { name: 'Đảng ủy Quốc hội' },
  { name: 'Đảng ủy Mặt trận Tổ quốc', aliases: ['Đảng ủy MTTQ'] },
  { name: 'Đảng ủy các cơ quan Đảng Trung ương' },
  { name: 'Ban Tổ chức Trung ương', aliases: ['BTCTW', 'Ban Tổ chức TW'] },
  { name: 'Ủy ban Kiểm tra Trung ương', aliases: ['UBKTTW', 'Ủy ban Kiểm tra TW'] },
  { name: 'Văn phòng Trung ương Đảng' },
  { name: 'Ban Tuyên giáo và Dân vận Trung ương' },
  { name: 'Ban Nội chính Trung ương' },
  { name: 'Ban Chính sách, chiến lược Trung ương' },
  { name: 'Ban Chỉ đạo Trung ương' },
  // Government
  { name: 'Chính phủ' },
  { name: 'Thủ tướng Chính phủ', role: true },
  { name: 'Văn phòng Chính phủ' },
  { name: 'Bộ Nội vụ' },
  { name: 'Bộ Tư pháp' },
  { name: 'Bộ Tài chính' },
  { name: 'Bộ Khoa học và Công nghệ', aliases: ['Bộ KH&CN'] },
  { name: 'Bộ Y tế' },
  { name: 'Bộ Giáo dục và Đào tạo', aliases: ['Bộ GD&ĐT'] },
  { name: 'Bộ Công an' },
  { name: 'Bộ Quốc phòng' },
  { name: 'Bộ Xây dựng' },
  { name: 'Bộ Công Thương' },
  { name: 'Bộ Nông nghiệp và Môi trường' },
  { name: 'Bộ Văn hóa, Thể thao và Du lịch' },
  { name: 'Bộ Ngoại giao' },
  { name: 'Bộ Dân tộc và Tôn giáo' },
  { name: 'Thanh tra Chính phủ' },
  { name: 'Ngân hàng Nhà nước Việt Nam' },
  { name: 'Mặt trận Tổ quốc Việt Nam', aliases: ['MTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'] },
  // Province
  { name: 'Ủy ban nhân dân tỉnh', aliases: ['UBND tỉnh'] },
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', aliases: ['Văn phòng UBND tỉnh'] },
  { name: 'Ban Tổ chức Tỉnh ủy' },
  { name: 'Sở Nội vụ' },
  { name: 'Sở Tư pháp' },
  { name: 'Sở Tài chính' },
  { name: 'Sở Khoa học và Công nghệ', aliases: ['Sở KH&CN'] },
  { name: 'Sở Y tế' },
  { name: 'Sở Giáo dục và Đào tạo', aliases: ['Sở GD&ĐT'] },
  { name: 'Sở Xây dựng' },
  { name: 'Sở Công Thương' },
  { name: 'Sở Nông nghiệp và Môi trường' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { name: 'Sở Ngoại vụ' },
  { name: 'Công an tỉnh' },
  { name: 'Thanh tra tỉnh' },
  { name: 'Báo và Phát thanh, Truyền hình tỉnh' },
  // Groups (kept as groups)
  { name: 'các bộ, ngành', group: true, aliases: ['các bộ ngành'] },
  { name: 'các bộ, ngành liên quan', group: true },
  { name: 'các bộ, ban, ngành và địa phương', group: true },
  { name: 'các ban, bộ, ngành Trung ương', group: true, aliases: ['các ban, bộ, ngành ở Trung ương'] },
  { name: 'các tỉnh ủy, thành ủy', group: true },
  { name: 'các đảng ủy, tỉnh ủy, thành ủy trực thuộc Trung ương', group: true },
  { name: 'các cấp ủy, tổ chức đảng', group: true, aliases: ['các cấp ủy, tổ chức đảng từ Trung ương đến địa phương'] },
  { name: 'các cấp ủy, tổ chức đảng, cơ quan, đơn vị', group: true },
  { name: 'các cấp ủy, cơ quan, đơn vị, địa phương', group: true },
  { name: 'các cơ quan, đơn vị, địa phương', group: true },
  { name: 'các cơ quan liên quan', group: true },
  { name: 'các cơ quan, đơn vị liên quan', group: true },
  { name: 'các cơ quan Trung ương', group: true },
  { name: 'các cơ quan Trung ương, địa phương', group: true },
  { name: 'các cơ quan, ban đảng Trung ương', group: true, aliases: ['các cơ quan, ban đảng ở Trung ương'] },
  { name: 'các địa phương', group: true, aliases: ['địa phương'] },
  { name: 'các đoàn thể Trung ương', group: true },
  { name: 'các đơn vị', group: true },
  { name: 'các sở, ban, ngành cấp tỉnh', group: true, aliases: ['các sở, ban, ngành', 'các sở, ban, ngành tỉnh', 'các sở, ban, ngành thuộc tỉnh'] },
  { name: 'các sở, ban, ngành, đơn vị cấp tỉnh', group: true },
  { name: 'các sở, ngành liên quan', group: true },
  { name: 'Ủy ban nhân dân cấp tỉnh', group: true, aliases: ['Ủy ban nhân dân các tỉnh, thành phố', 'UBND các tỉnh, thành phố', 'UBND cấp tỉnh', 'Ủy ban nhân dân tỉnh, thành phố', 'UBND tỉnh, thành phố'] },
  { name: 'Ủy ban nhân dân cấp xã', group: true, aliases: ['UBND các xã, phường', 'UBND các xã, phường, đặc khu', 'Ủy ban nhân dân các xã, phường', 'Ủy ban nhân dân các xã, phường, đặc khu', 'UBND cấp xã'] },
  { name: 'cấp ủy, chính quyền cấp tỉnh', group: true },
  { name: 'cấp ủy, chính quyền cấp xã', group: true },
  { name: 'ban thường vụ cấp ủy cấp tỉnh', group: true },
  // People by office
  { name: 'bí thư tỉnh ủy, thành ủy', role: true, group: true, aliases: ['các đồng chí bí thư tỉnh ủy, thành ủy', 'các bí thư tỉnh ủy, thành ủy'] },
  { name: 'bộ trưởng, thủ trưởng cơ quan ngang bộ', role: true, group: true, aliases: ['các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ', 'các bộ trưởng, thủ trưởng cơ quan ngang bộ'] },
  { name: 'người đứng đầu các cơ quan, đơn vị cấp tỉnh', role: true, group: true },
  { name: 'người đứng đầu các cơ quan, đơn vị, địa phương', role: true, group: true },
  { name: 'Chủ tịch Ủy ban nhân dân cấp xã', role: true, group: true, aliases: ['Chủ tịch UBND các xã, phường', 'Chủ tịch UBND các xã, phường, đặc khu', 'Chủ tịch UBND cấp xã'] },
];

/** Abbreviations spelled out in canonical names (not in what is shown as written). */
export const ABBREVIATIONS: readonly (readonly [abbr: string, full: string])[] = [
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['BCĐ', 'Ban Chỉ đạo'],
  ['TW', 'Trung ương'],
];

const ABBR_KEYS = ABBREVIATIONS.map(([a, full]) => [new RegExp(`(?<![\\p{L}\\d])${a.toLowerCase()}(?![\\p{L}\\d])`, 'gu'), full.toLowerCase()] as const);

/** Lowercase, canonical tone placement; same length as the input (offsets carry over). */
export function keyOf(text: string): string {
  const lower = text.toLowerCase();
  // Old and new placement differ only in open "oa", "oe", "uy" ("hoá"/"hóa", "uỷ"/"ủy"): text without
  // the old spelling at a syllable's end has nothing to move.
  if (!OLD_PLACEMENT.test(lower)) return lower;
  // Only syllables with a tone mark on a vowel pair can move; ASCII and most words stay as they are.
  const k = lower.replace(/[^\s\d.,;:()"“”!?/\\-]*[\u00c0-\u1ef9][^\s\d.,;:()"“”!?/\\-]*/gu, (w) => {
    let c = TONES.get(w);
    if (c === undefined) {
      c = w.replace(/\p{L}+/gu, (x) => {
        const t = canonicalTones(x);
        return t.length === x.length ? t : x;
      });
      if (TONES.size > 50_000) TONES.clear();
      TONES.set(w, c);
    }
    return c;
  });
  return k.length === text.length ? k : lower;
}
const TONES = new Map<string, string>();
const OLD_PLACEMENT = /(?<!q)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/u;

/** A name's matching key: key, abbreviations spelled out, "đồng chí" and qualifier variants folded. */
function matchKey(text: string): string {
  let k = keyOf(text.replace(/\s+/g, ' ').trim());
  for (const [re, full] of ABBR_KEYS) k = k.replace(re, full);
  return k
    .replace(/\b(?:các )?đồng chí /gu, (m) => (m.startsWith('các') ? 'các ' : ''))
    .replace(/ có liên quan$/u, ' liên quan')
    .replace(/ ở trung ương$/u, ' trung ương');
}

const BY_KEY = new Map<string, BodyEntry>();
for (const b of BODIES) for (const a of [b.name, ...(b.aliases ?? [])]) BY_KEY.set(matchKey(a), b);

export interface NormalisedBody {
  name: string;
  bodyId?: string;
  group: boolean;
  issuer: boolean;
  role: boolean;
}

/**
 * "Lãnh đạo Sở Công Thương", "Lãnh đạo UBND xã Đức Trọng", "lãnh đạo các đơn vị, địa phương":
 * the work is the body's, given through its leadership, so the body is the assignee (its name
 * canonical); the words as written stay in `text` as the evidence. Persons by office that are
 * not the body's leadership as such ("Chủ tịch UBND …", "Giám đốc Sở …") are kept as written.
 */
export const LEADERSHIP_OF = /^(?:[Cc]ác\s+)?(?:đồng chí\s+)?[Ll]ãnh đạo\s+(?=(?:các\s+)?\p{Lu}|các\s|UBND|HĐND)/u;

/** The canonical name of a body as written: from the vocabulary, or cleaned (tones, abbreviations) when unknown. */
export function normaliseBody(written: string): NormalisedBody {
  const flat = written.normalize('NFC').trim().replace(/\s+/g, ' ');
  const lead = LEADERSHIP_OF.exec(flat);
  if (lead) {
    const body = normaliseBody(flat.slice(lead[0].length));
    if (!body.issuer && !body.role) return body;
  }
  const key = matchKey(written);
  const hit = BY_KEY.get(key) ?? BY_KEY.get(key.replace(/^các /u, '')) ?? BY_KEY.get(`các ${key}`);
  if (hit) return { name: hit.name, bodyId: slugify(hit.name), group: !!hit.group, issuer: !!hit.issuer, role: !!hit.role };
  let name = written.replace(/\s+/g, ' ').trim().replace(/\p{L}+/gu, (w) => {
    const c = canonicalTones(w.toLowerCase());
    // Keep the case as written, with the tone where the canonical spelling puts it.
    return w === w.toLowerCase() ? c : w[0] === w[0]!.toUpperCase() && w.slice(1) === w.slice(1).toLowerCase() ? c[0]!.toUpperCase() + c.slice(1) : w;
  });
  for (const [a, full] of ABBREVIATIONS) name = name.replace(new RegExp(`(?<![\\p{L}\\d])${a}(?![\\p{L}\\d])`, 'gu'), full);
  name = name.replace(/^(?:các )?đồng chí /iu, (m) => (/^các/i.test(m) ? 'các ' : ''));
  const group = /^(?:các|những)\s/iu.test(name);
  if (group) name = name[0]!.toLowerCase() + name.slice(1);
  return { name, group, issuer: false, role: /^(?:người đứng đầu|chủ tịch|giám đốc|thủ trưởng|lãnh đạo|bí thư|bộ trưởng)/iu.test(name) };
}

/* ---------------------------------------------------------------------------------------
 * Reading a list of bodies in a sentence.
 * ------------------------------------------------------------------------------------- */

/**
 * Words that start the name of one body (key form, longest first): "Bộ Nội vụ", "Sở Tư pháp",
 * "Ủy ban nhân dân xã Đạ Huoai", "Trung tâm Phát triển quỹ đất tỉnh". A head must be followed
 * by a capitalised word or a number, or be a vocabulary name.
 */
export const HEADS: readonly string[] = [
  'ban quản lý', 'ban chỉ đạo', 'ban thường vụ', 'bộ chỉ huy', 'đảng ủy', 'ủy ban nhân dân', 'ubnd', 'ủy ban', 'hđnd', 'hội đồng nhân dân', 'hội đồng',
  'văn phòng', 'trung tâm', 'công an', 'tỉnh ủy', 'thành ủy', 'tổng cục', 'chi cục', 'cục', 'viện kiểm sát', 'viện', 'tòa án', 'kho bạc', 'ngân hàng', 'thanh tra',
  'báo', 'đài', 'tạp chí', 'liên đoàn', 'tỉnh đoàn', 'đoàn', 'hội', 'bộ', 'sở', 'ban', 'vụ', 'trường',
].map(keyOf);

const NAME_ENDS = ['để', 'trong', 'theo', 'tại', 'về', 'với', 'cho', 'nhằm', 'đối với', 'thì', 'là', 'được', 'đã', 'sẽ'].map(keyOf);
const LOCAL_GOVERNMENT = ['ủy ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'hđnd', 'công an', 'đảng ủy'].map(keyOf);
const UNITS = ['thành phố', 'thị xã', 'thị trấn', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'].map(keyOf);

/** Heads whose names run on in lowercase words that are verbs elsewhere; only these words end them. */
const LOOSE_HEADS = ['ban quản lý'].map(keyOf);
const STRONG_STOPS = ['chủ trì', 'phối hợp', 'khẩn trương', 'tiếp tục', 'có trách nhiệm', 'chịu trách nhiệm', 'cần', 'phải', 'lãnh đạo', 'chỉ đạo', 'tập trung', 'chủ động'].map(keyOf);

/** Heads of a person by office, followed by a body or a group: "Chủ tịch UBND các xã, phường", "Người đứng đầu các cơ quan". */
export const ROLE_HEADS: readonly string[] = ['người đứng đầu', 'phó chủ tịch', 'chủ tịch', 'giám đốc', 'thủ trưởng', 'lãnh đạo', 'bí thư', 'bộ trưởng'].map(keyOf);

/** Nouns groups are made of (key form, longest first): "các [sở], [ban], [ngành] cấp tỉnh". */
export const GROUP_NOUNS: readonly string[] = [
  'thủ trưởng cơ quan ngang bộ', 'ban thường vụ cấp ủy', 'tổ chức chính trị - xã hội', 'tổ chức chính trị-xã hội', 'đơn vị sự nghiệp công lập', 'hội quần chúng',
  'tổ chức đảng', 'tổ chức cơ sở đảng', 'cơ quan chuyên môn', 'cơ quan', 'đơn vị', 'địa phương', 'cấp ủy', 'đảng ủy', 'tỉnh ủy', 'thành ủy', 'chi bộ', 'đoàn thể', 'chính quyền',
  'ban đảng', 'ban', 'bộ', 'ngành', 'sở', 'xã', 'phường', 'đặc khu', 'thị trấn', 'tỉnh', 'thành phố', 'huyện', 'bộ trưởng', 'bí thư tỉnh ủy', 'bí thư', 'ủy ban nhân dân', 'ubnd', 'tổ chức',
  'doanh nghiệp nhà nước', 'cơ sở',
].map(keyOf);

/** Group words that may start a group without "các" (key form). */
const BARE_GROUP_STARTS = ['cấp ủy', 'chính quyền', 'ban thường vụ cấp ủy', 'ủy ban nhân dân', 'ubnd', 'đảng ủy', 'tỉnh ủy', 'thành ủy', 'địa phương'].map(keyOf);

/** What may follow a group: "cấp tỉnh", "trực thuộc Trung ương", "liên quan", "từ Trung ương đến địa phương". */
export const QUALIFIERS: readonly string[] = [
  'từ trung ương đến địa phương', 'trực thuộc trung ương', 'ở trung ương', 'trung ương', 'có liên quan', 'liên quan', 'cấp tỉnh', 'cấp xã', 'cấp huyện', 'các cấp', 'thuộc tỉnh',
  'cấp trên trực tiếp', 'ngang bộ', 'tỉnh', 'đảng',
].map(keyOf);

export interface BodySpan {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}&]+/uy;

function wordAt(key: string, i: number): string | null {
  WORD.lastIndex = i;
  const m = WORD.exec(key);
  return m ? m[0] : null;
}

/** `phrase` (key form) at `i`, ending at a word boundary → end index, or -1. */
function phraseAt(key: string, i: number, phrase: string): number {
  if (!key.startsWith(phrase, i)) return -1;
  const e = i + phrase.length;
  return e < key.length && /[\p{L}\p{N}]/u.test(key[e]!) ? -1 : e;
}

function firstOf(key: string, i: number, list: readonly string[]): number {
  for (const p of list) {
    const e = phraseAt(key, i, p);
    if (e > 0) return e;
  }
  return -1;
}

/** Vocabulary names and aliases as they may appear in text (key form: tones and case only), longest first. */
const VOCAB_KEYS = [...new Set(BODIES.flatMap((b) => [b.name, ...(b.aliases ?? [])]).map(keyOf))].sort((a, b) => b.length - a.length);
/** The vocabulary by its first two characters: most positions start no name, and are passed over at once. */
const VOCAB_BY_START = new Map<string, string[]>();
for (const v of VOCAB_KEYS) VOCAB_BY_START.set(v.slice(0, 2), [...(VOCAB_BY_START.get(v.slice(0, 2)) ?? []), v]);
const TEXT_KEY_GROUP = new Map(BODIES.flatMap((b) => [b.name, ...(b.aliases ?? [])].map((a) => [keyOf(a), !!b.group] as const)));

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase();
const skipSpaces = (s: string, i: number) => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\u00a0')) i++;
  return i;
};

/**
 * One body at `i`: a vocabulary name, a role + body/group, a head + capitalised name, or a
 * group ("các" + group nouns + qualifiers). `stop(i)` says a word starts the action.
 */
function readOne(text: string, key: string, i: number, stop: (i: number) => boolean): number {
  // Vocabulary first: its names may hold commas and head words.
  for (const v of VOCAB_BY_START.get(key.slice(i, i + 2)) ?? []) {
    const e = phraseAt(key, i, v);
    if (e > 0) {
      // A vocabulary group may go on with more group words and qualifiers ("các đơn vị | có liên quan").
      return TEXT_KEY_GROUP.get(v) ? Math.max(e, readGroupTail(text, key, e, stop, true)) : e;
    }
  }
  let j = i;
  if (phraseAt(key, j, 'các') > 0) j = skipSpaces(key, j + 3);
  if (phraseAt(key, j, 'đồng chí') > 0) j = skipSpaces(key, j + 8);
  const role = firstOf(key, j, ROLE_HEADS);
  if (role > 0) {
    const k = skipSpaces(key, role);
    // A person by office needs the body of the office: "Chủ tịch UBND …", "Lãnh đạo Sở Y tế"; "Lãnh đạo, chỉ đạo" is a verb.
    const inner = readOne(text, key, k, stop);
    return inner > k ? inner : -1;
  }
  const head = firstOf(key, j, HEADS);
  if (head > 0 && j === i) {
    // A head + a name: capitalised words (or a number), then lowercase words of the name until the action.
    let k = skipSpaces(key, head);
    if (phraseAt(key, k, 'các') > 0) {
      // "UBND các xã, phường": a group of organs.
      const g = readGroupTail(text, key, k, stop);
      return g > k ? g : -1;
    }
    // "UBND xã Bảo Lâm 2", "Ủy ban nhân dân tỉnh Lâm Đồng": a local government, its level, then the place's name.
    if (LOCAL_GOVERNMENT.some((h) => phraseAt(key, j, h) > 0)) {
      const unit = firstOf(key, k, UNITS);
      if (unit > 0 && isUpper(text[skipSpaces(key, unit)])) k = skipSpaces(key, unit);
    }
    // "Bộ Nội vụ", "Phường 2": a capital or a number after the head; "Ban Quản lý dự án …": the head's own second word is capitalised.
    const second = key.indexOf(' ', j);
    if (!(isUpper(text[k]) || /\d/.test(text[k] ?? '') || (second > 0 && second < head && isUpper(text[second + 1])))) return -1;
    let end = -1;
    let words = 0;
    const loose = LOOSE_HEADS.some((h) => phraseAt(key, j, h) > 0);
    while (k < key.length && words < 12) {
      const w = wordAt(key, k);
      if (!w) break;
      // "Ban Quản lý dự án đầu tư xây dựng số 1": a project board's name is made of words that are verbs elsewhere.
      if (words > 0 && stop(k) && !(loose && !STRONG_STOPS.some((w) => phraseAt(key, k, w) > 0))) break;
      // A name does not run on through a function word: "Trung tâm Phát triển quỹ đất tỉnh | để …".
      if (words > 0 && NAME_ENDS.some((w) => phraseAt(key, k, w) > 0)) break;
      if (w === 'và') {
        const n = skipSpaces(key, k + 2);
        // "Giáo dục và Đào tạo" goes on; "và Bộ Y tế", "và các cơ quan" ends the name.
        if (!isUpper(text[n]) || firstOf(key, n, HEADS) > 0 || firstOf(key, n, ROLE_HEADS) > 0) break;
      }
      end = k + w.length;
      words++;
      k = skipSpaces(key, end);
      if (/[,;:()"“”.]/.test(key[k] ?? '')) break;
    }
    return end;
  }
  return readGroupTail(text, key, i, stop);
}

/** A group: "các" optional, group nouns joined by "," or "và", then qualifiers. Returns the end, or -1. */
function readGroupTail(text: string, key: string, i: number, stop: (i: number) => boolean, continued = false): number {
  let j = continued ? skipSpaces(key, i) : i;
  let end = continued ? i : -1;
  let nouns = continued ? 1 : 0;
  let plural = continued;
  if (continued) {
    // After a vocabulary group: only qualifiers and more group words.
  } else if (phraseAt(key, j, 'các') > 0) (j = skipSpaces(key, j + 3)), (plural = true);
  else if (phraseAt(key, j, 'những') > 0) (j = skipSpaces(key, j + 5)), (plural = true);
  if (phraseAt(key, j, 'đồng chí') > 0) j = skipSpaces(key, j + 8);
  // Without "các", a group starts only with an organ of the Party or the state ("Cấp ủy, chính
  // quyền cấp xã"): "Tổ chức, cá nhân …", "Cơ quan …" in a law are anyone, not a body given work.
  if (!plural && firstOf(key, j, BARE_GROUP_STARTS) < 0) return -1;
  for (let guard = 0; guard < 30 && j < key.length; guard++) {
    const q = end > 0 ? firstOf(key, j, QUALIFIERS) : -1;
    const n = firstOf(key, j, GROUP_NOUNS);
    const e = Math.max(q, n);
    if (e < 0) break;
    if (nouns > 0 && stop(j) && q < 0) break;
    if (n > 0) nouns++;
    end = e;
    j = skipSpaces(key, e);
    // Continue over ", <group noun>" and " và <group noun>", never over ", các …" (a new group) or a new named body.
    let k = j;
    if (key[k] === ',') k = skipSpaces(key, k + 1);
    else if (phraseAt(key, k, 'và') > 0) k = skipSpaces(key, k + 2);
    else continue;
    if (phraseAt(key, k, 'các') > 0 || isUpper(text[k]) || firstOf(key, k, GROUP_NOUNS) < 0) break;
    j = k;
  }
  return nouns > 0 ? end : -1;
}

/**
 * A list of bodies starting at `from` ("Đảng ủy Chính phủ, Đảng ủy Mặt trận Tổ quốc, các đoàn
 * thể Trung ương"): separated by ",", ";", "và"; a new body starts with a head, "các" or a
 * vocabulary name. `stop(i)` is true where the action begins. Null when none is read.
 */
export function readBodies(text: string, key: string, from: number, stop: (i: number) => boolean): { bodies: BodySpan[]; end: number } | null {
  const bodies: BodySpan[] = [];
  let i = skipSpaces(key, from);
  let end = -1;
  for (let guard = 0; guard < 12; guard++) {
    const e = readOne(text, key, i, stop);
    if (e <= i) break;
    bodies.push({ start: i, end: e, text: text.slice(i, e) });
    end = e;
    let k = skipSpaces(key, e);
    if (key[k] === ',' || key[k] === ';') k = skipSpaces(key, k + 1);
    else if (phraseAt(key, k, 'và') > 0) k = skipSpaces(key, k + 2);
    else break;
    if (stop(k)) break;
    i = k;
  }
  return bodies.length ? { bodies, end } : null;
}
