import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('draining before a stop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('turns readiness red and closes each connection after its response, while still serving', async () => {
    const before = await t.app.inject({ url: '/api/ready' });
    expect(before.statusCode).toBe(200);
    expect(before.headers['connection']).not.toBe('close');

    t.app.startDraining();

    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'stopping' });
    expect(ready.headers['connection']).toBe('close');
    // Everything else is still served, on connections that then close.
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['connection']).toBe('close');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'wrong password' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.headers['connection']).toBe('close');
  });
});
