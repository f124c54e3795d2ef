import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Compiles the server once for test files that start it as a child process, as `npm start`
 * would (start.mjs builds what is out of date). A lock folder keeps two test files from
 * compiling into the same folder at once.
 */
export async function ensureServerBuilt(): Promise<void> {
  const lock = path.join(root, 'server/.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 3 minutes`);
      await sleep(200);
    }
  }
  try {
    const output = path.join(root, 'server/dist/main.js');
    if (
      !existsSync(output) ||
      newestMtime(path.join(root, 'server/src')) > statSync(output).mtimeMs
    ) {
      const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
        cwd: path.join(root, 'server'),
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`server build failed:\n${result.stdout}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface RampartProcess {
  child: ChildProcess;
  /** JSON log lines so far. */
  lines: LogLine[];
  /** Everything written, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<LogLine>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** Variables of the test runner that must not leak into a started process. */
const SCRUBBED = [
  'DATABASE_URL',
  'APP_DATABASE_URL',
  'WORKER_DATABASE_URL',
  'NODE_ENV',
  'PORT',
  'WORKER',
  'SMTP_URL',
  'SIGNUP_EMAIL_VERIFICATION',
];

/** Children still running, killed when the test process exits, whatever a test forgot. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `node scripts/start.mjs <args>`: the command the compose file and `npm start` run. */
export function startRampart(args: string[], env: Record<string, string>): RampartProcess {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !SCRUBBED.includes(key) && !key.startsWith('VITEST'),
    ),
  );
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    // Sign-up without verifying the address, as in every test app (test-app.ts): the tests
    // that verify it say so.
    env: { ...base, LOG_FORMAT: 'json', SIGNUP_EMAIL_VERIFICATION: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let text = '';
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        // a line that is not a log record (a build message)
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  running.add(child);
  let done = false;
  void exited.then(() => {
    done = true;
    running.delete(child);
  });
  return {
    child,
    lines,
    output: () => text,
    exited,
    async waitForLog(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = lines.find((l) => pattern.test(l.msg));
        if (line) return line;
        if (done) throw new Error(`exited before logging ${pattern}:\n${text}`);
        if (Date.now() > deadline)
          throw new Error(`no log ${pattern} in ${timeoutMs} ms:\n${text}`);
        await sleep(50);
      }
    },
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (!done) child.kill(signal);
      const result = await Promise.race([exited, sleep(timeoutMs).then(() => null)]);
      if (!result) {
        child.kill('SIGKILL');
        throw new Error(`did not exit within ${timeoutMs} ms of ${signal}:\n${text}`);
      }
      return result.code;
    },
  };
}

/** Polls a URL until it answers 200. */
export async function waitUntilOk(url: string, timeoutMs = 30_000, process?: RampartProcess) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} not OK within ${timeoutMs} ms:\n${process?.output() ?? ''}`);
    }
    await sleep(100);
  }
}

/** A TCP port that forwards every connection to another: PostgreSQL appearing late. */
export async function forwardPort(
  listenPort: number,
  target: { host: string; port: number },
): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === pid ? [Number(entry)] : [];
      } catch {
        return [];
      }
    });
}

/** Requests sent without a pause but `pauseMs`, by `clients` loops at once, until stopped. */
export interface SteadyLoad {
  results: { ok: number; failed: string[] };
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<void>;
}

/** Steady signed-in load on `url`: every answer but 200, and every failed request, is counted. */
export function steadyLoad(url: string, token: string, clients = 6, pauseMs = 20): SteadyLoad {
  const results = { ok: 0, failed: [] as string[] };
  let loading = true;
  const loop = async () => {
    while (loading) {
      try {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status === 200) results.ok += 1;
        else results.failed.push(`status ${response.status}`);
      } catch (error) {
        results.failed.push(String(error));
      }
      await sleep(pauseMs);
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    results,
    stop: async () => {
      loading = false;
      await Promise.all(loops);
    },
  };
}
