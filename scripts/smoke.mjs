// Smoke test of the start command on the embedded PostgreSQL, as a new user would run it:
// a first start on an empty data folder, a second start on the same data, a start after the
// app was killed with SIGKILL, and a clean stop with SIGINT each time. Prints the timings.
//
//   node scripts/smoke.mjs            (uses the node running it; NODE_BIN=... for another)
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeBin = process.env.NODE_BIN ?? process.execPath;
const port = Number(process.env.SMOKE_PORT ?? 3900);
const pgPort = Number(process.env.SMOKE_PG_PORT ?? 5590);
const dataDir = mkdtempSync(path.join(tmpdir(), 'rampart-smoke-'));
// Run as root, the embedded PostgreSQL runs as the postgres user, who must be able to enter it.
chmodSync(dataDir, 0o755);
const base = `http://127.0.0.1:${port}`;

const env = {
  ...process.env,
  PORT: String(port),
  EMBEDDED_PG_PORT: String(pgPort),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL;
delete env.APP_DATABASE_URL;
delete env.NODE_ENV;

function fail(message) {
  console.error(`smoke: FAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

function start() {
  const child = spawn(nodeBin, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return child;
}

async function firstAnswer(child, startedAt) {
  for (;;) {
    const exited = await Promise.race([
      child.exited,
      new Promise((r) => setTimeout(() => r(null), 200)),
    ]);
    if (exited) fail(`the server exited early (${JSON.stringify(exited)})`);
    if (performance.now() - startedAt > 240_000) fail('the server did not answer within 240 s');
    try {
      const response = await fetch(`${base}/api/ready`);
      if (response.ok) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
  }
}

async function api(method, url, body, token) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function stop(child) {
  child.kill('SIGINT');
  const result = await Promise.race([
    child.exited,
    new Promise((r) => setTimeout(() => r(null), 30_000)),
  ]);
  if (!result) fail('the server did not stop within 30 s of SIGINT');
  if (result.code !== 0) fail(`the server exited with ${JSON.stringify(result)} after SIGINT`);
  try {
    await fetch(`${base}/api/health`);
    fail('the server still answers after stopping');
  } catch {
    // expected: nothing listens any more
  }
}

const account = {
  email: 'smoke@example.com',
  password: 'a long enough password',
  name: 'Smoke Test',
  org_name: 'Smoke Inc.',
};
const figures = {};
try {
  console.log(
    `smoke: node ${await new Promise((resolve) => {
      const v = spawn(nodeBin, ['--version']);
      let out = '';
      v.stdout.on('data', (d) => (out += d));
      v.on('exit', () => resolve(out.trim()));
    })}, data in ${dataDir}`,
  );

  let t0 = performance.now();
  let server = start();
  figures.first_start_ms = Math.round(await firstAnswer(server, t0));
  const registered = await api('POST', '/api/v1/auth/register', account);
  if (registered.status !== 201)
    fail(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const me = await api('GET', '/api/v1/me', null, registered.body.access_token);
  if (me.status !== 200 || me.body.org.name !== account.org_name)
    fail(`me answered ${me.status}: ${JSON.stringify(me.body)}`);
  const page = await fetch(`${base}/`);
  if (!page.ok || !(page.headers.get('content-type') ?? '').includes('text/html'))
    fail(`GET / answered ${page.status}`);
  await stop(server);

  t0 = performance.now();
  server = start();
  figures.second_start_ms = Math.round(await firstAnswer(server, t0));
  const login = await api('POST', '/api/v1/auth/login', {
    email: account.email,
    password: account.password,
  });
  if (login.status !== 200) fail(`login after restart answered ${login.status}`);

  // A crash: the app dies without stopping its PostgreSQL.
  server.kill('SIGKILL');
  await server.exited;
  t0 = performance.now();
  server = start();
  figures.start_after_kill_ms = Math.round(await firstAnswer(server, t0));
  const again = await api('POST', '/api/v1/auth/login', {
    email: account.email,
    password: account.password,
  });
  if (again.status !== 200) fail(`login after a crash answered ${again.status}`);
  await stop(server);

  console.log(`smoke: passed ${JSON.stringify(figures)}`);
} catch (error) {
  if (!process.exitCode) {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
