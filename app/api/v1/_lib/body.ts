// Request bodies: at most MAX_BODY_BYTES (413 beyond, whether or not Content-Length says so), declared as
// application/json (415 otherwise), UTF-8 JSON nested at most MAX_JSON_DEPTH deep, an object (400 otherwise),
// no key naming a prototype (422 on that field), keys snake_case → camelCase for the data layer, which
// validates the values.
import { invalid } from '@/db/core/errors';
import { keysToCamel, ReservedKeyError } from './casing';
import { ApiProblem } from './problem';

/** Request bodies over this many bytes answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** JSON nested deeper than this (objects and arrays) answers 400; no API body needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** `application/json`, `application/json; charset=utf-8`, `application/merge-patch+json`, … */
function isJsonMediaType(contentType: string | null): boolean {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(media);
}

const unsupported = () =>
  new ApiProblem(415, 'The request body must be JSON, sent with "Content-Type: application/json".', {
    'Accept-Post': 'application/json',
  });

/** A body-less operation sent a body anyway: it must still be declared as JSON (or have no type at all). */
export function refuseNonJsonContentType(request: Request): void {
  const contentType = request.headers.get('content-type');
  if (contentType !== null && contentType.trim() !== '' && !isJsonMediaType(contentType)) throw unsupported();
}

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing it (brackets inside strings
 * do not count), so that a hostile depth is refused before JSON.parse and the recursive key renaming see it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

const sizeWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const tooLarge = (limit: number) => new ApiProblem(413, `The request body is larger than ${sizeWords(limit)}.`);

/** For operations without a body: a declared Content-Length over the limit is still refused. */
export function refuseDeclaredLargeBody(request: Request, limit = MAX_BODY_BYTES): void {
  const declared = request.headers.get('content-length');
  if (declared && Number(declared) > limit) throw tooLarge(limit);
}

/**
 * The raw body, refusing more than `limit` bytes whether or not Content-Length says so: a declared length over it
 * is refused before a byte is read, an undeclared one as soon as the count passes it (the rest is never read).
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  refuseDeclaredLargeBody(request, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (a load tool stopping, a dropped tablet): its mistake, not a 500.
      throw new ApiProblem(400, 'The request body could not be read: the connection closed before it ended.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body as a camelCase object, not yet validated (the db/ function validates it). An `optional` body may be
 * left out altogether (no content type, nothing sent): then it is `{}`.
 */
export async function readJsonObject(
  request: Request,
  { optional = false }: { optional?: boolean } = {},
): Promise<Record<string, unknown>> {
  const contentType = request.headers.get('content-type');
  const leftOut = optional && (contentType === null || contentType.trim() === '');
  if (!leftOut && !isJsonMediaType(contentType)) throw unsupported();
  const bytes = await readLimitedBody(request);
  let parsed: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.trim() === '' && optional) return {};
    if (leftOut) throw unsupported();
    if (text.trim() === '') throw new ApiProblem(400, 'A JSON object is required as the request body.');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
      throw new ApiProblem(400, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem(400, 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiProblem(400, 'The request body must be a JSON object.');
  }
  try {
    return keysToCamel(parsed) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReservedKeyError) throw invalid({ [error.path]: [error.message] });
    throw error;
  }
}
