import type { Logger } from 'pino';
import type { AppDeps } from '../http/context.js';

/** What a task gets: the same dependencies as a request, and the worker's logger. */
export interface JobDeps extends AppDeps {
  log: Logger;
  /** The job being run: whether this is its last attempt. */
  job?: { attempts: number; max_attempts: number };
}

/**
 * Thrown by a delivery whose outcome could not be written (the database failed just then). The
 * queue marks even a last attempt so, and the worker then gives the job one more attempt: the
 * message is neither sent nor failed in the database, and must not stay so.
 */
export class OutcomeNotRecorded extends Error {
  static readonly PREFIX = 'The outcome of the delivery could not be recorded';
  constructor(cause: unknown) {
    super(
      `${OutcomeNotRecorded.PREFIX}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
  }
}
