import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

/**
 * Bad input on every route of the API, generated from the OpenAPI document so that routes
 * added later are covered too: always a 4xx JSON error naming what is wrong, never a 500.
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  minLength?: number;
  pattern?: string;
  items?: JsonSchema;
  minItems?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, unknown>;
  security?: unknown[];
}

let t: TestApp;
let owner: SignedUp;
let operations: Array<{ method: string; path: string; op: Operation }>;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, 'fuzz');
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        op,
      })),
    );
});
afterAll(async () => {
  await t.close();
});

const VALID_UUID = '00000000-0000-4000-8000-000000000000';

function fillPath(path: string, op: Operation, override?: [string, string]): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override && override[0] === name) return encodeURIComponent(override[1]);
    const param = op.parameters?.find((p) => p.name === name);
    return param?.schema.format === 'uuid' ? VALID_UUID : 'x';
  });
}

/** A value the schema accepts, so that a test can make exactly one field wrong. */
function validValueFor(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.anyOf?.find((s) => s.type !== 'null');
  if (variant) return validValueFor(variant);
  const type = ([] as string[]).concat(schema.type ?? 'string')[0];
  if (type === 'object') return validBody(schema);
  if (type === 'array') return schema.minItems ? [validValueFor(schema.items ?? {})] : [];
  if (type === 'boolean') return true;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  const byFormat: Record<string, string> = {
    uuid: VALID_UUID,
    'date-time': '2026-01-01T09:00:00Z',
    date: '2026-01-01',
    email: 'valid@example.com',
  };
  return byFormat[schema.format ?? ''] ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** A body with every required field given a valid value. */
function validBody(schema: JsonSchema): Record<string, unknown> {
  return Object.fromEntries(
    (schema.required ?? []).map((name) => [name, validValueFor(schema.properties?.[name] ?? {})]),
  );
}

/** Every property of a body schema, nested objects included, with its path. */
function propertiesOf(schema: JsonSchema, prefix: string[] = []): Array<[string[], JsonSchema]> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const object = [property, ...(property.anyOf ?? [])].find((s) => s.properties);
    return object ? [[path, property], ...propertiesOf(object, path)] : [[path, property]];
  });
}

/** `body` with one field, perhaps nested, set to `value`; its parents filled in validly. */
function withField(schema: JsonSchema, path: string[], value: unknown): Record<string, unknown> {
  const body = validBody(schema);
  let target = body;
  let targetSchema = schema;
  for (const name of path.slice(0, -1)) {
    targetSchema = [targetSchema.properties?.[name] ?? {}]
      .flatMap((s) => [s, ...(s.anyOf ?? [])])
      .find((s) => s.properties)!;
    target[name] = { ...validBody(targetSchema), ...(target[name] as object) };
    target = target[name] as Record<string, unknown>;
  }
  target[path.at(-1)!] = value;
  return body;
}

/** Required query parameters with valid values, so that the one under test is what fails. */
function requiredQuery(op: Operation): URLSearchParams {
  return new URLSearchParams(
    (op.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p): [string, string] => [p.name, String(validValueFor(p.schema))]),
  );
}

/** A value's JSON schema type; a field that takes several types (a custom field's value) takes each. */
const jsonType = (value: unknown): string =>
  Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value;

const typesOf = (schema: JsonSchema): string[] =>
  ([] as string[]).concat(schema.type ?? schema.anyOf?.flatMap((s) => s.type ?? []) ?? []);

function wrongValueFor(schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.includes('object') || types.includes('array')) return 'not-an-object';
  return { not: 'a scalar' };
}

/** A new lead of `who`'s organization: its id. */
async function leadOf(who: SignedUp): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/leads',
    headers: who.auth,
    payload: { last_name: 'Lovelace' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

function expectClientError(
  response: { statusCode: number; body: string },
  label: string,
): {
  error: {
    code: string;
    message: string;
    details?: { fields?: Array<{ field: string }> };
  };
} {
  expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(500);
  const body = JSON.parse(response.body);
  expect(body.error, label).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
    }),
  );
  expect(response.body, label).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return body;
}

/** Sends `op` a body valid but for `field`; the answer must be a 422 naming that field. */
async function expectFieldRefused(
  { method, path, op }: { method: string; path: string; op: Operation },
  field: string[],
  value: unknown,
): Promise<{ field: string; message: string } | undefined> {
  const response = await t.app.inject({
    method: method as 'POST',
    url: fillPath(path, op),
    headers: owner.auth,
    payload: withField(op.requestBody!.content['application/json']!.schema, field, value),
  });
  const label = `${method} ${path} ${field.join('.')}=${JSON.stringify(value)}`;
  const body = expectClientError(response, label);
  expect(response.statusCode, label).toBe(422);
  const problem = body.error.details?.fields?.[0] as { field: string; message: string } | undefined;
  expect(problem?.field, label).toBe(field.join('.'));
  return problem;
}

describe('bad input on every route', () => {
  it('refuses text PostgreSQL cannot store naming the field: 422 in a body, 400 in a query, as documented', async () => {
    const inBody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: owner.auth,
      payload: { last_name: 'Lovelace', address: { city: 'a\u0000b' } },
    });
    expect(inBody.statusCode).toBe(422);
    expect(inBody.json().error.details.fields[0].field).toBe('address.city');
    const inQuery = await t.app.inject({
      url: '/api/v1/leads?q=a%00b',
      headers: owner.auth,
    });
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().error.details.fields[0].field).toBe('q');
    const documented = (await t.app.inject({ url: '/api/openapi.json' })).json().paths[
      '/api/v1/leads'
    ];
    expect(Object.keys(documented.post.responses)).toContain('422');
    expect(Object.keys(documented.get.responses)).toContain('400');
  });

  it('refuses a lone UTF-16 surrogate in any string of any body with 400 naming the field, storing nothing', async () => {
    // `\ud800` alone is no character: stored, it became U+FFFD in text and a nameless 400 in jsonb.
    const lone = 'a\ud800b';
    let checked = 0;
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      for (const [field, property] of propertiesOf(schema)) {
        if (!typesOf(property).includes('string')) continue;
        const response = await t.app.inject({
          method: method as 'POST',
          url: fillPath(path, op),
          headers: owner.auth,
          payload: withField(schema, field, lone),
        });
        const label = `${method} ${path} ${field.join('.')}`;
        const body = expectClientError(response, label);
        expect(response.statusCode, label).toBe(400);
        expect(body.error.details?.fields?.[0]?.field, label).toBe(field.join('.'));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);

    const org = await signUp(t.app, 'surrogates');
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: org.auth,
      payload: { record_type: 'lead', key: 'nickname', label: 'Nickname', field_type: 'text' },
    });
    expect(field.statusCode, field.body).toBe(201);
    const refused: Array<[object, string]> = [
      [{ last_name: 'Lovelace', first_name: 'Ad\ud800a' }, 'first_name'],
      [
        { last_name: 'Lovelace', custom_fields: { nickname: '\udc00Ada' } },
        'custom_fields.nickname',
      ],
      // Inside a jsonb document, and in a key as well as a value.
      [{ last_name: 'Lovelace', address: { city: 'Lon\udbffdon' } }, 'address.city'],
      [
        { last_name: 'Lovelace', custom_fields: { 'nick\ud800': 'Ada' } },
        'custom_fields.nick\ud800',
      ],
    ];
    for (const [payload, named] of refused) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/leads',
        headers: org.auth,
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.details.fields[0]).toEqual({
        field: named,
        message: expect.stringContaining('surrogate'),
      });
    }
    // A whole pair is a character like any other, and kept as sent.
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: org.auth,
      payload: { last_name: 'Lovelace 🙂', custom_fields: { nickname: '\ud83d\ude42' } },
    });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({
      last_name: 'Lovelace 🙂',
      custom_fields: { nickname: '🙂' },
    });
    const leads = await t.app.inject({ url: '/api/v1/leads', headers: org.auth });
    expect(leads.json().data).toHaveLength(1);
  });

  it('answers a body that is not JSON the API reads with a 400 every such operation documents', async () => {
    const withBody = operations.filter(({ op }) => op.requestBody?.content['application/json']);
    expect(withBody.length).toBeGreaterThan(20);
    for (const { method, path, op } of withBody) {
      for (const payload of ['{"last_name": ', '{"ids": [{"__proto__": ""}]}']) {
        const response = await t.app.inject({
          method: method as 'POST',
          url: fillPath(path, op),
          headers: { ...owner.auth, 'content-type': 'application/json' },
          payload,
        });
        const label = `${method} ${path} ${payload}`;
        expectClientError(response, label);
        expect(response.statusCode, label).toBe(400);
        expect(Object.keys(op.responses ?? {}), label).toContain('400');
      }
    }
  });

  it('says that a key named __proto__ or constructor.prototype is refused, naming the body', async () => {
    const refused = {
      code: 'validation_failed',
      message: 'body: must not hold a key named __proto__, nor constructor.prototype',
      details: {
        fields: [
          {
            field: 'body',
            message: 'must not hold a key named __proto__, nor constructor.prototype',
          },
        ],
      },
    };
    for (const payload of [
      '{"last_name": "Lovelace", "__proto__": {"owner_id": null}}',
      '{"last_name": "Lovelace", "custom_fields": {"x": [{"__proto__": ""}]}}',
      '{"last_name": "Lovelace", "constructor": {"prototype": {"admin": true}}}',
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/leads',
        headers: { ...owner.auth, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error, payload).toEqual(refused);
    }
    // Text that is not JSON at all is still said to be that; a key merely holding the word is
    // any other key.
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: { ...owner.auth, 'content-type': 'application/json' },
      payload: '{"last_name": "__proto__", ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/not valid JSON/);
    const named = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: { ...owner.auth, 'content-type': 'application/json' },
      payload: '{"last_name": "__proto__", "custom_fields": {}}',
    });
    expect(named.statusCode, named.body).toBe(201);
  });

  it('takes an empty body labelled JSON as no body: nothing to refuse where none is read', async () => {
    const json = { ...owner.auth, 'content-type': 'application/json' };
    // Uploads read a body of their own type, and refuse JSON with 415 (or 400 when empty).
    const withoutBody = operations.filter(
      ({ method, op }) =>
        method !== 'GET' && !op.requestBody && op.security?.length && !op.responses?.['415'],
    );
    expect(withoutBody.length).toBeGreaterThan(10);
    for (const { method, path, op } of withoutBody) {
      const response = await t.app.inject({
        method: method as 'POST',
        url: fillPath(path, op),
        headers: json,
      });
      const label = `${method} ${path}`;
      const code = response.body ? JSON.parse(response.body).error?.code : undefined;
      expect(code, `${label}: ${response.body}`).not.toBe('bad_request');
    }
    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: owner.auth,
      payload: { last_name: 'Deleted by a client that labels every request JSON' },
    });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/leads/${lead.json().id}`,
      headers: json,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    // Where a body is read, an empty one is a missing body, named as such.
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/leads', headers: json });
    expect(empty.statusCode, empty.body).toBe(422);
    expect(expectClientError(empty, 'POST /leads').error.details?.fields?.[0]?.field).toBe('body');
  });

  it('answers a path parameter longer than any id, or a URL it cannot decode, in the one error shape', async () => {
    const jsonLike = encodeURIComponent(
      JSON.stringify({ '': { ' ': false }, list: [1e-229, null, true, 'Uk!pZ-|l0c'] }).repeat(3),
    );
    for (const url of [
      `/api/v1/leads/${'x'.repeat(500)}`,
      `/api/v1/pipelines/${'x'.repeat(20_000)}`,
      `/api/v1/leads/${jsonLike}`,
      '/api/v1/leads/%E0%A4%A',
    ]) {
      const response = await t.app.inject({ url, headers: owner.auth });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toEqual({
        error: { code: 'bad_request', message: expect.any(String) },
      });
    }
  });

  it('reads an id written in capitals as the same id, in paths, queries and bodies', async () => {
    // A UUID is the same whatever the case of its hex digits: one in capitals names the record.
    const org = await signUp(t.app, 'capital-ids');
    const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: org.auth, ...(payload && { payload }) });
    const create = async (url: string, payload: object) => {
      const response = await send('POST', url, payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const [survivor, merged, other] = [
      await create('/api/v1/leads', { last_name: 'Lovelace' }),
      await create('/api/v1/leads', { last_name: 'Lovelace', first_name: 'Ada' }),
      await create('/api/v1/leads', { last_name: 'Byron' }),
    ];
    const tagId = await create('/api/v1/tags', { name: 'Hot' });

    const read = await send('GET', `/api/v1/leads/${other.toUpperCase()}`);
    expect(read.statusCode, read.body).toBe(200);
    const tagged = await send('PATCH', `/api/v1/leads/${other}`, {
      tag_ids: [tagId.toUpperCase()],
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json().tags).toEqual([expect.objectContaining({ id: tagId })]);
    const bulk = await send('POST', '/api/v1/leads/bulk', {
      ids: [survivor.toUpperCase()],
      action: 'add_tag',
      tag_id: tagId.toUpperCase(),
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toEqual({ updated: 1 });
    const merge = await send('POST', '/api/v1/leads/merge', {
      survivor_id: survivor.toUpperCase(),
      merged_ids: [merged.toUpperCase()],
      values: { first_name: merged.toUpperCase() },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toEqual({ survivor_id: survivor, merged_ids: [merged] });
    const kept = await send('GET', `/api/v1/leads/${survivor}`);
    expect(kept.json()).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });

    // The same id twice, once in capitals, is a list with a duplicate, and the record itself
    // is no record to merge into itself.
    for (const [url, payload, field] of [
      [`/api/v1/leads/${other}`, { tag_ids: [tagId, tagId.toUpperCase()] }, 'tag_ids'],
      [
        '/api/v1/leads/bulk',
        { ids: [other, other.toUpperCase()], action: 'add_tag', tag_id: tagId },
        'ids',
      ],
      [
        '/api/v1/leads/merge',
        { survivor_id: survivor, merged_ids: [other, other.toUpperCase()] },
        'merged_ids',
      ],
      [
        '/api/v1/leads/merge',
        { survivor_id: survivor, merged_ids: [survivor.toUpperCase()] },
        'merged_ids',
      ],
    ] as const) {
      const response = await send(url.endsWith(other) ? 'PATCH' : 'POST', url, payload);
      const body = expectClientError(response, `${url} ${JSON.stringify(payload)}`);
      expect(body.error.details?.fields?.[0]?.field, response.body).toBe(field);
    }
    const untouched = await send('GET', `/api/v1/leads/${other}`);
    expect(untouched.statusCode).toBe(200);
  });

  it('refuses an import upload sent as JSON or a form with 415, keeping nothing', async () => {
    const org = await signUp(t.app, 'import-types');
    for (const [type, payload] of [
      ['application/json', '{"last_name": "Lovelace"}'],
      ['application/json', '[]'],
      ['application/x-www-form-urlencoded', 'last_name=Lovelace'],
      ['text/plain', 'last_name\nLovelace\n'],
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports?kind=lead&file_name=leads.csv',
        headers: { ...org.auth, 'content-type': type! },
        payload,
      });
      const body = expectClientError(response, `${type} ${payload}`);
      expect(response.statusCode, response.body).toBe(415);
      expect(body.error.message).toContain('text/csv');
    }
    const kept = await t.app.inject({ url: '/api/v1/imports', headers: org.auth });
    expect(kept.json().data).toEqual([]);
  });

  it('refuses a log cursor at a moment PostgreSQL does not store, naming the cursor', async () => {
    // Year 0 and February 30 are dates to a hand-made cursor, and none to PostgreSQL.
    const org = await signUp(t.app, 'log-cursors');
    const id = await leadOf(org);
    const position = (at: string, key: unknown) =>
      Buffer.from(JSON.stringify([at, key])).toString('base64url');
    for (const at of ['0000-01-01T00:00:00.000000Z', '2026-02-30T00:00:00.000000Z']) {
      for (const url of [
        `/api/v1/audit-log?cursor=${position(at, 5)}`,
        `/api/v1/outbox?cursor=${position(at, VALID_UUID)}`,
        `/api/v1/leads/${id}/timeline?cursor=${position(at, `note:${VALID_UUID}`)}`,
      ]) {
        const response = await t.app.inject({ url, headers: org.auth });
        const body = expectClientError(response, `${url} ${at}`);
        expect(response.statusCode, `${url} ${at}`).toBe(400);
        expect(body.error.details?.fields?.[0]?.field, `${url} ${at}: ${response.body}`).toBe(
          'cursor',
        );
      }
    }
  });

  it('refuses a compressed body with 415 rather than reading or keeping its compressed bytes', async () => {
    const org = await signUp(t.app, 'compressed');
    const leadId = await leadOf(org);
    const file = gzipSync('The minutes of the meeting');
    for (const [url, type, payload] of [
      ['/api/v1/leads', 'application/json', gzipSync('{"last_name": "Byron"}')],
      [`/api/v1/files?lead_id=${leadId}&name=minutes.txt`, 'text/plain', file],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...org.auth, 'content-type': type, 'content-encoding': 'gzip' },
        payload,
      });
      const body = expectClientError(response, url);
      expect(response.statusCode, response.body).toBe(415);
      expect(body.error.message).toContain('Content-Encoding');
    }
    const files = await t.app.inject({
      url: `/api/v1/files?lead_id=${leadId}`,
      headers: org.auth,
    });
    expect(files.json().data).toEqual([]);
    // `identity` is no compression at all.
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: { ...org.auth, 'content-encoding': 'identity' },
      payload: { last_name: 'Byron' },
    });
    expect(plain.statusCode, plain.body).toBe(201);
  });

  it('covers the whole API', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it('answers malformed path parameters with 400 naming the parameter', async () => {
    const withParams = operations.filter(({ op }) =>
      op.parameters?.some((p) => p.in === 'path' && p.schema.format === 'uuid'),
    );
    for (const { method, path, op } of withParams) {
      for (const param of op.parameters!.filter(
        (p) => p.in === 'path' && p.schema.format === 'uuid',
      )) {
        const response = await t.app.inject({
          method: method as 'GET',
          url: fillPath(path, op, [param.name, 'not-a-uuid']),
          headers: owner.auth,
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const label = `${method} ${path} ${param.name}`;
        const body = expectClientError(response, label);
        if (response.statusCode === 400)
          expect(JSON.stringify(body.error.details), label).toContain(param.name);
      }
    }
  });

  it('answers malformed query parameters with 400 naming the parameter', async () => {
    for (const { method, path, op } of operations) {
      for (const param of op.parameters?.filter((p) => p.in === 'query') ?? []) {
        const typed =
          param.schema.type === 'integer' || param.schema.type === 'number' || param.schema.format;
        if (!typed) continue;
        const others = requiredQuery(op);
        others.delete(param.name);
        const response = await t.app.inject({
          method: method as 'GET',
          url: `${fillPath(path, op)}?${others.toString() ? `${others.toString()}&` : ''}${param.name}=%00zz%ff`,
          headers: owner.auth,
        });
        const label = `${method} ${path}?${param.name}`;
        const body = expectClientError(response, label);
        expect(response.statusCode, label).toBe(400);
        expect(body.error.details?.fields?.[0]?.field, label).toBe(param.name);
      }
    }
  });

  it('answers wrong bodies with a 4xx naming the field', async () => {
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema?.properties) continue;
      const url = fillPath(path, op);
      const label = `${method} ${path}`;
      for (const [name, property] of Object.entries(schema.properties)) {
        const response = await t.app.inject({
          method: method as 'POST',
          url,
          headers: owner.auth,
          payload: { [name]: wrongValueFor(property) },
        });
        const body = expectClientError(response, `${label} ${name}`);
        if (response.statusCode === 422) {
          const field = body.error.details?.fields?.[0]?.field ?? '';
          expect(Object.keys(schema.properties), `${label} ${name}: ${field}`).toContain(
            field.split('.')[0],
          );
        }
      }
      if (schema.required?.length) {
        const empty = await t.app.inject({
          method: method as 'POST',
          url,
          headers: owner.auth,
          payload: {},
        });
        const body = expectClientError(empty, `${label} {}`);
        expect(empty.statusCode, label).toBe(422);
        expect(schema.required, label).toContain(body.error.details?.fields?.[0]?.field);
      }
      const unknown = await t.app.inject({
        method: method as 'POST',
        url,
        headers: owner.auth,
        payload: { org_id: VALID_UUID, surprise: 1 },
      });
      expectClientError(unknown, `${label} unknown fields`);
      const notJson = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { ...owner.auth, 'content-type': 'application/json' },
        payload: '{"oops":',
      });
      expectClientError(notJson, `${label} not JSON`);
      const wrongType = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { ...owner.auth, 'content-type': 'text/plain' },
        payload: 'hello',
      });
      expectClientError(wrongType, `${label} text/plain`);
    }
  });

  it('never fails on strange text: NUL bytes, very long strings, odd unicode', async () => {
    const strange = [
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x'.repeat(100_000),
      '🙂'.repeat(300),
      "'; DROP TABLE users; --",
    ];
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      const stringProps = Object.entries(schema?.properties ?? {}).filter(
        ([, p]) => p.type === 'string',
      );
      if (!stringProps.length) continue;
      for (const value of strange) {
        const payload = Object.fromEntries(
          stringProps.map(([name, p]) => [name, p.format === 'uuid' ? VALID_UUID : value]),
        );
        const response = await t.app.inject({
          method: method as 'POST',
          url: fillPath(path, op),
          headers: owner.auth,
          payload,
        });
        expect(
          response.statusCode,
          `${method} ${path} ${JSON.stringify(value.slice(0, 20))}: ${response.body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }
    }
  });

  it('documents as required every query parameter the API requires', async () => {
    for (const { method, path, op } of operations.filter((o) => o.method === 'GET')) {
      const query = op.parameters?.filter((p) => p.in === 'query') ?? [];
      if (!query.length) continue;
      const response = await t.app.inject({
        url: fillPath(path, op),
        headers: owner.auth,
      });
      if (response.statusCode !== 400) continue;
      const field = response.json().error.details?.fields?.[0]?.field;
      const param = query.find((p) => p.name === field);
      // "Give exactly one of `a`, `b`" cannot be said with `required`; the description says it.
      if (param && !op.description?.includes(`\`${param.name}\``))
        expect(param.required, `${method} ${path}?${param.name}`).toBe(true);
    }
  });

  it('refuses dates and date-times PostgreSQL cannot store or the API could not give back, naming the field', async () => {
    const unstorable: Record<string, string[]> = {
      'date-time': [
        '2026-01-01T00:00:00+23:00',
        '2026-01-01T00:00:00-16:00',
        '2026-01-01T00:00:00+1600',
        '0000-01-01T00:00:00Z',
        // Year 0 in UTC, which no answer's date-time may be.
        '0001-01-01T00:00:00.008+10:47',
        // Year 10000 in UTC, just as unanswerable.
        '9999-12-31T23:03:00.000-00:57',
        // A leap second, which PostgreSQL stores as the next second: year 10000 too.
        '9999-12-31T23:59:60Z',
        // Digits past the microsecond, which PostgreSQL rounds up into year 10000.
        '9999-12-31T23:59:59.9999999Z',
        // Times PostgreSQL stores as another moment: a leap second is the next minute's first
        // second, on any day (the last of June and December too), and hour 24 the next day.
        '2026-03-10T10:00:60Z',
        '2026-03-10T23:59:60Z',
        '2026-03-11T00:59:60+01:00',
        '2026-06-30T23:59:60Z',
        '2026-03-10T24:00:00Z',
        // Refused by PostgreSQL without naming the field.
        '2026-03-10T24:59:30+01:00',
        // Microseconds, which the database would keep and the API never give back.
        '2026-03-10T10:00:00.123456Z',
      ],
      date: ['0000-01-01'],
    };
    const valuesFor = (schema: JsonSchema) =>
      [schema, ...(schema.anyOf ?? [])].flatMap((s) => unstorable[s.format ?? ''] ?? []);
    let checked = 0;
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      for (const [field, property] of propertiesOf(schema ?? {})) {
        for (const value of valuesFor(property)) {
          await expectFieldRefused({ method, path, op }, field, value);
          checked += 1;
        }
      }
      for (const param of op.parameters ?? []) {
        if (param.in !== 'query') continue;
        for (const value of valuesFor(param.schema)) {
          const query = requiredQuery(op);
          query.set(param.name, value);
          const response = await t.app.inject({
            method: method as 'GET',
            url: `${fillPath(path, op)}?${query.toString()}`,
            headers: owner.auth,
          });
          const label = `${method} ${path}?${param.name}=${value}`;
          const body = expectClientError(response, label);
          expect(response.statusCode, label).toBe(400);
          expect(body.error.details?.fields?.[0]?.field, label).toBe(param.name);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('takes bodies as they are: no value is converted to the type a field wants', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      for (const [field, property] of propertiesOf(schema)) {
        const types = typesOf(property);
        const wrong = (
          types.includes('string')
            ? [12345, ['x'], true]
            : types.includes('boolean')
              ? ['true', 1]
              : types.includes('integer') || types.includes('number')
                ? ['12', true]
                : []
        ).filter((value) => !types.includes(jsonType(value)));
        for (const value of wrong) {
          await expectFieldRefused({ method, path, op }, field, value);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('refuses names and titles no one can see, naming the field', async () => {
    const invisible = ['\u200b\u200b', '\u202e', ' \u2066\u2069 ', '\ufeff\u00ad', '\u3164'];
    let checked = 0;
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      const names = propertiesOf(schema).filter(
        ([field, p]) => /(^|_)(name|title)$/.test(field.at(-1)!) && (p.minLength ?? 0) >= 1,
      );
      for (const [field] of names) {
        for (const value of invisible) {
          const problem = await expectFieldRefused({ method, path, op }, field, value);
          expect(problem?.message, JSON.stringify(value)).toBe('must contain a visible character');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
