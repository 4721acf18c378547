/**
 * The certificate as an A4 PDF (pdf-lib). Text is set in Noto Sans, embedded from the
 * `@expo-google-fonts/noto-sans` package, so accented and Welsh names
 * (Siân, Ŵyn, Llŷr, Zoë) print as typed. Text is drawn as text, never markup: nothing to escape.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { CertificateView } from '../certificate.ts';

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
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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

/** `notice` (e.g. "REVOKED: …") is printed at the top in red when the record is not valid. */
export async function certificatePdf(view: CertificateView, notice?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Certificate: ${view.name}, ${view.council}`);
  doc.setSubject(`${view.policy}. Record ${view.recordId}`);
  doc.setCreator("Councillors' social media course");
  doc.setLanguage('en-GB');
  const { regular, bold } = fontFiles();
  // Whole fonts (about 600 KB in the PDF): pdf-lib's subsetting drops most of Noto Sans's glyphs
  // (pdftotext still reads the text, but viewers show gaps), so it is not used.
  const body = await doc.embedFont(regular, { subset: false });
  const heavy = await doc.embedFont(bold, { subset: false });
  const page = doc.addPage([595.28, 841.89]); // A4 in points
  const margin = 64;
  const width = page.getWidth() - margin * 2;
  const ink = rgb(0.04, 0.05, 0.05);
  const brand = rgb(0.11, 0.27, 0.45);
  let y = page.getHeight() - margin;

  /** Writes a paragraph: lines 1.3 times the type size apart, then `after` points of space. */
  const write = (text: string, font: PDFFont, size: number, after = 6, color = ink) => {
    for (const [i, line] of wrap(text, font, size, width).entries()) {
      y -= i === 0 ? size : size * 1.3;
      page.drawText(line, { x: margin, y, size, font, color });
    }
    y -= after + size * 0.3;
  };

  page.drawRectangle({ x: 24, y: 24, width: page.getWidth() - 48, height: page.getHeight() - 48, borderColor: brand, borderWidth: 3 });
  if (notice) write(notice, heavy, 14, 12, rgb(0.7, 0.1, 0.1));
  write("Councillors' social media course", body, 12, 18, brand);
  write('Certificate of completion', heavy, 28, 24);
  write('This certifies that', body, 13, 8);
  write(view.name, heavy, 24, 14);
  write(`has completed ${view.council}'s social media course, passed its final assessment and signed the declaration that they have read and will follow the council's policy:`, body, 13, 18);
  write(view.policy, heavy, 15, 24);
  for (const { label, value } of view.details) {
    write(label, heavy, 10.5, 0);
    write(value, body, 11.5, 8);
  }
  y -= 6;
  write('This certificate is backed by a record signed with the council course\'s Ed25519 key. Anyone can check it at the address above: any change to the record makes the check fail.', body, 10, 4, rgb(0.3, 0.3, 0.3));
  return doc.save();
}
