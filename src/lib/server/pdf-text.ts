/**
 * Text in any script on a pdf-lib page. Each line is split into runs by direction and font
 * (text-runs.ts), each run is shaped with HarfBuzz (Indic reordering and conjuncts, Arabic joining,
 * right-to-left), and the shaped glyph IDs are drawn, left to right, with the fonts written by
 * pdf-type0.ts.
 *
 * The text layer, for pdftotext, copy and paste and screen readers: a glyph that stands for one
 * character is found through the font's ToUnicode map; a word with a cluster that is not one glyph
 * for one character (a Devanagari syllable, whose vowel sign is drawn before its consonant; an
 * Arabic ligature) sits in a marked-content span whose /ActualText is its text. Right-to-left text
 * is stored in visual order, as PDF readers expect (they reverse it back), so an RTL word's
 * ActualText holds its characters reversed.
 *
 * A name never fails a PDF: a character no font has prints as .notdef (with its text still in the
 * text layer), and a run whose shaping throws is drawn instead in Helvetica, "?" for what Helvetica
 * cannot print, in a span whose ActualText holds the real text.
 */
import {
  PDFHexString, PDFName, PDFOperator, PDFOperatorNames, StandardFonts, beginText, endMarkedContent, endText,
  setFillingColor, setFontAndSize, setTextMatrix, setTextRise, showText,
  type PDFDocument, type PDFFont, type PDFPage, type PDFRef, type RGB,
} from 'pdf-lib';
import { FontChain, harfbuzz, type FontFile, type Weight } from './pdf-fonts.ts';
import { embedType0, glyphHex, pdfText } from './pdf-type0.ts';
import { textRuns, type Direction, type TextRun } from './text-runs.ts';

type HarfBuzz = Awaited<ReturnType<typeof harfbuzz>>;

/** What the line-wrapper needs of a type style. */
export interface TextStyle {
  readonly weight: Weight;
  widthOfTextAtSize(text: string, size: number): number;
}

/** A glyph as shaped, in font units, with its cluster (a UTF-16 offset into the line). */
interface Glyph { id: number; cluster: number; advance: number; dx: number; dy: number }
/** The glyphs of one cluster, in drawing order, and the text they stand for. */
interface Cluster { text: string; glyphs: Glyph[] }

/** One run of a line, ready to draw: `em` is its width at a type size of 1. */
type Piece =
  | { kind: 'shaped'; dir: Direction; em: number; file: FontFile; clusters: Cluster[] }
  | { kind: 'plain'; dir: Direction; em: number; text: string; font: PDFFont; encoded: PDFHexString };

/**
 * Clusters grouped into words and the spaces between them. A word with a cluster that is not one
 * glyph for one character gets one span for the whole word: a span per cluster would let readers
 * see a gap (and so a space) after a cluster whose last glyph is a mark drawn back over its base.
 */
function words(clusters: readonly Cluster[]): Cluster[][] {
  const out: Cluster[][] = [];
  let inWord = false;
  for (const c of clusters) {
    const space = /^\s+$/u.test(c.text);
    if (!space && inWord) out.at(-1)!.push(c);
    else out.push([c]);
    inWord = !space;
  }
  return out;
}

/** A text as a reader of the PDF meets it: right-to-left text in visual order. */
const asStored = (text: string, dir: Direction) => (dir === 'rtl' ? [...text].reverse().join('') : text);

function actualText(text: string, dir: Direction): PDFOperator {
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), `<</ActualText ${pdfText(asStored(text, dir))}>>`]);
}

/** Line breaks, tabs and other controls print as spaces; explicit direction marks are dropped (the runs decide direction). */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
}

export class PdfText {
  private readonly doc: PDFDocument;
  private readonly hb: HarfBuzz;
  private readonly chains: Record<Weight, FontChain>;
  private readonly buffer: InstanceType<HarfBuzz['Buffer']>;
  /** Per font file used: its object number in this PDF and the glyphs drawn (ID → text). */
  private readonly used = new Map<FontFile, { ref: PDFRef; glyphs: Map<number, string> }>();
  private readonly plain = new Map<Weight, PDFFont>();
  private readonly shaped = new Map<string, Piece[]>();
  private readonly pageFonts = new WeakMap<PDFPage, Map<PDFRef | PDFFont, PDFName>>();

  private constructor(doc: PDFDocument, hb: HarfBuzz) {
    this.doc = doc;
    this.hb = hb;
    this.chains = { regular: new FontChain(hb, 'regular'), bold: new FontChain(hb, 'bold') };
    this.buffer = new hb.Buffer();
  }

  static async create(doc: PDFDocument): Promise<PdfText> {
    return new PdfText(doc, await harfbuzz());
  }

  style(weight: Weight): TextStyle {
    return { weight, widthOfTextAtSize: (text, size) => this.width(text, weight, size) };
  }

  width(text: string, weight: Weight, size: number): number {
    return this.layout(text, weight).reduce((sum, p) => sum + p.em, 0) * size;
  }

  /** Draws one line with its left end at `x` and its baseline at `y`. */
  draw(page: PDFPage, text: string, at: { x: number; y: number; size: number; style: TextStyle; color: RGB }): void {
    const { size, color } = at;
    let x = at.x;
    for (const piece of this.layout(text, at.style.weight)) {
      const start = [beginText(), setFillingColor(color), setFontAndSize(this.fontKey(page, piece), size), setTextMatrix(1, 0, 0, 1, x, at.y)];
      if (piece.kind === 'shaped') page.pushOperators(...start, ...this.glyphOperators(piece, size), endText());
      else page.pushOperators(actualText(piece.text, piece.dir), ...start, showText(piece.encoded), endText(), endMarkedContent());
      x += piece.em * size;
    }
  }

  /** Writes the fonts used, subset to the glyphs drawn. Call once, before saving. */
  finish(): void {
    for (const [file, { ref, glyphs }] of this.used) embedType0(this.doc.context, ref, file, glyphs);
  }

  private layout(text: string, weight: Weight): Piece[] {
    const line = printable(text);
    const key = `${weight}:${line}`;
    let pieces = this.shaped.get(key);
    if (!pieces) {
      const chain = this.chains[weight];
      let runs: TextRun[];
      try {
        runs = textRuns(line, chain.length, (font, cp) => chain.covers(font, cp));
      } catch (error) {
        console.error('PDF text could not be split into runs; printing it plainly:', error);
        runs = [{ start: 0, end: line.length, dir: 'ltr', font: 0 }];
      }
      pieces = runs.map((run) => {
        try {
          return this.shape(line, run, chain);
        } catch (error) {
          console.error('PDF text could not be shaped; printing it plainly:', error);
          return this.plainPiece(line.slice(run.start, run.end), run.dir, weight);
        }
      });
      this.shaped.set(key, pieces);
    }
    return pieces;
  }

  private shape(line: string, run: TextRun, chain: FontChain): Piece {
    const file = chain.font(run.font);
    if (!file) throw new Error(`font ${run.font} is not available`);
    const { hb, buffer } = this;
    buffer.reset();
    // The whole line goes in as context (so Arabic letters join across a change of font); only the run is shaped.
    buffer.addText(line, run.start, run.end - run.start);
    buffer.setDirection(run.dir === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.guessSegmentProperties();
    hb.shape(file.font, buffer);
    const positions = buffer.getGlyphPositions();
    const glyphs = buffer.getGlyphInfos().map((info, i): Glyph => {
      const { xAdvance, xOffset, yOffset } = positions[i]!;
      return { id: info.codepoint, cluster: info.cluster, advance: xAdvance, dx: xOffset, dy: yOffset };
    });
    // A cluster's glyphs are consecutive; its text runs from its offset to the next cluster's (in logical order).
    const starts = [...new Set(glyphs.map((g) => g.cluster)), run.end].sort((a, b) => a - b);
    const clusters: Cluster[] = [];
    for (const g of glyphs) {
      const last = clusters.at(-1);
      if (last && last.glyphs[0]!.cluster === g.cluster) last.glyphs.push(g);
      else clusters.push({ text: line.slice(g.cluster, starts[starts.indexOf(g.cluster) + 1]), glyphs: [g] });
    }
    const em = glyphs.reduce((sum, g) => sum + g.advance, 0) / file.upem;
    return { kind: 'shaped', dir: run.dir, em, file, clusters };
  }

  private plainPiece(text: string, dir: Direction, weight: Weight): Piece {
    let font = this.plain.get(weight);
    if (!font) {
      font = this.doc.embedStandardFont(weight === 'bold' ? StandardFonts.HelveticaBold : StandardFonts.Helvetica);
      this.plain.set(weight, font);
    }
    const known = new Set(font.getCharacterSet());
    const printed = [...text].map((ch) => (known.has(ch.codePointAt(0)!) ? ch : '?')).join('');
    return { kind: 'plain', dir, text, em: font.widthOfTextAtSize(printed, 1), font, encoded: font.encodeText(printed) };
  }

  /** The page's resource name for the piece's font, adding it to the page's resources once. */
  private fontKey(page: PDFPage, piece: Piece): PDFName {
    let fonts = this.pageFonts.get(page);
    if (!fonts) this.pageFonts.set(page, (fonts = new Map()));
    const id = piece.kind === 'shaped' ? this.usedFont(piece.file).ref : piece.font;
    let key = fonts.get(id);
    if (!key) {
      key = piece.kind === 'shaped'
        ? page.node.newFontDictionary(piece.file.name, this.usedFont(piece.file).ref)
        : page.node.newFontDictionary(piece.font.name, piece.font.ref);
      fonts.set(id, key);
    }
    return key;
  }

  private usedFont(file: FontFile) {
    let entry = this.used.get(file);
    if (!entry) this.used.set(file, (entry = { ref: this.doc.context.nextRef(), glyphs: new Map() }));
    return entry;
  }

  /**
   * The glyphs as TJ arrays: each glyph's string is its ID, and a number between glyphs moves the
   * pen where HarfBuzz's advances and offsets differ from the font's own widths (kerning, marks).
   * A vertical offset (a mark above or below) is a text rise, which TJ cannot hold.
   */
  private glyphOperators(piece: Extract<Piece, { kind: 'shaped' }>, size: number): PDFOperator[] {
    const { file, clusters, dir } = piece;
    const toUnicode = this.usedFont(file).glyphs;
    const toThousandths = 1000 / file.upem;
    const ops: PDFOperator[] = [];
    let items: (PDFHexString | number)[] = [];
    let hex = '';
    const endString = () => {
      if (hex) items.push(PDFHexString.of(hex));
      hex = '';
    };
    const flush = () => {
      endString();
      if (items.length) ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [this.doc.context.obj(items)]));
      items = [];
    };
    let pen = 0; // where HarfBuzz puts the next glyph, in thousandths of the type size
    let pdfPen = 0; // where the PDF's own widths have put it
    let rise = 0;
    for (const word of words(clusters)) {
      // The first glyph of a cluster stands for its text in the ToUnicode map (the first use of a
      // glyph wins). .notdef stands for any character no font has, so it maps to none.
      for (const { text, glyphs } of word) {
        for (const [i, g] of glyphs.entries()) if (!toUnicode.get(g.id)) toUnicode.set(g.id, i === 0 && g.id !== 0 ? text : '');
      }
      const simple = word.every(({ text, glyphs }) => glyphs.length === 1 && [...text].length === 1 && toUnicode.get(glyphs[0]!.id) === text);
      if (!simple) {
        flush();
        const logical = [...word].sort((a, b) => a.glyphs[0]!.cluster - b.glyphs[0]!.cluster);
        ops.push(actualText(logical.map((c) => c.text).join(''), dir));
      }
      for (const g of word.flatMap((c) => c.glyphs)) {
        if (g.dy !== rise) {
          flush();
          rise = g.dy;
          ops.push(setTextRise(Math.round(rise * toThousandths * size) / 1000));
        }
        const move = Math.round((pen + g.dx * toThousandths - pdfPen) * 100) / 100;
        if (move !== 0) {
          endString();
          items.push(-move);
        }
        hex += glyphHex(g.id);
        pdfPen += move + Math.round(file.advance(g.id) * toThousandths);
        pen += g.advance * toThousandths;
      }
      if (!simple) {
        flush();
        ops.push(endMarkedContent());
      }
    }
    flush();
    if (rise !== 0) ops.push(setTextRise(0)); // the rise is text state, which outlives ET
    return ops;
  }
}
