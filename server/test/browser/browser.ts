import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.js';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));

if (!chromiumPath) {
  const message =
    'BROWSER TESTS SKIPPED: no Chromium found at /usr/bin/chromium (install the Debian package `chromium`, or set CHROMIUM_PATH).';
  if (process.env.CI) throw new Error(`${message} CI must run them.`);
  console.warn(`\n${'!'.repeat(100)}\n${message}\n${'!'.repeat(100)}\n`);
}

const repo = path.resolve(import.meta.dirname, '../../..');
export const screenshotDir = path.join(repo, 'test-results', 'screenshots');

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app listening on a free port (API and web app on one origin) and a Chromium. */
export async function startBrowserHarness(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<BrowserHarness> {
  if (!existsSync(path.join(testConfig().webBuildDir, '200.html'))) {
    throw new Error(
      'The web app is not built: run `npm run build -w web` (the root `npm test` does).',
    );
  }
  const t = await createTestApp(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  // Playwright gives every launch a fresh, temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** `options`: a time zone or locale of the browser's own, for instance. */
export async function newContext(
  harness: BrowserHarness,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export interface Account {
  name: string;
  email: string;
  password: string;
  org: string;
}

let counter = 0;

/** Signs up through the sign-up page and waits for the signed-in app. */
export async function signUpInBrowser(page: Page, label: string): Promise<Account> {
  counter += 1;
  const account = {
    name: `${label} Person`,
    email: `${label.toLowerCase()}-${Date.now()}-${counter}@example.com`,
    password: 'a long enough password',
    org: `${label} Org ${counter}`,
  };
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Work email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Organization name').fill(account.org);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('navigation', { name: 'Main' }).first().waitFor();
  return account;
}

/** A new browser context signed in through the sign-in page as someone who already joined. */
export async function signInInNewContext(
  harness: BrowserHarness,
  person: { email: string; password: string },
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(harness, options);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).first().waitFor();
  return { context, page };
}

/** The API's authorization header for an account, signed in without the browser. */
export async function apiAuth(
  harness: BrowserHarness,
  account: Account,
): Promise<{ authorization: string }> {
  const login = await harness.t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password: account.password },
  });
  return { authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

// Page scripts are strings: this file is type-checked with Node's types, not the DOM's.
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  })))`;

/** Runs axe-core in the page; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(await axeSource);
  const violations = await page.evaluate<Violation[]>(RUN_AXE);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

/** Writes the page in light and in dark mode to test-results/screenshots/<name>-<mode>.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  for (const mode of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: mode });
    // The app follows the system's scheme by toggling this class (a locator, not a page
    // function: the app's CSP forbids evaluating strings).
    await page.locator('html.dark').waitFor({ state: mode === 'dark' ? 'attached' : 'detached' });
    // Colours change with a short transition: let it finish before the picture.
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${mode}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export interface SignedIn {
  harness: BrowserHarness;
  context: BrowserContext;
  page: Page;
  account: Account;
  /** The API's authorization header for `account`. */
  auth: { authorization: string };
  close(): Promise<void>;
}

/** The app, a Chromium page and a new organization signed up through the sign-up page. */
export async function startSignedIn(label: string): Promise<SignedIn> {
  const harness = await startBrowserHarness();
  const context = await newContext(harness);
  const page = await context.newPage();
  const account = await signUpInBrowser(page, label);
  return {
    harness,
    context,
    page,
    account,
    auth: await apiAuth(harness, account),
    close: () => harness.close(),
  };
}

/** Creates a record through the API, as the signed-in person, and answers it. */
export async function apiCreate<T = { id: string }>(
  signedIn: Pick<SignedIn, 'harness' | 'auth'>,
  url: string,
  payload: Record<string, unknown>,
): Promise<T> {
  const created = await signedIn.harness.t.app.inject({
    method: 'POST',
    url,
    headers: signedIn.auth,
    payload,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<T>();
}

/**
 * A record page's Notes and Tasks panels: what they list is also on the page's timeline, so a
 * test that means the panel says so.
 */
export const notesOf = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true });
export const tasksOf = (page: Page) => page.getByRole('region', { name: 'Tasks', exact: true });

/**
 * Holds the page's reads (GET) of `url` (a Playwright glob, pattern or test) until the returned
 * function is called, as a slow network answers one part of a page after the others. With
 * `readNow` the server answers at once and only its answer waits, as a reply read before later
 * changes that reaches the page after them. The returned function resolves once the page has
 * been given every answer held and has had a moment to take them. Undo with `page.unrouteAll`.
 */
export async function holdAnswers(
  page: Page,
  url: string | RegExp | ((url: URL) => boolean),
  { readNow = false } = {},
): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const answering: Promise<void>[] = [];
  await page.route(url, (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const answer = (async () => {
      const response = readNow ? await route.fetch() : null;
      await held;
      await (response ? route.fulfill({ response }) : route.continue());
    })();
    answering.push(answer);
    return answer;
  });
  return async () => {
    release();
    await Promise.all(answering);
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 100))');
  };
}
