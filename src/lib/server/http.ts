/** Request reading with size limits, and JSON responses, for the on-demand routes. */
import { configuredPublicUrl } from './deployment.ts';

export class HttpError extends Error {
  readonly status: number;
  // A field written out, not a parameter property: scripts run this file with Node's type stripping.
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Largest form body: a sign-off carries the learner's progress, about 10 KB for a whole pack. */
export const FORM_LIMIT = 128 * 1024;
/** Largest JSON body for `POST /api/verify`: a record is about 20 KB. */
export const JSON_LIMIT = 256 * 1024;

/** Reads the body as text, refusing more than `limit` bytes (413) whatever Content-Length says. */
export async function readBody(request: Request, limit: number): Promise<string> {
  const bytes = await readBytes(request, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'The request is not valid UTF-8 text.');
  }
}

/**
 * Reads the body's bytes as they stream in, and stops reading (413) as soon as there are more than
 * `limit`, whatever Content-Length says: a chunked upload is never buffered past the limit.
 */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `The request is too large: at most ${Math.round(limit / 1024)} KB is accepted.`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (error) {
      // The Node adapter's own cap (bodySizeLimit in astro.config.mjs) ends the stream with an error.
      if (error instanceof Error && /body size limit/i.test(error.message)) throw tooLarge();
      throw error;
    }
    if (read.done) break;
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/** A posted HTML form (`application/x-www-form-urlencoded`), size-limited. */
export async function readForm(request: Request, limit = FORM_LIMIT): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded, as a web browser does.');
  }
  return new URLSearchParams(await readBody(request, limit));
}

/** A JSON request body's text, size-limited (for a caller that checks the exact bytes). */
export async function readJsonText(request: Request, limit = JSON_LIMIT): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Send the record as application/json.');
  return readBody(request, limit);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** A JSON error response for an HttpError; anything else is rethrown. */
export function jsonError(error: unknown): Response {
  if (error instanceof HttpError) return json(error.status, { error: error.message });
  throw error;
}

/** The site's address for links people keep: COURSE_PUBLIC_URL, else where the server was started; never a request's Host (deployment.ts). */
export { publicOrigin } from './deployment.ts';

/**
 * Whether the browser reached the site over HTTPS: cookies are then Secure. `url` is the request as the
 * browser saw it (client.ts `seenUrl`, which believes X-Forwarded-Proto only from a trusted proxy); an
 * https COURSE_PUBLIC_URL means HTTPS whatever the request says.
 */
export const servedOverHttps = (url: URL): boolean => url.protocol === 'https:' || (configuredPublicUrl() ?? '').startsWith('https:');
