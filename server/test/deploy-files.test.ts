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

/**
 * compose.pitr.yaml is not run here either; pitr.test.ts runs its server settings and
 * deploy/pgbackrest.conf on a scratch cluster. These checks tie them to the container's paths.
 */
describe('compose.pitr.yaml and deploy/pgbackrest.conf', () => {
  const pitr = parse(read('compose.pitr.yaml')) as {
    services: { postgres: { image: string; build: string; command: string[]; volumes: string[] } };
    volumes: Record<string, unknown>;
  };
  const postgres = pitr.services.postgres;
  const base = parse(read('compose.yaml')) as {
    services: {
      postgres: { image: string; environment: Record<string, string>; volumes: string[] };
    };
  };
  /** `[section]` -> key -> value. */
  const conf: Record<string, Record<string, string>> = {};
  let section = '';
  for (const line of read('deploy/pgbackrest.conf').split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!;
    const setting = /^([a-z0-9-]+)=(.*)$/.exec(line);
    if (setting) (conf[section] ??= {})[setting[1]!] = setting[2]!;
  }
  const mountAt = (volumes: string[], source: string) =>
    volumes.find((volume) => volume.split(':')[0] === source)?.split(':')[1];

  it('archives into the stanza the configuration defines', () => {
    expect(postgres.command.slice(0, 1)).toEqual(['postgres']);
    expect(postgres.command).toContain('archive_mode=on');
    expect(postgres.command).toContain(
      'archive_command=pgbackrest --stanza=rampart archive-push %p',
    );
    expect(Object.keys(conf)).toEqual(['global', 'rampart']);
  });

  it('points pgBackRest at the data volume, the repository volume and the image superuser', () => {
    expect(conf['rampart']?.['pg1-path']).toBe(
      mountAt(base.services.postgres.volumes, 'postgres-data'),
    );
    expect(conf['global']?.['repo1-path']).toBe(mountAt(postgres.volumes, 'pgbackrest-repo'));
    expect(pitr.volumes).toHaveProperty('pgbackrest-repo');
    expect(mountAt(postgres.volumes, './deploy/pgbackrest.conf')).toBe(
      '/etc/pgbackrest/pgbackrest.conf',
    );
    expect(conf['rampart']?.['pg1-user']).toBe(base.services.postgres.environment['POSTGRES_USER']);
  });

  it('builds on the same PostgreSQL image, under a name of its own', () => {
    const dockerfile = read(`${postgres.build}/Dockerfile`);
    expect(dockerfile).toMatch(new RegExp(`^FROM ${base.services.postgres.image}$`, 'm'));
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends pgbackrest/);
    expect(postgres.image).not.toBe(base.services.postgres.image);
  });
});
