/** Clause trees: numbered structure as written (Party 1./[1]/(1)/(i)/a) and Phần/Chương/Mục/Điều/Khoản/Điểm). */
export type { SegmentOptions, Segmented } from './segment.ts';
export { segment, detectMode, blocksOf } from './segment.ts';
export { LineIndex } from './position.ts';
export type { MarkerPattern } from './markers.ts';
export { MARKERS, matchMarker, markerValue } from './markers.ts';
