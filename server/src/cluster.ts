import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

/** Several API processes on one machine, sharing its port (Node's cluster). */
export interface ApiProcesses {
  /** Replaces the processes one at a time, each new one listening before an old one drains. */
  reload(): Promise<void>;
  /** Drains and stops every process. */
  stop(): Promise<void>;
}

/** How long a process may take to start listening before it counts as failed. */
const START_TIMEOUT_MS = 60_000;

/**
 * Forks `count` API processes, each running the API alone with `env` (a connection of the app
 * role: migrations and the worker stay in this process). One that dies is replaced, unless
 * they are being stopped.
 */
export async function forkApiProcesses(
  count: number,
  env: Record<string, string | undefined>,
  log: Logger,
): Promise<ApiProcesses> {
  const live = new Set<Worker>();
  const leaving = new WeakSet<Worker>();
  let stopping = false;

  const start = async (): Promise<Worker> => {
    const worker = cluster.fork(env);
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping || leaving.has(worker)) return;
      log.error(
        { pid: worker.process.pid, code, signal },
        'an API process exited; starting another',
      );
      void sleep(1000).then(() => (stopping ? undefined : start().catch(() => undefined)));
    });
    const listening = once(worker, 'listening');
    const exited = once(worker, 'exit').then(() => {
      throw new Error(`API process ${worker.process.pid} exited before it listened`);
    });
    await Promise.race([
      listening,
      exited,
      sleep(START_TIMEOUT_MS).then(() => {
        throw new Error(`API process ${worker.process.pid} did not listen in time`);
      }),
    ]);
    return worker;
  };

  /** SIGTERM: the process drains (readiness 503, DRAIN_SECONDS, in-flight requests finish). */
  const retire = async (worker: Worker): Promise<void> => {
    leaving.add(worker);
    const exited = once(worker, 'exit');
    worker.process.kill('SIGTERM');
    await exited;
  };

  await Promise.all(Array.from({ length: count }, start));
  let reloading: Promise<void> | undefined;
  return {
    reload: () =>
      (reloading ??= (async () => {
        try {
          for (const old of [...live]) {
            if (stopping) return;
            await start();
            await retire(old);
          }
          log.info({ processes: live.size }, 'API processes reloaded');
        } finally {
          reloading = undefined;
        }
      })()),
    stop: async () => {
      stopping = true;
      await Promise.all([...live].map(retire));
    },
  };
}
