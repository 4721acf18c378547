/**
 * Writes a font the shaper used into the PDF as a Type0 font over a CIDFontType2 (TrueType) font
 * with Identity-H encoding: the page's strings are glyph IDs, two bytes each, exactly as HarfBuzz
 * gave them, so Indic conjuncts and Arabic joining forms (which have no character code of their
 * own) print. The font file is subset to the glyphs drawn, and a ToUnicode CMap maps each glyph
 * back to the text it came from, for copying and searching.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { subsetFont } from './font-subset.ts';
import type { FontFile } from './pdf-fonts.ts';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const utf16Hex = (text: string) => [...text].map((ch) => {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}).join('');

/** The glyph ID as an Identity-H string for the page. */
export const glyphHex = (glyph: number) => hex4(glyph);

function toUnicodeCMap(glyphs: ReadonlyMap<number, string>): string {
  const entries = [...glyphs].filter(([, text]) => text !== '').sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([g, t]) => `<${hex4(g)}> <${utf16Hex(t)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    ...blocks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

function readTable(file: FontFile, tag: string): DataView | undefined {
  const table = file.font.face.referenceTable(tag);
  return table && new DataView(table.buffer, table.byteOffset, table.byteLength);
}

/** The font descriptor's metrics, in PDF glyph space (1000 to the em). */
function metrics(file: FontFile) {
  const scale = 1000 / file.upem;
  const head = readTable(file, 'head');
  const os2 = readTable(file, 'OS/2');
  const { ascender, descender } = file.font.hExtents();
  const bbox = head ? [36, 38, 40, 42].map((at) => Math.round(head.getInt16(at) * scale)) : [0, descender * scale, 1000, ascender * scale];
  const capHeight = os2 && os2.getUint16(0) >= 2 ? os2.getInt16(88) : ascender;
  return { bbox, ascent: Math.round(ascender * scale), descent: Math.round(descender * scale), capHeight: Math.round(capHeight * scale) };
}

/**
 * Writes `file` as the font object `ref`, subset to `glyphs` (glyph ID → the text it stands for;
 * "" for a glyph that is part of a longer cluster, or one with no text, such as .notdef).
 */
export function embedType0(context: PDFContext, ref: PDFRef, file: FontFile, glyphs: ReadonlyMap<number, string>): void {
  const scale = 1000 / file.upem;
  const ids = [...glyphs.keys()].sort((a, b) => a - b);
  // A subset's name starts with six capital letters (PDF 32000 9.6.4), here from its glyph set.
  const digest = createHash('sha256').update(`${file.key}:${ids.join(',')}`).digest();
  const baseFont = `${[...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}+${file.name}`;
  const bytes = subsetFont(file.key, file.path, ids);
  const { bbox, ascent, descent, capHeight } = metrics(file);
  const descriptor = context.register(context.obj({
    Type: 'FontDescriptor',
    FontName: baseFont,
    Flags: 4, // symbolic: glyphs are picked by ID, not by a standard encoding
    FontBBox: bbox,
    ItalicAngle: 0,
    Ascent: ascent,
    Descent: descent,
    CapHeight: capHeight,
    StemV: 80,
    FontFile2: context.register(context.flateStream(bytes, { Length1: bytes.length })),
  }));
  const widths = ids.flatMap((g) => [g, [Math.round(file.advance(g) * scale)]]);
  const cidFont = context.register(context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: widths,
    CIDToGIDMap: 'Identity',
  }));
  context.assign(ref, context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: baseFont,
    Encoding: 'Identity-H',
    DescendantFonts: [cidFont],
    ToUnicode: context.register(context.flateStream(toUnicodeCMap(glyphs))),
  }));
}

/** The text as a PDF text string (UTF-16BE with a byte-order mark), for /ActualText. */
export const pdfText = (text: string) => PDFHexString.fromText(text);
