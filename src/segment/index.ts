/** Clause trees: numbered structure as written (Party 1./[1]/(1)/(i)/a) and Phần/Chương/Mục/Điều/Khoản/Điểm). */
export type { SegmentOptions, Segmented } from './segment.ts';
export { segment, detectMode, blocksOf } from './segment.ts';
export { LineIndex } from './position.ts';
export type { MarkerPattern } from './markers.ts';
export { MARKERS, matchMarker, markerValue } from './markers.ts';
export type { Frame, FrameOptions, FramePattern, FrameRegion, FrameRole } from './frame.ts';
export { FRAME_KINDS, FRAME_PATTERNS, NOT_BODY, lineRole, readFrame } from './frame.ts';
export type { Coverage } from './coverage.ts';
export { coverage } from './coverage.ts';
