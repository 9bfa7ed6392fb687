/**
 * Draws the sentences of tests/fixtures/refs-sample/blind.tsv (issue 12): the "documents you
 * have never read" measure. Sources the tune/holdout draw never used: the Word and PDF
 * documents of `office/` (decrees, circulars, Party guidance and regulations, provincial
 * plans, notices, reports, official letters, laws in Word form) read with the indexer's own
 * extractors, plus VLC and Bộ pháp điển sentences that are in neither tune.tsv nor holdout.tsv.
 *
 * Strata by relation verb (first cue that matches, folded text), each needing something that
 * may be a reference (SIGNAL). Seeded, never chosen by hand; the labeller read every sentence
 * before any finder ran on them.
 *
 *   node bin/run.js bench/lib/draw-refs-blind.ts [--external DIR] > blind-draw.tsv
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fold, normalize } from 'vietnamese-tokenizer';
import { loadInputs } from '../../indexer/inputs.ts';
import { drawSources, rng, splitSentences } from './draw-refs-sample.ts';

export const BLIND_SEED = 20261202;

/** Strata in priority order: cue on folded text; per source how many to draw. */
export const BLIND_STRATA: { id: string; cue: RegExp; note: string }[] = [
  { id: 'ends', cue: /\bhet hieu luc\b/, note: '"hết hiệu lực"' },
  { id: 'replaces', cue: /\bthay the\b/, note: '"thay thế"' },
  { id: 'repeals', cue: /\b(bai bo|huy bo)\b/, note: '"bãi bỏ", "hủy bỏ"' },
  { id: 'amends', cue: /\b(sua doi|bo sung)\b/, note: '"sửa đổi", "bổ sung"' },
  { id: 'details', cue: /\bquy dinh chi tiet\b/, note: '"quy định chi tiết"' },
  { id: 'guides', cue: /\bhuong dan\b/, note: '"hướng dẫn"' },
  { id: 'based-on', cue: /\bcan cu\b/, note: '"căn cứ"' },
  { id: 'per-rule', cue: /\btheo (quy dinh|quy che|huong dan|nghi dinh|thong tu|luat|ket luan|chi thi|nghi quyet)\b/, note: '"theo quy định của/tại", "theo Nghị định …"' },
  { id: 'other', cue: /./, note: 'any other sentence with SIGNAL' },
];
/** Per stratum: office sentences, VLC sentences, Bộ pháp điển sentences. */
export const PER_SOURCE = { office: 16, vlc: 2, phapdien: 2 } as const;

/** A document-type word (incl. Party and administrative kinds), an article, a number. */
const SIGNAL =
  /\b(hien phap|bo luat|luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|ket luan|dieu le|quy dinh so|quy che|ke hoach|de an|chuong trinh|to trinh|cong dien|cong van|huong dan so|van ban hop nhat)\b|\bdieu \d|\bkhoan \d|\d+\s?\/\s?\d{4}\s?\/|\b\d+\s?-\s?[a-z]{1,6}\s?\/\s?[a-z]/;

/**
 * The office files drawn: one file per document (the pairs in office/SOURCE.md counted once),
 * no scans (OCR) and not the PDF whose text layer is mojibake.
 */
export const OFFICE_FILES = [
  'docx/luat-an-ninh-mang-24-2018-qh14.docx',
  'docx/luat-tri-tue-nhan-tao-134-2025-qh15.docx',
  'docx/nghi-dinh-30-2020-nd-cp-cong-tac-van-thu.docx',
  'docx/huong-dan-36-hd-vptw-2018-the-thuc-van-ban-dang.docx',
  'docx/ke-hoach-ubnd-lam-dong-tuyen-truyen-cchc-2026.docx',
  'docx/thong-bao-ket-luan-ubnd-lam-dong-cao-toc-2026-04.docx',
  'docx/thong-bao-ket-luan-ubnd-lam-dong-hoi-nghi-cchc-2026-01.docx',
  'docx/thong-tu-23-2024-tt-bct.docx',
  'docx/nghi-dinh-146-2025-nd-cp.docx',
  'docx/thong-tu-37-2020-tt-bct.docx',
  'docx/bao-cao-ubnd-lao-cai-qlnn-khoang-san-2025.docx',
  'docx/an-le-01-2016-al.docx',
  'doc/hien-phap-2013.doc',
  'doc/luat-xu-ly-vi-pham-hanh-chinh-15-2012-qh13.doc',
  'doc/vbhn-31-vbhn-vpqh-2020-luat-xu-ly-vi-pham-hanh-chinh.doc',
  'doc/hien-phap-1992-68-lct-hdnn8.doc',
  'doc/nghi-dinh-30-2020-nd-cp-phu-luc-1.doc',
  'doc/nghi-dinh-30-2020-nd-cp-phu-luc-3.doc',
  'doc/ke-hoach-ubnd-lam-dong-phong-chong-ma-tuy-2026.doc',
  'doc/an-le-07-2016-al.doc',
  'pdf/bao-cao-329-bc-ubnd-lam-dong-cchc-2025.pdf',
  'pdf/cong-dien-2003-cd-vpcp-2025.pdf',
  'pdf/cong-van-3917-btp-bttp-2025.pdf',
  'pdf/huong-dan-38-hd-btctw-2025-nghiep-vu-cong-tac-dang-vien.pdf',
  'pdf/huong-dan-btctu-ha-noi-2025-trao-tang-huy-hieu-dang.pdf',
  'pdf/nghi-dinh-282-2025-nd-cp-cong-bao.pdf',
  'pdf/quy-dinh-294-qd-tw-2025-thi-hanh-dieu-le-dang.pdf',
  'pdf/quyet-dinh-63-2025-qd-ctubnd-phu-tho-quy-che-nguoi-nuoc-ngoai.pdf',
  'pdf/vbhn-30-vbhn-vpqh-2023-luat-nhap-canh-nguoi-nuoc-ngoai-cong-bao.pdf',
];

export interface BlindSentence {
  sid: string;
  stratum: string;
  source: 'office' | 'vlc' | 'phapdien';
  file: string;
  line: number;
  where: string;
  sentence: string;
}

interface Candidate extends BlindSentence {
  folded: string;
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function officeCandidates(dir: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const rel of OFFICE_FILES) {
    const { inputs } = await loadInputs([resolve(dir, 'office', rel)], { ocr: 'off' });
    const text = inputs[0]?.text;
    if (!text) continue;
    const name = basename(rel).replace(/\.[a-z]+$/, '');
    normalize(text)
      .split(/\r?\n/)
      .forEach((raw, i) => {
        const para = raw.replace(/\s+/g, ' ').trim();
        if (!para) return;
        splitSentences(para).forEach((sentence, k) => {
          out.push({ sid: `office/${name}/${i + 1}.${k + 1}`, stratum: '', source: 'office', file: `office/${rel}`, line: i + 1, where: '', sentence, folded: fold(sentence) });
        });
      });
  }
  return out;
}

function stratumOf(folded: string): string | undefined {
  if (!SIGNAL.test(folded) || folded.length < 25) return undefined;
  return BLIND_STRATA.find((s) => s.cue.test(folded))?.id;
}

/** The sids of the tune and holdout halves (only that column is read). */
function usedSids(): Set<string> {
  const dir = resolve(import.meta.dirname, '../../tests/fixtures/refs-sample');
  const out = new Set<string>();
  for (const h of ['tune.tsv', 'holdout.tsv']) for (const l of readFileSync(resolve(dir, h), 'utf8').split('\n').slice(1)) if (l) out.add(l.slice(0, l.indexOf('\t')));
  return out;
}

export async function drawBlind(externalDir: string): Promise<BlindSentence[]> {
  const rand = rng(BLIND_SEED);
  const used = usedSids();
  const { vlc, pd } = drawSources(externalDir);
  const office = await officeCandidates(externalDir);
  const seen = new Set<string>();
  const drawn: BlindSentence[] = [];
  for (const [source, pool] of [
    ['office', office],
    ['vlc', vlc],
    ['phapdien', pd],
  ] as const) {
    const by = new Map<string, Candidate[]>();
    for (const c of pool) {
      if (used.has(c.sid)) continue;
      const s = stratumOf(c.folded);
      if (s) by.set(s, [...(by.get(s) ?? []), { ...c, source, stratum: s } as Candidate]);
    }
    for (const s of BLIND_STRATA) {
      let n = 0;
      for (const c of shuffle(by.get(s.id) ?? [], rand)) {
        if (n >= PER_SOURCE[source]) break;
        // The same sentence in two documents (a law and its consolidated text) is drawn once.
        if (seen.has(c.folded)) continue;
        seen.add(c.folded);
        const { folded: _f, ...rest } = c;
        drawn.push(rest);
        n++;
      }
    }
  }
  const order = new Map(BLIND_STRATA.map((s, i) => [s.id, i]));
  return drawn.sort((a, b) => order.get(a.stratum)! - order.get(b.stratum)! || a.sid.localeCompare(b.sid));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const at = process.argv.indexOf('--external');
  const dir = resolve(at > 0 ? process.argv[at + 1]! : (process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus-external')));
  const rows = await drawBlind(dir);
  const clean = (s: string) => s.replace(/[\t\n]/g, ' ');
  process.stdout.write('sid\tstratum\tsource\tfile\tline\twhere\tsentence\n');
  for (const r of rows) process.stdout.write([r.sid, r.stratum, r.source, r.file, r.line, clean(r.where), clean(r.sentence)].join('\t') + '\n');
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.stratum}\t${r.source}`, (count.get(`${r.stratum}\t${r.source}`) ?? 0) + 1);
  for (const [k, v] of [...count].sort()) console.error(`${k}\t${v}`);
  console.error(`total\t${rows.length}`);
}
