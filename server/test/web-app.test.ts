import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from './support/test-app.js';

const webBuild = testConfig().webBuildDir;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

let t: TestApp;
beforeAll(async () => {
  if (!existsSync(path.join(webBuild, '200.html'))) {
    throw new Error(
      `The built web app is missing (${webBuild}/200.html). Build it with \`npm run build -w web\`; the root \`npm test\` does this first.`,
    );
  }
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the web app', () => {
  it.each(['/', '/sign-in', '/reset-password?token=abc', '/some/deep/page'])(
    'answers %s with the single-page app',
    async (url) => {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<!doctype html>');
      expect(response.body).toMatch(/\/_app\/immutable\/entry\/start\.[\w-]+\.js/);
    },
  );

  it('answers a missing asset with 404, not the page', async () => {
    for (const url of ['/_app/immutable/chunks/gone.js', '/favicon-that-is-not-there.png']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const response = await t.app.inject({ url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves built assets with their content type', async () => {
    const immutable = path.join(webBuild, '_app', 'immutable');
    const files = filesUnder(immutable);
    const script = files.find((file) => file.endsWith('.js'));
    const style = files.find((file) => file.endsWith('.css'));
    expect(script, 'a built script under _app/immutable').toBeDefined();
    expect(style, 'a built stylesheet under _app/immutable').toBeDefined();

    const js = await t.app.inject({ url: `/_app/immutable/${script}` });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(js.body.length).toBeGreaterThan(0);

    const css = await t.app.inject({ url: `/_app/immutable/${style}` });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('sends a fingerprinted script compressed as the browser accepts, cached for a year', async () => {
    const script = filesUnder(path.join(webBuild, '_app', 'immutable')).find((file) =>
      file.endsWith('.js'),
    )!;
    const url = `/_app/immutable/${script}`;
    const original = readFileSync(path.join(webBuild, '_app', 'immutable', script));
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const encoding of ['br', 'gzip'] as const) {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': encoding } });
      expect(response.statusCode, encoding).toBe(200);
      expect(response.headers['content-encoding'], encoding).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.rawPayload.length).toBeLessThan(original.length);
      expect(decoders[encoding](response.rawPayload).equals(original), encoding).toBe(true);
    }
    const plain = await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it.each(['/', '/leads', '/favicon.svg'])(
    'has the browser ask again for %s each time, so a deploy shows at once',
    async (url) => {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );
});
