import type { Logger } from 'pino';
import type { AppDeps } from '../http/context.js';

/** What a task gets: the same dependencies as a request, and the worker's logger. */
export interface JobDeps extends AppDeps {
  log: Logger;
}
