// Request bodies: at most MAX_BODY_BYTES (413 beyond, whether or not Content-Length says so), UTF-8 JSON,
// an object (400 otherwise), keys snake_case → camelCase for the data layer, which validates the values.
import { keysToCamel } from './casing';
import { ApiProblem } from './problem';

/** Request bodies over this many bytes answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new ApiProblem(413, `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

/** For operations without a body: a declared Content-Length over the limit is still refused. */
export function refuseDeclaredLargeBody(request: Request): void {
  const declared = request.headers.get('content-length');
  if (declared && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
}

/** The raw body, refusing more than MAX_BODY_BYTES whether or not Content-Length says so. */
async function readLimitedBody(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
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
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
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

/** The body as a camelCase object, not yet validated (the db/ function validates it). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readLimitedBody(request);
  let parsed: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.trim() === '') throw new ApiProblem(400, 'A JSON object is required as the request body.');
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem(400, 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiProblem(400, 'The request body must be a JSON object.');
  }
  return keysToCamel(parsed) as Record<string, unknown>;
}
