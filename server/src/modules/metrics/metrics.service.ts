import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { conflictRetries } from '../../db/transient.js';
import { EMAIL_STATUSES } from '../../db/schema.js';
import type { AppDeps } from '../../http/context.js';
import { readOutboxCounts, readQueueState } from './metrics.repo.js';

/** Organizations named in `rampart_org_http_requests_total`; the rest are summed as `other`. */
export const BUSIEST_ORGANIZATIONS = 10;

/** The label of a request that matched no route: its raw URL would make labels unbounded. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface ObservedRequest {
  method: string;
  /** The route's pattern (`/api/v1/leads/:id`), never the URL. */
  route: string | undefined;
  status: number;
  seconds: number;
  orgId: string | undefined;
}

export interface Metrics {
  contentType: string;
  /** The exposition text, with the database's figures read now. */
  render(): Promise<string>;
  observe(request: ObservedRequest): void;
}

/**
 * One registry per application: the HTTP series are counted as requests end, everything else
 * is read when Prometheus scrapes, so a scrape shows the state of that moment.
 */
export function createMetrics(deps: AppDeps, pool: pg.Pool | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'rampart_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'rampart_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Counted per organization in memory (one number per organization that made a request),
  // exposed for the busiest only so that the number of series stays bounded.
  const perOrganization = new Map<string, number>();
  new Counter({
    name: 'rampart_org_http_requests_total',
    help: `Requests made by signed-in users, for the ${BUSIEST_ORGANIZATIONS} busiest organizations since start; every other organization is summed as org="other".`,
    labelNames: ['org'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const ranked = [...perOrganization].sort((a, b) => b[1] - a[1]);
      for (const [org, count] of ranked.slice(0, BUSIEST_ORGANIZATIONS)) this.inc({ org }, count);
      const rest = ranked.slice(BUSIEST_ORGANIZATIONS).reduce((sum, [, count]) => sum + count, 0);
      if (rest > 0) this.inc({ org: 'other' }, rest);
    },
  });

  new Counter({
    name: 'rampart_db_transaction_retries_total',
    help: 'Units of work run again after a deadlock or serialization failure (outcome="retried"), and those that gave up and answered 503 (outcome="gave_up").',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ outcome: 'retried' }, conflictRetries.retried);
      this.inc({ outcome: 'gave_up' }, conflictRetries.gaveUp);
    },
  });

  if (pool) {
    const connections = (state: 'total' | 'idle' | 'waiting', help: string, read: () => number) =>
      new Gauge({
        name: `rampart_db_pool_${state}`,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    connections('total', 'Connections the pool holds open to the database.', () => pool.totalCount);
    connections('idle', 'Open connections not lent to a request.', () => pool.idleCount);
    connections(
      'waiting',
      'Requests waiting for a connection because every one is in use.',
      () => pool.waitingCount,
    );
  }

  const queue = new Gauge({
    name: 'rampart_jobs',
    help: 'Background jobs by state: waiting (due, not started), running, failed (no attempts left).',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'rampart_jobs_oldest_waiting_seconds',
    help: 'How long the oldest due job has waited for a worker; 0 when none waits.',
    registers: [registry],
  });
  const outbox = new Gauge({
    name: 'rampart_email_outbox_messages',
    help: 'Messages in every organization’s email outbox, by status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  // Both tables are read once per scrape rather than once per series.
  const readDatabase = async () => {
    const [state, counts] = await Promise.all([readQueueState(deps.db), readOutboxCounts(deps.db)]);
    queue.set({ state: 'waiting' }, state.waiting);
    queue.set({ state: 'running' }, state.running);
    queue.set({ state: 'failed' }, state.failed);
    oldest.set(state.oldestWaitingSeconds);
    for (const status of EMAIL_STATUSES)
      outbox.set({ status }, counts.find((c) => c.status === status)?.messages ?? 0);
  };

  return {
    contentType: registry.contentType,
    async render() {
      await readDatabase();
      return registry.metrics();
    },
    observe({ method, route, status, seconds, orgId }) {
      const labels = { method, route: route ?? UNMATCHED_ROUTE, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
      if (orgId) perOrganization.set(orgId, (perOrganization.get(orgId) ?? 0) + 1);
    },
  };
}

/** Compares a presented token with the configured one in time that does not depend on them. */
export function tokenMatches(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
