/**
 * A small A4 text writer over pdf-lib for the certificate and the committee report. Text is set in
 * Noto Sans, with Noto fonts for the scripts it lacks, shaped with HarfBuzz (pdf-text.ts), so names
 * in any script (Siân Llŷr Ŵyn, प्रिया शर्मा, محمد علي, 王小明) print as typed, and a name can never
 * fail the PDF. Text is drawn as text, never markup: nothing to escape.
 */
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { PdfText, printable, type TextStyle } from './pdf-text.ts';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Splits text into lines that fit `width` at `size`, breaking at spaces (or anywhere in a long word). */
export function wrap(text: string, font: Pick<TextStyle, 'widthOfTextAtSize'>, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than the line is cut between characters as the reader sees them (never inside a
    // conjunct or between a letter and its accent).
    while (font.widthOfTextAtSize(line, size) > width) {
      const ends = [...graphemes.segment(line)].map((g) => g.index + g.segment.length);
      if (ends.length < 2) break;
      let n = ends.length - 1;
      while (n > 1 && font.widthOfTextAtSize(line.slice(0, ends[n - 1]), size) > width) n--;
      lines.push(line.slice(0, ends[n - 1]));
      line = line.slice(ends[n - 1]);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const INK = rgb(0.04, 0.05, 0.05);
export const BRAND = rgb(0.11, 0.27, 0.45);
export const GREY = rgb(0.3, 0.3, 0.3);
export const RED = rgb(0.7, 0.1, 0.1);
const A4: [number, number] = [595.28, 841.89];

export class TextPdf {
  page!: PDFPage;
  y = 0;
  readonly margin = 64;
  readonly width = A4[0] - 64 * 2;

  readonly doc: PDFDocument;
  readonly body: TextStyle;
  readonly heavy: TextStyle;
  private readonly text: PdfText;
  private readonly onPage: (page: PDFPage) => void;

  // Fields written out, not as parameter properties: Node's type stripping does not accept those.
  private constructor(doc: PDFDocument, text: PdfText, onPage: (page: PDFPage) => void) {
    this.doc = doc;
    this.text = text;
    this.body = text.style('regular');
    this.heavy = text.style('bold');
    this.onPage = onPage;
    this.newPage();
  }

  static async create(meta: { title: string; subject?: string }, onPage: (page: PDFPage) => void = () => {}): Promise<TextPdf> {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    if (meta.subject) doc.setSubject(meta.subject);
    doc.setCreator("Councillors' social media course");
    doc.setLanguage('en-GB');
    return new TextPdf(doc, await PdfText.create(doc), onPage);
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = this.page.getHeight() - this.margin;
    this.onPage(this.page);
  }

  /** Writes a paragraph: lines 1.3 times the type size apart, then `after` points of space; a new page when full. */
  write(text: string, font: TextStyle, size: number, after = 6, color: RGB = INK, x = this.margin, width = this.width): void {
    for (const [i, line] of wrap(text, font, size, width).entries()) {
      if (this.y - size * 1.3 < this.margin) this.newPage();
      this.y -= i === 0 ? size : size * 1.3;
      this.text.draw(this.page, line, { x, y: this.y, size, style: font, color });
    }
    this.y -= after + size * 0.3;
  }

  /** A table row: cells in columns of the given widths (points), wrapped, the row as tall as its tallest cell. */
  row(cells: readonly string[], widths: readonly number[], font: TextStyle, size = 10): void {
    const wrapped = cells.map((c, i) => wrap(c, font, size, widths[i]! - 6));
    const height = Math.max(...wrapped.map((l) => l.length)) * size * 1.3;
    if (this.y - height < this.margin) this.newPage();
    let x = this.margin;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, n) => this.text.draw(this.page, line, { x, y: this.y - size - n * size * 1.3, size, style: font, color: INK }));
      x += widths[i]!;
    });
    this.y -= height + 4;
  }

  save(): Promise<Uint8Array> {
    this.text.finish();
    return this.doc.save();
  }
}
