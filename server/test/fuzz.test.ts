import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptOnlyStorableDates, exactMultiples } from '../src/http/validation.js';
import { joinByInvitation } from './support/members.js';
import {
  strayBodiesOf,
  strayValue,
  valuesOf,
  type Generation,
  type JsonSchema,
} from './support/schema-arbitraries.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

/**
 * A fuzz test driven by the OpenAPI document the app serves: every operation gets generated
 * parameters and bodies, valid and not, as a signed-in member of an organization with records.
 * Whatever it sends, the answer must not be a 5xx, must be a status the operation documents
 * with a body its schema describes, and input the schema refuses must be refused.
 *
 * Seeded and bounded in time. A failure prints `seed` and `path`: replay it with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_ONLY='<METHOD> <path>'`.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  security?: unknown[];
}

interface OpenApi {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, Record<string, Operation>>;
}

/** The whole run's budget, shared by the operations: CI waits for it. */
const BUDGET_MS = Number(process.env['FUZZ_BUDGET_MS'] ?? 60_000);
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const REPLAY_PATH = process.env['FUZZ_PATH'];
const ONLY = process.env['FUZZ_ONLY'];

/**
 * Operations that may end the member's session (signing out, leaving the organization): after
 * them the run goes on as a new member. Any other operation that ends it is a failure.
 */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout', 'DELETE /api/v1/members/{user_id}']);

let t: TestApp;
let owner: SignedUp;
let member: SignedUp;
let doc: OpenApi;
let ajv: Ajv;
let coercingAjv: Ajv;
/** Ids of the organization's records by the name of the field that refers to them. */
const known = new Map<string, Set<string>>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function remember(name: string, id: unknown): void {
  if (typeof id !== 'string' || !UUID.test(id)) return;
  const ids = known.get(name) ?? new Set<string>();
  ids.add(id);
  known.set(name, ids);
}

/** Every id in an answer, under the field it came in and, for `id`, the collection's name. */
function harvest(value: unknown, collection: string): void {
  if (Array.isArray(value)) {
    for (const item of value) harvest(item, collection);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (key === 'id') remember(`${collection.replace(/ies$/, 'y').replace(/s$/, '')}_id`, field);
    else if (key.endsWith('_id')) remember(key, field);
    if (typeof field === 'object') harvest(field, key === 'data' ? collection : key);
  }
  remember('record_id', (value as { id?: unknown }).id);
}

const generation: Generation = {
  resolve: (ref) => doc.components.schemas[ref.replace('#/components/schemas/', '')] ?? {},
  knownIds: (name) => [
    ...(known.get(name) ?? known.get(name === 'user_id' ? 'owner_id' : 'record_id') ?? []),
  ],
};

const validators = new Map<string, ValidateFunction>();

/** The schema's validator, with the document's components to resolve `$ref`s against. */
function validatorOf(schema: JsonSchema, coerce = false): ValidateFunction {
  const key = `${coerce}:${JSON.stringify(schema)}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = (coerce ? coercingAjv : ajv).compile({ ...schema, components: doc.components });
    validators.set(key, validate);
  }
  return validate;
}

/**
 * A validator with the API's own formats and keywords: dates PostgreSQL can store, multiples
 * as decimals (validation.ts).
 */
function newAjv(coerceTypes: false | 'array'): Ajv {
  const instance = new Ajv({ strict: false, allErrors: false, coerceTypes });
  (formats as unknown as (ajv: Ajv) => Ajv)(instance);
  acceptOnlyStorableDates(instance as unknown as Parameters<typeof acceptOnlyStorableDates>[0]);
  exactMultiples(instance as unknown as Parameters<typeof exactMultiples>[0]);
  return instance;
}

beforeAll(async () => {
  t = await createTestApp();
  ajv = newAjv(false);
  // Query strings and path parameters are coerced as the API's validation does (validation.ts).
  coercingAjv = newAjv('array');
  owner = await signUp(t.app, 'fuzz-owner');
  member = await joinByInvitation(t.app, owner, 'member', 'fuzz-member');
  const loaded = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sample-data',
    headers: owner.auth,
  });
  expect(loaded.statusCode, loaded.body).toBe(201);
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json<OpenApi>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!methods['get'] || path.includes('{') || !path.startsWith('/api/v1/')) continue;
    const answer = await t.app.inject({ url: path, headers: owner.auth });
    if (answer.headers['content-type']?.toString().startsWith('application/json'))
      harvest(answer.json(), path.split('/').at(-1)!);
  }
  remember('user_id', member.userId);
  remember('user_id', owner.userId);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

interface Case {
  valid: boolean;
  pathParams: Record<string, string>;
  query: Array<[string, string]>;
  body: unknown;
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Query parameters as a client sends them: an array as the parameter repeated. */
function queryPairs(values: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(values).flatMap(([name, value]) =>
    Array.isArray(value)
      ? value.map((item): [string, string] => [name, asText(item)])
      : [[name, asText(value)]],
  );
}

function casesOf(op: Operation): fc.Arbitrary<Case> {
  const parameters = op.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const validPath = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [p.name, valuesOf(p.schema, generation, p.name).map(asText)]),
    ),
  );
  const validQuery = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, valuesOf(p.schema, generation, p.name)])),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
  );
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const validBody = bodySchema ? valuesOf(bodySchema, generation) : fc.constant(undefined);
  const valid = fc
    .record({ pathParams: validPath, query: validQuery, body: validBody })
    .map(({ pathParams: p, query, body }) => ({
      valid: true,
      pathParams: p,
      query: queryPairs(query),
      body,
    }));

  const strays: Array<fc.Arbitrary<Case>> = [];
  if (bodySchema) {
    strays.push(
      fc
        .record({
          pathParams: validPath,
          query: validQuery,
          body: strayBodiesOf(bodySchema, generation),
        })
        .map(({ pathParams: p, query, body }) => ({
          valid: false,
          pathParams: p,
          query: queryPairs(query),
          body,
        })),
    );
  }
  if (queryParams.length > 0) {
    strays.push(
      fc
        .record({
          pathParams: validPath,
          query: validQuery,
          name: fc.constantFrom(...queryParams.map((p) => p.name)),
          stray: strayValue,
        })
        .map(({ pathParams: p, query, name, stray }) => ({
          valid: false,
          pathParams: p,
          query: queryPairs({ ...query, [name]: stray }),
          body: undefined,
        })),
    );
  }
  if (pathParams.length > 0) {
    strays.push(
      fc
        .record({
          pathParams: validPath,
          name: fc.constantFrom(...pathParams.map((p) => p.name)),
          stray: strayValue.map(asText).filter((value) => value !== ''),
        })
        .map(({ pathParams: p, name, stray }) => ({
          valid: false,
          pathParams: { ...p, [name]: stray },
          query: [],
          body: undefined,
        })),
    );
  }
  return strays.length === 0 ? valid : fc.oneof(valid, ...strays);
}

/** Whether the schema refuses the case, the way the API reads it: query and path coerced. */
function refusedBySchema(op: Operation, sent: Case): boolean {
  const parameters = op.parameters ?? [];
  for (const where of ['path', 'query'] as const) {
    const declared = parameters.filter((p) => p.in === where);
    const values: Record<string, unknown> = {};
    if (where === 'path') Object.assign(values, sent.pathParams);
    else
      for (const [name, value] of sent.query) {
        const previous = values[name];
        values[name] = previous === undefined ? value : ([] as unknown[]).concat(previous, value);
      }
    const schema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(declared.map((p) => [p.name, p.schema])),
      required: declared.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    };
    if (!validatorOf(schema, true)(structuredClone(values))) return true;
  }
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  if (bodySchema && sent.body === undefined) return op.requestBody?.required === true;
  return bodySchema ? !validatorOf(bodySchema)(structuredClone(sent.body)) : false;
}

function urlOf(path: string, sent: Case): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(sent.pathParams[name] ?? ''),
  );
  const query = new URLSearchParams(sent.query).toString();
  return query ? `${filled}?${query}` : filled;
}

async function check(method: string, path: string, op: Operation, sent: Case): Promise<void> {
  const url = urlOf(path, sent);
  const response = await t.app.inject({
    method: method.toUpperCase() as 'GET',
    url,
    headers: {
      ...member.auth,
      ...(sent.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(sent.body !== undefined && { payload: JSON.stringify(sent.body) }),
  });
  const label = `${method.toUpperCase()} ${url.slice(0, 300)} ${sent.body === undefined ? '' : JSON.stringify(sent.body).slice(0, 300)} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, label).toBeLessThan(500);
  const documented = op.responses[String(response.statusCode)] ?? op.responses['default'];
  expect(documented, `undocumented status: ${label}`).toBeDefined();
  const type = response.headers['content-type']?.toString() ?? '';
  const schema = documented?.content?.['application/json']?.schema;
  if (schema && type.startsWith('application/json')) {
    const validate = validatorOf(schema);
    const body: unknown = response.json();
    expect(validate(body), `${ajv.errorsText(validate.errors)}: ${label}`).toBe(true);
  }
  const refused = refusedBySchema(op, sent);
  if (!sent.valid && refused) {
    expect(response.statusCode, `invalid input accepted: ${label}`).toBeGreaterThanOrEqual(400);
  }
  if (!refused && (response.statusCode === 400 || response.statusCode === 422)) {
    // The API's validator names where it found a problem; input the document allows must
    // pass it (the service may still refuse it by its own rules, without `in`).
    const details = response.json<{ error: { details?: { in?: string } } }>().error.details;
    expect(
      details?.in,
      `input the document allows refused by validation: ${label}`,
    ).toBeUndefined();
  }
}

describe('the API under generated input', () => {
  it(
    'answers every operation with a documented status and body, never a 5xx',
    async () => {
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op }))
          .filter(({ key }) => !ONLY || key === ONLY),
      );
      expect(operations.length).toBeGreaterThan(ONLY ? 0 : 100);
      const deadline = Date.now() + BUDGET_MS;
      const failures: string[] = [];
      for (const [index, { key, method, path, op }] of operations.entries()) {
        const share = Math.max(200, (deadline - Date.now()) / (operations.length - index));
        const property = fc.asyncProperty(casesOf(op), (sent) => check(method, path, op, sent));
        let outcome = await fc.check(property, {
          seed: SEED,
          path: REPLAY_PATH,
          numRuns: RUNS_PER_OPERATION,
          interruptAfterTimeLimit: share,
          markInterruptAsFailure: false,
        });
        // Cut off before its first run ended (a slow operation, a password's hash, on a busy
        // machine), which fast-check counts as failed with nothing found: one run, unhurried.
        if (outcome.failed && outcome.interrupted && outcome.counterexample === null) {
          outcome = await fc.check(property, { seed: SEED, path: REPLAY_PATH, numRuns: 1 });
        }
        const me = await t.app.inject({ url: '/api/v1/me', headers: member.auth });
        if (me.statusCode !== 200) {
          if (!SESSION_ENDING.has(key)) failures.push(`${key} ended the member's session`);
          member = await joinByInvitation(t.app, owner, 'member', 'fuzz-member');
          remember('user_id', member.userId);
        }
        if (outcome.failed) {
          failures.push(
            `${key} (replay: FUZZ_SEED=${outcome.seed} FUZZ_PATH=${outcome.counterexamplePath} FUZZ_ONLY='${key}'):\n` +
              (outcome.errorInstance instanceof Error
                ? outcome.errorInstance.message
                : String(outcome.errorInstance)),
          );
        }
      }
      expect(failures, `seed ${SEED}`).toEqual([]);
    },
    BUDGET_MS + 120_000,
  );
});
