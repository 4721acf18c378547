import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../src/lib/canonical.ts';
import { composeRecord, type SignOffRecord } from '../../src/lib/record.ts';
import { rescore } from '../../src/lib/rescore.ts';
import { scoreAssessment } from '../../src/lib/assessment.ts';
import { lessonDigest, packDigest } from '../../src/lib/digest.ts';
import { keyIdOf, signRecord, verifyRecord, fingerprintOf } from '../../src/lib/signing.ts';
import { courseFor, perfectProgress } from './support/course.ts';
import { NOT_AS_ISSUED, readRecordFile } from '../../src/lib/record-file.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], 'é': 'x' })).toBe('{"a":[3,{"c":null,"d":true}],"b":1,"é":"x"}');
  });

  it('gives the same bytes whatever order the keys were added in', () => {
    const one = { member: { name: 'Siân', role: 'councillor' }, id: 'x', n: 10 };
    const two = { n: 10, id: 'x', member: { role: 'councillor', name: 'Siân' } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJson(JSON.parse(canonicalJson(one)))).toBe(canonicalJson(one));
  });

  it('escapes strings as JSON does and sorts keys by code unit', () => {
    expect(canonicalJson({ Z: '"<a>"\n', a: 'Ŵ', _: 1 })).toBe('{"Z":"\\"<a>\\"\\n","_":1,"a":"Ŵ"}');
  });

  it.each([
    ['undefined field', { a: undefined }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Infinity]],
    ['a Date', { at: new Date(0) }],
    ['a function', { f: () => 1 }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });
});

const wyre = courseFor('wyre');
const key = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');

function sampleRecord(): SignOffRecord {
  const digests = wyre.lessons.map((id) => lessonDigest({ id, data: { title: id }, body: `Text of ${id}` }));
  return composeRecord({
    id: '3f2b8c1e-7d4a-4f6b-9c2d-1a2b3c4d5e6f',
    signedAt: new Date('2026-11-21T10:00:00.000Z'),
    member: { name: 'Zoë Brontë-Ó Dálaigh', role: 'co-opted member', wardOrCommittee: 'Standards Committee', email: 'zoe@example.org' },
    identity: 'roster-verified',
    pack: wyre.pack.pack,
    lessons: digests,
    contentHash: packDigest(digests),
    rescored: rescore(wyre, perfectProgress(wyre)),
    attempt: { id: 'a'.repeat(64), score: scoreAssessment([], {}, 80) },
    route: { kind: 'refresher', previousRecord: '0e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b', lessons: [wyre.lessons[3]!] },
    keyId: keyIdOf(key.publicKey),
  });
}

/** Every leaf of a JSON value, as a path of keys and indices. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function changed(record: SignOffRecord, path: (string | number)[]): unknown {
  const copy = structuredClone(record) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const v = at[last];
  at[last] = typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 'x';
  return copy;
}

describe('signed records', () => {
  const record = sampleRecord();
  const { signature } = signRecord(record, key.privateKey);

  it('a record verifies with the key that signed it, in any key order', () => {
    expect(verifyRecord(record, signature, key.publicKey)).toEqual({ valid: true });
    const reordered = JSON.parse(JSON.stringify(record, Object.keys(record).reverse()));
    expect(verifyRecord({ ...reordered, ...record }, signature, key.publicKey)).toEqual({ valid: true });
  });

  it('holds every part the record must hold', () => {
    expect(record.course.lessons).toHaveLength(wyre.lessons.length);
    expect(record.scenarios).toHaveLength(wyre.scenarios.length);
    expect(record.scores.scenarios.completed).toBe(wyre.scenarios.length);
    expect(record.declaration).toContain('Social Media Policy for Members');
    expect(record.declaration).toContain('November 2017');
    expect(record.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(key.publicKey)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('changing any single field makes verification fail', () => {
    const paths = leaves(record);
    expect(paths.length).toBeGreaterThan(200);
    for (const path of paths) {
      const verdict = verifyRecord(changed(record, path), signature, key.publicKey);
      expect(verdict.valid, `changed ${path.join('.')}`).toBe(false);
    }
  });

  it('removing or adding a field makes verification fail', () => {
    const { email: _email, ...member } = record.member;
    expect(verifyRecord({ ...record, member }, signature, key.publicKey).valid).toBe(false);
    expect(verifyRecord({ ...record, note: 'added' }, signature, key.publicKey).valid).toBe(false);
  });

  it('changing any single byte of the stored JSON makes verification fail', () => {
    const body = canonicalJson(record);
    let parsed = 0;
    for (let i = 0; i < body.length; i++) {
      const replacement = body[i] === '1' ? '2' : '1';
      const tampered = body.slice(0, i) + replacement + body.slice(i + 1);
      let value: unknown;
      try {
        value = JSON.parse(tampered);
      } catch {
        continue; // not JSON any more: cannot even be read as a record
      }
      parsed++;
      expect(verifyRecord(value, signature, key.publicKey).valid, `byte ${i}`).toBe(false);
    }
    expect(parsed).toBeGreaterThan(body.length / 2);
  }, 30_000); // a verification per byte of a ~10 KB record: seconds, more on a busy machine

  it('a record signed by another key fails', () => {
    const forged = signRecord(record, otherKey.privateKey);
    expect(verifyRecord(record, forged.signature, key.publicKey)).toMatchObject({ valid: false });
  });

  it('a changed, truncated or missing signature fails', () => {
    const bytes = Buffer.from(signature, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    expect(verifyRecord(record, bytes.toString('base64'), key.publicKey).valid).toBe(false);
    expect(verifyRecord(record, signature.slice(0, 40), key.publicKey).valid).toBe(false);
    expect(verifyRecord(record, undefined, key.publicKey).valid).toBe(false);
    expect(verifyRecord(record, 'not base64!', key.publicKey).valid).toBe(false);
  });
});

describe('content digests', () => {
  it('change when any word, title or line of a lesson changes, but not with line endings', () => {
    const base = lessonDigest({ id: 'p/modules/01-a', data: { title: 'A' }, body: 'One\ntwo' });
    expect(lessonDigest({ id: 'p/modules/01-a', data: { title: 'A' }, body: 'One\r\ntwo' })).toEqual(base);
    expect(lessonDigest({ id: 'p/modules/01-a', data: { title: 'A' }, body: 'One\ntwo.' }).sha256).not.toBe(base.sha256);
    expect(lessonDigest({ id: 'p/modules/01-a', data: { title: 'B' }, body: 'One\ntwo' }).sha256).not.toBe(base.sha256);
    const other = lessonDigest({ id: 'p/modules/02-b', data: { title: 'B' }, body: '' });
    expect(packDigest([base, other])).not.toBe(packDigest([other, base]));
    expect(base.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('record files: only the exact bytes of a value are read (review row 6)', () => {
  const envelope = signRecord(sampleRecord(), key.privateKey);
  it('accepts the issued (indented), compact and canonical forms, with a trailing newline or CRLF', () => {
    for (const text of [JSON.stringify(envelope, null, 2), `${JSON.stringify(envelope, null, 2)}\n`, JSON.stringify(envelope), canonicalJson(envelope), JSON.stringify(envelope, null, 2).replace(/\n/g, '\r\n')]) {
      expect(readRecordFile(text)).toMatchObject({ ok: true, value: envelope });
    }
  });
  it('refuses a repeated key anywhere, any other spacing, and text that is not JSON', () => {
    const issued = JSON.stringify(envelope, null, 2);
    expect(readRecordFile(issued.replace('"signature":', '"signature": "AAAA",\n  "signature":'))).toMatchObject({ ok: false, reason: NOT_AS_ISSUED });
    expect(readRecordFile(issued.replace('"name":', '"name": "Someone Else",\n      "name":'))).toMatchObject({ ok: false });
    expect(readRecordFile(JSON.stringify(envelope, null, 4))).toMatchObject({ ok: false, reason: NOT_AS_ISSUED });
    expect(readRecordFile(issued.replace('"record": {', '"record":  {'))).toMatchObject({ ok: false });
    expect(readRecordFile('{"record":')).toMatchObject({ ok: false, reason: 'the file is not valid JSON' });
    expect(readRecordFile('['.repeat(100_000) + ']'.repeat(100_000))).toMatchObject({ ok: false });
  });
});

describe('npm run verify (offline)', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { publicKeyPem } = await import('../../src/lib/signing.ts');
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'verify.ts');
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, COURSE_DB: join(dir, 'none.db') } }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };
  const record = sampleRecord();
  const envelope = signRecord(record, key.privateKey);
  writeFileSync(join(dir, 'record.json'), JSON.stringify(envelope, null, 2));
  writeFileSync(join(dir, 'key.pem'), publicKeyPem(key.publicKey));
  writeFileSync(join(dir, 'key.json'), JSON.stringify({ publicKey: publicKeyPem(key.publicKey) }));
  writeFileSync(join(dir, 'other.pem'), publicKeyPem(otherKey.publicKey));
  writeFileSync(join(dir, 'tampered.json'), JSON.stringify({ ...envelope, record: { ...record, member: { ...record.member, name: 'Someone Else' } } }));

  it('says VALID, and exits 0, for a genuine record with the PEM or the /api/public-key JSON', () => {
    expect(run(join(dir, 'record.json'), join(dir, 'key.pem'))).toMatchObject({ code: 0, out: expect.stringMatching(/^VALID: record 3f2b8c1e/) });
    expect(run(join(dir, 'record.json'), join(dir, 'key.json')).code).toBe(0);
  });

  it('says INVALID, and exits 1, for a changed record or another key', () => {
    expect(run(join(dir, 'tampered.json'), join(dir, 'key.pem'))).toMatchObject({ code: 1, out: expect.stringMatching(/INVALID: the signature does not match/) });
    expect(run(join(dir, 'record.json'), join(dir, 'other.pem'))).toMatchObject({ code: 1, out: expect.stringMatching(/INVALID/) });
  });

  it('refuses a file with a repeated key, though JSON.parse would keep the genuine copy, and prints what it verified (review row 6)', () => {
    const issued = JSON.stringify(envelope, null, 2);
    const forged = issued.replace('"member": {', '"member": { "name": "Cllr Somebody Else" },\n    "member": {');
    writeFileSync(join(dir, 'forged.json'), forged);
    expect(run(join(dir, 'forged.json'), join(dir, 'key.pem'))).toMatchObject({ code: 1, out: expect.stringMatching(/INVALID: the file is not exactly as the course issued it/) });
    expect(run(join(dir, 'record.json'), join(dir, 'key.pem')).out).toContain('for Zoë Brontë-Ó Dálaigh, signed 2026-11-21T10:00:00.000Z (identity: roster-verified)');
  });

  it('explains how to use it when the key is missing', () => {
    expect(run(join(dir, 'record.json'))).toMatchObject({ code: 2, out: expect.stringMatching(/pass the key file/) });
    expect(run()).toMatchObject({ code: 2, out: expect.stringMatching(/Usage/) });
  });
});
