/**
 * A small A4 text writer over pdf-lib for the certificate and the committee report. Text is set in
 * Noto Sans, embedded from the `@expo-google-fonts/noto-sans` package, so accented and Welsh names
 * (Siân, Ŵyn, Llŷr, Zoë) print as typed. Text is drawn as text, never markup: nothing to escape.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;

function fontFiles() {
  if (!fonts) {
    const folder = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans/package.json'));
    fonts = {
      regular: readFileSync(join(folder, '400Regular', 'NotoSans_400Regular.ttf')),
      bold: readFileSync(join(folder, '700Bold', 'NotoSans_700Bold.ttf')),
    };
  }
  return fonts;
}

/** Splits text into lines that fit `width` at `size`, breaking at spaces (or anywhere in a long word). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
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
  readonly body: PDFFont;
  readonly heavy: PDFFont;
  private readonly onPage: (page: PDFPage) => void;

  // Fields written out, not as parameter properties: Node's type stripping does not accept those.
  private constructor(doc: PDFDocument, body: PDFFont, heavy: PDFFont, onPage: (page: PDFPage) => void) {
    this.doc = doc;
    this.body = body;
    this.heavy = heavy;
    this.onPage = onPage;
    this.newPage();
  }

  static async create(meta: { title: string; subject?: string }, onPage: (page: PDFPage) => void = () => {}): Promise<TextPdf> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(meta.title);
    if (meta.subject) doc.setSubject(meta.subject);
    doc.setCreator("Councillors' social media course");
    doc.setLanguage('en-GB');
    const { regular, bold } = fontFiles();
    // Whole fonts (about 600 KB in the PDF): pdf-lib's subsetting drops most of Noto Sans's glyphs
    // (pdftotext still reads the text, but viewers show gaps), so it is not used.
    return new TextPdf(doc, await doc.embedFont(regular, { subset: false }), await doc.embedFont(bold, { subset: false }), onPage);
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = this.page.getHeight() - this.margin;
    this.onPage(this.page);
  }

  /** Writes a paragraph: lines 1.3 times the type size apart, then `after` points of space; a new page when full. */
  write(text: string, font: PDFFont, size: number, after = 6, color: RGB = INK, x = this.margin, width = this.width): void {
    for (const [i, line] of wrap(text, font, size, width).entries()) {
      if (this.y - size * 1.3 < this.margin) this.newPage();
      this.y -= i === 0 ? size : size * 1.3;
      this.page.drawText(line, { x, y: this.y, size, font, color });
    }
    this.y -= after + size * 0.3;
  }

  /** A table row: cells in columns of the given widths (points), wrapped, the row as tall as its tallest cell. */
  row(cells: readonly string[], widths: readonly number[], font: PDFFont, size = 10): void {
    const wrapped = cells.map((c, i) => wrap(c, font, size, widths[i]! - 6));
    const height = Math.max(...wrapped.map((l) => l.length)) * size * 1.3;
    if (this.y - height < this.margin) this.newPage();
    let x = this.margin;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, n) => this.page.drawText(line, { x, y: this.y - size - n * size * 1.3, size, font, color: INK }));
      x += widths[i]!;
    });
    this.y -= height + 4;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
