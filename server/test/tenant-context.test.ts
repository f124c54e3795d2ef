import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/pool.js';
import { withContext, withTenant } from '../src/db/tenant.js';
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
// One connection, so every unit of work below reuses the connection of the one before.
let single: DatabaseHandle;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'ctx-a');
  b = await signUp(t.app, 'ctx-b');
  for (const org of [a, b]) {
    await t.ownerQuery('INSERT INTO teams (org_id, name) VALUES ($1, $2), ($1, $3)', [
      org.orgId,
      `${org.orgId} east`,
      `${org.orgId} west`,
    ]);
  }
  single = openDatabase(t.testDb.appUrl, 1, testContextKey);
});
afterAll(async () => {
  await single.close();
  await t.close();
});

const teamsOf = (tx: Parameters<Parameters<typeof withContext>[2]>[0]) =>
  tx.selectFrom('teams').select(['org_id', 'name']).execute();

describe('the tenant context', () => {
  it('shows an organization its own rows and nothing of another', async () => {
    const rowsA = await withTenant(single.db, { orgId: a.orgId, userId: a.userId }, (tx) =>
      teamsOf(tx),
    );
    expect(rowsA).toHaveLength(2);
    expect(rowsA.every((row) => row.org_id === a.orgId)).toBe(true);
    const rowsB = await withTenant(single.db, { orgId: b.orgId, userId: b.userId }, (tx) =>
      teamsOf(tx),
    );
    expect(rowsB.map((row) => row.org_id)).toEqual([b.orgId, b.orgId]);
  });

  it('fails closed: no tenant set means zero rows, also on a connection that served a tenant before', async () => {
    await withTenant(single.db, { orgId: a.orgId, userId: a.userId }, (tx) => teamsOf(tx));
    // The same (only) connection: after commit the settings read '' and must still mean "nobody".
    const none = await withContext(single.db, { orgId: null, userId: null }, (tx) => teamsOf(tx));
    expect(none).toEqual([]);
    const outside = await single.db.selectFrom('teams').selectAll().execute();
    expect(outside).toEqual([]);
    const setting = await sql<{
      org: string | null;
    }>`SELECT current_setting('app.tenant_proof', true) AS org`.execute(single.db);
    expect(setting.rows[0]?.org ?? '').toBe('');
  });

  it('refuses writes into another organization', async () => {
    await expect(
      withContext(single.db, { orgId: a.orgId, userId: a.userId }, (tx) =>
        tx.insertInto('teams').values({ org_id: b.orgId, name: 'smuggled' }).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const updated = await withContext(single.db, { orgId: a.orgId, userId: a.userId }, (tx) =>
      tx
        .updateTable('teams')
        .set({ name: 'renamed' })
        .where('org_id', '=', b.orgId)
        .executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    const bNames = await t.ownerQuery<{ name: string }>(
      'SELECT name FROM teams WHERE org_id = $1',
      [b.orgId],
    );
    expect(bNames.map((r) => r.name)).not.toContain('renamed');
  });

  it('refuses a user who is not a member of the organization, before any work runs', async () => {
    let ran = false;
    await expect(
      withTenant(single.db, { orgId: b.orgId, userId: a.userId }, async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ problem: 'unauthenticated' });
    expect(ran).toBe(false);
  });

  it('rolls back everything when the work fails', async () => {
    await expect(
      withTenant(single.db, { orgId: a.orgId, userId: a.userId }, async (tx) => {
        await tx.insertInto('teams').values({ org_id: a.orgId, name: 'doomed' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.ownerQuery('SELECT 1 FROM teams WHERE name = $1', ['doomed']);
    expect(rows).toHaveLength(0);
  });

  it('enters the tenant in one round trip, with no session SET and no named statement', async () => {
    const sent: Array<{ text: string; named: boolean; values: unknown[] }> = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as
        string | { text?: string; name?: string; leading?: string[]; values?: unknown[] };
      const text =
        typeof first === 'string'
          ? first
          : [...(first?.leading ?? []), first?.text ?? ''].join('; ');
      sent.push({
        text,
        named: typeof first === 'object' && Boolean(first?.name),
        values: typeof first === 'string' ? ((args[1] as unknown[]) ?? []) : (first?.values ?? []),
      });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await withTenant(single.db, { orgId: a.orgId, userId: a.userId }, (tx) => teamsOf(tx));
    } finally {
      pg.Client.prototype.query = original;
    }
    // BEGIN + the signed context + membership check in one pipeline, the data statement, COMMIT.
    expect(sent).toHaveLength(3);
    expect(sent[0]?.text).toMatch(/^BEGIN; SELECT .*set_config\('app\.tenant_proof', \$1, true\)/s);
    // The proof is a parameter: the statement's text, which other sessions see, holds none.
    expect(sent[0]?.values[0]).toMatch(/^v1\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.[0-9]+\.[0-9a-f]{64}$/);
    expect(sent[0]?.text).not.toContain(String(sent[0]?.values[0]));
    expect(sent[2]?.text).toBe('COMMIT');
    expect(sent.some((s) => s.named)).toBe(false);
    expect(sent.some((s) => /^\s*(SET|RESET)\s/i.test(s.text) || /SET\s+ROLE/i.test(s.text))).toBe(
      false,
    );
  });
});
