import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from './support/global-setup.js';
import { ensureServerBuilt, startRampart, type RampartProcess } from './support/processes.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

const ROWS = 200_000;

let t: TestApp;
let owner: SignedUp;
const workers: RampartProcess[] = [];

beforeAll(async () => {
  await ensureServerBuilt();
  t = await createTestApp();
  owner = await signUp(t.app, 'killed');
}, 240_000);
afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL').catch(() => undefined);
  await t.close();
});

/** A worker in a process of its own, as `npm run worker` starts it. */
function startWorkerProcess(): RampartProcess {
  const worker = startRampart(['--worker'], {
    WORKER_DATABASE_URL: t.testDb.workerUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    WORKER_DEAD_AFTER_SECONDS: '3',
  });
  workers.push(worker);
  return worker;
}

async function progress(id: string) {
  const [row] = await t.ownerQuery<{
    status: string;
    rows_done: number;
    counts: Record<string, number> | null;
    dry_run: { counts: Record<string, number> };
  }>('SELECT status, rows_done, counts, dry_run FROM imports WHERE id = $1', [id]);
  return row!;
}

async function leadsInOrg(): Promise<{ total: number; emails: number }> {
  const [row] = await t.ownerQuery<{ total: number; emails: number }>(
    'SELECT count(*)::int AS total, count(DISTINCT email)::int AS emails FROM leads WHERE org_id = $1',
    [owner.orgId],
  );
  return row!;
}

describe('an import whose worker is killed', () => {
  it('checks it again from the first row, and resumes a run where its last batch ended: no row lost, none twice', async () => {
    const lines = ['Last name,Email'];
    for (let i = 0; i < ROWS; i += 1) lines.push(`Person ${i},person${i}@example.com`);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=lead&file_name=big.csv',
      headers: { ...owner.auth, 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = upload.json<{ id: string }>().id;
    const dry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/dry-run`,
      headers: owner.auth,
      payload: {
        mapping: [
          { column: 0, field: 'last_name' },
          { column: 1, field: 'email' },
        ],
        duplicates: 'skip',
      },
    });
    // A file this large is checked by a job. Its worker is killed midway; the next worker
    // checks it again from the first row, and the report counts every row once.
    expect(dry.statusCode, dry.body).toBe(202);
    const checker = startWorkerProcess();
    for (let waited = 0; (await progress(id)).rows_done < 20_000; waited += 100) {
      if (waited > 120_000)
        throw new Error(`no check: ${JSON.stringify(await progress(id))} ${checker.output()}`);
      await sleep(100);
    }
    await checker.stop('SIGKILL');
    expect((await progress(id)).status).toBe('checking');
    const rechecker = startWorkerProcess();
    for (let waited = 0; (await progress(id)).status === 'checking'; waited += 250) {
      if (waited > 180_000)
        throw new Error(`not checked: ${JSON.stringify(await progress(id))} ${rechecker.output()}`);
      await sleep(250);
    }
    expect((await progress(id)).dry_run.counts).toEqual({
      created: ROWS,
      updated: 0,
      skipped: 0,
      rejected: 0,
    });
    await rechecker.stop('SIGTERM');
    const run = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/run`,
      headers: owner.auth,
    });
    expect(run.statusCode, run.body).toBe(202);

    const first = startWorkerProcess();
    const killAt = 10_000;
    for (let waited = 0; (await progress(id)).rows_done < killAt; waited += 100) {
      if (waited > 120_000)
        throw new Error(`no progress: ${JSON.stringify(await progress(id))} ${first.output()}`);
      await sleep(100);
    }
    await first.stop('SIGKILL');

    // What committed is whole batches, and exactly what the progress says.
    const killed = await progress(id);
    expect(killed.status).toBe('running');
    expect(killed.rows_done).toBeLessThan(ROWS);
    expect((await leadsInOrg()).total).toBe(killed.counts!['created']);

    // Another worker frees the dead one's job and carries on from the last committed batch.
    const second = startWorkerProcess();
    const resumedPast = killed.rows_done + 6_000;
    for (let waited = 0; (await progress(id)).rows_done < resumedPast; waited += 250) {
      if (waited > 120_000)
        throw new Error(`not resumed: ${JSON.stringify(await progress(id))}\n${second.output()}`);
      await sleep(250);
    }
    // Running it all to the end takes minutes on a small machine (see docs/benchmarks.md);
    // stopping it here is enough to compare what was written with what the run says.
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/cancel`,
      headers: owner.auth,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await sleep(3_000);
    const stopped = await progress(id);
    const leads = await leadsInOrg();
    expect(stopped.status).toBe('cancelled');
    // Every row up to where it stopped was written once: no gap at the kill, nothing twice.
    expect(leads).toEqual({ total: stopped.rows_done, emails: stopped.rows_done });
    expect(stopped.counts!['created']).toBe(stopped.rows_done);
    const [last] = await t.ownerQuery<{ highest: number }>(
      `SELECT max(substring(email FROM 'person([0-9]+)@')::int) AS highest FROM leads WHERE org_id = $1`,
      [owner.orgId],
    );
    expect(last!.highest).toBe(stopped.rows_done - 1);
  }, 360_000);
});
