import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import { serialize } from 'pg-protocol';

/** What a cancel request needs of a connection: where it goes and the keys it was given. */
export interface CancellableConnection {
  host: string;
  port: number;
  processID: number | null;
  secretKey: number | null;
}

/** The database connections one HTTP request holds, so that they can be cancelled. */
export class RequestScope {
  readonly connections = new Set<CancellableConnection>();
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) as the work of `scope`. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * Called by the pool for each connection handed out: a connection taken inside a request's
 * scope belongs to it until the returned function is called (on release).
 */
export function trackConnection(connection: CancellableConnection): () => void {
  const scope = storage.getStore();
  if (!scope) return () => undefined;
  scope.connections.add(connection);
  return () => scope.connections.delete(connection);
}

/**
 * Asks PostgreSQL (or PgBouncer, which passes it on) to cancel what each connection of the
 * scope is running, through the protocol's cancel request: a new socket carrying the
 * connection's process id and secret key, so only the statement of that connection stops,
 * whatever process id a pooler shows. The transaction then fails, rolls back and commits
 * nothing. Best effort: a connection already idle ignores it.
 */
export function cancelScopeQueries(scope: RequestScope): void {
  for (const connection of scope.connections) {
    const { host, port, processID, secretKey } = connection;
    if (processID === null || secretKey === null) continue;
    const socket = host.startsWith('/')
      ? net.connect({ path: `${host}/.s.PGSQL.${port}` })
      : net.connect({ host, port });
    socket.on('error', () => undefined);
    socket.once('connect', () => socket.end(serialize.cancel(processID, secretKey)));
  }
}
