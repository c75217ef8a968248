// Issue 13, items 8 and 9 (pages): a 30 MB body is refused early on every kind of endpoint (next-auth's, the API,
// a page with a server action) and the server keeps answering; hostile search params on every search page show the
// page (the bad value ignored), never a 500.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

const THIRTY_MB = 30 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

type Answer = { status: number; sent: number };

/**
 * POSTs up to 30 MB, declared by Content-Length or streamed chunked, writing only as fast as the server reads, and
 * stops as soon as the server answers. A server that read the whole body first would answer after all 30 MB.
 */
function postHuge(baseURL: string, path: string, headers: Record<string, string>, declared: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    let sent = 0;
    let answered = false;
    const request = http.request(url, {
      method: 'POST',
      headers: { ...headers, ...(declared ? { 'Content-Length': String(THIRTY_MB) } : {}) },
    });
    request.on('response', (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      request.destroy();
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < THIRTY_MB) {
        sent += CHUNK.length;
        if (!request.write(CHUNK)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

async function stillAnswering(baseURL: string) {
  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
}

test.describe('a 30 MB body is refused before it is read', () => {
  for (const declared of [true, false]) {
    const how = declared ? 'announced by Content-Length' : 'streamed without a length';
    test(`to the sign-in endpoint, ${how}: 413 after at most 16 KB`, async ({ baseURL }) => {
      const answer = await postHuge(
        baseURL!,
        '/api/auth/callback/credentials',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        declared,
      );
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(THIRTY_MB);
      await stillAnswering(baseURL!);
    });

    test(`to the API, ${how}: 413`, async ({ baseURL }) => {
      const answer = await postHuge(baseURL!, '/api/v1/auth/token', { 'Content-Type': 'application/json' }, declared);
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(THIRTY_MB);
      await stillAnswering(baseURL!);
    });
  }

  // A page request's body is not ours to read: Next copies at most 1 MB of it for the proxy (proxyClientMaxBodySize)
  // and discards the rest as it arrives, so the 413 (declared length) or Next's own server-action limit (no length)
  // comes once the client has finished sending; what matters is that nothing more than 1 MB is held and the server
  // keeps answering.
  test('to a page with a server action, as a form announced by Content-Length: 413', async ({ baseURL }) => {
    for (const contentType of ['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const answer = await postHuge(baseURL!, '/customers/new', { 'Content-Type': contentType }, true);
      expect(answer.status, contentType).toBe(413);
    }
    await stillAnswering(baseURL!);
  });

  test('to a page with a server action, streamed without a length: refused, and the server keeps answering', async ({
    baseURL,
  }) => {
    for (const contentType of ['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const answer = await postHuge(
        baseURL!,
        '/customers/new',
        { 'Content-Type': contentType, 'Next-Action': 'x' },
        false,
      );
      // Signed out, the proxy sends the poster to sign in (307) without handing the body to the action.
      expect(answer.status, contentType).toBeGreaterThanOrEqual(300);
      expect(answer.status, contentType).toBeLessThan(500);
    }
    await stillAnswering(baseURL!);
  });
});

test('hostile search params on every search page show the page, never a 500', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.admin);
  const nul = encodeURIComponent('a\u0000b');
  const bell = encodeURIComponent('x\u0007');
  const long = 'x'.repeat(5000);
  const urls = [
    `/customers?q=${nul}`,
    `/customers?q=${long}&cursor=${nul}`,
    `/vehicles?q=${nul}&archived=${bell}`,
    `/users?q=${nul}&cursor=${nul}`,
    `/jobs/new?q=${nul}`,
    `/jobs/new?vehicleId=${nul}`,
    `/vehicles/new?q=${nul}&customerId=${nul}`,
    `/jobs?worker=${nul}&priority=${nul}&overdue=${nul}`,
    `/jobs?status=${nul}&cursor=${nul}`,
    `/invoices?status=${nul}&balance=${bell}&cursor=${nul}&ready=${nul}`,
    `/audit?entity=${nul}&entityId=${nul}&actorId=${nul}&cursor=${nul}`,
    `/customers?q=a&q=${nul}`,
  ];
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByRole('heading', { level: 1 }), url).toBeVisible();
    await expect(page.getByText('Something went wrong'), url).toHaveCount(0);
  }
});
