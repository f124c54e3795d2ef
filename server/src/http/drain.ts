import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Marks the process as stopping: see registerDrain. */
    startDraining(): void;
  }
}

/**
 * A process behind a load balancer that is about to stop first says it is not ready, so the
 * balancer stops sending it requests, and keeps serving those that still arrive. Its responses
 * then close their connections, so clients' keep-alive connections move to other processes
 * instead of meeting a closed socket.
 */
export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  app.decorate('startDraining', () => {
    draining = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (draining && request.url.split('?')[0] === '/api/ready') {
      return reply.code(503).send({ status: 'stopping' });
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) void reply.header('connection', 'close');
  });
}
