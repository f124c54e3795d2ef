import { expect } from 'vitest';
import type { SignedUp, TestApp } from './test-app.js';

/** Calls of the v1 API as a signed-up person, and creation that must succeed. */
export function callsOf(t: () => TestApp) {
  const call = (method: 'GET' | 'POST', url: string, who: SignedUp, payload?: object) =>
    t().app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
  const create = async (who: SignedUp, url: string, payload: object) => {
    const response = await call('POST', url, who, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  return { call, create };
}
