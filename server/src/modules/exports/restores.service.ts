import { randomUUID } from 'node:crypto';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { requireAdmin } from '../members/permissions.js';
import * as exportsRepo from './exports.repo.js';
import { isFileBytesEntry, readOrganizationExport } from './restore-reader.js';
import * as repo from './restores.repo.js';
import { runOrganizationRestore } from './org-restore.task.js';
import type { Logger } from 'pino';

/** The trail stays in the export file: history cannot be written after the fact. */
const NOT_RESTORED = 'audit_log.csv';

export type OrgRestore = Omit<repo.RestoreRow, 'result'> & {
  result: repo.RestoreResult | null;
  percent: number;
};

/** Reading the files is the first half of the work, writing the rows the second. */
function withPercent(row: repo.RestoreRow): OrgRestore {
  const result = row.result as repo.RestoreResult | null;
  if (row.status === 'completed') return { ...row, result, percent: 100 };
  const read = row.files_total > 0 ? row.files_done / row.files_total : 0;
  const written = row.rows_total > 0 ? row.rows_done / row.rows_total : 0;
  return { ...row, result, percent: Math.min(99, Math.floor(50 * read + 50 * written)) };
}

/**
 * Takes an organization export's ZIP as it streams in (admins only) into an organization
 * without records. Every CSV is checked against the manifest (format and schema version,
 * SHA-256, size, rows, header) before the restore is recorded; the CSVs are kept, in the same
 * transaction, for the job it enqueues. A refused file leaves nothing behind.
 */
export function uploadRestore(
  ctx: RequestContext,
  input: { file_name: string },
  body: AsyncIterable<Buffer>,
): Promise<OrgRestore> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const present = await repo.tablesWithRecords(tx);
    if (present.length > 0) {
      throw new ConflictError(
        `An export is restored only into an organization without records; this one has ${present.join(', ')}. Create a new organization and restore there.`,
        { tables: present },
      );
    }
    const running = await repo.findUnfinishedRestore(tx);
    if (running?.status === 'running' && !(await repo.restoreJobAlive(tx))) {
      // Its worker died: PostgreSQL rolled its transaction back, so nothing of it is there but
      // the bytes of files it had put in the store, which go.
      await repo.finishRestore(tx, running.id, {
        status: 'failed',
        error: 'The restore was interrupted; nothing of it was kept.',
      });
      await repo.removeUnkeptBytes(tx, ctx.orgId);
    } else if (running) {
      throw new ConflictError('A restore of this organization is already running', {
        restore_id: running.id,
      });
    }
    const id = randomUUID();
    await repo.waitForUpload(tx, ctx.deps.config.http.uploadTimeoutMs);
    const files = [
      ...(await exportsRepo.organizationFiles(tx)),
      await exportsRepo.attachedFilesCsv(tx),
    ];
    const manifest = await readOrganizationExport(body, files, (file, seq, data) =>
      file === NOT_RESTORED
        ? Promise.resolve()
        : repo.insertChunk(tx, ctx.orgId, id, file, seq, data),
    );
    const restored = manifest.files.filter(
      (file) => file.name !== NOT_RESTORED && !isFileBytesEntry(file.name),
    );
    // Members are matched, not written: the rows to write are the tables'.
    const written = restored.filter((file) => file.name !== 'members.csv');
    const row = await repo.insertRestore(tx, {
      org_id: ctx.orgId,
      id,
      file_name: input.file_name,
      source_organization_id: manifest.organization_id,
      schema_version: manifest.schema_version,
      exported_at: new Date(manifest.exported_at),
      files_total: restored.length,
      rows_total: written.reduce((sum, file) => sum + file.rows, 0),
      created_by: ctx.userId,
    });
    await enqueueJob(tx, 'exports__restore', { org_id: ctx.orgId, restore_id: id });
    return withPercent(row);
  });
}

/** Whether a restore job is at work in the organization of `tx` (it holds the restore lock). */
export function restoreAtWork(tx: Tx): Promise<boolean> {
  return repo.restoreJobAlive(tx);
}

export function listRestores(ctx: RequestContext): Promise<OrgRestore[]> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    return (await repo.recentRestores(tx, 20)).map(withPercent);
  });
}

export function getRestore(ctx: RequestContext, id: string): Promise<OrgRestore> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await repo.findRestore(tx, id);
    if (!row) throw new NotFoundError('Restore');
    return withPercent(row);
  });
}

/**
 * Restores an export into the organization in this process (the operator's `rampart org
 * import`): the same checks and the same restore as an admin's upload, run at once instead of
 * waiting for a worker. A worker that takes the job first runs it instead; either way this
 * returns once the restore has ended.
 */
export async function restoreOrganizationFrom(
  ctx: RequestContext,
  log: Logger,
  fileName: string,
  body: AsyncIterable<Buffer>,
): Promise<OrgRestore> {
  const uploaded = await uploadRestore(ctx, { file_name: fileName }, body);
  await runOrganizationRestore(
    { ...ctx.deps, log },
    { org_id: ctx.orgId, restore_id: uploaded.id },
  );
  for (;;) {
    const restore = await getRestore(ctx, uploaded.id);
    if (restore.status !== 'queued' && restore.status !== 'running') return restore;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
