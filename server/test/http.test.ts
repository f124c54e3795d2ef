import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const VALID_ORG = '0f8fad5b-d9cb-469f-a165-70867728950e';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('HTTP basics', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('reports not ready when a migration is missing', async () => {
    const [latest] = await t.ownerQuery<{ name: string; run_on: Date }>(
      'DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations) RETURNING name, run_on',
    );
    try {
      const ready = await t.app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'migrations pending' });
    } finally {
      await t.ownerQuery('INSERT INTO schema_migrations (name, run_on) VALUES ($1, $2)', [
        latest?.name,
        latest?.run_on,
      ]);
    }
    expect((await t.app.inject({ url: '/api/ready' })).statusCode).toBe(200);
  });

  it("gives every answer a request id, and keeps the caller's", async () => {
    const fresh = await t.app.inject({ url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
  });

  it("replaces a caller's request id that is long or holds unsafe characters", async () => {
    for (const unsafe of ['a'.repeat(65), 'trace 123', '<script>', 'id"}{"admin":true', 'ü']) {
      const response = await t.app.inject({
        url: '/api/health',
        headers: { 'x-request-id': unsafe },
      });
      expect(response.headers['x-request-id'], unsafe).toMatch(/^[0-9a-f-]{36}$/);
    }
    const longest = 'A-z.0_9'.padEnd(64, 'x');
    const kept = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': longest } });
    expect(kept.headers['x-request-id']).toBe(longest);
  });

  it('keeps secrets in query strings out of the request log', async () => {
    const lines: string[] = [];
    const app = await buildApp(t.deps, {
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    const secret = 'Zq2w8d0rJk4xYp7mV3sB1nT6cL9hF5aE2uG0oR8iW4Q';
    await app.inject({
      url: `/api/v1/invitations/preview?token=${VALID_ORG}.${secret}`,
      headers: { 'x-request-id': 'trace-log-1' },
    });
    await app.inject({ url: `/accept-invite?lang=en&Token=${secret}&refresh_token=${secret}` });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/v1/invitations/preview?token=[redacted]');
    expect(log).toContain('/accept-invite?lang=en&Token=[redacted]&refresh_token=[redacted]');
    expect(log).toContain('"reqId":"trace-log-1"');
    expect(log).not.toContain(secret);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('answers unknown routes with the JSON error shape', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/nothing']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: expect.any(String) },
      });
    }
  });

  it('answers a method a path does not have with 405, the methods it has and the JSON error shape', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      const listed = Object.keys(methods).map((m) => m.toUpperCase());
      const unlisted = ['PUT', 'DELETE', 'PATCH', 'POST'].find((m) => !listed.includes(m));
      if (!unlisted) continue;
      const url = path.replace(/\{\w+\}/g, VALID_ORG);
      const response = await t.app.inject({ method: unlisted as 'PUT', url });
      const label = `${unlisted} ${path}`;
      expect(response.statusCode, `${label}: ${response.body}`).toBe(405);
      const allow = String(response.headers['allow']).split(', ');
      expect(allow, label).toEqual(expect.arrayContaining(listed));
      expect(allow, label).not.toContain(unlisted);
      expect(response.json(), label).toEqual({
        error: { code: 'method_not_allowed', message: expect.stringContaining(unlisted) },
      });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
  });

  it('requires a valid bearer token on signed-in routes', async () => {
    for (const authorization of [undefined, 'Bearer not-a-jwt', 'Basic abc']) {
      const response = await t.app.inject({
        url: '/api/v1/me',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/me',
      ]),
    );
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('the API description', () => {
  it('gives every route a summary, a tag, its error answers and examples of its text input', async () => {
    type Prop = {
      type?: string;
      enum?: unknown[];
      example?: unknown;
      format?: string;
      anyOf?: Prop[];
    };
    type Op = {
      summary?: string;
      tags?: string[];
      responses?: Record<string, unknown>;
      requestBody?: { content: Record<string, { schema: { properties?: Record<string, Prop> } }> };
    };
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Op>>;
    }>();
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!op.tags?.length) problems.push(`${where}: no tag`);
        if (!Object.keys(op.responses ?? {}).some((status) => status.startsWith('4')))
          problems.push(`${where}: no error answer`);
        const props = op.requestBody?.content['application/json']?.schema.properties ?? {};
        for (const [name, prop] of Object.entries(props)) {
          const freeText = prop.type === 'string' && !prop.enum && !prop.format;
          if (freeText && prop.example === undefined)
            problems.push(`${where}: ${name} has no example`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says on every date and date-time a client sends which values are refused', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item) => visit(item, where));
      if (!node || typeof node !== 'object') return;
      // A query parameter carries its description beside its schema.
      const parameter = node as { in?: string; schema?: object; description?: string };
      if (parameter.in && parameter.schema) {
        return visit({ ...parameter.schema, description: parameter.description }, where);
      }
      const schema = node as { format?: string; description?: string };
      if (schema.format === 'date-time' && !/±15:59/.test(schema.description ?? ''))
        undocumented.push(where);
      if (schema.format === 'date' && !/0001/.test(schema.description ?? ''))
        undocumented.push(where);
      for (const [key, value] of Object.entries(node)) visit(value, `${where}.${key}`);
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const { parameters, requestBody } = op as { parameters?: unknown; requestBody?: unknown };
        visit({ parameters, requestBody }, `${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('failures', () => {
  it('hides the details of unexpected errors', async () => {
    const app = await buildApp(t.deps, { logger: false });
    app.get('/api/explode', async () => {
      throw new Error('secret internals: password=hunter2');
    });
    const response = await app.inject({ url: '/api/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal_error', message: expect.any(String) },
    });
    expect(response.body).not.toContain('hunter2');
    await app.close();
  });

  it('answers dates and times PostgreSQL cannot store with a 400, not a 500', async () => {
    const app = await buildApp(t.deps, { logger: false });
    app.get('/api/cast', async (request) => {
      const { value, type } = request.query as { value: string; type: string };
      await sql`select ${value}::${sql.raw(type === 'date' ? 'date' : 'timestamptz')}`.execute(
        t.deps.db,
      );
      return { cast: true };
    });
    for (const [value, type] of [
      ['2026-01-01T00:00:00+23:00', 'timestamptz'],
      ['0000-01-01', 'date'],
    ]) {
      const response = await app.inject({
        url: '/api/cast',
        query: { value: value!, type: type! },
      });
      expect(response.statusCode, `${value}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe('invalid_input');
    }
    await app.close();
  });

  it('lets in-flight requests finish when shutting down', async () => {
    const app = await buildApp(t.deps, { logger: false });
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      app.get('/api/slow', async () => {
        resolve();
        await new Promise<void>((done) => (release = done));
        return { finished: true };
      });
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/api/slow`);
    await started;
    const closing = app.close();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
  });
});
