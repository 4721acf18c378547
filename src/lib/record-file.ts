/**
 * Reading a record file for verification (security review row 6). A file is accepted only as exact
 * bytes of its own value: as the course issues it (`GET /api/records/<id>`: indented by two spaces),
 * compact (as a script's `JSON.stringify` sends it) or canonical: `JSON.parse` keeps the last of two repeated keys, so a file holding a second
 * "member" would verify while a reader, or a viewer showing the first key, sees another name. Anything
 * re-indented, reordered, repeated or edited is refused before the signature is even checked.
 */
import { canonicalJson } from './canonical.ts';

export type RecordFile = { ok: true; value: unknown } | { ok: false; reason: string };

export const NOT_AS_ISSUED = 'the file is not exactly as the course issued it (a field was repeated, reformatted or edited). Download the record again and check that copy';

export function readRecordFile(text: string): RecordFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON' };
  }
  const body = text.replace(/\r\n/g, '\n').trimEnd();
  const forms = [() => JSON.stringify(value, null, 2), () => JSON.stringify(value), () => canonicalJson(value)];
  const exact = forms.some((form) => {
    try {
      return form() === body;
    } catch {
      return false; // too deep, or not writable as canonical JSON
    }
  });
  return exact ? { ok: true, value } : { ok: false, reason: NOT_AS_ISSUED };
}
