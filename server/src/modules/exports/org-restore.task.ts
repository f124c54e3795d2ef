import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { runOn, withContext, withTenantClient } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { bareDomain } from '../accounts/accounts.service.js';
import { fileStoreOf } from '../files/file-store.js';
import { DUE_REMINDER_KEY } from '../tasks/tasks.service.js';
import { formSecret } from '../web-forms/web-forms.service.js';
import * as exportsRepo from './exports.repo.js';
import * as repo from './restores.repo.js';

/**
 * The migration that made every account's domain bare: an export made before it may hold a
 * domain as typed (`https://www.Acme.com/about`), which the restore writes bare, as the
 * migration did to the organization's own.
 */
const BARE_DOMAINS_SINCE = '0049_keep_account_domains_bare';

/** Why a restore stopped, in words for the admin who started it. */
export class RestoreFailed extends Error {}

/** The tables in an order their foreign keys allow: each after every table it names. */
export function insertionOrder(links: repo.TableLinks[]): repo.TableLinks[] {
  const done = new Set<string>();
  const ordered: repo.TableLinks[] = [];
  while (ordered.length < links.length) {
    const ready = links.filter(
      (link) =>
        !done.has(link.table) &&
        link.references.every((ref) => ref.target === link.table || done.has(ref.target)) &&
        (link.records.length === 0 || repo.KIND_TABLES.every((kind) => done.has(kind))),
    );
    if (ready.length === 0) throw new Error('the exported tables refer to each other in a cycle');
    for (const link of ready) {
      done.add(link.table);
      ordered.push(link);
    }
  }
  return ordered;
}

/** A stored CSV, piece by piece, read by a cursor on a connection of its own. */
async function streamStoredFile(
  deps: JobDeps,
  orgId: string,
  restoreId: string,
  file: string,
  into: NodeJS.WritableStream,
): Promise<void> {
  await withTenantClient(
    deps.db,
    { orgId, userId: null },
    { checkMembership: false },
    async (client, _member, tx) => {
      const { sql, parameters } = repo.restoreChunks(tx, restoreId, file).compile();
      const pieces = client.query(
        new QueryStream(sql, [...parameters], { rowMode: 'array', batchSize: 4 }),
      );
      const bytes = new Transform({
        writableObjectMode: true,
        transform(piece: [Buffer], _encoding, done) {
          done(null, piece[0]);
        },
      });
      await pipeline(pieces, bytes, into);
    },
  );
}

/** PostgreSQL's "COPY restore_deals, line 3, column amount: …" in the export's own words. */
function copyProblem(error: unknown, file: string): RestoreFailed | unknown {
  const where = (error as pg.DatabaseError).where ?? '';
  const at = /line (\d+)(?:, column (\w+))?/.exec(where);
  if (!(error as pg.DatabaseError).code || !at) return error;
  const column = at[2] ? `, column ${at[2]}` : '';
  return new RestoreFailed(`${file}, line ${at[1]}${column}: ${(error as Error).message}`);
}

/**
 * Rebuilds an organization from an uploaded export, in one transaction of the organization
 * as the admin who uploaded it: every CSV is copied (COPY FROM STDIN) into a temporary
 * staging table, each row gets a new id, and each table is written with one INSERT … SELECT
 * under row-level security, its references and people mapped. Either all of it commits, with
 * the restore marked completed, or none of it does: an error rolls it back and the restore is
 * marked failed; a worker killed half-way leaves the transaction rolled back by PostgreSQL
 * and the job runs again from the start.
 */
export async function runOrganizationRestore(
  deps: JobDeps,
  payload: TaskPayloads['exports__restore'],
): Promise<void> {
  const { org_id: orgId, restore_id: restoreId } = payload;
  const found = await withContext(deps.db, { orgId, userId: null }, (tx) =>
    repo.findRestore(tx, restoreId),
  );
  if (!found?.created_by || (found.status !== 'queued' && found.status !== 'running')) return;
  const adminId = found.created_by;
  try {
    await restore(deps, orgId, restoreId, adminId, found);
  } catch (error) {
    const known = error instanceof RestoreFailed;
    if (!known)
      deps.log.error({ err: error, org_id: orgId, restore_id: restoreId }, 'restore failed');
    await withContext(deps.db, { orgId, userId: null }, (tx) =>
      repo.finishRestore(tx, restoreId, {
        status: 'failed',
        error: known ? error.message : 'The export could not be restored; upload it again.',
      }),
    );
  } finally {
    // Bytes put in the store by this attempt (or an earlier one that died) and not kept by a
    // commit are removed once the restore has ended.
    await withContext(deps.db, { orgId, userId: null }, (tx) => repo.removeUnkeptBytes(tx, orgId));
  }
}

/**
 * Puts the bytes of the export's attached files back in the store, under new keys, each
 * streamed from the stored upload and checked against the SHA-256 of its row in files.csv.
 * Each key is marked for removal in a transaction of its own as soon as it is written, so the
 * bytes go again unless the restore commits (which takes the marks away).
 */
async function restoreFileBytes(
  deps: JobDeps,
  client: pg.PoolClient,
  orgId: string,
  restoreId: string,
  stored: ReadonlySet<string>,
): Promise<void> {
  const store = fileStoreOf(deps.config);
  for (const file of await repo.stagedFiles(client)) {
    const entry = `files/${file.id}`;
    if (!stored.has(entry)) continue;
    const hash = createHash('sha256');
    const digest = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const [key] = await Promise.all([
      store.put(digest),
      streamStoredFile(deps, orgId, restoreId, entry, digest),
    ]);
    await withContext(deps.db, { orgId, userId: null }, (tx) =>
      repo.markBytesUnkept(tx, orgId, key),
    );
    if (hash.digest('hex') !== file.sha256) {
      throw new RestoreFailed(
        `files.csv, row ${file.row}: ${entry} is not the file it names (their SHA-256 differ)`,
      );
    }
    await repo.setBlobKey(client, file.id, key);
  }
}

async function restore(
  deps: JobDeps,
  orgId: string,
  restoreId: string,
  adminId: string,
  exported: Pick<repo.RestoreRow, 'exported_at' | 'schema_version'>,
): Promise<void> {
  const context = { orgId, userId: adminId };
  const progress = (filesDone: number, rowsDone: number) =>
    withContext(deps.db, context, (own) =>
      exportsRepo.recordProgress(own, 'org_restores', restoreId, { filesDone, rowsDone }),
    );
  await withTenantClient(
    deps.db,
    context,
    { checkMembership: false },
    async (client, _member, tx) => {
      await client.query("SELECT set_config('statement_timeout', '0', true)");
      // One restore at a time in an organization; while the lock is held, an upload knows this
      // one is alive. So it is marked running only once the lock is held: marked before, an
      // upload in between took it for a restore whose worker died. One given up for dead while
      // this job waited is left alone.
      await repo.lockRestores(client, orgId);
      const started = await withContext(deps.db, { orgId, userId: null }, (own) =>
        repo.startRestore(own, restoreId),
      );
      if (!started) return;
      // On the job's own connection: `tx` only compiles, and a statement run on it would go
      // through another connection without the organization, where RLS shows no row at all.
      const present = await repo.tablesWithRecordsOn(client, orgId);
      if (present.length > 0) {
        throw new RestoreFailed(
          `The organization has records now (${present.join(', ')}): a restore only goes into an organization without any`,
        );
      }
      const files = await exportsRepo.restoredFiles(tx);
      const storedRows = await runOn(client, repo.storedFiles(tx, restoreId).compile());
      const stored = new Set(storedRows.map((row) => row.file_name));
      let filesDone = 0;
      for (const file of files) {
        await repo.createStaging(client, file);
        // A CSV an older export lacks is restored as empty.
        if (!stored.has(file.name)) continue;
        const copy = repo.copyInto(client, file);
        try {
          await streamStoredFile(deps, orgId, restoreId, file.name, copy);
        } catch (error) {
          throw copyProblem(error, file.name);
        }
        await repo.analyzeStaging(client, file.name);
        filesDone += 1;
        await progress(filesDone, 0);
      }

      const tables = files.flatMap((file) => (file.table ? [file.table] : []));
      const links = insertionOrder(await repo.tableLinks(client, tables));
      await repo.dropMergesIntoDeleted(client);
      const dangling = await repo.firstDanglingReference(client, links);
      if (dangling) {
        throw new RestoreFailed(
          `${dangling.file}, row ${dangling.row}, column ${dangling.column}: names a record the export does not hold`,
        );
      }
      try {
        await repo.mapIds(
          client,
          files.flatMap((file) => (file.table && file.columns.includes('id') ? [file.table] : [])),
        );
      } catch (error) {
        if ((error as pg.DatabaseError).code !== '23505') throw error;
        throw new RestoreFailed('The export holds the same id twice');
      }
      if (exported.schema_version < BARE_DOMAINS_SINCE)
        await repo.rewriteStagedDomains(client, bareDomain);
      await repo.mapPeople(client, orgId);
      await repo.mapMentions(client);
      await repo.deletePipelines(client, orgId);
      const personalViewsLeftOut = await repo.leaveOutPersonalViews(client);
      const formsToEmbed = await repo.renewFormSecrets(
        client,
        (form) => formSecret(deps.config, orgId, form).hash,
      );

      const rows: Record<string, number> = {};
      let rowsDone = 0;
      let filesWithoutBytes = 0;
      for (const link of links) {
        const columns = repo.tableColumns(files.find((file) => file.table === link.table)!);
        if (link.table === 'files') {
          await restoreFileBytes(deps, client, orgId, restoreId, stored);
          filesWithoutBytes = await repo.keepBytes(client, orgId);
          columns.push('blob_key');
        }
        if (link.table === 'web_forms') columns.push('secret_hash');
        try {
          rows[`${link.table}.csv`] = await repo.insertStaged(
            client,
            orgId,
            adminId,
            link,
            columns,
          );
        } catch (error) {
          if (!(error as pg.DatabaseError).code?.startsWith('23')) throw error;
          throw new RestoreFailed(`${link.table}.csv: ${(error as Error).message}`);
        }
        rowsDone += rows[`${link.table}.csv`]!;
        await progress(filesDone, rowsDone);
      }
      await repo.scheduleDueReminders(client, orgId, exported.exported_at, DUE_REMINDER_KEY);
      rows['organization.csv'] = await repo.restoreSettings(
        client,
        orgId,
        deps.config.fileMaxBytes,
      );
      rowsDone += rows['organization.csv'];
      const result: repo.RestoreResult = {
        rows,
        reassigned_to: adminId,
        files_without_bytes: filesWithoutBytes,
        people_not_members: await repo.peopleNotMembers(client, links),
        personal_views_left_out: personalViewsLeftOut,
        web_forms_to_embed: formsToEmbed,
      };
      const finish = repo.finishRestoreStatements(tx, restoreId, { status: 'completed', result });
      for (const statement of finish) await runOn(client, statement.compile());
    },
  );
}
