import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../tools/harness/server';

// Raw HTTP so tests can send the Host and Origin headers a browser would never let a page forge.
function request(
  harness: Harness,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { port } = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser harness', () => {
  let harness: Harness;
  beforeAll(async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ntk-harness-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    harness = await startHarness({ rendererDir });
  });
  afterAll(() => harness.close());

  const apiCall = (headers: Record<string, string>, input: unknown = { minutes: 9 }) =>
    request(harness, {
      path: '/__api/settings%3AsetAutoLockMinutes',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ input }),
    });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(harness.origin).hostname).toBe('127.0.0.1');
  });

  it('answers a same-origin call with the token through the real contract validation', async () => {
    const good = await apiCall({ origin: harness.origin, 'x-harness-token': harness.token });
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: { autoLockMinutes: 9 } });
    const invalid = await apiCall({ origin: harness.origin, 'x-harness-token': harness.token }, { minutes: -1 });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a call without the token, with a wrong token, or from another origin', async () => {
    expect((await apiCall({ origin: harness.origin })).status).toBe(403);
    expect((await apiCall({ origin: harness.origin, 'x-harness-token': 'guess' })).status).toBe(403);
    expect((await apiCall({ origin: 'http://evil.example', 'x-harness-token': harness.token })).status).toBe(403);
    expect((await apiCall({ 'x-harness-token': harness.token })).status).toBe(403); // no Origin at all
    // None of the refused calls changed anything.
    const status = await harness.core.dispatch('settings:get', undefined);
    expect(status).toEqual({ ok: true, value: { autoLockMinutes: 9 } });
  });

  it('refuses a request for another Host (DNS rebinding)', async () => {
    const res = await request(harness, {
      path: `/?token=${harness.token}`,
      headers: { host: `evil.example:${new URL(harness.origin).port}` },
    });
    expect(res.status).toBe(421);
  });

  it('serves the page only with the token, and sets it as a strict cookie', async () => {
    expect((await request(harness, { path: '/' })).status).toBe(403);
    const page = await request(harness, { path: `/?token=${harness.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('/__harness/client.js');
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect((await request(harness, { path: '/__events' })).status).toBe(403);
  });
});
