import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  isRunning as alive,
  EMBEDDED_OWNER_ROLE,
  startEmbeddedPostgres,
} from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { ensureAppRole } from '../src/db/roles.js';
import { freePort } from './support/pgbouncer.js';
import {
  childrenOf,
  ensureServerBuilt,
  startRampart,
  waitUntilOk,
  type RampartProcess,
} from './support/processes.js';

describe('the embedded PostgreSQL', () => {
  // Run as root, PostgreSQL runs as the postgres user, who must be able to enter the folder.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-embedded-'));
  chmodSync(dataDir, 0o755);
  let app: RampartProcess | undefined;

  // Compiling the server on a busy machine can take longer than the default hook timeout.
  beforeAll(async () => {
    await ensureServerBuilt();
  }, 240_000);
  afterAll(async () => {
    await app?.stop('SIGKILL', 5000).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs to a file, and when it dies the app turns unready, says why and exits, leaving nothing running', async () => {
    const httpPort = await freePort();
    app = startRampart([], {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(httpPort),
      HOST: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${httpPort}`;
    await waitUntilOk(`${base}/api/ready`, 150_000, app);
    const logFile = path.join(dataDir, 'postgres.log');
    expect(readFileSync(logFile, 'utf8')).toMatch(/database system is ready to accept connections/);
    expect((await app.waitForLog(/^embedded PostgreSQL running$/))['log']).toBe(logFile);

    const postmaster = Number(
      readFileSync(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0],
    );
    const helpers = childrenOf(postmaster);
    expect(helpers.length).toBeGreaterThan(0);
    process.kill(postmaster, 'SIGKILL');

    // Readiness turns red (a backend may still answer in the instant before the app notices)
    // and stays red until the process has gone.
    const readiness: number[] = [];
    const started = Date.now();
    let exit: { code: number | null } | null = null;
    while (!exit) {
      try {
        const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(1000) });
        readiness.push(response.status);
      } catch {
        // closed
      }
      exit = await Promise.race([app.exited, sleep(50).then(() => null)]);
      if (Date.now() - started > 20_000) throw new Error(`still running:\n${app.output()}`);
    }
    const exitedIn = Date.now() - started;
    const firstRed = readiness.findIndex((status) => status !== 200);
    if (firstRed >= 0) expect(readiness.slice(firstRed).filter((s) => s === 200)).toEqual([]);
    expect(readiness.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
    expect(exit.code).toBe(1);
    const fatal = app.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toBe(
      `embedded PostgreSQL was killed by SIGKILL; stopping (its log: ${logFile})`,
    );
    expect(readFileSync(logFile, 'utf8')).toMatch(/postmaster exited \(signal SIGKILL\)/);

    // The postmaster's backends notice it is gone and exit: no orphan is left.
    const deadline = Date.now() + 10_000;
    while ([postmaster, ...helpers].some(alive) && Date.now() < deadline) await sleep(100);
    expect([postmaster, ...helpers].filter(alive)).toEqual([]);
    console.log(
      `Embedded PostgreSQL killed: the app exited with code ${exit.code} after ${exitedIn} ms; ` +
        `readiness answered ${readiness.join(', ') || 'nothing (already closed)'}; ` +
        `${helpers.length} PostgreSQL processes left: 0`,
    );
    app = undefined;
  }, 200_000);
});

describe.runIf(process.getuid?.() === 0)('the embedded PostgreSQL started as root', () => {
  // PostgreSQL refuses to run as root, so it runs as the system user `postgres`, who cannot
  // enter a folder such as /root (mode 700).
  const closed = mkdtempSync(path.join(os.tmpdir(), 'rampart-closed-'));
  chmodSync(closed, 0o700);
  afterAll(() => rmSync(closed, { recursive: true, force: true }));

  it('says which folder the postgres user cannot enter and what to do, instead of a bare EACCES', async () => {
    await ensureServerBuilt();
    const app = startRampart([], {
      DATA_DIR: path.join(closed, 'data'),
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
    });
    const exit = await Promise.race([app.exited, sleep(60_000).then(() => null)]);
    if (!exit) await app.stop('SIGKILL');
    expect(exit?.code, app.output()).toBe(1);
    const fatal = app.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toContain(`the system user "postgres" cannot enter ${closed}`);
    expect(fatal?.msg).toContain('DATA_DIR');
    expect(app.output()).not.toContain('EACCES');
  }, 120_000);
});

describe('the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-embedded-owner-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // What a SECURITY DEFINER function runs as: a flaw in one owned by the superuser is the
  // superuser's. A data folder migrated by an earlier release, as the superuser, is handed over.
  it('belongs, with its tables and definer functions, to an owner that is not a superuser', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres(dataDir, port, () => undefined);
    try {
      // An earlier release: the superuser migrated, and made the API's roles.
      await migrate(first.superuserUrl.replace(/\/postgres$/, '/rampart'), () => undefined);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedPostgres(dataDir, port, () => undefined);
    const owner = new pg.Client({ connectionString: again.url });
    try {
      await migrate(again.url, () => undefined);
      await ensureAppRole(again.url);
      await owner.connect();
      const { rows } = await owner.query<{ kind: string; owner: string; superuser: boolean }>(`
        SELECT 'table' AS kind, c.relowner::regrole::text AS owner, r.rolsuper AS superuser
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_roles r ON r.oid = c.relowner
        WHERE n.nspname IN ('public', 'graphile_worker') AND c.relkind IN ('r', 'v', 'S')
        UNION
        SELECT 'definer function', p.proowner::regrole::text, r.rolsuper
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_roles r ON r.oid = p.proowner
        WHERE n.nspname IN ('public', 'graphile_worker') AND p.prosecdef
        UNION
        SELECT 'database', pg_get_userbyid(d.datdba), r.rolsuper
        FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = current_database()`);
      expect(rows.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
        { kind: 'database', owner: EMBEDDED_OWNER_ROLE, superuser: false },
        { kind: 'definer function', owner: EMBEDDED_OWNER_ROLE, superuser: false },
        { kind: 'table', owner: EMBEDDED_OWNER_ROLE, superuser: false },
      ]);
    } finally {
      await owner.end();
      await again.stop();
    }
  }, 240_000);
});
