// The API in this process, driven with app.inject: for benchmarks that watch the SQL it sends
// (captured at the driver, which sees only this process's queries).
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/dist/config.js';
import { openDatabase } from '../../server/dist/db/pool.js';
import { buildApp } from '../../server/dist/http/app.js';
import { createMailer } from '../../server/dist/mail/mailer.js';
import { signAccessToken } from '../../server/dist/modules/auth/access-tokens.js';
import { benchCaller } from './data.mjs';
import { BENCH_SECRET, benchContextKey } from './db.mjs';

export async function inProcessApi(appUrl) {
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_SECRET,
    DATABASE_URL: appUrl,
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), 'rampart-bench'),
  });
  const database = openDatabase(appUrl, 2, benchContextKey);
  const app = await buildApp(
    { config, db: database.db, mailer: createMailer(config) },
    { logger: false },
  );
  await app.ready();
  return {
    /** `inject(url)` for `org`, as checkRoutes takes it. */
    async injectorFor(org) {
      const token = await signAccessToken(config.jwtSecret, benchCaller(org));
      return async (url) => {
        const response = await app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
        });
        return { statusCode: response.statusCode, body: response.body };
      };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
