/**
 * Canonical JSON for signed records: object keys sorted by UTF-16 code units, no whitespace, strings
 * and numbers written as JSON.stringify writes them (the JSON Canonicalization Scheme, RFC 8785, for
 * the values records hold). The same value always gives the same bytes, so a signature over them
 * can be checked again from a record's JSON in any key order.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class CanonicalJsonError extends Error {}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} cannot be written as JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype || (typeof value === 'object' && Object.getPrototypeOf(value) === null)) {
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, v] of entries) {
      if (v === undefined) throw new CanonicalJsonError(`field "${key}" is undefined`);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`);
}
