import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Tx } from '../src/db/tenant.js';
import { auditLogQuery, recordHistoryQuery } from '../src/modules/audit/audit.repo.js';
import {
  createTestApp,
  signUp,
  testContextKey,
  type SignedUp,
  type TestApp,
} from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'audit-a');
  b = await signUp(t.app, 'audit-b');
});
afterAll(async () => {
  await t.close();
});

interface AuditEntry {
  id: number;
  occurred_at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

interface AuditRow {
  org_id: string;
  id: number;
  actor_id: string | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

/** Runs `work` as the API's role inside the member's tenant context. */
function asMember<T>(who: SignedUp, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(t.deps.db, { orgId: who.orgId, userId: who.userId }, (tx) => work(tx));
}

function get(url: string, who: { auth: { authorization: string } }) {
  return t.app.inject({ url: `/api/v1${url}`, headers: who.auth });
}

async function createTeam(who: SignedUp, name: string): Promise<string> {
  const row = await asMember(who, (tx) =>
    tx
      .insertInto('teams')
      .values({ org_id: who.orgId, name, description: 'first', created_by: who.userId })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

function historyRows(recordId: string): Promise<AuditRow[]> {
  return t.ownerQuery<AuditRow & pg.QueryResultRow>(
    'SELECT org_id, id, actor_id, action, table_name, record_id, changes FROM audit_log WHERE record_id = $1 ORDER BY id',
    [recordId],
  );
}

/** Every entry of the caller's audit log, page by page. */
async function walkAuditLog(who: SignedUp, query = '', limit = 50): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    const response = await get(`/audit-log?${params}`, who);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ data: AuditEntry[]; next_cursor: string | null }>();
    entries.push(...body.data);
    cursor = body.next_cursor;
    if (!cursor) return entries;
  }
  throw new Error('the audit log did not end');
}

/** Signs `user` in to `org` with `role` and returns a caller for that organization. */
async function joinAs(org: SignedUp, role: 'admin' | 'member', label: string): Promise<SignedUp> {
  const user = await signUp(t.app, label);
  await t.ownerQuery('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3)', [
    org.orgId,
    user.userId,
    role,
  ]);
  const switched = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/switch-org',
    payload: { org_id: org.orgId },
    headers: user.auth,
  });
  expect(switched.statusCode, switched.body).toBe(200);
  const token = switched.json<{ access_token: string }>().access_token;
  return { ...user, orgId: org.orgId, auth: { authorization: `Bearer ${token}` } };
}

describe('the audit trigger', () => {
  it('records inserts, updates and deletes with the organization, the actor and what changed', async () => {
    const teamId = await createTeam(a, 'Sales');
    await asMember(a, (tx) =>
      tx.updateTable('teams').set({ name: 'Revenue' }).where('id', '=', teamId).execute(),
    );
    await asMember(a, (tx) => tx.deleteFrom('teams').where('id', '=', teamId).execute());

    const rows = await historyRows(teamId);
    expect(rows.map((row) => row.action)).toEqual(['insert', 'update', 'delete']);
    for (const row of rows) {
      expect(row).toMatchObject({ org_id: a.orgId, actor_id: a.userId, table_name: 'teams' });
    }
    const [inserted, updated, deleted] = rows;
    expect(inserted?.changes).toEqual({
      id: { new: teamId },
      name: { new: 'Sales' },
      description: { new: 'first' },
      created_by: { new: a.userId },
    });
    // Only what changed; updated_at, moved by its own trigger, is not a change worth recording.
    expect(updated?.changes).toEqual({ name: { old: 'Sales', new: 'Revenue' } });
    expect(deleted?.changes).toEqual({
      id: { old: teamId },
      name: { old: 'Revenue' },
      description: { old: 'first' },
      created_by: { old: a.userId },
    });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const teamId = await createTeam(a, 'Unchanged');
    await asMember(a, async (tx) => {
      await tx
        .updateTable('teams')
        .set((eb) => ({ name: eb.ref('name'), description: 'first' }))
        .where('id', '=', teamId)
        .execute();
    });
    expect((await historyRows(teamId)).map((row) => row.action)).toEqual(['insert']);
  });

  it('redacts secret columns', async () => {
    const secret = Buffer.from('a secret token hash that must never be logged');
    const replacement = Buffer.from('another secret token hash');
    const invitation = await asMember(a, (tx) =>
      tx
        .insertInto('invitations')
        .values({
          org_id: a.orgId,
          email: 'invitee@example.com',
          role: 'member',
          token_hash: secret,
          expires_at: new Date(Date.now() + 86_400_000),
          created_by: a.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await asMember(a, (tx) =>
      tx
        .updateTable('invitations')
        .set({ token_hash: replacement })
        .where('id', '=', invitation.id)
        .execute(),
    );
    const rows = await historyRows(invitation.id);
    expect(rows.map((row) => row.changes['token_hash'])).toEqual([
      { new: '[redacted]' },
      { old: '[redacted]', new: '[redacted]' },
    ]);
    expect(rows[0]?.changes['email']).toEqual({ new: 'invitee@example.com' });
    const text = JSON.stringify(rows);
    for (const value of [secret, replacement]) {
      expect(text).not.toContain(value.toString('hex'));
      expect(text).not.toContain(value.toString('base64'));
    }
  });

  it('keeps history out of reach of the API role', async () => {
    await createTeam(a, 'Permanent');
    const snapshot = () =>
      t.ownerQuery('SELECT * FROM audit_log WHERE org_id = $1 ORDER BY id', [a.orgId]);
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);

    const client = new pg.Client({ connectionString: t.testDb.appUrl });
    await client.connect();
    try {
      const attempts = [
        "UPDATE audit_log SET action = 'forged'",
        'DELETE FROM audit_log',
        `INSERT INTO audit_log (org_id, action) VALUES ('${a.orgId}', 'forged')`,
        'TRUNCATE audit_log',
      ];
      for (const statement of attempts) {
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.tenant_proof', $1, true)", [
          testContextKey.proveContext(a.orgId, a.userId),
        ]);
        await expect(client.query(statement), statement).rejects.toMatchObject({
          code: '42501',
          message: expect.stringContaining('permission denied'),
        });
        await client.query('ROLLBACK');
      }
      // The one door the API role has writes only the fixed security events.
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_proof', $1, true)", [
        testContextKey.proveContext(a.orgId, null),
      ]);
      await expect(
        client.query("SELECT audit_security_event('auth.anything_i_like')"),
      ).rejects.toMatchObject({ code: '22023' });
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /audit-log', () => {
  it("shows an organization's admins their own history and nothing of another organization", async () => {
    const teamA = await createTeam(a, 'Alpha team');
    const teamB = await createTeam(b, 'Beta team');

    const entries = await walkAuditLog(a, '', 7);
    const ownIds = await t.ownerQuery<{ id: number }>(
      'SELECT id FROM audit_log WHERE org_id = $1 ORDER BY occurred_at DESC, id DESC',
      [a.orgId],
    );
    const otherIds = new Set(
      (
        await t.ownerQuery<{ id: number }>('SELECT id FROM audit_log WHERE org_id <> $1', [a.orgId])
      ).map((row) => Number(row.id)),
    );
    expect(otherIds.size).toBeGreaterThan(0);
    // Every page, in order, without gaps or repeats, and none of b's entries.
    expect(entries.map((entry) => entry.id)).toEqual(ownIds.map((row) => Number(row.id)));
    expect(entries.filter((entry) => otherIds.has(entry.id))).toEqual([]);
    expect(JSON.stringify(entries)).not.toContain(b.orgId);
    expect(JSON.stringify(entries)).not.toContain(teamB);

    const created = entries.find((entry) => entry.record_id === teamA);
    expect(created).toMatchObject({
      action: 'insert',
      table_name: 'teams',
      actor: { id: a.userId, name: expect.stringContaining('audit-a') },
      changes: { name: { new: 'Alpha team' } },
    });
    expect(Date.parse(created?.occurred_at ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // b's record is unknown to a, whether listed by id or asked for directly.
    const filtered = await get(`/audit-log?record_id=${teamB}`, a);
    expect(filtered.json().data).toEqual([]);
    const foreign = await get(`/audit-log/records/${teamB}`, a);
    const unknown = await get('/audit-log/records/00000000-0000-4000-8000-000000000000', a);
    expect(foreign.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(foreign.json()).toEqual(unknown.json());
    expect((await get(`/audit-log/records/${teamB}`, b)).statusCode).toBe(200);
  });

  it('records sign-ins and failed sign-ins in the organization', async () => {
    const c = await signUp(t.app, 'audit-c');
    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: c.email, password },
      });
    expect((await login(c.password)).statusCode).toBe(200);
    expect((await login('not the password at all')).statusCode).toBe(401);

    const entries = await walkAuditLog(c);
    const security = entries.filter((entry) => entry.action.startsWith('auth.'));
    expect(security.map((entry) => entry.action)).toEqual(['auth.login_failed', 'auth.login']);
    for (const entry of security) {
      expect(entry).toMatchObject({
        actor: { id: c.userId },
        table_name: null,
        record_id: null,
        changes: { ip: expect.any(String) },
      });
    }
    const only = await get('/audit-log?action=auth.login_failed', c);
    expect(only.json().data).toHaveLength(1);
  });

  it('is for admins and owners; any member may read the history of a lead, not of a team', async () => {
    const teamId = await createTeam(a, 'Admin history');
    const leadId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/leads',
        headers: a.auth,
        payload: { last_name: 'Visible history' },
      })
    ).json<{ id: string }>().id;
    const member = await joinAs(a, 'member', 'audit-member');
    const admin = await joinAs(a, 'admin', 'audit-admin');

    const refused = await get('/audit-log', member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await get('/audit-log', admin)).statusCode).toBe(200);

    const history = await get(`/audit-log/records/${leadId}`, member);
    expect(history.statusCode).toBe(200);
    expect(history.json().data).toEqual([
      expect.objectContaining({ action: 'insert', record_id: leadId }),
    ]);
    expect((await get(`/audit-log/records/${teamId}`, member)).statusCode).toBe(404);
    expect((await get(`/audit-log/records/${teamId}`, admin)).json().data).toEqual([
      expect.objectContaining({ action: 'insert', record_id: teamId }),
    ]);
  });

  it('names actors who have since left the organization', async () => {
    const leaver = await joinAs(a, 'admin', 'audit-leaver');
    const teamId = await createTeam(leaver, 'Made by a leaver');
    await t.ownerQuery('DELETE FROM memberships WHERE org_id = $1 AND user_id = $2', [
      a.orgId,
      leaver.userId,
    ]);
    const history = await get(`/audit-log/records/${teamId}`, a);
    expect(history.json().data[0].actor).toEqual({
      id: leaver.userId,
      name: expect.stringContaining('audit-leaver'),
    });
    // A user who never acted here stays nameless to this organization.
    const stranger = await asMember(a, (tx) =>
      sql`SELECT * FROM audit_actor_names(${[b.userId, a.userId]}::uuid[])`.execute(tx),
    );
    expect(stranger.rows).toEqual([{ id: a.userId, name: expect.any(String) }]);
  });
});

describe('history of a record', () => {
  it('lists it oldest first, page by page', async () => {
    const teamId = await createTeam(a, 'Renamed often');
    for (let i = 1; i <= 4; i += 1) {
      await asMember(a, (tx) =>
        tx
          .updateTable('teams')
          .set({ name: `Renamed ${i}` })
          .where('id', '=', teamId)
          .execute(),
      );
    }
    const all = (await get(`/audit-log/records/${teamId}`, a)).json<{ data: AuditEntry[] }>();
    expect(all.data.map((entry) => entry.action)).toEqual([
      'insert',
      'update',
      'update',
      'update',
      'update',
    ]);
    expect(all.data.at(-1)?.changes['name']).toEqual({ old: 'Renamed 3', new: 'Renamed 4' });

    const first = (await get(`/audit-log/records/${teamId}?limit=3`, a)).json();
    expect(first.data).toHaveLength(3);
    const second = (
      await get(`/audit-log/records/${teamId}?limit=3&cursor=${first.next_cursor}`, a)
    ).json();
    expect(second.next_cursor).toBeNull();
    expect([...first.data, ...second.data]).toEqual(all.data);
  });
});

describe('filters', () => {
  it('filters by record, actor, action, table and time', async () => {
    const org = await signUp(t.app, 'filters');
    const colleague = await joinAs(org, 'admin', 'filters-colleague');
    const mine = await createTeam(org, 'Mine');
    const theirs = await createTeam(colleague, 'Theirs');
    await asMember(colleague, (tx) =>
      tx.updateTable('teams').set({ description: 'edited' }).where('id', '=', mine).execute(),
    );
    const all = await walkAuditLog(org);
    const list = async (query: string) => {
      const response = await get(`/audit-log?${query}`, org);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ data: AuditEntry[] }>().data;
    };

    const byRecord = await list(`record_id=${mine}`);
    expect(byRecord.map((e) => e.action)).toEqual(['update', 'insert']);
    const byActor = await list(`actor_id=${colleague.userId}`);
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actor?.id === colleague.userId)).toBe(true);
    expect(byActor.map((e) => e.record_id)).toEqual(expect.arrayContaining([mine, theirs]));
    const byAction = await list('action=update');
    expect(byAction.every((e) => e.action === 'update')).toBe(true);
    expect(byAction.map((e) => e.record_id)).toContain(mine);
    const byTable = await list('table_name=teams');
    expect(new Set(byTable.map((e) => e.record_id))).toEqual(new Set([mine, theirs]));
    const combined = await list(`table_name=teams&actor_id=${org.userId}`);
    expect(combined.map((e) => e.record_id)).toEqual([mine]);

    // from is inclusive and to exclusive.
    const [newest, second] = all;
    expect(newest && second).toBeTruthy();
    const at = encodeURIComponent(second?.occurred_at ?? '');
    const since = await list(`from=${at}`);
    expect(since.map((e) => e.id)).toEqual(
      all.filter((e) => e.occurred_at >= (second?.occurred_at ?? '')).map((e) => e.id),
    );
    const until = await list(`to=${at}`);
    expect(until.every((e) => e.occurred_at < (second?.occurred_at ?? ''))).toBe(true);
    expect(until.length + since.length).toBe(all.length);
    expect(await list('from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).toEqual([]);
    expect(await list('limit=2')).toHaveLength(2);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['from=notadate', 'from'],
      ['to=2026-13-45T00:00:00Z', 'to'],
      ['from=0000-01-01T00:00:00Z', 'from'],
      ['record_id=notauuid', 'record_id'],
      ['actor_id=42', 'actor_id'],
      ['table_name=Robert%27);DROP', 'table_name'],
      ['cursor=garbage', 'cursor'],
      [
        `cursor=${Buffer.from('["2026-01-01T00:00:00.000000Z",-1]').toString('base64url')}`,
        'cursor',
      ],
      [
        `cursor=${Buffer.from('["2026-02-30T00:00:00.000000Z",5]').toString('base64url')}`,
        'cursor',
      ],
      ['colour=blue', 'colour'],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/audit-log?${query}`, a);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      const error = response.json().error;
      expect(error.details.fields[0].field, query).toBe(field);
    }
    const badId = await get('/audit-log/records/notauuid', a);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.fields[0].field).toBe('record_id');
  });
});

describe('indexes under row-level security', () => {
  it('answers every filter from an index that leads with org_id, never a sequential scan', async () => {
    const big = await signUp(t.app, 'audit-big');
    // A large tenant: 20,000 entries over 5.5 hours, 20 actors and 5,000 records, with some
    // actions and tables rare, so that a plan reading the whole table is visibly worse.
    await t.ownerQuery(
      `INSERT INTO audit_log (org_id, occurred_at, actor_id, action, table_name, record_id, changes)
       SELECT $1, now() - make_interval(secs => n),
         CASE WHEN n % 20 = 0 THEN $2::uuid ELSE md5((n % 20)::text)::uuid END,
         CASE WHEN n % 50 = 0 THEN 'member.removed' ELSE (ARRAY['insert', 'update', 'delete'])[1 + n % 3] END,
         CASE WHEN n % 50 = 1 THEN 'team_members' ELSE (ARRAY['teams', 'memberships', 'invitations'])[1 + n % 3] END,
         md5((n % 5000)::text)::uuid, jsonb_build_object('n', n)
       FROM generate_series(1, 20000) AS n`,
      [big.orgId, big.userId],
    );
    await t.ownerQuery('ANALYZE audit_log');
    const teamId = await createTeam(a, 'Explained');
    const [someRecord] = await t.ownerQuery<{ record_id: string }>(
      "SELECT record_id FROM audit_log WHERE org_id = $1 AND changes ->> 'n' = '4321'",
      [big.orgId],
    );
    const first = { limit: 51 };
    const next = {
      limit: 51,
      after: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString().replace('Z', '000Z'),
        id: 10_000,
      },
    };
    const anHour = {
      from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 6 * 86_400_000).toISOString(),
    };

    // [case, query, what must be an index condition besides org_id]
    const cases = (
      who: SignedUp,
      recordId: string,
    ): Array<[string, (tx: Tx) => CompiledQuery, RegExp | null]> => [
      ['everything', (tx) => auditLogQuery(tx, {}, first).compile(), null],
      ['next page', (tx) => auditLogQuery(tx, {}, next).compile(), /ROW\(occurred_at, id\) </],
      ['record_id', (tx) => auditLogQuery(tx, { recordId }, first).compile(), /record_id = /],
      [
        'actor_id',
        (tx) => auditLogQuery(tx, { actorId: who.userId }, next).compile(),
        /actor_id = /,
      ],
      [
        'action',
        (tx) => auditLogQuery(tx, { action: 'member.removed' }, first).compile(),
        /action = /,
      ],
      [
        'table_name',
        (tx) => auditLogQuery(tx, { tableName: 'team_members' }, next).compile(),
        /table_name = /,
      ],
      ['from and to', (tx) => auditLogQuery(tx, anHour, first).compile(), /occurred_at >= /],
      [
        'record history',
        (tx) => recordHistoryQuery(tx, [recordId], first).compile(),
        /record_id = /,
      ],
      [
        'record history with merged records',
        (tx) => recordHistoryQuery(tx, [recordId, randomUUID()], first).compile(),
        /record_id = ANY/,
      ],
    ];
    const explain = (who: SignedUp, compile: (tx: Tx) => CompiledQuery) =>
      asMember(who, async (tx) => {
        const query = compile(tx);
        const result = await tx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
        );
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      });

    for (const [who, recordId] of [
      [a, teamId],
      [big, someRecord?.record_id ?? ''],
    ] as const) {
      for (const [name, compile, indexed] of cases(who, recordId)) {
        const plan = await explain(who, compile);
        const why = `${who === big ? 'large' : 'small'} tenant, ${name}:\n${plan}`;
        expect(plan, why).not.toMatch(/Seq Scan/);
        expect(plan, why).toMatch(/Index Scan (Backward )?using audit_log_\w+ on audit_log/);
        const conditions = plan.match(/Index Cond: .*/)?.[0] ?? '';
        // The organization leads the index condition: the query's own `org_id = <org>`, the
        // policy then a one-time check of the setting against it.
        expect(conditions, why).toMatch(new RegExp(`^Index Cond: \\(+org_id = '${who.orgId}'`));
        if (indexed) expect(conditions, why).toMatch(indexed);
      }
    }
  });
});
