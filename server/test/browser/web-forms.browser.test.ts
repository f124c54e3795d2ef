import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  expectAccessible,
  screenshots,
  startSignedIn,
  type SignedIn,
} from './browser.js';

/**
 * A site of the organization's own, on another origin (another port), that embeds the form's
 * snippet in a plain HTML page: no script of Rampart's runs there.
 */
function serveSite(body: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><title>Acme</title></head><body><h1>Talk to Acme</h1>${body}</body></html>`,
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

describe.skipIf(!chromiumPath)('web-to-lead forms in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;
  let snippet = '';
  let site: { server: Server; url: string } | undefined;
  let helpdesk = '';

  beforeAll(async () => {
    s = await startSignedIn('Forms');
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: s.harness.baseUrl,
    });
    const defined = await s.harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: s.auth,
      payload: {
        record_type: 'lead',
        key: 'product_interest',
        label: 'Product interest',
        field_type: 'select',
        options: [{ label: 'CRM' }, { label: 'Helpdesk' }],
      },
    });
    expect(defined.statusCode, defined.body).toBe(201);
    helpdesk = defined.json<{ options: Array<{ id: string }> }>().options[1]!.id;
  }, 120_000);
  afterAll(async () => {
    site?.server.close();
    await s?.close();
  });

  it('builds a form in settings and copies its embed snippet', async () => {
    const { page } = s;
    // On a slow network the custom fields come after the builder is open: hold them until then.
    let answerFields = () => {};
    const fieldsHeld = new Promise<void>((resolve) => (answerFields = resolve));
    await page.route('**/api/v1/custom-fields**', async (route) => {
      await fieldsHeld;
      await route.continue();
    });
    await page.goto('/settings/forms');
    await page.getByRole('heading', { name: 'Web forms' }).waitFor();
    await page.getByRole('button', { name: 'New form' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New form' });
    await dialog.getByLabel('Form name').fill('Website contact');
    answerFields();
    await dialog.getByRole('checkbox', { name: 'Phone', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Message', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Required Phone' }).check();
    // A custom field of leads, asked right after the email.
    await dialog.getByRole('checkbox', { name: 'Product interest', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Required Product interest' }).check();
    for (let i = 0; i < 5; i++) {
      await dialog.getByRole('button', { name: 'Move Product interest up' }).click();
    }
    await expectAccessible(page, 'the form builder');
    await screenshots(page, 'settings-web-form-builder');
    await dialog.getByLabel('Leads go to').selectOption({ label: s.account.name });
    await dialog.getByLabel('Thank-you message').fill('Thank you, Acme will call you today.');
    await dialog.getByRole('button', { name: 'Create form' }).click();
    await page.getByText('Form “Website contact” created').waitFor();

    const form = page.getByRole('listitem', { name: 'Website contact' });
    await form.getByText('0 submissions').waitFor();
    await form.getByRole('button', { name: 'Copy snippet of Website contact' }).click();
    await page.getByText('Snippet copied').waitFor();
    snippet = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(snippet).toBe(await form.getByLabel('Embed snippet').inputValue());
    expect(snippet).toMatch(
      /^<form method="post" action="http:\/\/rampart\.test\/api\/public\/forms\//,
    );
    expect(snippet).toContain('name="phone"');
    const at = ['name="email"', 'name="cf.product_interest"', 'name="phone"'].map((name) =>
      snippet.indexOf(name),
    );
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(at[1]).toBeGreaterThan(0);
    await expectAccessible(page, 'the web forms settings');
    await screenshots(page, 'settings-web-forms');
  });

  it('takes a submission from a plain page on another origin, and the lead appears for its owner', async () => {
    site = await serveSite(snippet);
    const visitor = await s.harness.browser.newContext();
    try {
      // The snippet names the server by its public address; here that address is this test's
      // server, whatever port it listens on.
      await visitor.route('http://rampart.test/**', (route) =>
        route.continue({
          url: route.request().url().replace('http://rampart.test', s.harness.baseUrl),
        }),
      );
      const page = await visitor.newPage();
      await page.goto(site.url);
      await page.getByRole('heading', { name: 'Talk to Acme' }).waitFor();
      expect(new URL(page.url()).origin).not.toBe(s.harness.baseUrl);
      await page.getByLabel('First name').fill('Grace');
      await page.getByLabel('Last name *').fill('Hopperform');
      await page.getByLabel('Email *').fill('grace@navy.example');
      await page.getByLabel('Phone *').fill('+1 555 0100');
      await page.getByLabel('Product interest *').selectOption({ label: 'Helpdesk' });
      await page.getByLabel('Message').fill('We need a CRM for 40 people.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Thank you, Acme will call you today.').waitFor();

      // A script of the same site may post JSON instead: the answer is readable across origins.
      await page.goto(site.url);
      const action = /action="([^"]+)"/.exec(snippet)![1]!;
      const answer = await page.evaluate<{ status: number; body: unknown }>(
        `fetch(${JSON.stringify(action)}, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            last_name: 'Scriptform',
            email: 'script@navy.example',
            phone: '2',
            'cf.product_interest': ${JSON.stringify(helpdesk)},
          }),
        }).then(async (r) => ({ status: r.status, body: await r.json() }))`,
      );
      expect(answer).toEqual({
        status: 200,
        body: { message: 'Thank you, Acme will call you today.', redirect_url: null },
      });
    } finally {
      await visitor.close();
    }

    const { page } = s;
    await page.goto('/leads');
    await page.getByText('Hopperform').first().waitFor();
    await page.getByText('Hopperform').first().click();
    await page.getByText('grace@navy.example').first().waitFor();
    await page.getByRole('definition').filter({ hasText: 'Helpdesk' }).waitFor();
    // Owned by the admin who chose themselves for the form's leads, who was told of it.
    const [lead] = (
      await s.harness.t.app.inject({ url: '/api/v1/leads?q=Hopperform', headers: s.auth })
    ).json<{ data: Array<Record<string, unknown>> }>().data;
    expect(lead).toMatchObject({
      description: 'We need a CRM for 40 people.',
      phone: '+1 555 0100',
      source: 'web',
      custom_fields: { product_interest: helpdesk },
    });
    const me = (await s.harness.t.app.inject({ url: '/api/v1/me', headers: s.auth })).json();
    expect(lead!['owner_id']).toBe(me.user.id);
    const inbox = (
      await s.harness.t.app.inject({ url: '/api/v1/notifications', headers: s.auth })
    ).json<{ data: Array<{ title: string }> }>().data;
    expect(inbox.map((n) => n.title)).toContain('Lead "Grace Hopperform" was assigned to you');

    await page.goto('/settings/forms');
    await page
      .getByRole('listitem', { name: 'Website contact' })
      .getByText(/\b2\s+submissions,/)
      .waitFor();
  });

  it('makes a new address: the old snippet stops working', async () => {
    const { page } = s;
    const form = page.getByRole('listitem', { name: 'Website contact' });
    await form.getByRole('button', { name: 'New address for Website contact' }).click();
    await page.getByText(/New address made/).waitFor();
    await expect.poll(() => form.getByLabel('Embed snippet').inputValue()).not.toBe(snippet);
    const action = /action="([^"]+)"/.exec(snippet)![1]!;
    const old = await s.harness.t.app.inject({
      method: 'POST',
      url: new URL(action).pathname,
      payload: { last_name: 'Late', email: 'late@example.com', phone: '1' },
    });
    expect(old.statusCode).toBe(404);
  });
});
