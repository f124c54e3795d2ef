import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HttpLimits } from '../config.js';
import { answerClientError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes a file as its body, read and stored as it arrives: the body may take
     * `HTTP_UPLOAD_TIMEOUT_MS` to arrive, not `HTTP_REQUEST_TIMEOUT_MS`.
     */
    upload?: boolean;
  }
}

function hasBody(raw: IncomingMessage): boolean {
  const length = raw.headers['content-length'];
  return (length !== undefined && length !== '0') || raw.headers['transfer-encoding'] !== undefined;
}

/**
 * How long a request's body may take to arrive, by route. Node's own whole-request timeout is
 * one for every route: it is set to the longest, an upload's (a million-row CSV is parsed and
 * copied into PostgreSQL as it streams in, which takes longer than sending a form), and every
 * other request with a body must have sent it within `HTTP_REQUEST_TIMEOUT_MS` of its
 * headers, or is answered 408 and its connection closed, as Node answers.
 */
export function registerBodyTimeout(app: FastifyInstance, limits: HttpLimits): void {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    if (raw.complete || !hasBody(raw)) return done();
    if (request.routeOptions.config.upload) {
      // The longer time is for a file being read. One answered before all of it came (refused
      // before it was read: no one signed in, not allowed) is not read any more, and the rest
      // may not hold the connection longer than any other body.
      reply.raw.once('finish', () => {
        if (raw.complete) return;
        const timer = setTimeout(() => raw.destroy(), limits.requestTimeoutMs);
        raw.once('close', () => clearTimeout(timer));
      });
      return done();
    }
    const timer = setTimeout(() => {
      if (raw.complete) return;
      // Answered already (a body too large, a request refused before its body was read): the
      // rest of the body may not hold the connection any longer than a body may take.
      if (reply.raw.headersSent) {
        raw.destroy();
        return;
      }
      const late = Object.assign(new Error('request body timeout'), {
        code: 'ERR_HTTP_REQUEST_TIMEOUT',
      });
      answerClientError(late, raw.socket);
    }, limits.requestTimeoutMs);
    const arrived = () => clearTimeout(timer);
    raw.once('end', arrived);
    raw.once('close', arrived);
    done();
  });
}
