import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../src/config.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Service {
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  deploy?: { replicas?: number | string };
  profiles?: string[];
}

const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

/**
 * The compose file is not run in CI (there is no container engine there); the topology test
 * runs its commands instead. These checks keep the two, and the documented settings, together.
 */
describe('compose.yaml', () => {
  it('runs the commands the topology test runs', () => {
    expect(services['migrate']?.command).toEqual(['node', 'scripts/start.mjs', '--migrate']);
    expect(services['api']?.command).toEqual(['node', 'scripts/start.mjs']);
    expect(services['worker']?.command).toEqual(['node', 'scripts/start.mjs', '--worker']);
    expect(read('Dockerfile')).toMatch(/^CMD \["node", "scripts\/start\.mjs"\]$/m);
  });

  it('sets only variables Rampart reads', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const unknown = Object.keys(services[name]?.environment ?? {}).filter(
        (key) => !CONFIG_VARIABLES.includes(key),
      );
      expect(unknown, name).toEqual([]);
    }
  });

  it('gives the owner connection to the migrate step only, and the rest PgBouncer', () => {
    expect(services['migrate']?.environment?.['DATABASE_URL']).toMatch(/@postgres:5432\//);
    for (const name of ['api', 'worker']) {
      const env = services[name]?.environment ?? {};
      expect(env['DATABASE_URL'], name).toBeUndefined();
      expect(env['APP_DATABASE_URL'], name).toMatch(/^postgres:\/\/rampart_app:.*@pgbouncer:/);
      if (name === 'worker') {
        expect(env['WORKER_DATABASE_URL']).toMatch(
          /^postgres:\/\/rampart_worker:.*@postgres:5432\//,
        );
      }
      expect(services[name]?.depends_on?.['migrate']?.condition, name).toBe(
        'service_completed_successfully',
      );
    }
    expect(services['pgbouncer']?.environment?.['POOL_MODE']).toBe('transaction');
  });

  it('publishes one port for the API replicas, and none per replica', () => {
    expect(services['api']?.ports).toBeUndefined();
    expect(services['api']?.deploy?.replicas).toBeDefined();
    expect(services['mailpit']?.profiles).toEqual(['dev']);
  });

  it('has every variable it takes from .env in .env.example', () => {
    const used = new Set(
      [...read('compose.yaml').matchAll(/\$\{([A-Z_]+)[:}?-]/g)].map((match) => match[1]),
    );
    const example = read('.env.example');
    const missing = [...used].filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example));
    expect(missing.filter((name) => name !== 'RAMPART_IMAGE')).toEqual([]);
  });
});

describe('README configuration table', () => {
  it('lists every variable Rampart reads', () => {
    const readme = read('README.md');
    const listed = [...readme.matchAll(/^\| `([A-Z_]+)` /gm)].map((match) => match[1]);
    expect([...CONFIG_VARIABLES].sort()).toEqual([...new Set(listed)].sort());
  });
});
