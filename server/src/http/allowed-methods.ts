import type { FastifyInstance } from 'fastify';

/** A route path of Fastify's syntax (`/leads/:lead_id`, `/docs/*`) as a regular expression. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) =>
      part.startsWith(':')
        ? '[^/]+'
        : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Watches the routes registered under `prefix` from now on, and answers which methods a path
 * has: a path with none is not found (404), a path with some is a method not allowed (405).
 */
export function trackAllowedMethods(
  app: FastifyInstance,
  prefix: string,
): (path: string) => string[] {
  const routes: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(prefix))
      routes.push({ pattern: patternOf(route.url), methods: [route.method].flat() });
  });
  return (path) => {
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
