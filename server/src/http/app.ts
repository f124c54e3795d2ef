import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type pg from 'pg';
import { registerMetrics } from '../modules/metrics/metrics.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { Admission } from './admission.js';
import { apiPublicRoutes } from './api-public.js';
import { apiV1Routes } from './api-v1.js';
import { SHOWN_ORGANIZATION_HEADER } from './authenticate.js';
import type { AppDeps } from './context.js';
import { registerBodyTimeout } from './body-timeout.js';
import { registerDrain } from './drain.js';
import { registerEntityTags } from './versions.js';
import { answerClientError, answerFrameworkError, registerErrorHandling } from './error-handler.js';
import { registerJsonParser } from './json-body.js';
import { requestIdOf, withRedactedUrls } from './logging.js';
import { rejectUnstorableText } from './storable-text.js';
import { errors } from './schemas.js';
import { responseSerializers } from './serialization.js';
import { describeStorableDates, perPartValidators } from './validation.js';
import { MAX_MATCHING } from '../modules/bulk/bulk.service.js';
import { filterValueTypes } from '../modules/records/filters.js';
import { RECORD_KIND_LIST } from '../modules/records/registry.js';

export interface BuildAppOptions {
  /** Pino options, or false for no logging. */
  logger?: boolean | Record<string, unknown>;
  /** The process's logger, so requests log in the same format as everything else. */
  loggerInstance?: FastifyBaseLogger;
  /** The database pool, whose connections `/metrics` reports. */
  pool?: pg.Pool;
}

/** The whole HTTP application as one Fastify instance: the API, its docs and the web app. */
/** Compressions a client may name in `Content-Encoding`: none of them is undone here. */
const COMPRESSIONS = /^(x-)?(gzip|deflate|br|compress|zstd)$/i;

/**
 * A body sent compressed would be read as its compressed bytes: a JSON body refused as not
 * JSON, an uploaded file kept as the compressed bytes, served back to people as if they were the
 * file. Refused with 415 before anything is read.
 */
async function refuseCompressedBodies(request: FastifyRequest): Promise<void> {
  const coding = request.headers['content-encoding'];
  if (coding && coding.split(',').some((name) => COMPRESSIONS.test(name.trim())))
    throw Object.assign(
      new Error(`Content-Encoding: ${coding.slice(0, 40)} is not read: send the body uncompressed`),
      { statusCode: 415 },
    );
}

export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const limits = deps.config.http;
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: withRedactedUrls(options.logger ?? { level: deps.config.logLevel }) }),
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: limits.bodyLimitBytes,
    connectionTimeout: limits.connectionTimeoutMs,
    // The longest a request may take to arrive; most routes allow less (see body-timeout.ts).
    requestTimeout: limits.uploadTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // Node looks for requests past these timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(5_000, Math.floor(limits.headersTimeoutMs / 4)),
      ),
    },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
    schemaController: {
      compilersFactory: {
        buildValidator: perPartValidators(),
        buildSerializer: responseSerializers(),
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('admission', new Admission(deps.config.admission));
  app.decorateRequest('caller', null);
  registerDrain(app);
  registerBodyTimeout(app, limits);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerJsonParser(app);
  app.addHook('onRequest', refuseCompressedBodies);
  app.addHook('preValidation', rejectUnstorableText);
  app.addHook('preHandler', async (request) => {
    if (request.caller)
      request.log = request.log.child({
        org_id: request.caller.orgId,
        user_id: request.caller.userId,
      });
  });

  registerErrorHandling(app);
  registerEntityTags(app);
  registerMetrics(app, options.pool);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // SvelteKit's static entry page starts the app with an inline script.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Previews of attached files are shown from object URLs of bytes the app fetched with
        // its token: images in <img>, PDFs in a frame.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rampart CRM API',
        version: '1',
        description:
          'Multi-tenant CRM. Every /api/v1 route except sign-up and sign-in needs `Authorization: Bearer <access_token>`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'An access token from sign-in, refresh or switch-org; it ends when its session does. ' +
              `A client showing one organization may send its id in \`${SHOWN_ORGANIZATION_HEADER}\`: ` +
              'a token for another organization is then refused with 409 `organization_changed`.',
          },
        },
      },
    },
    // Every body is read as JSON before any route sees it: text that is not JSON, nests too
    // deep or carries `__proto__` is refused with 400 by whichever route it was sent to.
    // Every date and date-time a client sends is described with the values it refuses.
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url };
      const { body, querystring, params } = schema;
      const described = { ...schema, ...describeStorableDates({ body, querystring, params }) };
      const response = schema.response as Record<string, unknown> | undefined;
      if (!body || !response || '400' in response) return { schema: described, url };
      return { url, schema: { ...described, response: { ...response, ...errors(400) } } };
    },
    // The kinds of record, for clients that list them: the web app's navigation, palette, task
    // relations and record links are generated from this.
    transformObject: (document) => ({
      ...('openapiObject' in document ? document.openapiObject : document.swaggerObject),
      'x-record-kinds': RECORD_KIND_LIST.map(({ kind, path, label, attachmentField }) => ({
        kind,
        path,
        label,
        attachmentField,
        filters: filterValueTypes(kind),
      })),
      'x-bulk-matching-limit': MAX_MATCHING,
    }),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(apiV1Routes, { prefix: '/api/v1' });
  await app.register(apiPublicRoutes, { prefix: '/api/public' });
  await registerWebApp(app, deps.config.webBuildDir);
  return app;
}

/**
 * Files under `_app/immutable/` have their content's hash in their name, so a browser may keep
 * them for a year without asking again; everything else (the entry page above all, which names
 * the current hashes) is revalidated on every load, so a deploy is seen at once.
 */
function cachingOf(file: string): string {
  return file.startsWith(`_app${path.sep}immutable${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/** Serves the built single-page web app; any other non-API path gets its entry page. */
async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const entry = ['200.html', 'index.html'].find((file) => existsSync(path.join(root, file)));
  if (!entry) return;
  // With wildcard off, every built file gets its own route; the catch-all below is the SPA.
  // The build writes a brotli and a gzip copy beside each file: they are sent in its place to
  // a browser that accepts them, and are not routes of their own.
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (response, file) => {
      response.setHeader('vary', 'accept-encoding');
      response.setHeader('cache-control', cachingOf(path.relative(root, file)));
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    // API paths and files that do not exist (say, assets of an older build) are not pages.
    const pathname = request.url.split('?')[0] ?? '';
    if (pathname.startsWith('/api/') || pathname.startsWith('/_app/') || path.extname(pathname)) {
      return reply.callNotFound();
    }
    return reply.type('text/html').sendFile(entry);
  });
}
