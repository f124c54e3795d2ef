import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from './support/global-setup.js';
import { ensureServerBuilt } from './support/processes.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

const script = path.resolve(import.meta.dirname, '../../scripts/rampart.mjs');

let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  await ensureServerBuilt();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-cli-'));
  mkdirSync(path.join(dataDir, 'files', 'incoming'), { recursive: true });
  t = await createTestApp({ env: { DATA_DIR: dataDir }, poolSize: 10 });
}, 240_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command line, as an operator runs it, against this file's scratch database. */
function rampart(args: string[], input = ''): Promise<Run> {
  const child = spawn(process.execPath, [script, ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: t.testDb.ownerUrl,
      APP_DATABASE_URL: t.testDb.appUrl,
      WORKER_DATABASE_URL: t.testDb.workerUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: dataDir,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const signIn = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

const me = (who: SignedUp) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: who.auth });

interface Listed {
  id: string;
  name: string;
  suspended: boolean;
  members: Array<{ email: string; role: string }>;
  records: Record<string, number>;
  rows: number;
  files: number;
  file_bytes: number;
  bytes: number;
}

async function listed(): Promise<Listed[]> {
  const run = await rampart(['org', 'list', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

describe('the command line', () => {
  it('explains every command, and refuses a bad command line with exit code 2', async () => {
    const help = await rampart(['--help']);
    expect(help.code).toBe(0);
    const commands = [
      ['migrate'],
      ['user', 'create'],
      ['user', 'reset-password'],
      ['org', 'create'],
      ['org', 'list'],
      ['org', 'suspend'],
      ['org', 'unsuspend'],
      ['org', 'delete'],
      ['org', 'export'],
      ['org', 'import'],
      ['check'],
      ['backup'],
      ['restore'],
    ];
    for (const command of commands) {
      expect(help.stdout).toContain(command.join(' '));
      const own = await rampart([...command, '--help']);
      expect(own.code, command.join(' ')).toBe(0);
      expect(own.stdout).toContain(`Usage: rampart ${command.join(' ')}`);
    }

    const refusals: Array<[string[], RegExp]> = [
      [[], /Usage: npx rampart/],
      [['frobnicate'], /unknown command: frobnicate/],
      [['org', 'frobnicate'], /unknown command: org frobnicate/],
      [['user', 'create', '--email', 'x@example.com'], /--name is required/],
      [['org', 'create', '--name', 'Acme', '--colour', 'red'], /Unknown option '--colour'/],
      [['org', 'suspend'], /name the <organization id>/],
      [['org', 'suspend', 'acme'], /id: is not an organization id/],
      [['org', 'delete', 'a', 'b'], /unexpected argument: b/],
      [['check', 'now'], /unexpected argument: now/],
      [['org', 'export', randomUUID()], /--out is required/],
      [['org', 'import', randomUUID(), '--file', '/nowhere/export.zip'], /does not exist/],
      [['user', 'create', '--email', 'not-an-email', '--name', 'N', '--password', 'x'], /email/],
    ];
    for (const [args, message] of refusals) {
      const run = await rampart(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 600_000);

  it('migrates, creates an account and an organization, and resets a password', async () => {
    const migrated = await rampart(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('migrations applied');

    const email = `cli-${Date.now()}@example.com`;
    const typed = 'a passphrase typed at the prompt';
    const created = await rampart(['user', 'create', '--email', email, '--name', 'Cleo'], typed);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout + created.stderr).not.toContain(typed);
    const again = await rampart(['user', 'create', '--email', email, '--name', 'Cleo'], typed);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');

    const org = await rampart(['org', 'create', '--name', 'Cleo & Co', '--owner', email]);
    expect(org.code, org.stderr).toBe(0);
    const orgId = /\(([0-9a-f-]{36})\)/.exec(org.stdout)?.[1];
    const signedIn = await signIn(email, typed);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json<{ orgs: Array<{ id: string; role: string }> }>().orgs).toEqual([
      expect.objectContaining({ id: orgId, role: 'owner' }),
    ]);
    const noOwner = await rampart([
      'org',
      'create',
      '--name',
      'X',
      '--owner',
      'nobody@example.com',
    ]);
    expect(noOwner.code).toBe(1);
    expect(noOwner.stderr).toContain('not found');

    const reset = await rampart(['user', 'reset-password', '--email', email]);
    expect(reset.code, reset.stderr).toBe(0);
    const generated = /new password for .*: (\S+)/.exec(reset.stdout)?.[1] ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(16);
    expect((await signIn(email, typed)).statusCode).toBe(401);
    expect((await signIn(email, generated)).statusCode).toBe(200);

    const chosen = 'another passphrase, typed twice';
    const prompted = await rampart(
      ['user', 'reset-password', '--email', email, '--prompt'],
      chosen,
    );
    expect(prompted.code, prompted.stderr).toBe(0);
    expect(prompted.stdout + prompted.stderr).not.toContain(chosen);
    expect((await signIn(email, chosen)).statusCode).toBe(200);
  }, 600_000);

  it('lists organizations with their members, records and size', async () => {
    const owner = await signUp(t.app, 'cli-list');
    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: owner.auth,
      payload: { last_name: 'Listed', company: 'Counted Ltd' },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const org = (await listed()).find((candidate) => candidate.id === owner.orgId);
    expect(org).toMatchObject({
      suspended: false,
      members: [{ email: owner.email, role: 'owner' }],
      records: { lead: 1, account: 0, contact: 0, deal: 0 },
      files: 0,
    });
    expect(org!.bytes).toBeGreaterThan(0);
    const text = await rampart(['org', 'list']);
    expect(text.stdout).toContain(`${owner.orgId}  ${org!.name}`);
    expect(text.stdout).toContain('1 lead');
  }, 600_000);

  it("suspends an organization: its members get 403 org_suspended, others don't", async () => {
    const a = await signUp(t.app, 'cli-suspended');
    const b = await signUp(t.app, 'cli-open');
    const suspended = await rampart(['org', 'suspend', a.orgId]);
    expect(suspended.code, suspended.stderr).toBe(0);

    const refused = await me(a);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('org_suspended');
    const leads = await t.app.inject({ method: 'GET', url: '/api/v1/leads', headers: a.auth });
    expect(leads.statusCode).toBe(403);
    expect(leads.json().error.code).toBe('org_suspended');
    const signIn403 = await signIn(a.email, a.password);
    expect(signIn403.statusCode).toBe(403);
    expect(signIn403.json().error.code).toBe('org_suspended');
    expect((await me(b)).statusCode).toBe(200);
    expect((await signIn(b.email, b.password)).statusCode).toBe(200);
    expect((await listed()).find((org) => org.id === a.orgId)?.suspended).toBe(true);

    const back = await rampart(['org', 'unsuspend', a.orgId]);
    expect(back.code, back.stderr).toBe(0);
    expect((await me(a)).statusCode).toBe(200);
    expect((await signIn(a.email, a.password)).statusCode).toBe(200);
  }, 600_000);

  it('deletes every row and file of one organization and leaves the other as it was', async () => {
    const gone = await signUp(t.app, 'cli-deleted');
    const kept = await signUp(t.app, 'cli-kept');
    for (const who of [gone, kept]) {
      const sample = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sample-data',
        headers: who.auth,
      });
      expect(sample.statusCode, sample.body).toBe(201);
      const contact = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: who.auth,
        payload: { last_name: 'Filed' },
      });
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/v1/files?contact_id=${contact.json().id}&name=note.txt`,
        headers: { ...who.auth, 'content-type': 'text/plain' },
        payload: `a file of ${who.email}`,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }

    // Every table with org_id, from the catalog: a count and a digest of its rows per organization.
    const tables = (
      await t.ownerQuery<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
      )
    ).map((row) => row.name);
    expect(tables.length).toBeGreaterThan(30);
    const snapshot = async (orgId: string) => {
      const result: Record<string, string> = {};
      for (const table of tables) {
        const [row] = await t.ownerQuery<{ rows: number; digest: string | null }>(
          `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
           FROM ${table} t WHERE org_id = $1`,
          [orgId],
        );
        result[table] = `${row!.rows} ${row!.digest ?? ''}`;
      }
      return result;
    };
    const blobsOf = async (orgId: string) =>
      (
        await t.ownerQuery<{ blob_key: string }>('SELECT blob_key FROM files WHERE org_id = $1', [
          orgId,
        ])
      ).map((row) => path.join(dataDir, 'files', row.blob_key.slice(0, 2), row.blob_key));

    const goneBlobs = await blobsOf(gone.orgId);
    const keptBlobs = await blobsOf(kept.orgId);
    expect(goneBlobs).toHaveLength(1);
    expect(goneBlobs.every((file) => existsSync(file))).toBe(true);
    const before = await snapshot(gone.orgId);
    const keptBefore = await snapshot(kept.orgId);
    const populated = Object.values(before).filter((value) => !value.startsWith('0 '));
    expect(populated.length).toBeGreaterThan(10);

    // Not on a terminal, and without --yes: nothing happens.
    const refused = await rampart(['org', 'delete', gone.orgId]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing without --yes');
    expect(await snapshot(gone.orgId)).toEqual(before);

    const deleted = await rampart(['org', 'delete', gone.orgId, '--yes']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/deleted .* rows and 1 files/);

    const after = await snapshot(gone.orgId);
    expect(after).toEqual(Object.fromEntries(tables.map((table) => [table, '0 '])));
    expect(await t.ownerQuery('SELECT 1 FROM orgs WHERE id = $1', [gone.orgId])).toEqual([]);
    expect(goneBlobs.some((file) => existsSync(file))).toBe(false);
    expect(await snapshot(kept.orgId)).toEqual(keptBefore);
    expect(keptBlobs.every((file) => existsSync(file))).toBe(true);
    expect((await me(kept)).statusCode).toBe(200);
    expect((await listed()).map((org) => org.id)).not.toContain(gone.orgId);

    const twice = await rampart(['org', 'delete', gone.orgId, '--yes']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('Organization not found');
  }, 600_000);

  it('moves an organization into another through export and import', async () => {
    const source = await signUp(t.app, 'cli-moved');
    const sample = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sample-data',
      headers: source.auth,
    });
    expect(sample.statusCode, sample.body).toBe(201);
    const file = path.join(dataDir, 'moved.zip');
    const exported = await rampart(['org', 'export', source.orgId, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const again = await rampart(['org', 'export', source.orgId, '--out', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');

    // Into a new organization of another person, as on another instance.
    const target = await signUp(t.app, 'cli-target');
    const imported = await rampart(['org', 'import', target.orgId, '--file', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const total = async (who: SignedUp, kind: string) =>
      (await t.app.inject({ url: `/api/v1/${kind}?limit=1&count=true`, headers: who.auth })).json<{
        total: number;
      }>().total;
    for (const kind of ['leads', 'accounts', 'contacts', 'deals', 'tasks']) {
      expect(await total(target, kind), kind).toBe(await total(source, kind));
      expect(await total(target, kind), kind).toBeGreaterThan(0);
    }
    // An organization with records already is refused, and keeps what it has.
    const leadsBefore = await total(source, 'leads');
    const refused = await rampart(['org', 'import', source.orgId, '--file', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('without records');
    expect(await total(source, 'leads')).toBe(leadsBefore);
  }, 600_000);

  it('writes a backup through the backup command', async () => {
    const file = path.join(dataDir, 'backup.zip');
    const run = await rampart(['backup', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('backup complete');
    expect(readdirSync(dataDir)).toContain('backup.zip');
    const missing = await rampart(['restore', path.join(dataDir, 'nothing.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  }, 600_000);

  it('checks the tenant wall and storage: 0 when healthy, 1 naming what broke', async () => {
    const healthy = await rampart(['check']);
    expect(healthy.stdout + healthy.stderr).toContain('no findings');
    expect(healthy.code).toBe(0);

    await t.ownerQuery('ALTER TABLE tags DISABLE ROW LEVEL SECURITY');
    try {
      const broken = await rampart(['check']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('rls_disabled: tags does not ENABLE ROW LEVEL SECURITY');
    } finally {
      await t.ownerQuery('ALTER TABLE tags ENABLE ROW LEVEL SECURITY');
    }
    // The check leaves nothing behind: amcheck was created for it and rolled back.
    expect(await t.ownerQuery("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).toEqual([]);
  }, 600_000);
});
