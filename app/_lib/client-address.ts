// The address a request came from, for the per-address sign-in throttle. Next hands route handlers no socket,
// and it fills X-Forwarded-For only when the client did not send one (so that header is the client's word).
// So at start (instrumentation.ts) every incoming request gets the socket's address in a header of our own,
// overwriting whatever a client sent under that name. Behind a reverse proxy (TRUST_PROXY=true) the socket is
// the proxy: the client is then the last X-Forwarded-For entry, the one our proxy appended (entries before it
// are whatever the client claimed).
import type { IncomingMessage } from 'node:http';
import { env } from '@/db/platform/env';

const SOCKET_HEADER = 'x-workshop-client-address';

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function clientAddress(headers: HeaderSource): string | null {
  if (env().TRUST_PROXY === 'true') {
    const forwarded = header(headers, 'x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last.slice(0, 64);
  }
  return header(headers, SOCKET_HEADER)?.slice(0, 64) ?? null;
}

const globalForPatch = globalThis as unknown as { workshopClientAddressHeader?: boolean };

/** Stamps each request with its socket address (called once from instrumentation.ts). */
export async function installClientAddressHeader(): Promise<void> {
  if (globalForPatch.workshopClientAddressHeader) return;
  globalForPatch.workshopClientAddressHeader = true;
  const http = await import('node:http');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: import('node:http').Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[SOCKET_HEADER] = address;
      else delete request.headers[SOCKET_HEADER];
    }
    return (emit as (...all: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
}
