import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
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
});
