import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UnavailableError } from '../lib/errors.js';
import { cancelScopeQueries, RequestScope, runInScope } from '../db/request-scope.js';

/** How much work the API takes on at once, and how long the rest may wait for its turn. */
export interface AdmissionLimits {
  /** Requests doing work at once, across every organization: one database connection each. */
  active: number;
  /** Of those, at most this many for one organization, so that one cannot take them all… */
  perOrganization: number;
  /** …and at most this many for one person. */
  perUser: number;
  /** Requests waiting for their turn; past this, new ones are refused at once. */
  queue: number;
  /** The longest a request waits for its turn before it is refused with 503. */
  waitMs: number;
}

interface Waiter {
  org: string;
  user: string;
  admit: () => void;
  refuse: (error: Error) => void;
}

/** How often the event loop's lag is measured (ms): its mean over this long is compared. */
const LAG_SAMPLE_MS = 500;

/** Retry-After of a request refused for lack of room (seconds). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Admission control. A request runs only while the API has room for it: a free slot overall,
 * and its organization and its user under their shares. The others wait in one line, in order,
 * but a waiter whose organization or user is at its share lets those behind it pass: a noisy
 * organization waits behind itself, not in front of the others. Waiting is bounded in time
 * and in length, so an overload is refused fast with 503 instead of being queued until every
 * request times out; a waiter whose client went away leaves the line and never runs.
 */
export class Admission {
  #active = 0;
  readonly #running = new Map<string, number>();
  readonly #line: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** Requests running now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for their turn. */
  get waiting(): number {
    return this.#line.length;
  }

  /** True while the line is long enough that new requests are being refused or soon will be. */
  get saturated(): boolean {
    return this.#line.length * 2 >= this.limits.queue;
  }

  #lagging: () => boolean = () => false;

  /** Says whether requests are refused because the event loop lags (see refuseWhileOverloaded). */
  watchLag(lagging: () => boolean): void {
    this.#lagging = lagging;
  }

  /** Requests are being refused, for lack of room or for lag: what readiness reports. */
  get busy(): boolean {
    return this.saturated || this.#lagging();
  }

  /**
   * Resolves with the function that gives the slot back once the request may run; rejects with
   * a 503 when it may not, or when `signal` aborts (the client went away) while it waits.
   */
  enter(org: string, user: string, signal: AbortSignal): Promise<() => void> {
    // Nobody waiting fits now (each release lets in every waiter that does), so a request that
    // fits takes no one's place.
    if (this.#fits(org, user)) return Promise.resolve(this.#take(org, user));
    if (this.#line.length >= this.limits.queue) {
      return Promise.reject(
        new UnavailableError(RETRY_AFTER_SECONDS, 'The service is at capacity; try again shortly'),
      );
    }
    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        const index = this.#line.indexOf(waiter);
        if (index >= 0) this.#line.splice(index, 1);
      };
      const waiter: Waiter = {
        org,
        user,
        admit: () => {
          leave();
          resolve(this.#take(org, user));
        },
        refuse: (error) => {
          leave();
          reject(error);
          // Its place may have blocked nobody, but a waiter behind it may fit now.
          this.#admitWaiters();
        },
      };
      const timer = setTimeout(
        () =>
          waiter.refuse(
            new UnavailableError(
              RETRY_AFTER_SECONDS,
              'The service is busy and this request waited too long for its turn; try again shortly',
            ),
          ),
        this.limits.waitMs,
      );
      const aborted = () => waiter.refuse(new Error('the client went away'));
      signal.addEventListener('abort', aborted, { once: true });
      this.#line.push(waiter);
    });
  }

  #fits(org: string, user: string): boolean {
    return (
      this.#active < this.limits.active &&
      (this.#running.get(org) ?? 0) < this.limits.perOrganization &&
      (this.#running.get(user) ?? 0) < this.limits.perUser
    );
  }

  #take(org: string, user: string): () => void {
    this.#active += 1;
    this.#running.set(org, (this.#running.get(org) ?? 0) + 1);
    this.#running.set(user, (this.#running.get(user) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      for (const key of [org, user]) {
        const left = (this.#running.get(key) ?? 1) - 1;
        if (left === 0) this.#running.delete(key);
        else this.#running.set(key, left);
      }
      this.#admitWaiters();
    };
  }

  /** Lets in, in order, every waiter that fits now. */
  #admitWaiters(): void {
    for (let i = 0; i < this.#line.length && this.#active < this.limits.active;) {
      const waiter = this.#line[i]!;
      if (this.#fits(waiter.org, waiter.user)) waiter.admit();
      else i += 1;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    admission: Admission;
  }
}

/** The share of requests nobody is signed in to; organization ids are UUIDs, never this. */
const SIGNED_OUT = 'signed-out';

/**
 * Whom admission counts a request against. Signed in: its organization and person. Signed out
 * (signing in, signing up, a web form, a calendar feed) there is no organization yet, and
 * these routes hash passwords and write rows as any other: together they are held to one
 * organization's share, and each client address to one person's, so that a flood of them from
 * anywhere waits behind itself and cannot take the connections every organization needs.
 */
function admissionKeys(request: FastifyRequest): { org: string; user: string } {
  const caller = request.caller;
  if (caller) return { org: caller.orgId, user: `user:${caller.userId}` };
  return { org: SIGNED_OUT, user: `address:${request.ip}` };
}

/**
 * Puts every request of `scope`, signed in or not, through `app.admission` (see
 * admissionKeys). The slot is given back when the response is sent or the client goes away;
 * a client that goes away mid-request also has its running database statement cancelled, so
 * that work nobody waits for stops and commits nothing. A scope registers this once: a scope
 * inside it must not again, or its requests would take two slots.
 */
export function requireAdmission(scope: FastifyInstance): void {
  scope.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done) => {
    const { org, user } = admissionKeys(request);
    const requestScope = new RequestScope();
    const gone = new AbortController();
    let closed = false;
    let release: (() => void) | null = null;
    reply.raw.once('close', () => {
      closed = true;
      release?.();
      // Closed before the whole answer went out: the client gave up or the connection broke.
      if (!reply.raw.writableFinished) {
        requestScope.clientGone = true;
        gone.abort();
        cancelScopeQueries(requestScope);
      }
    });
    scope.admission.enter(org, user, gone.signal).then(
      (slot) => {
        release = slot;
        if (closed) return slot();
        // The handler runs inside the scope, where the pool notes the connections it takes.
        runInScope(requestScope, () => done());
      },
      // Also when the client is gone: the request must end for the server to let go of it.
      (error: Error) => done(error),
    );
  });
}

/**
 * Refuses every request of `scope` with 503 while the process's event loop lags more than
 * `MAX_EVENT_LOOP_DELAY_MS`: the process has more than it can parse, verify and answer in
 * time, and a request taken on now would only wait behind the others until its client gives
 * up. Checked first, before the token is verified, so a refusal costs almost nothing.
 */
export async function refuseWhileOverloaded(scope: FastifyInstance): Promise<void> {
  const maxEventLoopDelay = scope.deps.config.maxEventLoopDelayMs;
  if (maxEventLoopDelay === 0) return;
  // Starting compiles every route's schemas in one block of work: the first measurements after
  // it say the process lags though it has just become free. Refusals start two samples later.
  let measuring = false;
  scope.addHook('onReady', async () => {
    setTimeout(() => (measuring = true), 2 * LAG_SAMPLE_MS).unref();
  });
  scope.admission.watchLag(() => measuring && scope.isUnderPressure());
  await scope.register(underPressure, {
    maxEventLoopDelay,
    sampleInterval: LAG_SAMPLE_MS,
    pressureHandler: () =>
      measuring
        ? Promise.reject(
            new UnavailableError(
              RETRY_AFTER_SECONDS,
              'The server is overloaded; try again shortly',
            ),
          )
        : undefined,
  });
}
