import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

/** What one client can hold of the server: how deep a body nests. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('bodies nested too deep', () => {
  it('are refused with a 400 naming the problem, before anything walks them', async () => {
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const payload of [deepArray, deepObject, `{"email":${'['.repeat(33)}${']'.repeat(33)}}`]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toEqual({
        code: 'validation_failed',
        message: 'body: must not nest deeper than 32 levels',
        details: { fields: [{ field: 'body', message: 'must not nest deeper than 32 levels' }] },
      });
    }
  });

  it('counts brackets inside strings as text', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: '['.repeat(100), password: '{"\\'.repeat(50) }),
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.details.fields[0].field).toBe('email');
  });
});
