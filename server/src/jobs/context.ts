import type { Logger } from 'pino';
import type { AppDeps } from '../http/context.js';

/** What a task gets: the same dependencies as a request, and the worker's logger. */
export interface JobDeps extends AppDeps {
  log: Logger;
  /** The job being run: whether this is its last attempt. */
  job?: { attempts: number; max_attempts: number };
}
