// Latency of the real API on a large tenant: the lead list and global search, one request at a
// time and eight at once. See README.md for how to run it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/dist/config.js';
import { migrate } from '../server/dist/db/migrate.js';
import { openDatabase } from '../server/dist/db/pool.js';
import { ensureAppRole } from '../server/dist/db/roles.js';
import { buildApp } from '../server/dist/http/app.js';
import { createMailer } from '../server/dist/mail/mailer.js';

const DATABASE = 'rampart_bench';
const APP_ROLE = 'rampart_bench_app';
const LEADS_PER_ORG = 100_000;
const OTHERS_PER_ORG = 10_000; // accounts, contacts and deals each
const REQUESTS = 500;
const WARMUP = 50;
const CONCURRENCY = [1, 8];
const PASSWORD = 'bench password, not a secret';
const ORGS = [
  { key: 'a', name: 'Bench A', email: 'bench-a@rampart.bench' },
  { key: 'b', name: 'Bench B', email: 'bench-b@rampart.bench' },
];
// Prefixes a rep would type: a common first name, a name and the start of a surname, a
// company word, and two letters (the broadest that still means something).
const SEARCHES = ['mar', 'maria gar', 'acme', 'jo'];

const RESULTS_FILE = path.join(import.meta.dirname, 'results', 'latency.json');

function log(message) {
  process.stderr.write(`${message}\n`);
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'rampart-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl) {
  const benchUrl = new URL(adminUrl);
  benchUrl.pathname = `/${DATABASE}`;
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  });
  return benchUrl.toString();
}

async function post(base, url, body) {
  const response = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Signs the org's owner up through the API the first time, and in on later runs. */
async function signIn(base, ownerUrl, org) {
  const existing = await withClient(ownerUrl, (client) =>
    client.query('SELECT 1 FROM users WHERE email = $1', [org.email]),
  );
  const session = existing.rowCount
    ? await post(base, '/api/v1/auth/login', { email: org.email, password: PASSWORD })
    : await post(base, '/api/v1/auth/register', {
        email: org.email,
        password: PASSWORD,
        name: `${org.name} owner`,
        org_name: org.name,
      });
  const orgId = session.org?.id ?? session.orgs[0].id;
  return { ...org, orgId, userId: session.user.id, token: session.access_token };
}

const FIRST = `ARRAY['Maria','Mario','Marcus','Martin','Mary','Marta','John','Johanna','Jose','Joseph',
  'Joan','Olivia','Oliver','Liam','Emma','Noah','Ava','Sophia','Lucas','Mia','Ethan','Amelia',
  'James','Isabella','Benjamin','Charlotte','Elijah','Harper','Ada','Grace','Alan','Linus',
  'Priya','Arjun','Wei','Yuki','Hiroshi','Fatima','Omar','Aisha','Ivan','Olga','Pierre','Chloé',
  'Søren','Ingrid','Mateo','Valentina','Diego','Camila']`;
const LAST = `ARRAY['Garcia','Gardner','Smith','Smithson','Johnson','Jones','Brown','Miller','Davis',
  'Martinez','Rodriguez','Lopez','Wilson','Anderson','Taylor','Thomas','Moore','Jackson','White',
  'Harris','Martin','Thompson','Young','King','Wright','Scott','Green','Baker','Adams','Nelson',
  'Müller','Schmidt','Dubois','Lefèvre','Rossi','Bianchi','Tanaka','Suzuki','Kim','Nguyen',
  'Patel','Singh','Cohen','Novak','Kowalski','Ivanov','Olsen','Hansen','Silva','Santos']`;
const COMPANY = `ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Wonka','Tyrell','Cyberdyne',
  'Soylent','Hooli','Vandelay','Gringotts','Oscorp','Aperture','Massive','Dunder','Prestige',
  'Sterling','Pied Piper']`;
const SUFFIX = `ARRAY['Logistics','Foods','Systems','Labs','Capital','Health','Energy','Media',
  'Retail','Robotics']`;

/** The statements that fill one organization, by what they insert. */
function generationSteps(org) {
  // A value of the array chosen by a hash of the row number, each column with its own salt.
  const pick = (array, salt) =>
    `(${array})[1 + (hashint4(n + ${salt}) & 2147483647) % array_length(${array}, 1)]`;
  return {
    leads: `
    INSERT INTO leads (org_id, first_name, last_name, email, phone, company, job_title, status,
                       source, owner_id, created_at)
    SELECT '${org.orgId}', f, l, lower(unaccent(f || '.' || l)) || n || '@' || lower(replace(c, ' ', '')) || '.example',
      '+1 555 ' || lpad((n % 10000000)::text, 7, '0'), c || ' ' || ${pick(SUFFIX, 7)},
      (ARRAY['Sales manager','CTO','Buyer','Founder','Engineer'])[1 + n % 5],
      (ARRAY['new','contacted','qualified','unqualified'])[1 + n % 4],
      (ARRAY['web','referral','cold_call','event','partner','advertisement','other',NULL])[1 + n % 8],
      '${org.userId}', now() - make_interval(secs => n * 300)
    FROM generate_series(1, ${LEADS_PER_ORG}) AS n,
      LATERAL (SELECT ${pick(FIRST, 1)} AS f, ${pick(LAST, 2)} AS l,
                      ${pick(COMPANY, 3)} AS c) AS names`,
    accounts: `
    INSERT INTO accounts (org_id, name, domain, industry, owner_id)
    SELECT '${org.orgId}', c || ' ' || s || ' ' || n, lower(replace(c, ' ', '')) || n || '.example',
      s, '${org.userId}'
    FROM generate_series(1, ${OTHERS_PER_ORG}) AS n,
      LATERAL (SELECT ${pick(COMPANY, 4)} AS c, ${pick(SUFFIX, 5)} AS s) AS names`,
    contacts: `
    INSERT INTO contacts (org_id, first_name, last_name, email, job_title, owner_id)
    SELECT '${org.orgId}', f, l, lower(unaccent(f || '.' || l)) || n || '@contact.example', 'Buyer',
      '${org.userId}'
    FROM generate_series(1, ${OTHERS_PER_ORG}) AS n,
      LATERAL (SELECT ${pick(FIRST, 6)} AS f, ${pick(LAST, 8)} AS l) AS names`,
    deals: `
    INSERT INTO opportunities (org_id, name, amount, pipeline_id, stage_id, probability, owner_id)
    SELECT '${org.orgId}', ${pick(COMPANY, 9)} || ' deal ' || n, (n % 500) * 100, s.pipeline_id,
      s.id, s.probability, '${org.userId}'
    FROM generate_series(1, ${OTHERS_PER_ORG}) AS n
    JOIN (SELECT pipeline_id, id, probability, row_number() OVER (ORDER BY position) - 1 AS k
          FROM pipeline_stages WHERE org_id = '${org.orgId}' AND kind = 'open') s ON s.k = n % 4`,
  };
}

const elapsed = (since) => Number(((performance.now() - since) / 1000).toFixed(1));

/**
 * Fills one organization in one transaction with its tenant set, as the API would write, so
 * that the triggers index every row for search and audit it. Seconds per step.
 */
async function generate(ownerUrl, org) {
  return withClient(ownerUrl, async (client) => {
    const seconds = {};
    await client.query('BEGIN');
    await client.query(
      "SELECT set_config('app.current_org', $1, true), set_config('app.current_user', $2, true)",
      [org.orgId, org.userId],
    );
    for (const [step, text] of Object.entries(generationSteps(org))) {
      const started = performance.now();
      await client.query(text);
      seconds[step] = elapsed(started);
      log(`data: ${org.name} ${step} in ${seconds[step]} s`);
    }
    await client.query('COMMIT');
    return seconds;
  });
}

async function ensureData(ownerUrl, orgs) {
  const counts = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query(
      'SELECT org_id, count(*)::int AS leads FROM leads WHERE org_id = ANY ($1) GROUP BY org_id',
      [orgs.map((org) => org.orgId)],
    );
    return new Map(rows.map((row) => [row.org_id, row.leads]));
  });
  const missing = orgs.filter((org) => !counts.get(org.orgId));
  if (missing.length === 0) {
    log(`data: cached (${orgs.map((o) => `${o.name} ${counts.get(o.orgId)} leads`).join(', ')})`);
    return { generated: false, seconds: 0 };
  }
  const started = performance.now();
  // One connection per organization: the two generate side by side.
  const steps = await Promise.all(missing.map((org) => generate(ownerUrl, org)));
  const vacuumStarted = performance.now();
  await withClient(ownerUrl, (client) => client.query('VACUUM ANALYZE'));
  const result = {
    generated: true,
    seconds: elapsed(started),
    vacuum_analyze_seconds: elapsed(vacuumStarted),
    steps: Object.fromEntries(missing.map((org, i) => [org.name, steps[i]])),
  };
  log(`data: generated in ${result.seconds} s (VACUUM ANALYZE ${result.vacuum_analyze_seconds} s)`);
  return result;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `total` requests, `concurrency` in flight at a time; latency of each, in milliseconds. */
async function measure(base, url, token, total, concurrency) {
  const latencies = [];
  let next = 0;
  let results = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      const started = performance.now();
      const response = await fetch(`${base}${url}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await response.json();
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      results = body.data.length;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const round = (ms) => Number(ms.toFixed(2));
  return {
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    requests_per_second: Number((total / seconds).toFixed(1)),
    results,
  };
}

async function main() {
  // A script beside the server, not the server: its one setting is where to build its database.
  // eslint-disable-next-line no-restricted-properties
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL superuser connection');
  const ownerUrl = await ensureDatabase(adminUrl);
  await migrate(ownerUrl, log);
  const appUrl = await ensureAppRole(ownerUrl, APP_ROLE);
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: ownerUrl,
    DB_POOL_SIZE: '10',
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), 'rampart-bench'),
  });
  const database = openDatabase(appUrl, config.dbPoolSize);
  const app = await buildApp(
    { config, db: database.db, mailer: createMailer(config) },
    {
      logger: false,
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address();
  const base = `http://127.0.0.1:${port}`;
  try {
    const orgs = [];
    for (const org of ORGS) orgs.push(await signIn(base, ownerUrl, org));
    const data = await ensureData(ownerUrl, orgs);
    const sizes = await withClient(ownerUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM accounts)::int AS accounts,
           (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM opportunities)::int AS deals,
           (SELECT count(*) FROM search_terms)::int AS search_terms`,
      );
      return rows[0];
    });

    const measured = orgs[0];
    const targets = [
      { name: 'GET /api/v1/leads?limit=50', url: '/api/v1/leads?limit=50' },
      ...SEARCHES.map((q) => ({
        name: `GET /api/v1/search?q=${q}`,
        url: `/api/v1/search?q=${encodeURIComponent(q)}`,
      })),
    ];
    const results = [];
    for (const target of targets) {
      await measure(base, target.url, measured.token, WARMUP, 1);
      for (const concurrency of CONCURRENCY) {
        const figures = await measure(base, target.url, measured.token, REQUESTS, concurrency);
        results.push({ endpoint: target.name, concurrency, requests: REQUESTS, ...figures });
        log(`${target.name} c=${concurrency}: p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`);
      }
    }

    console.log(
      `\nRampart API latency: ${sizes.leads} leads, ${sizes.accounts} accounts, ${sizes.contacts} contacts, ` +
        `${sizes.deals} deals in ${orgs.length} organizations; measured as ${measured.name}\n`,
    );
    console.table(
      results.map((r) => ({
        endpoint: r.endpoint,
        concurrency: r.concurrency,
        'p50 ms': r.p50_ms,
        'p95 ms': r.p95_ms,
        'p99 ms': r.p99_ms,
        'req/s': r.requests_per_second,
        results: r.results,
      })),
    );
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          measured_at: new Date().toISOString(),
          machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
          postgres: await withClient(
            ownerUrl,
            async (c) => (await c.query('SHOW server_version')).rows[0].server_version,
          ),
          data: {
            ...sizes,
            organizations: orgs.length,
            per_org_leads: LEADS_PER_ORG,
            generation: data,
          },
          results,
        },
        null,
        2,
      )}\n`,
    );
    log(`written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
