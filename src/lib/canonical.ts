/**
 * Canonical JSON for signed records: object keys sorted by UTF-16 code units, no whitespace, strings
 * and numbers written as JSON.stringify writes them (the JSON Canonicalization Scheme, RFC 8785, for
 * the values records hold). The same value always gives the same bytes, so a signature over them
 * can be checked again from a record's JSON in any key order.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class CanonicalJsonError extends Error {}

/** An integer-like key ("7"), which JSON.stringify would write before the others whatever the order. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

class IndexKey extends Error {}

/**
 * A copy of `value` with every object's keys inserted in canonical order, checked as it goes, for
 * JSON.stringify to write: much faster than writing each value separately, and sign-off
 * canonicalises a record of some 800 fields per request (issue 17). Throws IndexKey where
 * JSON.stringify would not keep that order.
 */
function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} cannot be written as JSON`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) copy[i] = sortedCopy(value[i]);
        return copy;
      }
      const keys = plainKeys(value);
      const copy: Record<string, unknown> = {};
      for (const key of keys) {
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57 && INDEX_KEY.test(key)) throw new IndexKey();
        copy[key] = sortedCopy((value as Record<string, unknown>)[key]);
      }
      return copy;
    }
  }
  throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`);
}

/** A plain object's keys in canonical order (UTF-16 code units, the default sort); refuses other objects and undefined fields. */
function plainKeys(value: object): string[] {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError('a object cannot be written as JSON');
  const keys = Object.keys(value);
  for (const key of keys) {
    if ((value as Record<string, unknown>)[key] === undefined) throw new CanonicalJsonError(`field "${key}" is undefined`);
  }
  return keys.sort();
}

/** Written value by value: for the rare value with integer-like keys. */
function written(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(sortedCopy(value));
  if (Array.isArray(value)) return `[${value.map((v) => written(v)).join(',')}]`;
  return `{${plainKeys(value).map((k) => `${JSON.stringify(k)}:${written((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    if (error instanceof IndexKey) return written(value);
    throw error;
  }
}
