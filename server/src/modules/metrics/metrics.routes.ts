import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { UnauthorizedError } from '../../lib/errors.js';
import { createMetrics, tokenMatches } from './metrics.service.js';

/**
 * `GET /metrics` in Prometheus's text format, for the operator's scraper only: without
 * `METRICS_TOKEN` it does not exist, and with it every request must bring that token as a
 * bearer token. Outside `/api` because it is not part of the REST API and not in its document.
 */
export function registerMetrics(app: FastifyInstance, pool: pg.Pool | undefined): void {
  const token = app.deps.config.metricsToken;
  if (!token) {
    // A 404 rather than the web app's page, which a scraper would take for a broken exporter.
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.callNotFound(),
    );
    return;
  }
  const metrics = createMetrics(app.deps, pool);

  app.addHook('onResponse', async (request, reply) => {
    metrics.observe({
      method: request.method,
      route: request.routeOptions.url,
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
      orgId: request.caller?.orgId,
    });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!tokenMatches(presented, token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedError(
        'The metrics need the token set in METRICS_TOKEN, as a bearer token',
      );
    }
    return reply.type(metrics.contentType).send(await metrics.render());
  });
}
