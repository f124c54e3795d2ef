import pg from 'pg';

/**
 * How many statements `run` sends to PostgreSQL, counted where every client sends them: what a
 * request costs in round trips, whatever the data it reads.
 */
export async function countStatements<T>(
  run: () => Promise<T>,
): Promise<{ sent: number; result: T }> {
  let sent = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    sent += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await run();
    return { sent, result };
  } finally {
    pg.Client.prototype.query = original;
  }
}
