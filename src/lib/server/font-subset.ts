/**
 * Font subsetting with HarfBuzz's hb-subset (the WebAssembly build that ships in harfbuzzjs), so a
 * PDF carries only the glyphs it draws: a certificate is tens of KB, not the 10 MB of a Han font.
 * Glyph IDs are kept (RETAIN_GIDS): the IDs the shaper gave are the IDs the page draws, and the
 * gaps left by dropped glyphs compress to almost nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface SubsetWasm {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_MODE_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const FLAGS_NO_HINTING = 0x1;
const FLAGS_RETAIN_GIDS = 0x2;
const FLAGS_NOTDEF_OUTLINE = 0x40;
/** Tables a PDF viewer never reads from an embedded CID font: the shaping is already done. */
const DROPPED = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'STAT', 'vhea', 'vmtx', 'VORG', 'DSIG'];

let wasm: SubsetWasm | undefined;
/** Font faces kept in the subsetter's memory, one per font file, for the life of the process. */
const faces = new Map<string, number>();

function subsetter(): SubsetWasm {
  if (!wasm) {
    const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {}).exports as unknown as SubsetWasm;
    wasm._initialize?.();
  }
  return wasm;
}

function face(hb: SubsetWasm, key: string, path: string): number {
  let found = faces.get(key);
  if (found === undefined) {
    const bytes = readFileSync(path);
    const data = hb.malloc(bytes.length);
    new Uint8Array(hb.memory.buffer, data, bytes.length).set(bytes);
    const blob = hb.hb_blob_create(data, bytes.length, MEMORY_MODE_READONLY, 0, 0);
    found = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob); // the face holds its own reference; `data` stays for the face's life
    faces.set(key, found);
  }
  return found;
}

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

/** The font file at `path` (kept in memory under `key`) cut down to `glyphs` and .notdef, glyph IDs unchanged. */
export function subsetFont(key: string, path: string, glyphs: Iterable<number>): Uint8Array {
  const hb = subsetter();
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb-subset could not start');
  try {
    const set = hb.hb_subset_input_glyph_set(input);
    for (const gid of glyphs) hb.hb_set_add(set, gid);
    const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of DROPPED) hb.hb_set_add(drop, tag(t));
    hb.hb_subset_input_set_flags(input, FLAGS_NO_HINTING | FLAGS_RETAIN_GIDS | FLAGS_NOTDEF_OUTLINE);
    const result = hb.hb_subset_or_fail(face(hb, key, path), input);
    if (!result) throw new Error(`hb-subset could not subset ${key}`);
    const blob = hb.hb_face_reference_blob(result);
    const lengthPtr = hb.malloc(4);
    try {
      const data = hb.hb_blob_get_data(blob, lengthPtr);
      const length = new Uint32Array(hb.memory.buffer, lengthPtr, 1)[0]!;
      return new Uint8Array(hb.memory.buffer, data, length).slice();
    } finally {
      hb.free(lengthPtr);
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(result);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}
