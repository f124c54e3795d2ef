import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOrganizationExport } from '../src/modules/exports/org-export.task.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

/**
 * The tenant wall, route by route, generated from the OpenAPI document: every route that
 * takes an id in its path answers another organization's id with 404, and every reference to
 * another organization's record inside a body is refused exactly like a reference to nothing.
 * A route added later is covered automatically — and a path parameter this test cannot fill
 * fails the suite until a fixture for it is added below.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  nullable?: boolean;
}
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

type Fixtures = Record<string, string>;
interface Org {
  owner: SignedUp;
  fixtures: Fixtures;
}

const NOWHERE = '00000000-0000-4000-8000-00000000dead';
/** Ids in bodies that point at nothing of an organization's (bulk `ids` are checked by bulk.test.ts). */
const NOT_REFERENCES = new Set(['ids']);

/** Every policy on a tenant table made to let every row through. */
const PERMISSIVE_POLICIES = `
  DO $$
  DECLARE
    p record;
  BEGIN
    FOR p IN
      SELECT pol.polname, pol.polrelid::regclass AS tbl, pol.polcmd FROM pg_policy pol
      JOIN pg_attribute a ON a.attrelid = pol.polrelid AND a.attname = 'org_id'
    LOOP
      EXECUTE format('ALTER POLICY %I ON %s USING (true)', p.polname, p.tbl);
      IF p.polcmd NOT IN ('r', 'd') THEN
        EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (true)', p.polname, p.tbl);
      END IF;
    END LOOP;
  END
  $$`;

function tenantWallSuite(wallDown: boolean): void {
  let t: TestApp;
  let a: Org;
  let b: Org;
  let routes: Route[];

  async function api(
    who: { auth: { authorization: string } },
    method: string,
    url: string,
    payload?: object,
  ) {
    const response = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: who.auth,
      payload,
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.body ? response.json() : null;
  }

  /** One record of every kind in the organization, made through the API. */
  async function makeFixtures(owner: SignedUp, label: string): Promise<Fixtures> {
    const member = await joinByInvitation(t.app, owner, 'member', `${label}-member`);
    // An export of the organization while it has no records yet, written as the worker would
    // write it, and its upload as a restore (left queued): a restore needs an empty organization.
    const orgExport = await api(owner, 'POST', '/exports');
    await runOrganizationExport(
      { ...t.deps, log: pino({ level: 'silent' }) },
      { org_id: owner.orgId, export_id: orgExport.id },
    );
    const zip = await t.app.inject({
      url: `/api/v1/exports/${orgExport.id}/download`,
      headers: owner.auth,
    });
    const restore = await t.app.inject({
      method: 'POST',
      url: '/api/v1/restores?file_name=export.zip',
      headers: { ...owner.auth, 'content-type': 'application/zip' },
      payload: zip.rawPayload,
    });
    if (restore.statusCode !== 202) throw new Error(`restore: ${restore.body}`);
    const tag = await api(owner, 'POST', '/tags', { name: `${label} tag` });
    const field = await api(owner, 'POST', '/custom-fields', {
      record_type: 'lead',
      key: 'tier',
      label: `${label} tier`,
      field_type: 'select',
      options: [{ label: 'Gold' }],
    });
    const team = await api(owner, 'POST', '/teams', { name: `${label} team` });
    const invitation = await api(owner, 'POST', '/invitations', {
      email: `${label}-pending@example.com`,
      role: 'member',
    });
    const account = await api(owner, 'POST', '/accounts', { name: `${label} account` });
    const contact = await api(owner, 'POST', '/contacts', {
      last_name: `${label} contact`,
      account_id: account.id,
    });
    const lead = await api(owner, 'POST', '/leads', { last_name: `${label} lead` });
    // Two contacts of one name: a group of likely duplicates, and what a merge names.
    const [survivor, duplicate] = [
      await api(owner, 'POST', '/contacts', { last_name: `${label} duplicate` }),
      await api(owner, 'POST', '/contacts', { last_name: `${label} duplicate` }),
    ];
    const pipeline = await api(owner, 'POST', '/pipelines', { name: `${label} pipeline` });
    const deal = await api(owner, 'POST', '/deals', {
      name: `${label} deal`,
      account_id: account.id,
    });
    const task = await api(owner, 'POST', '/tasks', { title: `${label} task` });
    const note = await api(owner, 'POST', '/notes', { body: `${label} note`, lead_id: lead.id });
    // The member assigns a lead to the owner: the owner gets a notification.
    await api(member, 'POST', '/leads', {
      last_name: `${label} for owner`,
      owner_id: owner.userId,
    });
    const notifications = await api(owner, 'GET', '/notifications');
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=lead&file_name=leads.csv',
      headers: { ...owner.auth, 'content-type': 'text/csv' },
      payload: `Last name,Email\n${label} imported,${label.toLowerCase()}-imported@example.com\n`,
    });
    if (upload.statusCode !== 201) throw new Error(`upload: ${upload.body}`);
    // Checked, so that its report is there to read.
    await api(owner, 'POST', `/imports/${upload.json().id}/dry-run`, {
      mapping: [{ column: 0, field: 'last_name' }],
      duplicates: 'skip',
    });
    const file = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files?contact_id=${contact.id}&name=${label}-file.txt`,
      headers: { ...owner.auth, 'content-type': 'text/plain' },
      payload: `${label} file`,
    });
    if (file.statusCode !== 201) throw new Error(`file: ${file.body}`);
    const template = await api(owner, 'POST', '/import-templates', {
      name: `${label} mapping`,
      kind: 'lead',
      mapping: [{ header: 'Email', field: 'email' }],
    });
    // A web form whose leads go to the team, and the owner's calendar feed.
    const form = await api(owner, 'POST', '/web-forms', {
      name: `${label} form`,
      fields: [{ field: 'email', required: true }],
      team_id: team.id,
    });
    const feed = await api(owner, 'POST', '/calendar/feed');
    // A shared view of the leads with the organization's tag.
    const view = await api(owner, 'POST', '/views', {
      kind: 'lead',
      name: `${label} view`,
      filter: { tag_id: tag.id },
      shared: true,
    });
    // An email sent from the contact: queued for the organization's own mail server, which no
    // worker is there to reach.
    await api(owner, 'PATCH', '/email-settings', { smtp_host: '127.0.0.1', smtp_port: 1 });
    const emailTemplate = await api(owner, 'POST', '/email-templates', {
      name: `${label} email template`,
      subject: 'Hello {{contact.last_name}}',
      body: 'Hi',
    });
    const email = await api(owner, 'POST', '/emails', {
      contact_id: contact.id,
      to: `${label.toLowerCase()}-mail@example.com`,
      subject: emailTemplate.subject,
      body: emailTemplate.body,
      email_template_id: emailTemplate.id,
    });
    return {
      email_id: email.id,
      email_template_id: emailTemplate.id,
      view_id: view.id,
      form_id: form.id,
      calendar_feed_id: feed.id,
      user_id: member.userId,
      owner_id: member.userId,
      assignee_id: member.userId,
      tag_id: tag.id,
      field_id: field.id,
      team_id: team.id,
      invitation_id: invitation.id,
      account_id: account.id,
      contact_id: contact.id,
      primary_contact_id: contact.id,
      survivor_id: survivor.id,
      merged_id: duplicate.id,
      lead_id: lead.id,
      pipeline_id: pipeline.id,
      stage_id: pipeline.stages[0].id,
      deal_id: deal.id,
      before_deal_id: deal.id,
      after_deal_id: deal.id,
      task_id: task.id,
      note_id: note.id,
      file_id: file.json().id,
      notification_id: notifications.data[0].id,
      export_id: orgExport.id,
      restore_id: restore.json().id,
      record_id: lead.id,
      import_id: upload.json().id,
      template_id: template.id,
      org_id: owner.orgId,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    // With the wall down, every policy lets every row through: what isolates the organizations
    // is then each statement's own `org_id` condition, the second layer beneath the wall.
    if (wallDown) await t.ownerQuery(PERMISSIVE_POLICIES);
    const ownerA = await signUp(t.app, 'wall-a');
    const ownerB = await signUp(t.app, 'wall-b');
    a = { owner: ownerA, fixtures: await makeFixtures(ownerA, 'A') };
    b = { owner: ownerB, fixtures: await makeFixtures(ownerB, 'B') };
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.slice('/api/v1'.length),
          op,
        })),
      );
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** A value the schema accepts, taking ids from the organization's fixtures. */
  function sample(name: string, schema: Schema, fixtures: Fixtures): unknown {
    const variants = schema.anyOf?.filter((s) => s.type !== 'null');
    if (variants?.length) return sample(name, variants[0]!, fixtures);
    if (schema.format === 'uuid')
      return fixtures[name] ?? fixtures[name.replace(/_ids$/, '_id')] ?? NOWHERE;
    if (schema.type === 'array') {
      const single = name.replace(/_ids$/, '_id');
      return fixtures[single]
        ? [fixtures[single]]
        : schema.minItems
          ? [sample(single, schema.items ?? {}, fixtures)]
          : [];
    }
    if (schema.example !== undefined) return schema.example;
    if (schema.default !== undefined) return schema.default;
    if (schema.enum) return schema.enum[0];
    if (schema.type === 'object') return bodyFor(schema, fixtures, false);
    if (schema.type === 'boolean') return true;
    if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
    if (schema.format === 'date-time') return '2026-12-01T09:00:00.000Z';
    if (schema.format === 'date') return '2026-12-01';
    if (schema.format === 'email') return 'someone@example.com';
    return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }

  function bodyFor(
    schema: Schema,
    fixtures: Fixtures,
    includeOptional = true,
  ): Record<string, unknown> {
    const props = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const chosen = Object.keys(props).filter((key) => required.has(key));
    // An update needs at least one field: take the first optional one.
    if (chosen.length === 0 && includeOptional) chosen.push(...Object.keys(props).slice(0, 1));
    return Object.fromEntries(chosen.map((key) => [key, sample(key, props[key]!, fixtures)]));
  }

  function urlFor(route: Route, fixtures: Fixtures): string {
    return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const id = fixtures[name];
      if (!id)
        throw new Error(
          `No fixture for the path parameter "${name}" of ${route.method} ${route.path}: add one to makeFixtures()`,
        );
      return id;
    });
  }

  function bodySchema(route: Route): Schema | undefined {
    return route.op.requestBody?.content['application/json']?.schema;
  }

  function send(org: Org, route: Route, url: string, payload?: object) {
    const body =
      payload ?? (bodySchema(route) ? bodyFor(bodySchema(route)!, org.fixtures) : undefined);
    return t.app.inject({
      method: route.method as 'GET',
      url: `/api/v1${url}`,
      headers: org.owner.auth,
      payload: body,
    });
  }

  describe(`the tenant wall on every route, policies ${wallDown ? 'permissive' : 'in force'}`, () => {
    it('covers the signed-in API', () => {
      const withIds = routes.filter((r) => r.path.includes('{'));
      expect(withIds.length).toBeGreaterThan(20);
    });

    it('gives an organization its own records on every read route with an id', async () => {
      for (const route of routes.filter((r) => r.method === 'GET' && r.path.includes('{'))) {
        const response = await send(a, route, urlFor(route, a.fixtures));
        expect(response.statusCode, `${route.method} ${route.path}: ${response.body}`).toBe(200);
      }
    });

    it("answers another organization's ids with 404 on every route", async () => {
      for (const route of routes.filter((r) => r.path.includes('{'))) {
        // B's own valid body, A's ids in the path.
        const body = bodySchema(route) ? bodyFor(bodySchema(route)!, b.fixtures) : undefined;
        const response = await send(b, route, urlFor(route, a.fixtures), body);
        expect(
          response.statusCode,
          `${route.method} ${route.path} as B with A's ids: ${response.body}`,
        ).toBe(404);
      }
    });

    it("refuses another organization's records inside a body exactly like records that do not exist", async () => {
      let checked = 0;
      for (const route of routes.filter((r) => bodySchema(r)?.properties && r.method !== 'GET')) {
        const schema = bodySchema(route)!;
        for (const [name, prop] of Object.entries(schema.properties!)) {
          const single = name.replace(/_ids$/, '_id');
          const isReference =
            prop.format === 'uuid' ||
            prop.items?.format === 'uuid' ||
            prop.anyOf?.some((s) => s.format === 'uuid');
          if (!isReference || !a.fixtures[single]) continue;
          const url = route.path.includes('{') ? urlFor(route, b.fixtures) : route.path;
          const base = bodyFor(schema, b.fixtures);
          const as = (id: string) => ({ ...base, [name]: name.endsWith('_ids') ? [id] : id });
          const foreign = await send(b, route, url, as(a.fixtures[single]!));
          const missing = await send(b, route, url, as(NOWHERE));
          const label = `${route.method} ${route.path} ${name}`;
          expect(foreign.statusCode, `${label}: ${foreign.body}`).toBeGreaterThanOrEqual(400);
          expect(foreign.statusCode, `${label}: ${foreign.body}`).toBeLessThan(500);
          expect(foreign.json(), label).toEqual(missing.json());
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });

    it('knows every id a body can carry, so a new reference cannot go unchecked', () => {
      const unknown = routes.flatMap((route) =>
        Object.entries(bodySchema(route)?.properties ?? {})
          .filter(
            ([, prop]) =>
              prop.format === 'uuid' ||
              prop.items?.format === 'uuid' ||
              prop.anyOf?.some((s) => s.format === 'uuid'),
          )
          .map(([name]) => name.replace(/_ids$/, '_id'))
          .filter((name) => !a.fixtures[name] && !NOT_REFERENCES.has(name))
          .map((name) => `${route.method} ${route.path} ${name}`),
      );
      expect(unknown).toEqual([]);
    });

    it("shows none of A's records on any of B's lists", async () => {
      const aIds = Object.entries(a.fixtures)
        .filter(([name]) => !['org_id'].includes(name))
        .map(([, id]) => id);
      let read = 0;
      for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes('{'))) {
        const response = await send(b, route, route.path);
        if (response.statusCode !== 200) continue;
        read += 1;
        const leaked = aIds.filter((id) => response.body.includes(id));
        expect(leaked, `GET ${route.path} as B: ${response.body.slice(0, 300)}`).toEqual([]);
        // A name as a JSON string or as a cell of a CSV export.
        expect(response.body, `GET ${route.path} as B`).not.toMatch(
          /(^|[",])A (lead|account|contact|deal|task|note|tag|team|pipeline)([",]|$)/m,
        );
      }
      expect(read).toBeGreaterThan(15);
    });

    it("leaves A's records as they were", async () => {
      const lead = await api(a.owner, 'GET', `/leads/${a.fixtures.lead_id}`);
      expect(lead.last_name).toBe('A lead');
      const tags = await api(a.owner, 'GET', '/tags');
      expect(tags.data.map((tag: { name: string }) => tag.name)).toContain('A tag');
    });
  });
}

tenantWallSuite(false);
tenantWallSuite(true);
