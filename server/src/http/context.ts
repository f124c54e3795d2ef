import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/pool.js';
import type { Mailer } from '../mail/mailer.js';
import { UnauthorizedError } from '../lib/errors.js';

/** What the services share for the life of the process. */
export interface AppDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
}

/** Who is calling: taken from a verified access token, re-checked against the membership. */
export interface Caller {
  userId: string;
  orgId: string;
}

/**
 * Who a write is done for: a person, or no one when it comes from outside (a public web form),
 * in which case the record names no creator and the audit trail no user.
 */
export interface Actor {
  orgId: string;
  userId: string | null;
}

/** A caller from an access token: the session it belongs to is checked on every request. */
export interface SignedInCaller extends Caller {
  /** The refresh-token family of the sign-in; revoking it ends the access tokens too. */
  sessionId: string;
}

/** The first argument of every service function that acts for a signed-in user. */
export interface RequestContext extends SignedInCaller {
  deps: AppDeps;
  ip: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: SignedInCaller | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.caller) throw new UnauthorizedError();
  return { ...request.caller, deps: request.server.deps, ip: request.ip };
}
