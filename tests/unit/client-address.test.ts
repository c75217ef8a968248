import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load(trustProxy: string) {
  vi.stubEnv('TRUST_PROXY', trustProxy);
  return import('@/app/_lib/client-address');
}

/** What the throttle would see as the address of one request with these headers, over a real socket. */
async function addressSeen(trustProxy: string, headers: Record<string, string>): Promise<string | null> {
  const { clientAddress, installClientAddressHeader } = await load(trustProxy);
  await installClientAddressHeader();
  const server = createServer((request, response) => {
    response.end(JSON.stringify(clientAddress(request.headers)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const outgoing = httpRequest({ host: '127.0.0.1', port, headers });
    outgoing.end();
    const [response] = (await once(outgoing, 'response')) as [import('node:http').IncomingMessage];
    let body = '';
    for await (const chunk of response) body += chunk;
    return JSON.parse(body) as string | null;
  } finally {
    server.close();
  }
}

it('without TRUST_PROXY a client cannot choose its address: X-Forwarded-For and our own header are ignored', async () => {
  expect(
    await addressSeen('false', { 'X-Forwarded-For': '203.0.113.9', 'X-Workshop-Client-Address': '198.51.100.1' }),
  ).toBe('127.0.0.1');
});

it('behind a trusted proxy the address is the last X-Forwarded-For entry, the one the proxy appended', async () => {
  expect(await addressSeen('true', { 'X-Forwarded-For': '203.0.113.9, 192.0.2.44' })).toBe('192.0.2.44');
  expect(await addressSeen('true', {})).toBe('127.0.0.1');
});
