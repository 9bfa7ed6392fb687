import { describe, expect, it } from 'vitest';
import {
  clauseId,
  clauseSegment,
  documentId,
  parseClauseId,
  parseDocumentId,
  qualifiedDocumentId,
  parseReferenceId,
  parseSegment,
  parseTaskId,
  referenceId,
  taskId,
  unnumberedDocumentId,
} from './ids.ts';

describe('document ids', () => {
  it.each([
    ['221-KL/TW', 'ket-luan', '221-kl-tw'],
    ['183-KL/TW', 'ket-luan', '183-kl-tw'],
    ['213-QĐ/TW', 'quy-dinh', '213-qd-tw'],
    ['02-KH/BCĐTW', 'ke-hoach', '02-kh-bcdtw'],
    ['15/2020/NĐ-CP', 'nghi-dinh', '15-2020-nd-cp'],
    ['53/2014/QH13', 'luat', 'luat-53-2014-qh13'],
    ['22498/UBND-THĐT', 'cong-van', 'cong-van-22498-ubnd-thdt'],
    ['01/VBHN-VPQH', 'van-ban-hop-nhat', '01-vbhn-vpqh'],
  ] as const)('%s (%s) → %s', (number, type, id) => {
    expect(documentId(number, type)).toBe(id);
  });

  it('gives an unnumbered document a stable id from its source name', () => {
    expect(unnumberedDocumentId('seeds/001_57c09aa3197540b1.txt')).toBe('vb-001-57c09aa3197540b1');
  });
});

describe('clause ids round-trip', () => {
  it.each([
    ['202-kl-tw', ['8']],
    ['183-kl-tw', ['3', '1', 'ii']],
    ['luat-53-2014-qh13', ['dieu-5', 'khoan-2', 'diem-a']],
    ['202-kl-tw', ['8', 'fn-1']],
    ['221-kl-tw', ['p1']],
    ['x', ['3~2']],
  ])('%s + %j', (docId, path) => {
    const id = clauseId(docId, path);
    expect(parseClauseId(id)).toEqual({ docId, path });
    const ref = referenceId(id, 3);
    expect(parseReferenceId(ref)).toEqual({ clauseId: id, ordinal: 3 });
    const task = taskId(id, 2);
    expect(parseTaskId(task)).toEqual({ clauseId: id, ordinal: 2 });
    expect(parseReferenceId(task)).toBeNull();
    expect(parseTaskId(ref)).toBeNull();
  });

  it.each([
    ['dieu', '5', 1, 'dieu-5'],
    ['khoan', '2', 1, 'khoan-2'],
    ['diem', 'a', 1, 'diem-a'],
    ['chuong', 'II', 1, 'chuong-ii'],
    ['item', 'ii', 1, 'ii'],
    ['item', '3', 2, '3~2'],
    ['paragraph', '2', 1, 'p2'],
    ['footnote', '1', 1, 'fn-1'],
  ] as const)('segment %s %s → %s and back', (kind, number, repeat, seg) => {
    expect(clauseSegment(kind, number, repeat)).toBe(seg);
    expect(parseSegment(seg)).toEqual({ kind, number: number.toLowerCase(), repeat });
  });

  it('rejects malformed task ids', () => {
    for (const bad of ['183-kl-tw/3', '183-kl-tw/3#t', '183-kl-tw/3#t0', 'A#t1', '#t1', '183-kl-tw/3#r1']) expect(parseTaskId(bad), bad).toBeNull();
  });

  it('rejects malformed ids', () => {
    for (const bad of ['', '/x', 'A-B', 'x//y', '../etc/passwd', 'x y', '<script>']) {
      expect(parseClauseId(bad)).toBeNull();
    }
  });
  it('keeps điểm đ apart from điểm d', () => {
    expect(clauseSegment('diem', 'đ')).toBe('diem-dd');
    expect(clauseSegment('diem', 'd')).toBe('diem-d');
  });

  it.each([
    ['luat-35-l-ctn', 'Khuyến khích đầu tư trong nước', 'luat-35-l-ctn~khuyen-khich-dau-tu-trong-nuoc'],
    ['luat-35-l-ctn', 'thue chuyen quyen su dung dat', 'luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat'],
    ['12-2020-qd-ubnd', 'UBND tỉnh Lào Cai', '12-2020-qd-ubnd~ubnd-tinh-lao-cai'],
    ['12-2020-qd-ubnd', 'Ban hành quy chế phối hợp trong quản lý người nước ngoài cư trú', '12-2020-qd-ubnd~ban-hanh-quy-che-phoi-hop'],
  ])('two documents with one number: %s + "%s" → %s and back', (base, qualifier, id) => {
    expect(qualifiedDocumentId(base, qualifier)).toBe(id);
    expect(parseDocumentId(id)).toEqual({ base, qualifier: id.slice(base.length + 1) });
    expect(parseClauseId(`${id}/dieu-5/khoan-2`)).toEqual({ docId: id, path: ['dieu-5', 'khoan-2'] });
  });

  it('parses plain document ids and refuses malformed ones', () => {
    expect(parseDocumentId('221-kl-tw')).toEqual({ base: '221-kl-tw' });
    expect(qualifiedDocumentId('221-kl-tw', '')).toBe('221-kl-tw');
    for (const bad of ['', 'a~', '~b', 'a~b~c', 'A-B', 'a/b']) expect(parseDocumentId(bad), bad).toBeNull();
  });
});
