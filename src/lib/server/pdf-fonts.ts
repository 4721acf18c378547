/**
 * The fonts the PDFs are set in: Noto Sans, then a Noto font for each script it lacks, tried in
 * order for each character (a fall-back chain). All are OFL, from the @expo-google-fonts packages,
 * found in node_modules with createRequire (from source and from the built server alike), and read
 * only when a character first needs them: a Latin-only PDF never loads the 10 MB Han font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type HarfBuzz = typeof import('harfbuzzjs');
export type Weight = 'regular' | 'bold';

/**
 * Package and file-name stem of each font, in fall-back order. `only` limits a big font to the
 * characters it is there for, so that (say) an emoji, which no font has, does not load 10 MB of Han.
 */
const FAMILIES: readonly { pkg: string; stem: string; only?: RegExp }[] = [
  // Latin (Welsh, Polish…), Greek, Cyrillic, and the whole Devanagari block (Hindi, Marathi, Nepali).
  { pkg: '@expo-google-fonts/noto-sans', stem: 'NotoSans' },
  { pkg: '@expo-google-fonts/noto-sans-bengali', stem: 'NotoSansBengali' },
  { pkg: '@expo-google-fonts/noto-sans-gujarati', stem: 'NotoSansGujarati' },
  { pkg: '@expo-google-fonts/noto-sans-gurmukhi', stem: 'NotoSansGurmukhi' }, // Punjabi
  { pkg: '@expo-google-fonts/noto-sans-arabic', stem: 'NotoSansArabic' }, // Arabic, Urdu, Persian
  { pkg: '@expo-google-fonts/noto-sans-sc', stem: 'NotoSansSC', only: /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Bopomofo}\u3000-\u303f\uff00-\uffef]/u }, // Chinese (and Japanese)
];
const WEIGHT_FOLDER: Record<Weight, string> = { regular: '400Regular', bold: '700Bold' };

/** One font file, ready to shape with and to embed. Sizes are in font units (`upem` to the em). */
export class FontFile {
  readonly key: string;
  /** PostScript-style name for the PDF, e.g. "NotoSansDevanagari-Bold". */
  readonly name: string;
  /** The .ttf file, read again only by the subsetter (HarfBuzz keeps its own copy for shaping). */
  readonly path: string;
  readonly font: InstanceType<HarfBuzz['Font']>;
  readonly upem: number;

  constructor(hb: HarfBuzz, key: string, name: string, path: string) {
    this.key = key;
    this.name = name;
    this.path = path;
    const face = new hb.Face(new hb.Blob(readFileSync(path)));
    this.upem = face.upem;
    this.font = new hb.Font(face);
  }

  covers(codePoint: number): boolean {
    return this.font.nominalGlyph(codePoint) !== undefined;
  }

  advance(glyph: number): number {
    return this.font.glyphHAdvance(glyph);
  }
}

let harfbuzzModule: Promise<HarfBuzz> | undefined;
/** HarfBuzz's WebAssembly build, loaded on first use (its module compiles the .wasm when imported). */
export function harfbuzz(): Promise<HarfBuzz> {
  return (harfbuzzModule ??= import('harfbuzzjs'));
}

const loaded = new Map<string, FontFile | null>();

function load(hb: HarfBuzz, family: (typeof FAMILIES)[number], weight: Weight): FontFile | null {
  const key = `${family.stem}-${weight}`;
  if (!loaded.has(key)) {
    try {
      const folder = dirname(createRequire(import.meta.url).resolve(`${family.pkg}/package.json`));
      const file = `${family.stem}_${WEIGHT_FOLDER[weight]}.ttf`;
      const name = `${family.stem}-${weight === 'bold' ? 'Bold' : 'Regular'}`;
      loaded.set(key, new FontFile(hb, key, name, join(folder, WEIGHT_FOLDER[weight], file)));
    } catch (error) {
      // A missing font package costs that script its glyphs (they print as .notdef), not the PDF.
      console.error(`PDF font ${key} could not be loaded:`, error);
      loaded.set(key, null);
    }
  }
  return loaded.get(key)!;
}

/** The fall-back chain for one weight: index 0 is Noto Sans; fonts load when first asked for. */
export class FontChain {
  readonly length = FAMILIES.length;
  private readonly hb: HarfBuzz;
  private readonly weight: Weight;
  private readonly fonts: (FontFile | null | undefined)[] = [];

  constructor(hb: HarfBuzz, weight: Weight) {
    this.hb = hb;
    this.weight = weight;
  }

  font(index: number): FontFile | null {
    return (this.fonts[index] ??= load(this.hb, FAMILIES[index]!, this.weight));
  }

  covers(index: number, codePoint: number): boolean {
    const only = FAMILIES[index]!.only;
    if (only && !only.test(String.fromCodePoint(codePoint))) return false;
    return this.font(index)?.covers(codePoint) ?? false;
  }
}
