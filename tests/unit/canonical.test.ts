/**
 * The faster canonical JSON (issue 17) writes exactly the bytes the value-by-value reference below
 * writes (RFC 8785 order: keys by UTF-16 code units), integer-like keys and all: a record signed
 * before the change still verifies after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../src/lib/canonical.ts';

/** The first implementation, kept as the reference. */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const key = fc.oneof(fc.string(), fc.constantFrom('0', '7', '10', '01', '-1', '4294967295', 'a', 'Z', 'é', '\u{1F600}', '\uFFFF'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'grapheme' }), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
})).value;

describe('canonical JSON, fast path', () => {
  it('writes the same bytes as the value-by-value reference for any JSON value', () => {
    fc.assert(fc.property(json, (value) => canonicalJson(value) === reference(value)), { numRuns: 2000 });
  });

  it('orders integer-like keys as strings, not as JSON.stringify would', () => {
    expect(canonicalJson({ b: 1, 10: 2, 9: [{ 2: 1, a: null }], a: 'x' })).toBe('{"10":2,"9":[{"2":1,"a":null}],"a":"x","b":1}');
  });

  it('still refuses what JSON cannot hold, at any depth', () => {
    expect(() => canonicalJson({ a: [{ b: undefined }] })).toThrow(/field "b" is undefined/);
    expect(() => canonicalJson([{ 1: Number.NaN }])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: new Map() })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: 1n })).toThrow(CanonicalJsonError);
  });
});
