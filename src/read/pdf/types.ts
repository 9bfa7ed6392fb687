/** Positioned text of a PDF page, as a PDF library gives it (PDF user space: y grows upwards). */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  font?: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Text stamped into signature fields (number and day filled in at signing); kept only where it fills a printed line. */
  stamps?: PdfTextItem[];
}
