import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.js';
import { buildApp } from '../../src/http/app.js';
import { testContextKey, type TestApp } from './test-app.js';

/** A TCP proxy in front of the database, to play the network's faults between it and the app. */
export interface TcpProxy {
  port: number;
  /** Drops every open connection, as a network failure would. */
  cut(): void;
  /** Drops every connection and refuses new ones. */
  refuse(): void;
  /** Lets new connections through again after `refuse`. */
  accept(): void;
  /** Holds each new connection this long before it reaches the database (a slow network). */
  delayNew(ms: number): void;
  close(): void;
}

export async function tcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  let delayMs = 0;
  const server = net.createServer((client) => {
    if (refusing) return void client.destroy();
    client.pause();
    const open = () => {
      const upstream = net.connect(port, host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.resume();
    };
    if (delayMs > 0) setTimeout(open, delayMs);
    else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut,
    refuse: () => {
      refusing = true;
      cut();
    },
    accept: () => {
      refusing = false;
    },
    delayNew: (ms) => {
      delayMs = ms;
    },
    close: () => {
      cut();
      server.close();
    },
  };
}

/** The API of `t` again, on a pool of its own of `poolSize` connections to `url`. */
export interface AppOnDatabase {
  database: DatabaseHandle;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function appOnDatabase(
  t: TestApp,
  url: string,
  poolSize: number,
): Promise<AppOnDatabase> {
  const database = openDatabase(url, poolSize, testContextKey);
  const app = await buildApp(
    { ...t.deps, db: database.db },
    { logger: false, pool: database.pool },
  );
  await app.ready();
  return {
    database,
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The API of `t` again, with every connection to its database through a proxy. */
export async function appThroughProxy(
  t: TestApp,
  poolSize: number,
): Promise<AppOnDatabase & { proxy: TcpProxy }> {
  const target = new URL(t.testDb.appUrl);
  const proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(t.testDb.appUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const onDatabase = await appOnDatabase(t, viaProxy.toString(), poolSize);
  return {
    ...onDatabase,
    proxy,
    close: async () => {
      await onDatabase.close();
      proxy.close();
    },
  };
}

/** Makes inserting a lead whose last name starts with `slow` take two seconds. */
export async function slowLeadInserts(t: TestApp): Promise<void> {
  await t.ownerQuery(`
    CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.last_name LIKE 'slow%' THEN PERFORM pg_sleep(2); END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER slow_insert BEFORE INSERT ON leads
      FOR EACH ROW EXECUTE FUNCTION slow_insert();`);
}

/** Waits until a statement in the database of `t` sleeps (a slow insert has begun). */
export async function untilSleeping(t: TestApp): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    const sleeping = await t.ownerQuery(
      `SELECT 1 FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event = 'PgSleep'`,
    );
    if (sleeping.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no statement began to sleep');
}

/**
 * Runs `work` with a setting of the app's role changed in the test database (`ALTER ROLE … IN
 * DATABASE … SET`), then sets it back. The pool's sessions are ended before and after, since a
 * role's settings reach only the sessions that begin after the change.
 */
export async function withAppRoleSetting<T>(
  t: TestApp,
  setting: string,
  value: string | number,
  work: () => Promise<T>,
): Promise<T> {
  const { rows } = await t.database.pool.query<{ role: string }>('SELECT current_user AS role');
  const role = rows[0]!.role;
  const endSessions = async () => {
    await t.ownerQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND usename = $1`,
      [role],
    );
    // Their ends reach the pool's idle clients a moment later.
    for (let tries = 0; tries < 100 && t.database.pool.idleCount > 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await t.ownerQuery(`ALTER ROLE ${role} IN DATABASE ${t.testDb.name} SET ${setting} = ${value}`);
  try {
    await endSessions();
    return await work();
  } finally {
    await t.ownerQuery(`ALTER ROLE ${role} IN DATABASE ${t.testDb.name} RESET ${setting}`);
    await endSessions();
  }
}
