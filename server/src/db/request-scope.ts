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
  /** The client went away before its answer: nothing of the request may commit from now on. */
  clientGone = false;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) as the work of `scope`. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * Runs `work` as no request's work: what must be written whether or not the client is still
 * there (the answer kept for an `Idempotency-Key`, or its release).
 */
export function outsideRequestScope<T>(work: () => T): T {
  return storage.exit(work);
}

/** A unit of work of a request whose client went away, refused at its commit. */
export class ClientGoneError extends Error {
  // `query_canceled`, as a statement stopped by the cancel request: answered 503 (nobody reads it).
  readonly code = '57014';

  constructor() {
    super('the client went away before the request committed');
  }
}

/**
 * Throws when the client of the current request has gone away. Called just before COMMIT: a
 * cancel request stops only a statement that is running, so work between two statements (or
 * waiting for a pooled connection) when the client left would otherwise go on to commit what
 * nobody will hear of.
 */
export function refuseCommitForClientGone(): void {
  if (storage.getStore()?.clientGone) throw new ClientGoneError();
}

/** Connections a cancel request was sent for: it may not have reached the server yet. */
const cancelSent = new WeakSet<CancellableConnection>();

/**
 * Called by the pool for each connection handed out: a connection taken inside a request's
 * scope belongs to it until the returned function is called (on release). That function says
 * whether the connection must be closed rather than pooled again: a cancel sent for it travels
 * on a connection of its own and may reach the server after the release, where it would stop
 * whatever statement the next request to take the connection is running.
 */
export function trackConnection(connection: CancellableConnection): () => boolean {
  const scope = storage.getStore();
  if (!scope) return () => false;
  scope.connections.add(connection);
  return () => {
    scope.connections.delete(connection);
    return cancelSent.has(connection);
  };
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
    cancelSent.add(connection);
    const socket = host.startsWith('/')
      ? net.connect({ path: `${host}/.s.PGSQL.${port}` })
      : net.connect({ host, port });
    socket.on('error', () => undefined);
    socket.once('connect', () => socket.end(serialize.cancel(processID, secretKey)));
  }
}
