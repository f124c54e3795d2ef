import http from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { ROWS_CHECKED_IN_REQUEST } from '../src/modules/imports/imports.service.js';
import { drainJobs, startTestWorker } from './support/worker.js';

let t: TestApp;
let worker: Runner;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 10 });
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

type Who = { auth: { authorization: string } };

function upload(who: Who, file: string | Buffer, query = 'kind=lead&file_name=leads.csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}`,
    headers: { ...who.auth, 'content-type': 'text/csv' },
    payload: file,
  });
}

function call(
  who: Who,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
}

async function uploaded(who: Who, file: string | Buffer, query?: string) {
  const response = await upload(who, file, query);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{
    id: string;
    columns: { header: string; fill_rate: number; samples: string[]; suggested_field: string }[];
    row_count: number;
    encoding: string;
    delimiter: string;
    ragged_lines: number[];
    fields: { name: string; required: boolean }[];
  }>();
}

/** Uploads a file of leads and dry-runs it, its columns mapped in order, duplicates skipped. */
async function dryRunLeads(who: Who, file: string, fields: string[]) {
  const { id } = await uploaded(who, file);
  const response = await call(who, 'POST', `/imports/${id}/dry-run`, {
    mapping: fields.map((field, column) => ({ column, field })),
    duplicates: 'skip',
  });
  expect(response.statusCode, response.body).toBe(200);
  return { id, report: response.json<{ rejected: unknown[] }>() };
}

async function runToEnd(who: Who, id: string) {
  const started = await call(who, 'POST', `/imports/${id}/run`);
  expect(started.statusCode, started.body).toBe(202);
  await drainJobs(t, 60_000);
  return (await call(who, 'GET', `/imports/${id}`)).json<{
    status: string;
    counts: Record<string, number>;
    dry_run: { counts: Record<string, number> };
    differs_from_dry_run: boolean;
    progress: { rows_done: number; percent: number };
  }>();
}

/** Two new members of the admin's organization who share the name Alex Smith. */
async function twoMembersCalledAlexSmith(admin: SignedUp): Promise<SignedUp[]> {
  const alexes = [
    await joinByInvitation(t.app, admin, 'member'),
    await joinByInvitation(t.app, admin, 'member'),
  ];
  await t.ownerQuery(`UPDATE users SET name = 'Alex Smith' WHERE id = ANY ($1::uuid[])`, [
    alexes.map((alex) => alex.userId),
  ]);
  return alexes;
}

const LEADS = [
  'First Name;Last Name;Email;Company;Estimated value;Notes;Tags',
  'Ada;Lovelace;ADA@example.com;Analytical;$22,000;"first line',
  'second line";vip, engine',
  'Grace;Hopper;grace@example.com;Navy;22 000,50;;',
  'Alan;;alan@example.com;Bletchley;22k;;',
  'Ada;Lovelace Again;ada@example.com;Analytical;lots;;',
  'Katherine;Johnson;kj@example.com;NASA;1.5M;;extra;cells',
].join('\r\n');

describe('CSV import of leads', () => {
  let owner: SignedUp;
  let importId: string;

  beforeAll(async () => {
    owner = await signUp(t.app, 'importer');
  });

  it('reads an upload: BOM, semicolons, a quoted newline, fill rates, samples and a mapping', async () => {
    const result = await uploaded(
      owner,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEADS)]),
    );
    importId = result.id;
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ';', row_count: 5 });
    expect(result.columns.map((c) => c.header)).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Company',
      'Estimated value',
      'Notes',
      'Tags',
    ]);
    expect(result.columns.map((c) => c.suggested_field)).toEqual([
      'first_name',
      'last_name',
      'email',
      'company',
      'estimated_value',
      'description',
      'tags',
    ]);
    expect(result.columns[1]!.fill_rate).toBe(0.8);
    expect(result.columns[5]!.samples).toEqual(['first line\nsecond line']);
    // The ragged row is the last one, which starts on line 7 (the quoted cell spans 2 and 3).
    expect(result.ragged_lines).toEqual([7]);
    // What the columns can go to, for the mapping step to offer: a lead's fields, not a deal's.
    expect(result.fields).toContainEqual({ name: 'last_name', required: true });
    expect(result.fields).toContainEqual({ name: 'first_name', required: false });
    expect(result.fields.map((f) => f.name)).not.toContain('pipeline');
  });

  it('dry run: counts and every rejected row by line, column and reason, nothing written', async () => {
    const mapping = [
      'first_name',
      'last_name',
      'email',
      'company',
      'estimated_value',
      'description',
      'tags',
    ].map((field, column) => ({ column, field }));
    const response = await call(owner, 'POST', `/imports/${importId}/dry-run`, {
      mapping,
      duplicates: 'skip',
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 3 });
    expect(report.rejected).toEqual([
      { line: 5, problems: [{ column: 'Last Name', reason: 'is required' }] },
      { line: 6, problems: [{ column: 'Estimated value', reason: '"lots" is not an amount' }] },
      { line: 7, problems: [{ column: '', reason: 'the row has 8 cells and the header 7' }] },
    ]);
    const csv = await call(owner, 'GET', `/imports/${importId}/rejections`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    // Each rejected row whole, under the file's headers, after its line and why.
    expect(csv.body.split('\r\n')).toEqual([
      'Rejected line,Rejected because,First Name,Last Name,Email,Company,Estimated value,Notes,Tags',
      '5,Last Name: is required,Alan,,alan@example.com,Bletchley,22k,,',
      '6,"Estimated value: ""lots"" is not an amount",Ada,Lovelace Again,ada@example.com,Analytical,lots,,',
      '7,the row has 8 cells and the header 7,Katherine,Johnson,kj@example.com,NASA,1.5M,,extra,cells',
      '',
    ]);
    // Corrected, the file imports again: its own columns map as before, the two in front not.
    const fixed = csv.body
      .replace(',Alan,,', ',Alan,Turing,')
      .replace(',lots,', ',1000,')
      .replace(',,extra,cells', ',,');
    // In an organization of its own, so that this one's history keeps its one import.
    const reimporter = await signUp(t.app, 'reimporter');
    const again = await uploaded(reimporter, fixed);
    expect(again.columns.map((c) => c.suggested_field)).toEqual([
      null,
      null,
      ...mapping.map((m) => m.field),
    ]);
    const redo = await call(reimporter, 'POST', `/imports/${again.id}/dry-run`, {
      mapping: mapping.map((m) => ({ column: m.column + 2, field: m.field })),
      duplicates: 'skip',
    });
    expect(redo.json().counts).toEqual({ created: 3, updated: 0, skipped: 0, rejected: 0 });
    const [leads] = await t.ownerQuery<{ count: number }>(
      'SELECT count(*)::int AS count FROM leads WHERE org_id = $1',
      [owner.orgId],
    );
    expect(leads!.count).toBe(0);
  });

  it('checks a file too large for one request in the background, with progress, and can stop it', async () => {
    // Past the rows checked within a request: every thousandth row has no last name, and the
    // last row repeats the first one's email, 20,000 rows and ten batches later.
    const rows = ROWS_CHECKED_IN_REQUEST + 500;
    const lines = ['first_name,last_name,email'];
    for (let i = 0; i < rows - 1; i++) {
      lines.push(`Big${i},${i % 1000 === 999 ? '' : `Import${i}`},big${i}@example.com`);
    }
    lines.push('Again,Twice,BIG0@example.com');
    const owner = await signUp(t.app, 'big-importer');
    const file = await uploaded(owner, lines.join('\n'));
    expect(file.row_count).toBe(rows);
    const settings = {
      mapping: ['first_name', 'last_name', 'email'].map((field, column) => ({ column, field })),
      duplicates: 'skip',
    };

    // Started and stopped: the import is as uploaded, to be checked again.
    const first = await call(owner, 'POST', `/imports/${file.id}/dry-run`, settings);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({ status: 'checking', dry_run: null });
    const stopped = await call(owner, 'POST', `/imports/${file.id}/cancel`);
    expect(stopped.json()).toMatchObject({ status: 'uploaded', dry_run: null });
    await drainJobs(t, 60_000);
    expect((await call(owner, 'GET', `/imports/${file.id}`)).json()).toMatchObject({
      status: 'uploaded',
      dry_run: null,
    });
    expect((await call(owner, 'GET', `/imports/${file.id}/dry-run`)).statusCode).toBe(409);

    const checking = await call(owner, 'POST', `/imports/${file.id}/dry-run`, settings);
    expect(checking.statusCode, checking.body).toBe(202);
    // Nothing can run while the check is under way.
    expect((await call(owner, 'POST', `/imports/${file.id}/run`)).statusCode).toBe(409);
    const seen = new Set<number>();
    for (;;) {
      const now = (await call(owner, 'GET', `/imports/${file.id}`)).json();
      if (now.status !== 'checking') break;
      seen.add(now.progress.rows_done);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([...seen].some((done) => done > 0 && done < rows)).toBe(true);

    const rejected = Math.floor(rows / 1000);
    const report = (await call(owner, 'GET', `/imports/${file.id}/dry-run`)).json();
    expect(report.counts).toEqual({
      created: rows - rejected - 1,
      updated: 0,
      skipped: 1,
      rejected,
    });
    expect(report.rejected_total).toBe(rejected);
    expect(report.rejected[0]).toEqual({
      line: 1001,
      problems: [{ column: 'last_name', reason: 'is required' }],
    });
    const [written] = await t.ownerQuery<{ count: number }>(
      "SELECT count(*)::int AS count FROM leads WHERE org_id = $1 AND email LIKE 'big%'",
      [owner.orgId],
    );
    expect(written!.count).toBe(0);
  });

  it('runs as a job and does what the dry run said, with history and one trail event', async () => {
    const done = await runToEnd(owner, importId);
    expect(done.status).toBe('completed');
    expect(done.counts).toEqual(done.dry_run.counts);
    expect(done.differs_from_dry_run).toBe(false);
    expect(done.progress).toEqual(expect.objectContaining({ rows_done: 5, percent: 100 }));
    expect(done.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 3 });
    const leads = await t.ownerQuery(
      `SELECT first_name, last_name, email, estimated_value::text, description,
         (SELECT array_agg(g.name ORDER BY g.name) FROM record_tags rt JOIN tags g ON g.org_id = rt.org_id AND g.id = rt.tag_id
          WHERE rt.org_id = l.org_id AND rt.lead_id = l.id) AS tags
       FROM leads l WHERE org_id = $1 ORDER BY last_name`,
      [owner.orgId],
    );
    expect(leads).toEqual([
      {
        first_name: 'Grace',
        last_name: 'Hopper',
        email: 'grace@example.com',
        estimated_value: '22000.50',
        description: '',
        tags: null,
      },
      {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        estimated_value: '22000.00',
        description: 'first line\nsecond line',
        tags: ['engine', 'vip'],
      },
    ]);
    const trail = await t.ownerQuery(
      `SELECT action, actor_id, changes FROM audit_log WHERE org_id = $1 AND action LIKE 'import.%'`,
      [owner.orgId],
    );
    expect(trail).toEqual([
      {
        action: 'import.completed',
        actor_id: owner.userId,
        changes: expect.objectContaining({ import_id: importId, created: 2, rejected: 3 }),
      },
    ]);
    const [ada] = await t.ownerQuery<{ id: string }>(
      `SELECT id FROM leads WHERE org_id = $1 AND email = 'ada@example.com'`,
      [owner.orgId],
    );
    const adaHistory = await call(owner, 'GET', `/audit-log/records/${ada!.id}`);
    const entries = adaHistory.json<{ data: { action: string; import_id: string | null }[] }>()
      .data;
    expect(entries.find((entry) => entry.action === 'insert')?.import_id).toBe(importId);
    // Found by the search as soon as the import says it is done, by any word of it.
    for (const words of ['lovelace', 'grace@example.com', 'Hopp']) {
      const found = await call(owner, 'GET', `/search?q=${encodeURIComponent(words)}`);
      expect(found.json().data, words).toHaveLength(1);
    }
    const history = await call(owner, 'GET', '/imports');
    expect(history.json().data).toEqual([
      expect.objectContaining({ id: importId, file_name: 'leads.csv', created_by: owner.userId }),
    ]);
  });

  it('updates duplicates with only the mapped, non-empty fields, and undo puts them back', async () => {
    const file = [
      'Email,Company,Phone',
      'ada@example.com,Difference Engines,',
      'new@example.com,New Co,555',
    ].join('\n');
    const { id } = await uploaded(owner, file);
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: [
        { column: 0, field: 'email' },
        { column: 1, field: 'company' },
        { column: 2, field: 'phone' },
      ],
      duplicates: 'update',
    });
    // The new person has no last name: rejected; Ada is updated.
    expect(dry.json().counts).toEqual({ created: 0, updated: 1, skipped: 0, rejected: 1 });
    const done = await runToEnd(owner, id);
    expect(done.counts).toEqual({ created: 0, updated: 1, skipped: 0, rejected: 1 });
    const read = () =>
      t.ownerQuery(
        `SELECT company, phone FROM leads WHERE org_id = $1 AND email = 'ada@example.com'`,
        [owner.orgId],
      );
    expect(await read()).toEqual([{ company: 'Difference Engines', phone: null }]);

    const undo = await call(owner, 'POST', `/imports/${id}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ deleted: 0, restored: 1, edited_since: [] });
    expect(await read()).toEqual([{ company: 'Analytical', phone: null }]);
  });

  it('undo deletes created records, and asks first about those edited since', async () => {
    const { id } = await uploaded(
      owner,
      'Last name,Email\nTuring,turing@example.com\nBoole,boole@example.com\n',
    );
    await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: [
        { column: 0, field: 'last_name' },
        { column: 1, field: 'email' },
      ],
      duplicates: 'skip',
    });
    await runToEnd(owner, id);
    // Someone edits Boole later.
    const [boole] = await t.ownerQuery<{ id: string }>(
      `SELECT id FROM leads WHERE org_id = $1 AND email = 'boole@example.com'`,
      [owner.orgId],
    );
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${boole!.id}`,
      headers: owner.auth,
      payload: { phone: '555 0100' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const asked = await call(owner, 'POST', `/imports/${id}/undo`, {});
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.details.edited_count).toBe(1);
    const undone = await call(owner, 'POST', `/imports/${id}/undo`, { delete_edited: true });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().deleted).toBe(2);
    const left = await t.ownerQuery(
      `SELECT email FROM leads WHERE org_id = $1 AND email IN ('turing@example.com', 'boole@example.com')`,
      [owner.orgId],
    );
    expect(left).toEqual([]);
    const status = await call(owner, 'GET', `/imports/${id}`);
    expect(status.json().status).toBe('undone');
  });

  it('says so when the run did not do what the dry run said, because the data changed', async () => {
    const { id } = await uploaded(owner, 'Last name,Email\nNew,changed@example.com\n');
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: [
        { column: 0, field: 'last_name' },
        { column: 1, field: 'email' },
      ],
      duplicates: 'skip',
    });
    expect(dry.json().counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 0 });
    // Between the dry run and the run, someone adds a lead with the same email.
    const added = await call(owner, 'POST', '/leads', {
      last_name: 'Earlier',
      email: 'changed@example.com',
    });
    expect(added.statusCode, added.body).toBe(201);
    const done = await runToEnd(owner, id);
    expect(done.counts).toEqual({ created: 0, updated: 0, skipped: 1, rejected: 0 });
    expect(done.differs_from_dry_run).toBe(true);
  });

  it('lets members read imports but only admins upload, run or undo them', async () => {
    const member = await joinByInvitation(t.app, owner, 'member');
    expect((await upload(member, 'Last name\nX\n')).statusCode).toBe(403);
    expect((await call(member, 'GET', `/imports/${importId}`)).statusCode).toBe(200);
    expect((await call(member, 'POST', `/imports/${importId}/undo`, {})).statusCode).toBe(403);
  });

  it('another organization sees none of the imports, rows or mappings', async () => {
    const other = await signUp(t.app, 'other');
    expect((await call(other, 'GET', `/imports/${importId}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/imports/${importId}/rejections`)).statusCode).toBe(404);
    expect((await call(other, 'POST', `/imports/${importId}/run`)).statusCode).toBe(404);
    expect((await call(other, 'GET', '/imports')).json().data).toEqual([]);
    const template = await call(owner, 'POST', '/import-templates', {
      name: 'HubSpot leads',
      kind: 'lead',
      mapping: [{ header: 'Email', field: 'email' }],
    });
    expect(template.statusCode, template.body).toBe(201);
    expect((await call(owner, 'GET', '/import-templates')).json().data).toHaveLength(1);
    expect((await call(other, 'GET', '/import-templates')).json().data).toEqual([]);
    const removed = await call(other, 'DELETE', `/import-templates/${template.json().id}`);
    expect(removed.statusCode).toBe(404);
  });

  it('refuses a saved mapping naming a field its kind has not', async () => {
    const response = await call(owner, 'POST', '/import-templates', {
      name: 'Accounts as leads',
      kind: 'lead',
      mapping: [
        { header: 'Email', field: 'email' },
        { header: 'Domain', field: 'domain' },
      ],
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.details.fields[0]).toMatchObject({
      field: 'mapping/1/field',
      message: expect.stringContaining('a lead has no field "domain"'),
    });
  });
});

describe('CSV import of accounts, contacts and deals', () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp(t.app, 'kinds');
  });

  async function importFile(kind: string, file: string, fields: (string | null)[], extra = {}) {
    const { id } = await uploaded(owner, file, `kind=${kind}&file_name=${kind}s.csv`);
    const mapping = fields.flatMap((field, column) => (field ? [{ column, field }] : []));
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping,
      duplicates: 'skip',
      ...extra,
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const { created, updated } = dry.json<{ counts: Record<string, number> }>().counts;
    if (created! + updated! === 0) {
      // Nothing to write: the run is refused.
      const run = await call(owner, 'POST', `/imports/${id}/run`);
      expect(run.statusCode, run.body).toBe(409);
      return dry.json();
    }
    const done = await runToEnd(owner, id);
    expect(done.counts).toEqual(dry.json().counts);
    return dry.json();
  }

  it('rejects a row with a tag made only of invisible characters, saying so, and makes no such tag', async () => {
    const leads = await importFile(
      'lead',
      'Last Name,Tags\nSeen,vip\nZero width,"vip, \u200b"\nMark alone,\u0301\n',
      ['last_name', 'tags'],
    );
    expect(leads.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 });
    expect(leads.rejected).toEqual([
      {
        line: 3,
        problems: [
          { column: 'Tags', reason: 'a tag needs a visible character; one is only U+200B' },
        ],
      },
      {
        line: 4,
        problems: [
          { column: 'Tags', reason: 'a tag needs a visible character; one is only U+0301' },
        ],
      },
    ]);
    const tags = await t.ownerQuery<{ name: string }>('SELECT name FROM tags WHERE org_id = $1', [
      owner.orgId,
    ]);
    expect(tags.map((tag) => tag.name)).toEqual(['vip']);
  });

  it('rejects a name made only of invisible characters, as the API does', async () => {
    const leads = await importFile('lead', 'Last Name\nSeen\n\u200b\n\u0301\n', ['last_name']);
    expect(leads.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 });
    expect(leads.rejected).toEqual([
      {
        line: 3,
        problems: [{ column: 'Last Name', reason: 'needs a visible character; it is only U+200B' }],
      },
      {
        line: 4,
        problems: [{ column: 'Last Name', reason: 'needs a visible character; it is only U+0301' }],
      },
    ]);
    const accounts = await importFile('account', 'Name,Domain\n\u2800,braille.example\n', [
      'name',
      'domain',
    ]);
    expect(accounts.rejected).toEqual([
      {
        line: 2,
        problems: [{ column: 'Name', reason: 'needs a visible character; it is only U+2800' }],
      },
    ]);
  });

  it('links contacts to accounts by name or domain, deals to accounts, contacts and stages', async () => {
    const accounts = await importFile(
      'account',
      'Account Name,Website,Domain,Employees,Owner\nAcme,https://acme.example,acme.example,"1,200",OWNER\nGlobex,,globex.example,12,\nAcme,,,,\n'.replace(
        'OWNER',
        owner.email,
      ),
      ['name', 'website', 'domain', 'employees', 'owner'],
    );
    // The second Acme duplicates the first row of the file: skipped.
    expect(accounts.counts).toEqual({ created: 2, updated: 0, skipped: 1, rejected: 0 });

    const contacts = await importFile(
      'contact',
      'Last Name,Email,Company,Do not contact\nRoe,roe@acme.example,Acme,yes\nDoe,doe@globex.example,globex.example,no\nPoe,poe@x.example,Initech,\n',
      ['last_name', 'email', 'account', 'do_not_contact'],
    );
    expect(contacts.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 1 });
    expect(contacts.rejected).toEqual([
      { line: 4, problems: [{ column: 'Company', reason: 'no account "Initech"' }] },
    ]);

    const deals = await importFile(
      'deal',
      'Deal Name,Amount,Account,Contact Email,Stage,Close Date\nBig one,$22k,Acme,roe@acme.example,Qualification,03/04/2026\nOther,10,Globex,,Nowhere,\n',
      ['name', 'amount', 'account', 'primary_contact', 'stage', 'expected_close_date'],
      { date_format: 'DD/MM/YYYY' },
    );
    expect(deals.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 1 });
    expect(deals.rejected[0].problems[0].column).toBe('Stage');

    const rows = await t.ownerQuery(
      `SELECT c.last_name, a.name AS account, c.do_not_contact FROM contacts c
       JOIN accounts a ON a.org_id = c.org_id AND a.id = c.account_id
       WHERE c.org_id = $1 ORDER BY c.last_name`,
      [owner.orgId],
    );
    expect(rows).toEqual([
      { last_name: 'Doe', account: 'Globex', do_not_contact: false },
      { last_name: 'Roe', account: 'Acme', do_not_contact: true },
    ]);
    const [deal] = await t.ownerQuery(
      `SELECT d.amount::text, d.expected_close_date::text, a.name AS account, c.email, s.name AS stage
       FROM deals d JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id
       JOIN contacts c ON c.org_id = d.org_id AND c.id = d.primary_contact_id
       JOIN pipeline_stages s ON s.org_id = d.org_id AND s.id = d.stage_id
       WHERE d.org_id = $1`,
      [owner.orgId],
    );
    expect(deal).toEqual({
      amount: '22000.00',
      expected_close_date: '2026-04-03',
      account: 'Acme',
      email: 'roe@acme.example',
      stage: 'Qualification',
    });
  });

  it("links a deal's primary contact by name, as Pipedrive's deals export writes it", async () => {
    await importFile('account', 'Name\nRuiz Logistics\nBerg AB\n', ['name']);
    await importFile(
      'contact',
      'First Name,Last Name,Email,Account\nAna,Ruiz,ana@ruiz.example,Ruiz Logistics\n' +
        'Sam,Lee,sam@berg.example,Berg AB\nSam,Lee,sam@elsewhere.example,\n',
      ['first_name', 'last_name', 'email', 'account'],
    );
    const deals = await importFile(
      'deal',
      'Deal - Title,Deal - Organization,Deal - Contact person,Deal - Stage\n' +
        'Fleet,Ruiz Logistics,Ana Ruiz,Prospecting\n' +
        // Two contacts are called Sam Lee: the one at the deal's account is meant.
        'Renewal,Berg AB,sam  lee,Prospecting\n' +
        'Upsell,Ruiz Logistics,Sam Lee,Prospecting\n' +
        'Ghost,Berg AB,Nobody Here,Prospecting\n',
      ['name', 'account', 'primary_contact', 'stage'],
    );
    expect(deals.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 2 });
    expect(deals.rejected).toEqual([
      {
        line: 4,
        problems: [
          {
            column: 'Deal - Contact person',
            reason:
              '2 contacts are named "Sam Lee", none of them at the deal\'s account: use the email',
          },
        ],
      },
      {
        line: 5,
        problems: [
          { column: 'Deal - Contact person', reason: 'no contact is named "Nobody Here"' },
        ],
      },
    ]);
    const linked = await t.ownerQuery(
      `SELECT d.name, c.email FROM deals d
       JOIN contacts c ON c.org_id = d.org_id AND c.id = d.primary_contact_id
       WHERE d.org_id = $1 AND d.name IN ('Fleet', 'Renewal') ORDER BY d.name`,
      [owner.orgId],
    );
    expect(linked).toEqual([
      { name: 'Fleet', email: 'ana@ruiz.example' },
      { name: 'Renewal', email: 'sam@berg.example' },
    ]);
  });

  it('names the stages and pipelines there are when a deal names one there is not', async () => {
    const deals = await importFile(
      'deal',
      'Deal - Title,Deal - Pipeline,Deal - Stage\nFleet,,Qualified\nRenewal,Enterprise,Prospecting\n',
      ['name', 'pipeline', 'stage'],
    );
    expect(deals.rejected).toEqual([
      {
        line: 2,
        problems: [
          {
            column: 'Deal - Stage',
            reason:
              'the pipeline "Sales" has no stage "Qualified"; its stages are Prospecting, ' +
              'Qualification, Proposal, Negotiation, Closed won, Closed lost',
          },
        ],
      },
      {
        line: 3,
        problems: [
          {
            column: 'Deal - Pipeline',
            reason: 'no pipeline is called "Enterprise"; the pipelines are Sales',
          },
        ],
      },
    ]);
  });

  it("puts a deal won or lost in the pipeline's won or lost stage, as Pipedrive's status says", async () => {
    const { id, columns } = await uploaded(
      owner,
      'Deal - Title,Deal - Stage,Deal - Status\n' +
        'Won one,Negotiation,won\nLost one,Proposal,Lost\nOpen one,Proposal,open\nKept,Closed won,won\n',
      'kind=deal&file_name=pipedrive-deals.csv',
    );
    expect(columns.map((c) => c.suggested_field)).toEqual(['name', 'stage', 'status']);
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['name', 'stage', 'status'].map((field, column) => ({ column, field })),
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toEqual({ created: 4, updated: 0, skipped: 0, rejected: 0 });
    // The stage the file names is not where the deal goes: the dry run says so.
    const notices = dry.json<{ notices: { message: string }[] }>().notices;
    expect(notices.filter((n) => n.message.includes('last open stage'))).toEqual([
      {
        line: 2,
        column: 'Deal - Stage',
        message: '"Negotiation" is a won deal\'s last open stage: the deal goes to "Closed won"',
      },
      {
        line: 3,
        column: 'Deal - Stage',
        message: '"Proposal" is a lost deal\'s last open stage: the deal goes to "Closed lost"',
      },
    ]);
    expect((await runToEnd(owner, id)).status).toBe('completed');
    const deals = await t.ownerQuery(
      `SELECT d.name, s.name AS stage, s.kind AS status FROM deals d
       JOIN pipeline_stages s ON s.org_id = d.org_id AND s.id = d.stage_id
       WHERE d.org_id = $1 AND d.name IN ('Won one', 'Lost one', 'Open one', 'Kept') ORDER BY d.name`,
      [owner.orgId],
    );
    expect(deals).toEqual([
      { name: 'Kept', stage: 'Closed won', status: 'won' },
      { name: 'Lost one', stage: 'Closed lost', status: 'lost' },
      { name: 'Open one', stage: 'Proposal', status: 'open' },
      { name: 'Won one', stage: 'Closed won', status: 'won' },
    ]);
  });
});

/** The organization's accounts by name, with their domains. */
const accountsOf = (who: SignedUp) =>
  t.ownerQuery<{ name: string; domain: string | null }>(
    'SELECT name, domain FROM accounts WHERE org_id = $1 ORDER BY name',
    [who.orgId],
  );

describe('account names, unique whichever way accounts match', () => {
  it('rejects a row that would give an account a name another account holds, as the run would fail', async () => {
    const admin = await signUp(t.app, 'account-names');
    const importAccounts = async (file: string, settings: object) => {
      const { id } = await uploaded(admin, file, 'kind=account&file_name=accounts.csv');
      const mapping = [
        { column: 0, field: 'name' },
        { column: 1, field: 'domain' },
      ];
      const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, { mapping, ...settings });
      expect(dry.statusCode, dry.body).toBe(200);
      const done = await runToEnd(admin, id);
      expect(done.status).toBe('completed');
      expect(done.counts).toEqual(dry.json().counts);
      return dry.json();
    };
    await importAccounts('Name,Domain\nAcme,acme.example\nGlobex,globex.example\n', {
      duplicates: 'skip',
    });

    // Matched by its domain to Acme, the row would rename Acme to Globex's name.
    const renamed = await importAccounts(
      'Name,Domain\nGlobex,acme.example\nAcme Two,acme.example\n',
      {
        duplicates: 'update',
      },
    );
    expect(renamed.counts).toEqual({ created: 0, updated: 1, skipped: 0, rejected: 1 });
    expect(renamed.rejected).toEqual([
      {
        line: 2,
        problems: [{ column: 'Name', reason: 'another account is already called "Globex"' }],
      },
    ]);

    // Matched by domain only: a name met earlier in the file, or already taken, is still taken.
    const byDomain = await importAccounts(
      'Name,Domain\nInitech,\ninitech,\nGLOBEX,globex-new.example\n',
      { duplicates: 'update', account_match: 'domain' },
    );
    expect(byDomain.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 });
    expect(byDomain.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4]);

    expect(await accountsOf(admin)).toEqual([
      { name: 'Acme Two', domain: 'acme.example' },
      { name: 'Globex', domain: 'globex.example' },
      { name: 'Initech', domain: null },
    ]);
  });
});

/**
 * Imports accounts (name, domain) updating the ones they match, and checks that the run did
 * what its dry run said: the same counts and the same rejected rows.
 */
async function importAccountsUpdating(
  admin: SignedUp,
  lines: string[],
  settings: { account_match?: string } = {},
) {
  const { id } = await uploaded(
    admin,
    ['Name,Domain', ...lines].join('\n'),
    'kind=account&file_name=accounts.csv',
  );
  const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
    mapping: ['name', 'domain'].map((field, column) => ({ column, field })),
    duplicates: 'update',
    ...settings,
  });
  expect(dry.statusCode, dry.body).toBe(200);
  const done = await runToEnd(admin, id);
  expect(done.status).toBe('completed');
  expect(done.counts).toEqual(dry.json().counts);
  const rejected = async (phase: string) =>
    (await call(admin, 'GET', `/imports/${id}/rejections?phase=${phase}`)).body;
  expect(await rejected('run')).toBe(await rejected('dry_run'));
  return done.counts;
}

describe('account names an earlier row of the file renames away', () => {
  it('frees them for later rows, in the dry run as in the run, within a batch or after it', async () => {
    const admin = await signUp(t.app, 'freed-names');
    for (const account of [
      { name: 'Acme', domain: 'acme.com' },
      { name: 'Globex', domain: 'globex.com' },
    ]) {
      expect((await call(admin, 'POST', '/accounts', account)).statusCode).toBe(201);
    }
    const importByDomain = (lines: string[]) =>
      importAccountsUpdating(admin, lines, { account_match: 'domain' });
    // Globex takes the name Acme gives up, and a new account the name Globex gives up.
    expect(
      await importByDomain(['Acme Renamed,acme.com', 'Acme,globex.com', 'Globex,new.com']),
    ).toEqual({ created: 1, updated: 2, skipped: 0, rejected: 0 });
    // The dry run said "another account is already called Acme" when the rename was in an
    // earlier batch; the run, which had written it, created the account.
    const nameless = Array.from({ length: 2_000 }, (_, n) => `,filler-${n}.example`);
    expect(await importByDomain(['Acme Two,globex.com', ...nameless, 'Acme,other.com'])).toEqual({
      created: 1,
      updated: 1,
      skipped: 0,
      rejected: 2_000,
    });
    // Two accounts taking each other's names cannot be written one after the other.
    expect(
      await importByDomain(['Swap,acme.com', 'Acme Renamed,other.com', 'Acme,acme.com']),
    ).toMatchObject({ updated: 2, rejected: 1 });
    expect(await accountsOf(admin)).toEqual([
      { name: 'Acme Renamed', domain: 'other.com' },
      { name: 'Acme Two', domain: 'globex.com' },
      { name: 'Globex', domain: 'new.com' },
      { name: 'Swap', domain: 'acme.com' },
    ]);
  });
});

describe('account domains an earlier row of the file changes', () => {
  it('match the account by its new domain and no longer by its old one, in the dry run as in the run', async () => {
    const admin = await signUp(t.app, 'moved-domains');
    for (const account of [
      { name: 'Acme', domain: 'acme.com' },
      { name: 'Globex', domain: 'globex.com' },
      { name: 'Initech' },
      { name: 'Beta', domain: 'beta.com' },
      { name: 'Gamma', domain: 'gamma.com' },
      { name: 'Delta' },
    ]) {
      expect((await call(admin, 'POST', '/accounts', account)).statusCode).toBe(201);
    }
    // Acme, found by its name, moves to acme.io. After the batch, a row with acme.io is Acme
    // (which cannot take Globex's name), and one with acme.com is Initech, found by its name.
    // The dry run, which wrote nothing, took the one for Globex and the other for Acme.
    const nameless = Array.from({ length: 2_000 }, (_, n) => `,filler-${n}.example`);
    expect(
      await importAccountsUpdating(admin, [
        'Acme,acme.io',
        ...nameless,
        'Globex,acme.io',
        'Initech,acme.com',
      ]),
    ).toEqual({ created: 0, updated: 2, skipped: 0, rejected: 2_001 });
    // The same within one batch.
    expect(
      await importAccountsUpdating(admin, ['Beta,beta.io', 'Gamma,beta.io', 'Delta,beta.com']),
    ).toEqual({
      created: 0,
      updated: 2,
      skipped: 0,
      rejected: 1,
    });
    expect(await accountsOf(admin)).toEqual([
      { name: 'Acme', domain: 'acme.io' },
      { name: 'Beta', domain: 'beta.io' },
      { name: 'Delta', domain: 'beta.com' },
      { name: 'Gamma', domain: 'gamma.com' },
      { name: 'Globex', domain: 'globex.com' },
      { name: 'Initech', domain: 'acme.com' },
    ]);
  });
});

describe('undo of the tags an import made', () => {
  it('deletes the tags it made that nothing uses any more, and keeps the others', async () => {
    const admin = await signUp(t.app, 'undo-tags');
    expect((await call(admin, 'POST', '/tags', { name: 'vip' })).statusCode).toBe(201);
    const lead = await call(admin, 'POST', '/leads', {
      last_name: 'Existing',
      email: 'existing@x.example',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const { id } = await uploaded(
      admin,
      'Last Name,Email,Tags\nNew,new@x.example,"vip, brand new"\nExisting,existing@x.example,on existing\n',
    );
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['last_name', 'email', 'tags'].map((field, column) => ({ column, field })),
      duplicates: 'update',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect((await runToEnd(admin, id)).counts).toMatchObject({ created: 1, updated: 1 });
    const tagNames = async () =>
      (
        await t.ownerQuery<{ name: string }>(
          'SELECT name FROM tags WHERE org_id = $1 ORDER BY name',
          [admin.orgId],
        )
      ).map((tag) => tag.name);
    expect(await tagNames()).toEqual(['brand new', 'on existing', 'vip']);

    const undone = await call(admin, 'POST', `/imports/${id}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    // "brand new" tagged only the lead the undo deleted; it was left in every tag list.
    expect(await tagNames()).toEqual(['on existing', 'vip']);
  });
});

describe('accounts named like a domain', () => {
  it('links a contact to an account whose name looks like a domain, when no account has it as its domain', async () => {
    const admin = await signUp(t.app, 'domain-names');
    const created = await call(admin, 'POST', '/accounts', { name: 'Booking.com' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = await uploaded(
      admin,
      'Last Name,Email,Company\nRoe,roe@booking.example,Booking.com\n',
      'kind=contact&file_name=contacts.csv',
    );
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['last_name', 'email', 'account'].map((field, column) => ({ column, field })),
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    // Read as a domain only, it was rejected: no account "booking.com".
    expect(dry.json().counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 0 });
    await runToEnd(admin, id);
    const [contact] = await t.ownerQuery(
      `SELECT a.name FROM contacts c JOIN accounts a ON a.org_id = c.org_id AND a.id = c.account_id
       WHERE c.org_id = $1`,
      [admin.orgId],
    );
    expect(contact).toEqual({ name: 'Booking.com' });
  });
});

describe('a record two batches of one import write', () => {
  it('is undone whole, and not taken for one edited since', async () => {
    const admin = await signUp(t.app, 'two-batches');
    const lead = await call(admin, 'POST', '/leads', {
      last_name: 'Kept',
      email: 'kept@example.com',
      phone: '0100',
      company: 'Before',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    // Rows 1 and 2,001 name the same records: they fall in the run's first and second batch.
    const rows = Array.from({ length: 1999 }, (_, i) => `Filler ${i},filler${i}@example.com,,`);
    const file = [
      'Last Name,Email,Phone,Company',
      'Kept,kept@example.com,0199,',
      'New,new@example.com,0111,',
      ...rows.slice(1),
      'Kept,kept@example.com,,After',
      'New,new@example.com,,Later',
    ].join('\n');
    const { id } = await uploaded(admin, file);
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['last_name', 'email', 'phone', 'company'].map((field, column) => ({
        column,
        field,
      })),
      duplicates: 'update',
    });
    expect(dry.json().counts).toEqual({ created: 1999, updated: 3, skipped: 0, rejected: 0 });
    await runToEnd(admin, id);

    const undo = await call(admin, 'POST', `/imports/${id}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    const [after] = (await call(admin, 'GET', '/leads')).json().data;
    expect(after).toMatchObject({ email: 'kept@example.com', phone: '0100', company: 'Before' });
  });
});

describe('a file whose header names two columns alike', () => {
  it('names a rejected cell by its header and its position', async () => {
    const admin = await signUp(t.app, 'same-headers');
    const { report } = await dryRunLeads(
      admin,
      'Name,Name,Email\n,Ada,ada@example.com\nLovelace,Ada,not-an-email\n',
      ['last_name', 'first_name', 'email'],
    );
    expect(report.rejected).toEqual([
      { line: 2, problems: [{ column: 'Name (column 1)', reason: 'is required' }] },
      {
        line: 3,
        problems: [{ column: 'Email', reason: '"not-an-email" is not an email address' }],
      },
    ]);
  });
});

describe('undo of a record someone put work on since the import', () => {
  it('asks before it deletes the notes and tasks with the record', async () => {
    const admin = await signUp(t.app, 'work-since');
    const { id } = await dryRunLeads(admin, 'Last Name,Email\nNoted,noted@example.com\n', [
      'last_name',
      'email',
    ]);
    await runToEnd(admin, id);
    const [lead] = (await call(admin, 'GET', '/leads')).json().data;
    const note = await call(admin, 'POST', '/notes', { lead_id: lead.id, body: 'Call notes' });
    expect(note.statusCode, note.body).toBe(201);

    const asked = await call(admin, 'POST', `/imports/${id}/undo`, {});
    expect(asked.statusCode, asked.body).toBe(409);
    expect(asked.json().error.details).toMatchObject({ edited_since: [lead.id] });
    const undone = await call(admin, 'POST', `/imports/${id}/undo`, { delete_edited: true });
    expect(undone.json()).toMatchObject({ deleted: 1, edited_since: [lead.id] });
  });

  it('asks before it deletes an account that contacts and deals were linked to since', async () => {
    const admin = await signUp(t.app, 'linked-since');
    const { id } = await uploaded(
      admin,
      'Name\nLinked Co\nAlone Co\n',
      'kind=account&file_name=accounts.csv',
    );
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: [{ column: 0, field: 'name' }],
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    await runToEnd(admin, id);
    const accounts = (await call(admin, 'GET', '/accounts')).json().data;
    const linked = accounts.find((a: { name: string }) => a.name === 'Linked Co');
    // Linking a contact changes the contact, not the account: the account looked untouched,
    // and the undo deleted it, leaving the contact without its account.
    const contact = await call(admin, 'POST', '/contacts', { last_name: 'Roe' });
    expect(contact.statusCode, contact.body).toBe(201);
    const link = await call(admin, 'PATCH', `/contacts/${contact.json().id}`, {
      account_id: linked.id,
    });
    expect(link.statusCode, link.body).toBe(200);

    const asked = await call(admin, 'POST', `/imports/${id}/undo`, {});
    expect(asked.statusCode, asked.body).toBe(409);
    expect(asked.json().error.details).toMatchObject({ edited_since: [linked.id] });
    const undone = await call(admin, 'POST', `/imports/${id}/undo`, { delete_edited: true });
    expect(undone.json()).toMatchObject({ deleted: 2, edited_since: [linked.id] });
  });
});

describe('undo of a record the import updated and someone edited since', () => {
  it('asks before it writes the values from before the import over the later edit', async () => {
    const admin = await signUp(t.app, 'changed-since');
    const lead = await call(admin, 'POST', '/leads', {
      last_name: 'Hopper',
      email: 'hopper@example.com',
      phone: '0100',
    });
    const { id } = await uploaded(admin, 'Last Name,Email,Phone\nHopper,hopper@example.com,0199\n');
    await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['last_name', 'email', 'phone'].map((field, column) => ({ column, field })),
      duplicates: 'update',
    });
    await runToEnd(admin, id);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${lead.json().id}`,
      headers: admin.auth,
      payload: { phone: '0155' },
    });
    expect(edit.statusCode, edit.body).toBe(200);

    const asked = await call(admin, 'POST', `/imports/${id}/undo`, {});
    expect(asked.statusCode, asked.body).toBe(409);
    expect(asked.json().error.details).toMatchObject({
      edited_count: 0,
      changed_since: [lead.json().id],
      changed_count: 1,
    });
    const phone = async () => (await call(admin, 'GET', '/leads')).json().data[0].phone;
    expect(await phone()).toBe('0155');
    const undone = await call(admin, 'POST', `/imports/${id}/undo`, { delete_edited: true });
    expect(undone.json()).toEqual({ deleted: 0, restored: 1, edited_since: [] });
    expect(await phone()).toBe('0100');
  });
});

describe('accounts imported with a website and no domain', () => {
  it('take the domain of their website, as the API gives them, and are matched by it', async () => {
    const admin = await signUp(t.app, 'website-domains');
    const file = 'Name,Website\nAcme,https://www.acme.example/about\nNo site,\n';
    const mapping = [
      { column: 0, field: 'name' },
      { column: 1, field: 'website' },
    ];
    const first = await uploaded(admin, file, 'kind=account&file_name=accounts.csv');
    const dry = await call(admin, 'POST', `/imports/${first.id}/dry-run`, {
      mapping,
      duplicates: 'skip',
    });
    expect(dry.json().counts).toMatchObject({ created: 2, rejected: 0 });
    await runToEnd(admin, first.id);
    const accounts = (await call(admin, 'GET', '/accounts?sort=name')).json().data;
    expect(
      accounts.map((a: { name: string; domain: string | null }) => [a.name, a.domain]),
    ).toEqual([
      ['Acme', 'acme.example'],
      ['No site', null],
    ]);

    // The same file again, accounts matched by domain: Acme is found, not made twice.
    const again = await uploaded(
      admin,
      'Name,Website\nAcme Renamed,acme.example\n',
      'kind=account&file_name=accounts.csv',
    );
    const second = await call(admin, 'POST', `/imports/${again.id}/dry-run`, {
      mapping,
      duplicates: 'update',
      account_match: 'domain',
    });
    expect(second.json().counts).toEqual({ created: 0, updated: 1, skipped: 0, rejected: 0 });
  });
});

describe('amounts and moments stored as the file says them', () => {
  it('stores a deal in the currency its row names, and refuses an amount in another', async () => {
    const admin = await signUp(t.app, 'currencies');
    const { id } = await uploaded(
      admin,
      [
        'Deal - Title,Deal - Stage,Deal - Value,Deal - Currency',
        'Euro,Qualification,"€1.234,56",EUR',
        'Plain,Qualification,500,',
        'Mismatch,Qualification,$500,eur',
        'Unknown,Qualification,5,XYZ',
      ].join('\n'),
      'kind=deal&file_name=pipedrive-deals.csv',
    );
    const fields = ['name', 'stage', 'amount', 'currency'];
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: fields.map((field, column) => ({ column, field })),
      duplicates: 'create',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().rejected).toEqual([
      {
        line: 4,
        problems: [
          {
            column: 'Deal - Value',
            reason: expect.stringMatching(/^"\$500" is in USD or .*; the row's currency is EUR$/),
          },
        ],
      },
      {
        line: 5,
        problems: [
          { column: 'Deal - Currency', reason: '"XYZ" is not a currency code such as USD' },
        ],
      },
    ]);
    expect((await runToEnd(admin, id)).counts).toMatchObject({ created: 2, rejected: 2 });
    const deals = await t.ownerQuery(
      'SELECT name, amount::text, currency FROM deals WHERE org_id = $1 ORDER BY name',
      [admin.orgId],
    );
    expect(deals).toEqual([
      { name: 'Euro', amount: '1234.56', currency: 'EUR' },
      { name: 'Plain', amount: '500.00', currency: 'USD' },
    ]);
  });

  it('keeps the time of day of a moment, and refuses an amount in another currency', async () => {
    const admin = await signUp(t.app, 'moments');
    const { id, report } = await dryRunLeads(
      admin,
      [
        'Last Name,Email,Estimated value,Last contacted,Next follow-up',
        'Euro,euro@x.example,"€1.234,56",,',
        'Pound,pound@x.example,"1,234.56 GBP",,',
        'Dollar,dollar@x.example,"1,234.56 USD",2026-02-01 14:00,12/31/2026 2:30 PM',
        'Offset,offset@x.example,$500,2026-12-31T23:30:00-05:00,2027-01-05',
      ].join('\n'),
      ['last_name', 'email', 'estimated_value', 'last_contacted_at', 'next_follow_up_at'],
    );
    expect(report.rejected).toEqual([
      {
        line: 2,
        problems: [
          {
            column: 'Estimated value',
            reason: `"€1.234,56" is in EUR; this organization's amounts are in USD`,
          },
        ],
      },
      {
        line: 3,
        problems: [
          {
            column: 'Estimated value',
            reason: `"1,234.56 GBP" is in GBP; this organization's amounts are in USD`,
          },
        ],
      },
    ]);
    const done = await runToEnd(admin, id);
    expect(done.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 2 });
    const leads = await t.ownerQuery(
      `SELECT last_name, estimated_value::text, currency,
         (last_contacted_at AT TIME ZONE 'UTC')::text AS last_contacted,
         (next_follow_up_at AT TIME ZONE 'UTC')::text AS next_follow_up
       FROM leads WHERE org_id = $1 ORDER BY last_name`,
      [admin.orgId],
    );
    expect(leads).toEqual([
      {
        last_name: 'Dollar',
        estimated_value: '1234.56',
        currency: 'USD',
        last_contacted: '2026-02-01 14:00:00',
        next_follow_up: '2026-12-31 14:30:00',
      },
      {
        last_name: 'Offset',
        estimated_value: '500.00',
        currency: 'USD',
        // 23:30 five hours behind UTC is the next day in UTC; it was stored as 31 December, 00:00.
        last_contacted: '2027-01-01 04:30:00',
        next_follow_up: '2027-01-05 00:00:00',
      },
    ]);
  });
});

describe('two-digit years', () => {
  it('reads them as spreadsheets do, and the dry run says which year each became', async () => {
    const admin = await signUp(t.app, 'two-digit-years');
    const field = await call(admin, 'POST', '/custom-fields', {
      record_type: 'lead',
      key: 'renewal',
      label: 'Renewal',
      field_type: 'date',
    });
    expect(field.statusCode, field.body).toBe(201);
    const { id } = await uploaded(
      admin,
      'Last Name,Next follow-up,Renewal\nHopper,3/4/25,12/31/99\nTuring,2026-01-02,\n',
    );
    const dryRun = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: [
        { column: 0, field: 'last_name' },
        { column: 1, field: 'next_follow_up_at' },
        { column: 2, field: 'cf.renewal' },
      ],
      duplicates: 'skip',
      date_format: 'MM/DD/YYYY',
    });
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    const notices = [
      {
        line: 2,
        column: 'Next follow-up',
        message:
          '"3/4/25" has a two-digit year, read as 2025 (00-29 as 2000-2029, 30-99 as 1930-1999)',
      },
      {
        line: 2,
        column: 'Renewal',
        message:
          '"12/31/99" has a two-digit year, read as 1999 (00-29 as 2000-2029, 30-99 as 1930-1999)',
      },
    ];
    expect(dryRun.json()).toMatchObject({
      counts: { created: 2, rejected: 0 },
      notices,
      notices_total: 2,
    });
    expect((await call(admin, 'GET', `/imports/${id}/dry-run`)).json()).toMatchObject({
      notices,
    });
    // The run says the same of the rows it wrote, after it as the dry run did before it.
    const before = (await call(admin, 'GET', `/imports/${id}`)).json();
    expect(before).toMatchObject({ notices: [], notices_total: 0 });
    const done = await runToEnd(admin, id);
    expect(done).toMatchObject({ status: 'completed', notices, notices_total: 2 });
    const [hopper] = (await call(admin, 'GET', '/leads?q=Hopper')).json().data;
    expect(hopper).toMatchObject({
      next_follow_up_at: '2025-03-04T00:00:00.000Z',
      custom_fields: { renewal: '1999-12-31' },
    });
  });
});

describe('amounts of the records an import updates', () => {
  it('checks an amount that names a currency against the currency of the record it updates', async () => {
    const admin = await signUp(t.app, 'record-currency');
    const leads = ['one', 'two', 'three'].map((name) => ({
      last_name: name,
      email: `${name}@x.example`,
      currency: 'EUR',
    }));
    const made = await Promise.all(leads.map((lead) => call(admin, 'POST', '/leads', lead)));
    expect(made.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    const { id } = await uploaded(
      admin,
      [
        'Email,Estimated value',
        'one@x.example,$500',
        'two@x.example,"€600"',
        'three@x.example,700',
        'new@x.example,"€800"',
      ].join('\n'),
    );
    const dry = await call(admin, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['email', 'estimated_value'].map((field, column) => ({ column, field })),
      duplicates: 'update',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const rejected = dry.json<{
      rejected: { line: number; problems: { column: string; reason: string }[] }[];
    }>().rejected;
    expect(rejected.map((r) => [r.line, r.problems.map((p) => p.column)])).toEqual([
      [2, ['Estimated value']],
      [5, ['Estimated value']],
    ]);
    expect(rejected[0]!.problems[0]!.reason).toMatch(
      /^"\$500" is in USD or .*; the record it updates is in EUR$/,
    );
    expect(rejected[1]!.problems[0]!.reason).toBe(
      `"€800" is in EUR; this organization's amounts are in USD`,
    );
    const done = await runToEnd(admin, id);
    expect(done.counts).toEqual({ created: 0, updated: 2, skipped: 0, rejected: 2 });
    expect(done.counts).toEqual(dry.json().counts);
    const stored = await t.ownerQuery(
      'SELECT email, estimated_value::text, currency FROM leads WHERE org_id = $1 ORDER BY email',
      [admin.orgId],
    );
    // $500 was stored as 500 EUR.
    expect(stored).toEqual([
      { email: 'one@x.example', estimated_value: null, currency: 'EUR' },
      { email: 'three@x.example', estimated_value: '700.00', currency: 'EUR' },
      { email: 'two@x.example', estimated_value: '600.00', currency: 'EUR' },
    ]);
  });
});

describe('owners named as other CRMs export them', () => {
  it('takes an owner by name, and refuses a name two members share rather than pick one', async () => {
    const admin = await signUp(t.app, 'owners');
    const jane = await joinByInvitation(t.app, admin, 'member');
    const alexes = await twoMembersCalledAlexSmith(admin);
    await t.ownerQuery(`UPDATE users SET name = 'Jane Doe' WHERE id = $1`, [jane.userId]);
    const { id, report } = await dryRunLeads(
      admin,
      `Last Name,Lead Owner\nByName,jane doe\nShared,Alex Smith\nByEmail,${alexes[1]!.email}\n`,
      ['last_name', 'owner'],
    );
    expect(report.rejected).toEqual([
      {
        line: 3,
        problems: [
          {
            column: 'Lead Owner',
            reason: 'more than one member is called "Alex Smith": use the email',
          },
        ],
      },
    ]);
    expect((await runToEnd(admin, id)).counts).toMatchObject({ created: 2, rejected: 1 });
    const owners = await t.ownerQuery(
      'SELECT last_name, owner_id FROM leads WHERE org_id = $1 ORDER BY last_name',
      [admin.orgId],
    );
    expect(owners).toEqual([
      { last_name: 'ByEmail', owner_id: alexes[1]!.userId },
      { last_name: 'ByName', owner_id: jane.userId },
    ]);
  });
});

describe('owners a list export wrote', () => {
  it('are imported back as the same member, when two members share the name', async () => {
    const admin = await signUp(t.app, 'owners-alike');
    const alexes = await twoMembersCalledAlexSmith(admin);
    const created = await call(admin, 'POST', '/leads', {
      last_name: 'Hopper',
      owner_id: alexes[1]!.userId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const exported = await call(admin, 'GET', '/leads/export?columns=last_name&columns=owner');
    const { id, report } = await dryRunLeads(admin, exported.body.replace('Hopper', 'Again'), [
      'last_name',
      'owner',
    ]);
    expect(report.rejected).toEqual([]);
    await runToEnd(admin, id);
    const [again] = (await call(admin, 'GET', '/leads?q=Again')).json().data;
    expect(again.owner_id).toBe(alexes[1]!.userId);
  });
});

describe('files the import refuses', () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp(t.app, 'refused');
  });

  const cases: [string, string | Buffer, string, Record<string, unknown>][] = [
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'not_text',
      {},
    ],
    // An Excel workbook is a ZIP archive: the answer says how to save it as CSV.
    [
      'an Excel workbook',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]),
      'spreadsheet_not_csv',
      {},
    ],
    [
      'an Excel 97-2003 workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00, 0x00, 0x00]),
      'spreadsheet_not_csv',
      {},
    ],
    ['an empty file', '', 'empty_file', {}],
    ['a header only', 'Last name,Email\n', 'no_rows', { line: 2 }],
    [
      '5,000 columns',
      Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\nx\n',
      'too_many_columns',
      { line: 1 },
    ],
    [
      'a 10 MB cell',
      `Last name,Notes\nA,"${'x'.repeat(10 * 1024 * 1024)}"\n`,
      'cell_too_long',
      { line: 2 },
    ],
    ['a file cut mid-row', 'Last name,Notes\nA,"unfinished\n', 'unterminated_row', { line: 2 }],
    [
      'a formula',
      'Last name,Notes\nA,ok\nB,=SUM(A1:A3)\n',
      'formula_cell',
      { line: 3, column: 'Notes' },
    ],
    // The import trims cells, so a space in front would not keep the formula from being stored;
    // and after a number a spreadsheet runs a function call or a DDE link (OWASP's examples).
    ...(
      [
        ['a formula behind a space', ' =SUM(A1:A3)'],
        ['a formula behind a number', "-2+3+cmd|' /C calc'!A0"],
        ['a function call behind a number', '"+1+HYPERLINK(""http://example.com"",""open"")"'],
      ] as const
    ).map(([label, cell]): [string, string, string, Record<string, unknown>] => [
      label,
      `Last name,Notes\nA,${cell}\n`,
      'formula_cell',
      { line: 2, column: 'Notes' },
    ]),
  ];
  for (const [label, file, code, where] of cases) {
    it(`refuses ${label} with a 4xx naming the problem, and keeps nothing`, async () => {
      const response = await upload(owner, file);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(422);
      expect(response.json().error).toMatchObject({ code, details: where });
      const [kept] = await t.ownerQuery<{ count: number }>(
        'SELECT count(*)::int AS count FROM imports WHERE org_id = $1',
        [owner.orgId],
      );
      expect(kept!.count).toBe(0);
    });
  }

  it('refuses a NUL byte past the first 64 KiB, naming its line and column', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},person${i}@example.com`);
    const file = `Last name,Email\n${rows.join('\n')}\nNul,nul\u0000@example.com\n`;
    const response = await upload(owner, file);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'not_text',
      details: { line: 3002, column: 'Email' },
    });
  });

  it('refuses bytes that are not UTF-8 in a file said to be UTF-8, naming the line', async () => {
    const file = Buffer.concat([
      Buffer.from('Last name\nA\n'),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]),
    ]);
    const response = await upload(owner, file, 'kind=lead&file_name=x.csv&encoding=utf-8');
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'wrong_encoding', details: { line: 3 } });
  });

  it('reads a Windows-1252 file whose first accent comes after 64 KiB of plain text', async () => {
    const names = Array.from({ length: 7000 }, (_, i) => `Name ${i}`).join('\n');
    const latin = Buffer.concat([
      Buffer.from(`Last name\n${names}\n`),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]),
    ]);
    const result = await uploaded(owner, latin);
    expect(result).toMatchObject({ encoding: 'windows-1252', row_count: 7001 });
    const [last] = await t.ownerQuery<{ cells: string[] }>(
      'SELECT cells FROM import_rows WHERE org_id = $1 AND import_id = $2 AND line = 7002',
      [owner.orgId, result.id],
    );
    expect(last!.cells).toEqual(['Müller']);

    // A file that has shown UTF-8 beyond ASCII is UTF-8: a later stray byte is an error in it.
    const mixed = Buffer.concat([
      Buffer.from(`Last name\nZoë\n${names}\n`),
      Buffer.from([0xfc, 0x0a]),
    ]);
    const refused = await upload(owner, mixed);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'wrong_encoding', details: { line: 7003 } });
  });

  it('refuses a Windows-1252 file with a byte that encoding has no character for, naming where', async () => {
    for (const [byte, query] of [
      [0x81, 'kind=lead&file_name=x.csv'],
      [0x9d, 'kind=lead&file_name=x.csv&encoding=windows-1252'],
    ] as const) {
      // Müller, then one of the five bytes Windows-1252 leaves undefined.
      const file = Buffer.from([
        ...Buffer.from('Last name,Company\nA,B\n'),
        ...[0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72],
        ...Buffer.from(',Acme '),
        byte,
        0x0a,
      ]);
      const response = await upload(owner, file, query);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'wrong_encoding',
        details: { line: 3, column: 'Company' },
      });
    }
  });

  it('reads Windows-1252 and UTF-16 files', async () => {
    const latin = Buffer.from([
      ...Buffer.from('Last name\n'),
      0x4d,
      0xfc,
      0x6c,
      0x6c,
      0x65,
      0x72,
      0x0a,
    ]);
    const one = await uploaded(owner, latin);
    expect(one.encoding).toBe('windows-1252');
    expect(one.columns[0]!.samples).toEqual(['Müller']);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Last name\tEmail\r\nMüller\tm@example.com\r\n', 'utf16le'),
    ]);
    const two = await uploaded(owner, utf16);
    expect(two).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(two.columns[0]!.samples).toEqual(['Müller']);
  });

  it('takes quotes inside a cell that does not start with one, as spreadsheets do', async () => {
    const file = await uploaded(
      owner,
      'Last name,Size\nA,"24"" screen"\nB,24" monitor\nC,5\'10"\n',
    );
    expect(file.columns[1]!.samples).toEqual(['24" screen', '24" monitor', `5'10"`]);
  });

  it('takes phone numbers and negative numbers, which start like formulas but are none', async () => {
    const file = await uploaded(
      owner,
      'Last name,Phone,Notes\nA,+1 (555) 010-9999,-5\nB,+44 20 7946 0958 ext. 12,-1.5 kg\n',
    );
    expect(file.columns[1]!.samples).toEqual(['+1 (555) 010-9999', '+44 20 7946 0958 ext. 12']);
  });
});

describe('custom fields in an import', () => {
  type Field = { id: string; key: string; options: Array<{ id: string; label: string }> };
  /** The same lead fields in an organization: a select, a multi-select, money, date, yes/no, member. */
  async function defineFields(who: SignedUp): Promise<Record<string, Field>> {
    const specs: Array<Record<string, unknown>> = [
      {
        key: 'region',
        label: 'Sales region',
        field_type: 'select',
        options: [{ label: 'North' }, { label: 'South' }],
      },
      {
        key: 'topics',
        label: 'Topics',
        field_type: 'multi_select',
        options: [{ label: 'Pricing' }, { label: 'Support' }],
      },
      { key: 'budget', label: 'Budget', field_type: 'money' },
      { key: 'renewal', label: 'Renewal', field_type: 'date' },
      { key: 'signed', label: 'Signed', field_type: 'checkbox' },
      { key: 'handler', label: 'Handled by', field_type: 'member' },
    ];
    const fields: Record<string, Field> = {};
    for (const spec of specs) {
      const response = await call(who, 'POST', '/custom-fields', { record_type: 'lead', ...spec });
      expect(response.statusCode, response.body).toBe(201);
      fields[spec['key'] as string] = response.json();
    }
    return fields;
  }

  it('refuses an amount of a custom money field typed in another currency', async () => {
    const admin = await signUp(t.app, 'custom-currency');
    await defineFields(admin);
    const { report } = await dryRunLeads(admin, 'Last Name,Budget\nEuro,€500\nDollar,$500\n', [
      'last_name',
      'cf.budget',
    ]);
    expect(report.rejected).toEqual([
      {
        line: 2,
        problems: [
          { column: 'Budget', reason: `"€500" is in EUR; this organization's amounts are in USD` },
        ],
      },
    ]);
  });

  it('finds options and members whatever the spaces and accent encoding of the cell', async () => {
    const admin = await signUp(t.app, 'spaced');
    const name = (await call(admin, 'GET', '/me')).json().user.name as string;
    const field = await call(admin, 'POST', '/custom-fields', {
      record_type: 'lead',
      key: 'area',
      label: 'Area',
      field_type: 'select',
      options: [{ label: 'North East' }, { label: 'Zürich' }],
    });
    expect(field.statusCode, field.body).toBe(201);
    // A non-breaking space and two spaces, as copied from a web page; `ü` as `u` and a mark.
    const spaced = name.replace(' ', '\u00a0 ').toUpperCase();
    const { report } = await dryRunLeads(
      admin,
      `Last Name,Area,Owner\nOne,north\u00a0east,${spaced}\nTwo,Zu\u0308rich,${name}\n`,
      ['last_name', 'cf.area', 'owner'],
    );
    expect(report.rejected).toEqual([]);
  });

  it('will not run a column whose custom field was archived since the dry run', async () => {
    const admin = await signUp(t.app, 'archived-field');
    const fields = await defineFields(admin);
    const { id } = await dryRunLeads(admin, 'Last Name,Sales region\nHopper,North\n', [
      'last_name',
      'cf.region',
    ]);
    const archived = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/custom-fields/${fields['region']!.id}`,
      headers: admin.auth,
      payload: { archived: true },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const started = await call(admin, 'POST', `/imports/${id}/run`);
    expect(started.statusCode, started.body).toBe(422);
    expect(started.json().error.message).toContain('"cf.region"');

    // Archived once the run was queued: its rows are rejected, naming the column, and the run
    // goes on instead of failing on every attempt.
    await t.ownerQuery(
      `UPDATE imports SET status = 'queued', counts = '{"created":0,"updated":0,"skipped":0,"rejected":0}'
        WHERE org_id = $1 AND id = $2`,
      [admin.orgId, id],
    );
    await t.ownerQuery(
      `SELECT graphile_worker.add_job('import__run', $1::json, max_attempts => 1)`,
      [JSON.stringify({ org_id: admin.orgId, import_id: id })],
    );
    await drainJobs(t, 60_000);
    const done = (await call(admin, 'GET', `/imports/${id}`)).json();
    expect(done).toMatchObject({
      status: 'completed',
      counts: { created: 0, rejected: 1 },
      differs_from_dry_run: true,
    });
    const rejections = await call(admin, 'GET', `/imports/${id}/rejections?phase=run`);
    expect(rejections.body).toContain('Sales region: ');
    expect(rejections.body).toContain('no longer');
  });

  it('maps columns to custom fields by label or key, parses them, rejects unknown options, and undoes them', async () => {
    const owner = await signUp(t.app, 'import-fields');
    const fields = await defineFields(owner);
    const file = await uploaded(
      owner,
      [
        'Last name,Sales region,topics,Budget,Renewal,Signed,Handled by',
        `Hopper,north,Pricing; support,"$22,000",03/04/2027,yes,${owner.email}`,
        'Turing,West,,,,,',
        'Lovelace,South,,lots,,maybe,',
      ].join('\n'),
    );
    expect(file.columns.map((c) => c.suggested_field)).toEqual([
      'last_name',
      'cf.region',
      'cf.topics',
      'cf.budget',
      'cf.renewal',
      'cf.signed',
      'cf.handler',
    ]);
    expect(file.fields).toContainEqual({
      name: 'cf.region',
      label: 'Sales region',
      required: false,
    });
    const settings = {
      mapping: file.columns.map((c, column) => ({ column, field: c.suggested_field })),
      duplicates: 'skip',
      date_format: 'DD/MM/YYYY',
    };
    const dry = await call(owner, 'POST', `/imports/${file.id}/dry-run`, settings);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 });
    expect(dry.json().rejected).toEqual([
      {
        line: 3,
        problems: [{ column: 'Sales region', reason: '"West" is not one of North, South' }],
      },
      {
        line: 4,
        problems: [
          { column: 'Budget', reason: '"lots" is not an amount' },
          { column: 'Signed', reason: '"maybe" is not yes or no' },
        ],
      },
    ]);

    const done = await runToEnd(owner, file.id);
    expect(done).toMatchObject({ status: 'completed', counts: { created: 1, rejected: 2 } });
    const list = (await call(owner, 'GET', '/leads')).json();
    expect(list.data).toHaveLength(1);
    const [north] = fields['region']!.options;
    const [pricing, support] = fields['topics']!.options;
    expect(list.data[0].custom_fields).toEqual({
      region: north!.id,
      topics: [pricing!.id, support!.id],
      budget: 22000,
      renewal: '2027-04-03',
      signed: true,
      handler: owner.userId,
    });

    const undone = await call(owner, 'POST', `/imports/${file.id}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    const [left] = await t.ownerQuery<{ count: number }>(
      'SELECT count(*)::int AS count FROM custom_field_values WHERE org_id = $1',
      [owner.orgId],
    );
    expect(left!.count).toBe(0);
  });

  it('undo of an update gives records back the custom values it replaced, empty ones too', async () => {
    const owner = await signUp(t.app, 'import-fields-undo');
    const other = await signUp(t.app, 'import-fields-undo-other');
    const fields = await defineFields(owner);
    const theirs = await defineFields(other);
    const [north, south] = fields['region']!.options;
    const [pricing, support] = fields['topics']!.options;
    const create = async (who: SignedUp, body: object) => {
      const response = await call(who, 'POST', '/leads', body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string; custom_fields: Record<string, unknown> }>();
    };
    const ada = await create(owner, {
      last_name: 'Lovelace',
      email: 'ada@example.com',
      custom_fields: { region: north!.id, topics: [pricing!.id], budget: 100 },
    });
    const grace = await create(owner, { last_name: 'Hopper', email: 'grace@example.com' });
    const outsider = await create(other, {
      last_name: 'Lovelace',
      email: 'ada@example.com',
      custom_fields: { region: theirs['region']!.options[1]!.id, budget: 9 },
    });
    const file = await uploaded(
      owner,
      [
        'Last name,Email,Sales region,topics,Budget,Handled by',
        `Lovelace,ada@example.com,South,Support,$5,${owner.email}`,
        'Hopper,grace@example.com,North,Pricing; Support,$7,',
        'Turing,alan@example.com,South,,$1,',
      ].join('\n'),
    );
    const settings = {
      mapping: file.columns.map((c, column) => ({ column, field: c.suggested_field })),
      duplicates: 'update',
    };
    expect((await call(owner, 'POST', `/imports/${file.id}/dry-run`, settings)).statusCode).toBe(
      200,
    );
    const done = await runToEnd(owner, file.id);
    expect(done).toMatchObject({ status: 'completed', counts: { created: 1, updated: 2 } });
    const read = async (who: SignedUp, id: string) =>
      (await call(who, 'GET', `/leads/${id}`)).json<{ custom_fields: Record<string, unknown> }>()
        .custom_fields;
    expect(await read(owner, ada.id)).toMatchObject({
      region: south!.id,
      topics: [support!.id],
      budget: 5,
      handler: owner.userId,
    });
    expect(await read(owner, grace.id)).toMatchObject({ region: north!.id, budget: 7 });

    const undone = await call(owner, 'POST', `/imports/${file.id}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ deleted: 1, restored: 2 });
    expect(await read(owner, ada.id)).toEqual({
      region: north!.id,
      topics: [pricing!.id],
      budget: 100,
      renewal: null,
      signed: null,
      handler: null,
    });
    expect(await read(owner, grace.id)).toEqual({
      region: null,
      topics: [],
      budget: null,
      renewal: null,
      signed: null,
      handler: null,
    });
    const leads = (await call(owner, 'GET', '/leads')).json<{ data: { id: string }[] }>();
    expect(leads.data.map((lead) => lead.id).sort()).toEqual([ada.id, grace.id].sort());
    const [left] = await t.ownerQuery<{ count: number }>(
      'SELECT count(*)::int AS count FROM custom_field_values WHERE org_id = $1 AND NOT record_id = ANY ($2::uuid[])',
      [owner.orgId, [ada.id, grace.id]],
    );
    expect(left!.count).toBe(0);
    // The other organization's lead with the same email was neither updated nor restored.
    expect(await read(other, outsider.id)).toMatchObject({
      region: theirs['region']!.options[1]!.id,
      budget: 9,
    });
  });

  it('round trip: a member field names the member by email, so that two of the same name are told apart', async () => {
    const admin = await signUp(t.app, 'member-field-alike');
    await defineFields(admin);
    const alexes = await twoMembersCalledAlexSmith(admin);
    const created = await call(admin, 'POST', '/leads', {
      last_name: 'Hopper',
      custom_fields: { handler: alexes[1]!.userId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const exported = await call(admin, 'GET', '/leads/export?columns=last_name&columns=cf.handler');
    expect(exported.body).toContain(`Hopper,${alexes[1]!.email}`);

    const { id, report } = await dryRunLeads(admin, exported.body.replace('Hopper', 'Again'), [
      'last_name',
      'cf.handler',
    ]);
    expect(report.rejected).toEqual([]);
    await runToEnd(admin, id);
    const [again] = (await call(admin, 'GET', '/leads?q=Again')).json().data;
    expect(again.custom_fields).toMatchObject({ handler: alexes[1]!.userId });
  });

  it('round trip: a list exported with its custom fields imports into another organization alike', async () => {
    const from = await signUp(t.app, 'roundtrip-from');
    const to = await signUp(t.app, 'roundtrip-to');
    const source = await defineFields(from);
    const target = await defineFields(to);
    const [, south] = source['region']!.options;
    const [, support] = source['topics']!.options;
    for (const [last_name, custom_fields] of [
      [
        'Hopper',
        {
          region: south!.id,
          topics: [support!.id],
          budget: 1234.5,
          renewal: '2027-12-31',
          signed: false,
        },
      ],
      ['Turing', { budget: 99, signed: true }],
    ] as const) {
      const created = await call(from, 'POST', '/leads', { last_name, custom_fields });
      expect(created.statusCode, created.body).toBe(201);
    }
    const exported = await call(
      from,
      'GET',
      '/leads/export?sort=last_name&columns=last_name&columns=cf.region&columns=cf.topics' +
        '&columns=cf.budget&columns=cf.renewal&columns=cf.signed',
    );
    expect(exported.statusCode, exported.body).toBe(200);

    const file = await uploaded(to, exported.body);
    const settings = {
      mapping: file.columns.map((c, column) => ({ column, field: c.suggested_field })),
      duplicates: 'skip',
    };
    expect(settings.mapping.map((m) => m.field)).toEqual([
      'last_name',
      'cf.region',
      'cf.topics',
      'cf.budget',
      'cf.renewal',
      'cf.signed',
    ]);
    expect((await call(to, 'POST', `/imports/${file.id}/dry-run`, settings)).statusCode).toBe(200);
    expect(await runToEnd(to, file.id)).toMatchObject({ counts: { created: 2, rejected: 0 } });

    const byOption = (fields: Record<string, Field>, key: string, ids: unknown) =>
      [ids]
        .flat()
        .filter(Boolean)
        .map((id) => fields[key]!.options.find((o) => o.id === id)!.label);
    const shown = async (who: SignedUp, fields: Record<string, Field>) =>
      (await call(who, 'GET', '/leads?sort=last_name'))
        .json()
        .data.map((lead: { last_name: string; custom_fields: Record<string, unknown> }) => ({
          last_name: lead.last_name,
          ...lead.custom_fields,
          region: byOption(fields, 'region', lead.custom_fields['region']),
          topics: byOption(fields, 'topics', lead.custom_fields['topics']),
        }));
    expect(await shown(to, target)).toEqual(await shown(from, source));
  });
});

describe('a list export imported back', () => {
  async function leadField(who: SignedUp, spec: Record<string, unknown>) {
    const response = await call(who, 'POST', '/custom-fields', { record_type: 'lead', ...spec });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ options: { id: string }[] }>();
  }

  it('reads the byte-order mark the export starts with, and gives back accented names alike', async () => {
    const from = await signUp(t.app, 'accents-from');
    const to = await signUp(t.app, 'accents-to');
    const names = [
      { first_name: 'Zoë', last_name: 'Brontë' },
      { first_name: 'José', last_name: 'Müller' },
    ];
    for (const lead of names)
      expect((await call(from, 'POST', '/leads', lead)).statusCode).toBe(201);
    const exported = await call(
      from,
      'GET',
      '/leads/export?sort=last_name&columns=first_name&columns=last_name',
    );
    expect(exported.body.startsWith('\uFEFFfirst_name,')).toBe(true);

    const file = await uploaded(to, exported.rawPayload);
    expect(file).toMatchObject({ encoding: 'utf-8', columns: [{ header: 'first_name' }, {}] });
    const settings = {
      mapping: file.columns.map((c, column) => ({ column, field: c.suggested_field })),
      duplicates: 'skip',
    };
    expect((await call(to, 'POST', `/imports/${file.id}/dry-run`, settings)).statusCode).toBe(200);
    expect(await runToEnd(to, file.id)).toMatchObject({ counts: { created: 2, rejected: 0 } });
    const imported = (await call(to, 'GET', '/leads?sort=last_name')).json().data;
    expect(
      imported.map(({ first_name, last_name }: { first_name: string; last_name: string }) => ({
        first_name,
        last_name,
      })),
    ).toEqual(names);
  });

  it('maps back each column of a custom field named like a built-in one to the right field', async () => {
    const from = await signUp(t.app, 'alike-from');
    const to = await signUp(t.app, 'alike-to');
    const status = { key: 'lead_status', label: 'Status', field_type: 'select' };
    const options = [{ label: 'Hot' }, { label: 'Cold' }];
    for (const who of [from, to]) {
      await leadField(who, { ...status, options });
      await leadField(who, { key: 'work_email', label: 'E-mail', field_type: 'text' });
    }
    const [, cold] = (await call(from, 'GET', '/custom-fields?record_type=lead'))
      .json()
      .data.find((f: { key: string }) => f.key === 'lead_status').options;
    const lead = {
      last_name: 'Hopper',
      email: 'grace@example.com',
      status: 'qualified',
      custom_fields: { lead_status: cold.id, work_email: 'grace@navy.example' },
    };
    expect((await call(from, 'POST', '/leads', lead)).statusCode).toBe(201);
    // The custom columns first, where a header alike would take the built-in field's place.
    const exported = await call(
      from,
      'GET',
      '/leads/export?columns=cf.lead_status&columns=cf.work_email&columns=last_name' +
        '&columns=status&columns=email',
    );
    const file = await uploaded(to, exported.body);
    const mapping = file.columns.map((c, column) => ({ column, field: c.suggested_field }));
    expect(mapping.map((m) => m.field)).toEqual([
      'cf.lead_status',
      'cf.work_email',
      'last_name',
      'status',
      'email',
    ]);
    const dryRun = await call(to, 'POST', `/imports/${file.id}/dry-run`, {
      mapping,
      duplicates: 'skip',
    });
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    expect(await runToEnd(to, file.id)).toMatchObject({ counts: { created: 1, rejected: 0 } });
    const [imported] = (await call(to, 'GET', '/leads')).json().data;
    const coldThere = (await call(to, 'GET', '/custom-fields?record_type=lead'))
      .json()
      .data.find((f: { key: string }) => f.key === 'lead_status').options[1];
    expect(imported).toMatchObject({
      ...lead,
      custom_fields: { ...lead.custom_fields, lead_status: coldThere.id },
    });
  });

  it('gives back the cells the export kept from running as formulas, without the quote', async () => {
    const from = await signUp(t.app, 'escaped-from');
    const to = await signUp(t.app, 'escaped-to');
    for (const who of [from, to]) {
      await leadField(who, { key: 'note', label: 'Note', field_type: 'text' });
    }
    const lead = {
      last_name: 'Hopper',
      phone: '+44 20 7946 0958',
      company: '-dash',
      job_title: '=1+1',
      custom_fields: { note: '@home' },
    };
    expect((await call(from, 'POST', '/leads', lead)).statusCode).toBe(201);
    const exported = await call(
      from,
      'GET',
      '/leads/export?columns=last_name&columns=phone&columns=company&columns=job_title&columns=cf.note',
    );
    expect(exported.body).toContain("'+44 20 7946 0958,'-dash,'=1+1,'@home");

    const file = await uploaded(to, exported.body);
    const settings = {
      mapping: file.columns.map((c, column) => ({ column, field: c.suggested_field })),
      duplicates: 'skip',
    };
    expect((await call(to, 'POST', `/imports/${file.id}/dry-run`, settings)).statusCode).toBe(200);
    expect(await runToEnd(to, file.id)).toMatchObject({ counts: { created: 1, rejected: 0 } });
    const [imported] = (await call(to, 'GET', '/leads')).json().data;
    expect(imported).toMatchObject(lead);
  });

  it('reads multi-select options whose labels hold the separator as the options it wrote', async () => {
    const admin = await signUp(t.app, 'separator-labels');
    const field = await leadField(admin, {
      key: 'teams',
      label: 'Teams',
      field_type: 'multi_select',
      options: [{ label: 'Ops; Sales' }, { label: 'Ops' }, { label: 'Support' }],
    });
    const ids = field.options.map((o) => o.id);
    const both = [ids[0], ids[2]];
    await call(admin, 'POST', '/leads', { last_name: 'Both', custom_fields: { teams: both } });
    const exported = await call(admin, 'GET', '/leads/export?columns=last_name&columns=cf.teams');
    expect(exported.body).toContain('Both,Ops; Sales; Support');

    const { id, report } = await dryRunLeads(
      admin,
      exported.body.replace('Both', 'Again') + 'Ops only,Ops\nUnknown,Ops; Marketing\n',
      ['last_name', 'cf.teams'],
    );
    expect(report.rejected).toEqual([
      {
        line: 4,
        problems: [
          { column: 'Teams', reason: '"Marketing" is not one of Ops; Sales, Ops, Support' },
        ],
      },
    ]);
    await runToEnd(admin, id);
    const leads = (await call(admin, 'GET', '/leads?sort=last_name')).json().data;
    expect(
      leads.map((lead: { last_name: string; custom_fields: Record<string, unknown> }) => [
        lead.last_name,
        lead.custom_fields['teams'],
      ]),
    ).toEqual([
      ['Again', both],
      ['Both', both],
      ['Ops only', [ids[1]]],
    ]);
  });
});

describe('an import whose dry run found nothing to import', () => {
  it('refuses to run, saying why', async () => {
    const owner = await signUp(t.app, 'nothing-to-import');
    const { id } = await dryRunLeads(owner, 'Last Name,Budget\nOne,lots\nTwo,plenty\n', [
      'last_name',
      'estimated_value',
    ]);
    const run = await call(owner, 'POST', `/imports/${id}/run`);
    expect(run.statusCode, run.body).toBe(409);
    expect(run.json().error).toMatchObject({
      code: 'nothing_to_import',
      message: 'Nothing would be imported: the dry run rejected all 2 rows',
    });
    expect((await call(owner, 'GET', `/imports/${id}`)).json().status).toBe('uploaded');
  });
});

describe('columns a dry run leaves out', () => {
  it('lists the columns of the file that will not be imported', async () => {
    const owner = await signUp(t.app, 'left-out');
    const { id, columns } = await uploaded(
      owner,
      'Organization - Name,Organization - Address,Notes,Blank\nAcme,1 Main St,met at the fair,\nGlobex,,,\n',
      'kind=account&file_name=pipedrive-organizations.csv',
    );
    expect(columns.map((c) => c.suggested_field)).toEqual(['name', null, 'description', null]);
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: [{ column: 0, field: 'name' }],
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const leftOut = [
      { column: 1, header: 'Organization - Address', fill_rate: 0.5 },
      { column: 2, header: 'Notes', fill_rate: 0.5 },
      { column: 3, header: 'Blank', fill_rate: 0 },
    ];
    expect(dry.json().left_out).toEqual(leftOut);
    const again = await call(owner, 'GET', `/imports/${id}/dry-run`);
    expect(again.json().left_out).toEqual(leftOut);
  });
});

describe('deals imported won or lost', () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp(t.app, 'closed-deals');
  });

  const closedDeals = (who: SignedUp, names: string[]) =>
    t.ownerQuery<{
      name: string;
      closed_at: Date | null;
      stage_entered_at: Date;
      history: { stage: string; entered_at: Date; left_at: Date | null }[];
    }>(
      `SELECT d.name, d.closed_at, d.stage_entered_at,
         (SELECT coalesce(json_agg(json_build_object('stage', s.name,
              'entered_at', h.entered_at, 'left_at', h.left_at)), '[]')
          FROM deal_stage_history h JOIN pipeline_stages s ON s.org_id = h.org_id AND s.id = h.stage_id
          WHERE h.org_id = d.org_id AND h.deal_id = d.id) AS history
       FROM deals d WHERE d.org_id = $1 AND d.name = ANY ($2) ORDER BY d.name`,
      [who.orgId, names],
    );

  it('closes them on the date the file gives, else at the import, as a move to the stage does', async () => {
    const { id, columns } = await uploaded(
      owner,
      'Deal - Title,Deal - Stage,Deal - Status,Deal - Deal closed on\n' +
        'Won dated,Negotiation,won,2026-03-04 14:05:00\n' +
        'Lost undated,Proposal,lost,\n' +
        'Still open,Proposal,open,\n',
      'kind=deal&file_name=pipedrive-deals.csv',
    );
    expect(columns.map((c) => c.suggested_field)).toEqual(['name', 'stage', 'status', 'closed_at']);
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['name', 'stage', 'status', 'closed_at'].map((field, column) => ({ column, field })),
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toEqual({ created: 3, updated: 0, skipped: 0, rejected: 0 });
    const closing = dry
      .json<{ notices: { line: number; column: string; message: string }[] }>()
      .notices.filter((n) => n.message.includes('closed'));
    expect(closing).toEqual([
      {
        line: 2,
        column: 'Deal - Deal closed on',
        message: 'the won deal is closed on 2026-03-04T14:05:00Z, as "Deal - Deal closed on" says',
      },
      {
        line: 3,
        column: 'Deal - Deal closed on',
        message:
          'the lost deal has no close date in the file: it is closed at the time of the import',
      },
    ]);
    const before = new Date();
    expect((await runToEnd(owner, id)).status).toBe('completed');
    const rows = await closedDeals(owner, ['Won dated', 'Lost undated', 'Still open']);
    const [lost, open, won] = rows;
    expect(won!.closed_at).toEqual(new Date('2026-03-04T14:05:00Z'));
    expect(won!.stage_entered_at).toEqual(won!.closed_at);
    expect(won!.history).toEqual([
      { stage: 'Closed won', entered_at: '2026-03-04T14:05:00+00:00', left_at: null },
    ]);
    expect(lost!.closed_at!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(lost!.history).toHaveLength(1);
    expect(new Date(lost!.history[0]!.entered_at)).toEqual(lost!.closed_at);
    expect(open!.closed_at).toBeNull();
    expect(open!.history.map((h) => h.stage)).toEqual(['Proposal']);
  });

  it("takes a closed deal's close date from HubSpot's Close Date", async () => {
    const { id, columns } = await uploaded(
      owner,
      'Deal Name,Deal Stage,Close Date\nHubSpot won,Closed won,2026-02-10\n',
      'kind=deal&file_name=hubspot-deals.csv',
    );
    expect(columns.map((c) => c.suggested_field)).toEqual(['name', 'stage', 'expected_close_date']);
    const dry = await call(owner, 'POST', `/imports/${id}/dry-run`, {
      mapping: ['name', 'stage', 'expected_close_date'].map((field, column) => ({ column, field })),
      duplicates: 'skip',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().notices).toEqual([
      {
        line: 2,
        column: 'Close Date',
        message: 'the won deal is closed on 2026-02-10, as "Close Date" says',
      },
    ]);
    expect((await runToEnd(owner, id)).status).toBe('completed');
    const [deal] = await closedDeals(owner, ['HubSpot won']);
    expect(deal!.closed_at).toEqual(new Date('2026-02-10T00:00:00Z'));
    expect(deal!.history.map((h) => h.stage)).toEqual(['Closed won']);
  });
});

// Last: it closes the app after listening on a port.
describe('an upload over a real connection', () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp(t.app, 'streamed');
  });

  /** Posts `file` to the API listening at `address` as it streams, and its answer. */
  function postStreamed(address: string, file: Readable) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${address}/api/v1/imports?kind=lead&file_name=streamed.csv`,
        { method: 'POST', headers: { ...owner.auth, 'content-type': 'text/csv' } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      file.pipe(request);
    });
  }

  it('takes an upload streamed over a real connection, its rows sent on by COPY as they arrive', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await postStreamed(
        address,
        Readable.from(['Last name,Email\n', 'Streamed,streamed@example.com\n']),
      );
      expect(response.status, response.body).toBe(201);
      expect(JSON.parse(response.body).row_count).toBe(1);

      // Rows reach PostgreSQL by COPY while the file is still arriving, and arrive as typed.
      const odd = [
        'back\\slash',
        '\\N',
        'tab\there',
        'two\nlines',
        '"quoted"',
        'Zoë 🦊',
        '[1, {"a": 2}]',
      ];
      const body = new PassThrough();
      const answered = postStreamed(address, body);
      const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
      body.write('Last name,Email,Description\n');
      for (let i = 0; i < 5_000; i += 1) {
        body.write(`Row ${i},row${i}@example.com,${quote(odd[i % odd.length]!)}\n`);
      }
      let copying: { tuples_processed: string }[] = [];
      // Polled until the batches written so far (all but the last 1,000 rows) are in.
      const copied = () => Number(copying[0]?.tuples_processed ?? 0);
      for (let tries = 0; tries < 200 && copied() < 4_000; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        copying = await t.ownerQuery(
          `SELECT tuples_processed FROM pg_stat_progress_copy
           WHERE command = 'COPY FROM' AND type = 'PIPE' AND datid = (SELECT oid FROM pg_database
             WHERE datname = current_database())`,
        );
      }
      body.end();
      const done = await answered;
      expect(copying).toHaveLength(1);
      expect(copied()).toBeGreaterThanOrEqual(4_000);
      expect(done.status, done.body).toBe(201);
      const { id, row_count } = JSON.parse(done.body) as { id: string; row_count: number };
      expect(row_count).toBe(5_000);
      const rows = await t.ownerQuery(
        'SELECT line, cells FROM import_rows WHERE import_id = $1 ORDER BY line',
        [id],
      );
      expect(rows).toHaveLength(5_000);
      expect(rows.slice(0, odd.length).map((row) => row['cells'])).toEqual(
        odd.map((cell, i) => [`Row ${i}`, `row${i}@example.com`, cell]),
      );
      // Each row by the line it starts on: the cell with a line break moves the rest by one.
      expect(rows.slice(0, 5).map((row) => row['line'])).toEqual([2, 3, 4, 5, 7]);
    } finally {
      await t.app.close();
    }
  });
});
