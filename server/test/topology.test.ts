import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from './support/global-setup.js';
import { findPgBouncer, freePort, startPgBouncer, type PgBouncer } from './support/pgbouncer.js';
import {
  ensureServerBuilt,
  startRampart,
  steadyLoad,
  waitUntilOk,
  type RampartProcess,
} from './support/processes.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';

/**
 * The production topology of compose.yaml without containers: PostgreSQL, PgBouncer in
 * transaction mode, the one-shot migrate command, two API processes and one worker process,
 * each started with the command its compose service runs, behind a small load balancer that
 * routes by readiness as a real one does.
 */

interface Backend {
  name: string;
  port: number;
  ready: boolean;
  probeFailures: number;
  served: number;
  process: RampartProcess;
}

interface Balancer {
  url: string;
  /** Answers the balancer itself gave: no ready backend, or a backend that broke off. */
  errors: string[];
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection'];

/**
 * Round robin over the backends whose `/api/ready` answered 200 at the last probe (every
 * 100 ms). It retries nothing: a request that meets a closing or broken backend fails.
 */
async function startBalancer(backends: Backend[]): Promise<Balancer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const errors: string[] = [];
  let turn = 0;
  let probing = true;
  const probeLoop = (async () => {
    while (probing) {
      await Promise.all(
        backends.map(async (backend) => {
          try {
            const response = await fetch(`http://127.0.0.1:${backend.port}/api/ready`, {
              signal: AbortSignal.timeout(2000),
            });
            await response.arrayBuffer();
            backend.ready = response.status === 200;
            backend.probeFailures = 0;
          } catch {
            // Like a real balancer, a backend is dropped on its answer at once, but only after
            // a few probes without one (a slow machine must not empty the pool).
            backend.probeFailures += 1;
            if (backend.probeFailures >= 3) backend.ready = false;
          }
        }),
      );
      await sleep(100);
    }
  })();
  const server = http.createServer((request, response) => {
    const ready = backends.filter((backend) => backend.ready);
    const backend = ready[turn++ % Math.max(ready.length, 1)];
    if (!backend) {
      errors.push(`no ready backend for ${request.method} ${request.url}`);
      response.writeHead(503).end();
      return;
    }
    backend.served += 1;
    const headers = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backend.port,
        method: request.method,
        path: request.url,
        headers,
        agent,
      },
      (answer) => {
        const down = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete down[name];
        response.writeHead(answer.statusCode ?? 502, down);
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      errors.push(`${backend.name}: ${request.method} ${request.url}: ${error.message}`);
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    close: async () => {
      probing = false;
      await probeLoop;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const hasPgBouncer = findPgBouncer() !== null;

describe.skipIf(!hasPgBouncer && !process.env['CI'])(
  'the compose topology, without containers',
  () => {
    const adminUrl = inject('adminUrl');
    const suffix = randomBytes(4).toString('hex');
    const database = `rampart_topology_${suffix}`;
    // A role of its own: roles are shared by every database of the server.
    const appRole = `rampart_topology_${suffix}`;
    const appPassword = randomBytes(18).toString('hex');
    const ownerUrl = withDatabase(adminUrl, database);
    const roleUrl = (username: string, password: string) => {
      const url = new URL(ownerUrl);
      url.username = username;
      url.password = password;
      return url.toString();
    };
    const appDirectUrl = roleUrl(appRole, appPassword);
    const workerRole = `rampart_topology_worker_${suffix}`;
    const workerDirectUrl = roleUrl(workerRole, randomBytes(18).toString('hex'));
    // The migrate step writes the tenant-context key from the secret every process shares.
    const jwtSecret = randomBytes(32).toString('hex');

    let bouncer: PgBouncer | undefined;
    let smtp: TestSmtpServer | undefined;
    let balancer: Balancer | undefined;
    const started: RampartProcess[] = [];

    // Compiling the server on a busy machine can take longer than the default hook timeout.
    beforeAll(async () => {
      await ensureServerBuilt();
      await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
      smtp = await startSmtpServer();
    }, 240_000);

    afterAll(async () => {
      await balancer?.close();
      await Promise.all(started.map((p) => p.stop('SIGKILL', 5000).catch(() => undefined)));
      await bouncer?.stop();
      await smtp?.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${appRole}`);
      await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${workerRole}`);
    });

    it('migrates once, shares sessions and jobs across processes, and restarts without a failed request', async () => {
      const testStarted = Date.now();
      // compose: migrate (node scripts/start.mjs --migrate), as the owner, straight to PostgreSQL.
      const migrate = startRampart(['--migrate'], {
        DATABASE_URL: ownerUrl,
        APP_DATABASE_URL: appDirectUrl,
        WORKER_DATABASE_URL: workerDirectUrl,
        JWT_SECRET: jwtSecret,
      });
      started.push(migrate);
      const migrated = await Promise.race([migrate.exited, sleep(60_000).then(() => null)]);
      expect(migrated, migrate.output()).toEqual({ code: 0, signal: null });
      await migrate.waitForLog(/migrations applied/);

      // compose: pgbouncer, transaction pooling, in front of the app role only.
      bouncer = await startPgBouncer({ serverUrl: appDirectUrl, poolSize: 5 });

      const [port1, port2] = [await freePort(), await freePort()];
      const common = {
        NODE_ENV: 'production',
        JWT_SECRET: jwtSecret,
        APP_DATABASE_URL: bouncer.url,
        SMTP_URL: smtp!.url,
        MAIL_FROM: 'Rampart <no-reply@rampart.test>',
        PUBLIC_URL: 'http://rampart.test',
        AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      };
      const apiEnv = (port: number) => ({
        ...common,
        PORT: String(port),
        HOST: '127.0.0.1',
        WORKER: 'false',
        DRAIN_SECONDS: '3',
        // As compose.yaml's api service: one process per replica.
        API_PROCESSES: '1',
      });
      // compose: api (node scripts/start.mjs, WORKER=false) twice, worker (--worker) once.
      const startApi = (name: string, port: number): Backend => {
        const process = startRampart([], apiEnv(port));
        started.push(process);
        return { name, port, ready: false, probeFailures: 0, served: 0, process };
      };
      const backends = [startApi('api1', port1), startApi('api2', port2)];
      // compose: the worker straight to PostgreSQL, as its own role.
      const worker = startRampart(['--worker'], {
        ...common,
        WORKER_DATABASE_URL: workerDirectUrl,
      });
      started.push(worker);
      const [api1, api2] = backends as [Backend, Backend];
      await Promise.all(
        backends.map((b) => waitUntilOk(`http://127.0.0.1:${b.port}/api/ready`, 30_000, b.process)),
      );
      await worker.waitForLog(/^worker running$/);
      await api1.process.waitForLog(/^Rampart is running: open http:\/\/rampart\.test$/);
      expect((await api1.process.waitForLog(/^Email is sent through/)).msg).toBe(
        `Email is sent through ${smtp!.url}`,
      );
      expect(worker.output()).not.toMatch(/crontab/);

      // Sign up and sign in on one process, refresh on the other: nothing lives in a process.
      const base1 = `http://127.0.0.1:${port1}/api/v1`;
      const base2 = `http://127.0.0.1:${port2}/api/v1`;
      const email = `topology-${suffix}@example.com`;
      const password = 'a long enough password';
      const signUp = await post(`${base1}/auth/register`, {
        email,
        password,
        name: 'Topology',
        org_name: 'Topology org',
      });
      expect(signUp.status).toBe(201);
      const signIn = await post(`${base1}/auth/login`, { email, password });
      expect(signIn.status).toBe(200);
      const refreshed = await post(`${base2}/auth/refresh`, {
        refresh_token: signIn.body['refresh_token'],
      });
      expect(refreshed.status).toBe(200);
      const token = refreshed.body['access_token'] as string;

      // A job enqueued by an API process runs once, on the worker process.
      expect((await post(`${base2}/auth/password-reset`, { email })).status).toBe(202);
      const mail = await smtp!.nextMessageTo(email, 20_000);
      expect(mail.subject).toMatch(/reset/i);
      await sleep(2500);
      const resetMails = smtp!.received.filter((m) => m.to.includes(email.toLowerCase()));

      // Rolling restart under steady load through the balancer.
      balancer = await startBalancer(backends);
      while (!backends.every((b) => b.ready)) await sleep(50);
      const load = steadyLoad(`${balancer.url}/api/v1/me`, token);
      const results = load.results;
      await sleep(1000);
      const restarts: string[] = [];
      const drained: boolean[] = [];
      for (const backend of backends) {
        const stoppedAt = Date.now();
        // SIGTERM: readiness turns 503 at once, requests are served for DRAIN_SECONDS, then it closes.
        expect(await backend.process.stop('SIGTERM'), backend.process.output()).toBe(0);
        const stoppedIn = Date.now() - stoppedAt;
        drained.push(backend.process.lines.some((l) => /^not ready any more/.test(l.msg)));
        backend.process = startRampart([], apiEnv(backend.port));
        started.push(backend.process);
        while (!backend.ready) {
          if (backend.process.child.exitCode !== null) throw new Error(backend.process.output());
          await sleep(50);
        }
        restarts.push(
          `${backend.name} stopped in ${stoppedIn} ms, back in ${Date.now() - stoppedAt} ms`,
        );
      }
      while (results.ok + results.failed.length < 300) await sleep(50);
      await sleep(1000);
      await load.stop();

      const total = results.ok + results.failed.length;
      console.log(
        `Topology: migrate, PgBouncer (transaction), 2 API processes, 1 worker; ` +
          `password-reset emails: ${resetMails.length}; rolling restart (${restarts.join('; ')}): ` +
          `${total} requests, ${results.failed.length} failed ` +
          `(api1 served ${api1.served}, api2 served ${api2.served}); ` +
          `failures: ${JSON.stringify([...results.failed, ...balancer.errors].slice(0, 5))}; ` +
          `${Math.round((Date.now() - testStarted) / 1000)} s`,
      );
      expect(drained).toEqual([true, true]);
      expect(resetMails).toHaveLength(1);
      expect(results.failed.slice(0, 5)).toEqual([]);
      expect(balancer.errors.slice(0, 5)).toEqual([]);
      expect(total).toBeGreaterThanOrEqual(300);
      expect(api1.served).toBeGreaterThan(50);
      expect(api2.served).toBeGreaterThan(50);
    }, 120_000);
  },
);
