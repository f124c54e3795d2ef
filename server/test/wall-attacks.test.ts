import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/pool.js';
import { withTenant, withTenantClient } from '../src/db/tenant.js';
import { attackerProofs, restoreUnsignedSetting } from './support/wall-attacks.js';
import {
  createTestApp,
  signUp,
  testContextKey,
  type SignedUp,
  type TestApp,
} from './support/test-app.js';

/**
 * An attacker runs any SQL they like as the API's database role: through an injection inside
 * a request of their own organization (A), or from a fresh connection (a compromised dependency).
 * They know the victim organization's (B) id, its user's id and email. Whatever they try, the
 * database must show them nothing of B and let them change nothing of B.
 *
 * The checker: every row and error message the attacker receives is searched for B's secrets
 * (a lead's name, the user's name and password hash, the id of a queued job's export), and B's
 * rows in every tenant table, its user and its queued jobs are fingerprinted before and after.
 */

interface Victim {
  orgId: string;
  userId: string;
  email: string;
  auth: { authorization: string };
  /** Strings only B may ever see. */
  secrets: string[];
}

interface Attacker {
  me: SignedUp;
  victim: Victim;
}

type Step = string | { text: string; values: unknown[] };

interface Attack {
  name: string;
  /** Statements run in one transaction, each in a savepoint so that a refusal does not end it. */
  steps: (who: Attacker) => Step[] | Promise<Step[]>;
  /** Statements run on the same connection after that transaction committed (fresh sessions only). */
  after?: (who: Attacker) => Step[];
  /** Work needing more than statements: COPY streams, watching other sessions. */
  custom?: (client: pg.ClientBase, who: Attacker, record: (seen: unknown) => void) => Promise<void>;
}

const READS = [
  'SELECT * FROM leads',
  'SELECT * FROM users',
  'SELECT * FROM memberships',
  'SELECT * FROM orgs',
  'SELECT * FROM audit_log',
];

const writes = ({ victim }: Attacker): Step[] => [
  { text: "INSERT INTO teams (org_id, name) VALUES ($1, 'planted')", values: [victim.orgId] },
  { text: "UPDATE leads SET last_name = 'defaced' WHERE org_id = $1", values: [victim.orgId] },
  { text: 'DELETE FROM notes WHERE org_id = $1', values: [victim.orgId] },
  {
    text: "UPDATE users SET name = 'defaced', password_hash = 'x' WHERE id = $1",
    values: [victim.userId],
  },
];

/** Every tenant setting the API has ever used, set to the victim. */
const claimVictim = ({ victim }: Attacker, local: boolean): Step[] => [
  {
    text: `SELECT set_config('app.current_org', $1, ${local}), set_config('app.current_user', $2, ${local})`,
    values: [victim.orgId, victim.userId],
  },
];

const readAndWrite = (who: Attacker): Step[] => [...READS, ...writes(who)];

const ATTACKS: Attack[] = [
  {
    name: 'the tenant setting set directly',
    steps: (who) => [...claimVictim(who, true), ...readAndWrite(who)],
  },
  {
    name: 'the tenant setting set for the session, read after commit',
    steps: (who) => [...claimVictim(who, false), `SET app.current_org = '${who.victim.orgId}'`],
    after: (who) => readAndWrite(who),
  },
  {
    name: 'forged, expired and other-organization proofs',
    steps: (who) =>
      attackerProofs(who.me, who.victim).flatMap((proof) => [
        { text: "SELECT set_config('app.tenant_proof', $1, true)", values: [proof] },
        ...readAndWrite(who),
      ]),
  },
  {
    name: "the request's own proof, its organization swapped",
    steps: (who) => [
      {
        text: `SELECT set_config('app.tenant_proof',
                 regexp_replace(current_setting('app.tenant_proof', true), '^v1\\.[^.]*', 'v1.' || $1),
                 true)`,
        values: [who.victim.orgId],
      },
      ...readAndWrite(who),
    ],
  },
  {
    name: "the request's own proof, replayed in a session of its own",
    steps: () => ["SELECT current_setting('app.tenant_proof', true) AS captured"],
    after: (who) => [
      {
        text: "SELECT set_config('app.tenant_proof', $1, false)",
        values: [testContextKey.proveContext(who.me.orgId, who.me.userId)],
      },
      ...READS,
      { text: 'SELECT * FROM leads WHERE org_id = $1', values: [who.victim.orgId] },
      ...writes(who),
    ],
  },
  {
    name: 'a filter on the other organization inside its own context',
    steps: ({ victim }) => [
      { text: 'SELECT * FROM leads WHERE org_id = $1', values: [victim.orgId] },
    ],
  },
  {
    name: 'RESET and SET ROLE',
    steps: (who) => [
      'RESET ALL',
      'RESET app.current_org',
      'RESET app.tenant_proof',
      'SET ROLE rampart_api',
      'SET ROLE postgres',
      'SET SESSION AUTHORIZATION postgres',
      'SET row_security = off',
      ...claimVictim(who, true),
      ...readAndWrite(who),
      'RESET ROLE',
    ],
  },
  {
    name: 'savepoints',
    steps: (who) => [
      'SAVEPOINT outer_point',
      ...claimVictim(who, true),
      'RELEASE SAVEPOINT outer_point',
      ...READS,
      'SAVEPOINT second_point',
      ...claimVictim(who, false),
      'ROLLBACK TO SAVEPOINT second_point',
      ...readAndWrite(who),
    ],
  },
  {
    name: 'a DO block and functions of its own',
    steps: ({ victim }) => [
      `DO $$ BEGIN PERFORM set_config('app.current_org', '${victim.orgId}', true); END $$`,
      ...READS,
      `CREATE FUNCTION pg_temp.peek() RETURNS SETOF leads LANGUAGE sql SECURITY DEFINER AS 'SELECT * FROM leads'`,
      'SELECT * FROM pg_temp.peek()',
    ],
  },
  {
    name: 'the job queue',
    steps: ({ victim }) => [
      'SELECT * FROM graphile_worker.jobs',
      'SELECT * FROM graphile_worker._private_jobs',
      'SELECT * FROM graphile_worker._private_tasks',
      {
        text: `SELECT graphile_worker.add_job('exports__organization',
                 json_build_object('org_id', $1::uuid, 'export_id', gen_random_uuid()))`,
        values: [victim.orgId],
      },
      {
        text: `SELECT graphile_worker.add_job('email__send',
                 json_build_object('org_id', $1::uuid, 'email_id', gen_random_uuid()))`,
        values: [victim.orgId],
      },
      "UPDATE graphile_worker._private_jobs SET run_at = now() + interval '1 year'",
      'DELETE FROM graphile_worker._private_jobs',
      "SELECT graphile_worker.remove_job('daily-digest')",
      "SELECT graphile_worker.permanently_fail_jobs(array(SELECT id FROM graphile_worker._private_jobs), 'gone')",
    ],
  },
  {
    name: 'definer functions',
    steps: (who) => [
      { text: 'SELECT * FROM auth_find_user_by_email($1)', values: [who.victim.email] },
      ...claimVictim(who, true),
      'SELECT auth_current_password_hash()',
      { text: 'SELECT * FROM audit_actor_names(ARRAY[$1::uuid])', values: [who.victim.userId] },
      "SELECT audit_security_event('auth.login', '{\"forged\": true}')",
      'SELECT current_org_currency()',
      {
        text: "SELECT audit_tag_link_entry(json_build_object('org_id', $1::uuid)::jsonb, true)",
        values: [who.victim.orgId],
      },
      {
        text: 'SELECT create_default_pipeline($1, $2)',
        values: [who.victim.orgId, who.victim.userId],
      },
    ],
  },
  {
    name: 'views',
    steps: async (who) => [
      ...claimVictim(who, true),
      'CREATE TEMP VIEW peek AS SELECT * FROM leads',
      'SELECT * FROM peek',
      'CREATE VIEW public.peek WITH (security_barrier = false) AS SELECT * FROM leads',
      ...(await readableViews(who)).map((view) => `SELECT * FROM ${view}`),
    ],
  },
  {
    name: 'COPY',
    steps: (who) => [
      ...claimVictim(who, true),
      "COPY leads TO '/tmp/rampart-leads.csv'",
      "COPY teams FROM PROGRAM 'echo planted'",
    ],
    custom: async (client, who, record) => {
      await client.query("SELECT set_config('app.current_org', $1, true)", [who.victim.orgId]);
      for (const text of ['COPY leads TO STDOUT', 'COPY (SELECT * FROM users) TO STDOUT']) {
        await client.query('SAVEPOINT copy_step');
        try {
          await pipeline(
            client.query(copyTo(text)),
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                record(chunk.toString());
                done();
              },
            }),
          );
          await client.query('RELEASE SAVEPOINT copy_step');
        } catch (error) {
          record((error as Error).message);
          await client.query('ROLLBACK TO SAVEPOINT copy_step');
        }
      }
    },
  },
  {
    name: 'large objects and server files',
    steps: () => [
      'SELECT lo_get(m.oid) FROM pg_largeobject_metadata m',
      'SELECT * FROM pg_largeobject',
      "SELECT lo_import('/etc/hostname')",
      "SELECT pg_read_file('postgresql.auto.conf')",
      "SELECT pg_read_file('/proc/self/environ')",
      "SELECT pg_read_binary_file('global/pg_control')",
      "SELECT pg_ls_dir('.')",
    ],
  },
  {
    name: 'cursors',
    steps: (who) => [
      ...claimVictim(who, true),
      'DECLARE early CURSOR WITH HOLD FOR SELECT * FROM leads',
      'FETCH ALL FROM early',
    ],
    after: () => ['FETCH ALL FROM early'],
  },
  {
    name: 'prepared statements',
    steps: (who) => [
      'PREPARE peek(uuid) AS SELECT * FROM leads WHERE org_id = $1',
      ...claimVictim(who, true),
      // Six runs: from the sixth on, PostgreSQL may use a generic plan.
      ...Array.from({ length: 7 }, () => `EXECUTE peek('${who.victim.orgId}')`),
    ],
    after: (who) => [
      ...Array.from({ length: 7 }, () => `EXECUTE peek('${who.victim.orgId}')`),
      'DEALLOCATE ALL',
    ],
  },
  {
    name: "other sessions' statements in pg_stat_activity, replayed",
    steps: () => [],
    custom: async (client, who, record) => {
      const seen = await watchOtherSessions(client, who);
      record(seen);
      // Replay every opening of another session verbatim, then read.
      for (const text of seen.filter((query) => /^\s*BEGIN/i.test(query))) {
        await client.query('SAVEPOINT replay');
        try {
          await client.query(text.replace(/^\s*BEGIN\s*;/i, '').replace(/COMMIT\s*;?\s*$/i, ''));
          for (const read of READS) record((await client.query(read)).rows);
          await client.query('RELEASE SAVEPOINT replay');
        } catch (error) {
          record((error as Error).message);
          await client.query('ROLLBACK TO SAVEPOINT replay');
        }
      }
    },
  },
];

let t: TestApp;
let a: SignedUp;

/** Views in the database's own schemas that the API role may read. */
async function readableViews(_who: Attacker): Promise<string[]> {
  const rows = await t.ownerQuery<{ name: string }>(
    `SELECT format('%I.%I', schemaname, viewname) AS name FROM pg_views
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
       AND has_table_privilege('rampart_api', format('%I.%I', schemaname, viewname), 'SELECT')`,
  );
  return rows.map((row) => row.name);
}

/**
 * Reads other sessions' statements the way an attacker would poll for them, while one of the
 * victim's units of work has just opened (a slow request: its opening is the statement shown).
 */
async function watchOtherSessions(client: pg.ClientBase, who: Attacker): Promise<string[]> {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let opened = () => undefined as void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  // Settled either way: against a wall that refuses the victim's context, it never opens.
  const victimWork = withTenant(
    t.deps.db,
    { orgId: who.victim.orgId, userId: who.victim.userId },
    async () => {
      opened();
      await held;
    },
  ).catch(() => undefined);
  await Promise.race([isOpen, victimWork]);
  try {
    const { rows } = await client.query<{ query: string }>(
      'SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.query);
  } finally {
    release();
    await victimWork;
  }
}

/** B's rows everywhere, its user and its queued jobs, as one comparable value. */
async function fingerprintOf(orgId: string, userId: string): Promise<Record<string, string>> {
  const tables = await t.ownerQuery<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await t.ownerQuery<{ print: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print
       FROM ${pg.escapeIdentifier(name)} t WHERE org_id = $1`,
      [orgId],
    );
    prints[name] = row?.print ?? '';
  }
  const [user] = await t.ownerQuery<{ print: string }>(
    'SELECT md5(u::text) AS print FROM users u WHERE id = $1',
    [userId],
  );
  prints['users'] = user?.print ?? '';
  const [jobs] = await t.ownerQuery<{ print: string }>(
    `SELECT count(*) || ':' || md5(coalesce(string_agg(j.payload::text || j.run_at::text ||
       j.attempts::text || j.max_attempts::text, '|' ORDER BY j.id), '')) AS print
     FROM graphile_worker._private_jobs j WHERE j.payload::text LIKE '%' || $1 || '%'`,
    [orgId],
  );
  prints['jobs'] = jobs?.print ?? '';
  return prints;
}

interface Outcome {
  /** The attacks whose answers held one of B's secrets. */
  reads: string[];
  /** What changed among B's rows, user or jobs. */
  writes: string[];
}

async function runStep(client: pg.ClientBase, step: Step, record: (seen: unknown) => void) {
  const { text, values } = typeof step === 'string' ? { text: step, values: [] } : step;
  await client.query('SAVEPOINT attack_step');
  try {
    const result = await client.query(text, values);
    record((Array.isArray(result) ? result : [result]).map((r: pg.QueryResult) => r.rows));
    await client.query('RELEASE SAVEPOINT attack_step');
  } catch (error) {
    record((error as Error).message);
    await client.query('ROLLBACK TO SAVEPOINT attack_step');
  }
}

/**
 * Runs every attack twice, against a victim of its own: in the attacker's own request
 * transaction, and from a fresh session.
 */
async function attackAll(appUrl: string, before?: () => Promise<void>): Promise<Outcome> {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const victims: Victim[] = [];
  for (const _attack of ATTACKS) victims.push(await newVictim());
  await before?.();
  for (const [index, attack] of ATTACKS.entries()) {
    const victim = victims[index]!;
    const who: Attacker = { me: a, victim };
    const before = await fingerprintOf(victim.orgId, victim.userId);
    const recordFor = (where: string) => (seen: unknown) => {
      const text = JSON.stringify(seen);
      if (victim.secrets.some((secret) => text.includes(secret))) {
        reads.add(`${attack.name} (${where})`);
      }
    };
    const steps = await attack.steps(who);
    // A pool of its own: what an attack leaves on its connection must not reach the next one.
    const db = openDatabase(appUrl, 1, testContextKey);
    try {
      await withTenantClient(
        db.db,
        { orgId: a.orgId, userId: a.userId },
        { checkMembership: true },
        async (client) => {
          for (const step of steps) await runStep(client, step, recordFor('in a request'));
          await attack.custom?.(client, who, recordFor('in a request'));
        },
      ).catch((error: unknown) => recordFor('in a request')((error as Error).message));
    } finally {
      await db.close();
    }
    const fresh = new pg.Client({ connectionString: appUrl });
    await fresh.connect();
    try {
      await fresh.query('BEGIN');
      for (const step of steps) await runStep(fresh, step, recordFor('fresh session'));
      await attack.custom?.(fresh, who, recordFor('fresh session'));
      await fresh.query('COMMIT');
      for (const step of attack.after?.(who) ?? []) {
        await fresh.query('BEGIN');
        await runStep(fresh, step, recordFor('fresh session, after commit'));
        await fresh.query('COMMIT');
      }
    } finally {
      await fresh.end();
    }
    const after = await fingerprintOf(victim.orgId, victim.userId);
    for (const name of Object.keys(before)) {
      if (before[name] !== after[name]) writes.add(`${attack.name}: ${name}`);
    }
  }
  return { reads: [...reads], writes: [...writes] };
}

/** A new organization with secrets: a lead, a note, its user's name and hash, a queued export. */
async function newVictim(): Promise<Victim> {
  const b = await signUp(t.app, 'victim');
  const marker = `victim-secret-${randomBytes(6).toString('hex')}`;
  const call = async (method: 'POST' | 'PATCH', url: string, payload?: object) => {
    const response = await t.app.inject({ method, url: `/api/v1${url}`, headers: b.auth, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ id: string }>();
  };
  const lead = await call('POST', '/leads', { last_name: `${marker}-lead` });
  await call('POST', '/notes', { body: `${marker}-note`, lead_id: lead.id });
  await call('PATCH', '/me', { name: `${marker}-name` });
  // Its job's payload names the export, which only B may know.
  const exported = await call('POST', '/exports');
  const [user] = await t.ownerQuery<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE id = $1',
    [b.userId],
  );
  return {
    orgId: b.orgId,
    userId: b.userId,
    email: b.email,
    auth: b.auth,
    secrets: [
      `${marker}-lead`,
      `${marker}-note`,
      `${marker}-name`,
      user!.password_hash,
      exported.id,
    ],
  };
}

beforeAll(async () => {
  t = await createTestApp({ poolSize: 6 });
  a = await signUp(t.app, 'attacker');
});

afterAll(async () => {
  await t?.close();
});

describe('SQL run as the API role', () => {
  it('can run no function as the owner but the reviewed ones', async () => {
    const rows = await t.ownerQuery<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg\\_temp\\_%'
         AND has_function_privilege('rampart_api', p.oid, 'EXECUTE')
       ORDER BY 1`,
    );
    // Each answers for the verified context only, or with counts only (docs/security.md).
    expect(rows.map((row) => row.name)).toEqual([
      'audit_actor_names(uuid[])',
      'audit_record_merged(text,uuid,jsonb)',
      'audit_security_event(text,jsonb)',
      'auth_current_password_hash()',
      'auth_find_user_by_email(text,bigint,text)',
      'auth_forget_expired_signups()',
      'auth_instance_has_accounts()',
      'email_outbox_counts()',
      'enqueue_job(text,jsonb,text,timestamp with time zone,integer)',
      'job_queue_state()',
      'verified_org()',
      'verified_user()',
    ]);
  });

  it('reads nothing of another organization and changes nothing of it, whatever it tries', async () => {
    const outcome = await attackAll(t.testDb.appUrl);
    expect(outcome).toEqual({ reads: [], writes: [] });
  }, 120_000);

  it("the checker catches a leak: against the unsigned tenant setting it sees B's rows", async () => {
    try {
      const outcome = await attackAll(t.testDb.appUrl, () => restoreUnsignedSetting(t));
      expect(outcome.reads).toContain('the tenant setting set directly (fresh session)');
      expect(outcome.writes).toContain('the tenant setting set directly: teams');
    } finally {
      await t.close();
      t = undefined as unknown as TestApp;
    }
  }, 120_000);
});
