import { createHash } from 'node:crypto';
import { Transform, Writable, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { ZipFile } from '../../lib/zip-file.js';
import { LATEST_MIGRATION } from '../../db/migrate.js';
import { runOn, withContext, withTenantClient } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import { enqueueJob, type TaskPayloads } from '../../jobs/queue.js';
import { fileStoreOf } from '../files/file-store.js';
import { notifyInApp } from '../notifications/notify.js';
import * as repo from './exports.repo.js';

/** The ZIP is stored in pieces of this size (see the migration: no disk is shared). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Deflate at its fastest level: CSV shrinks to a fifth of its size even so, and the export
 * keeps pace with PostgreSQL's COPY instead of waiting on the compressor.
 */
const COMPRESSION_LEVEL = 1;

/**
 * What each stage of the pipeline holds before it waits for the next: enough that PostgreSQL
 * goes on sending rows while the compressor works, instead of stalling on each 16 KB.
 */
const STREAM_BUFFER_BYTES = 1024 * 1024;

/** How often the progress an admin watches is written: the export's end writes it too. */
const PROGRESS_EVERY_MS = 1_000;

/** The manifest's format: an import reads the version first. */
export const MANIFEST_FORMAT = 'rampart-organization-export/1';

export interface ManifestFile {
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** Passes bytes through, counting them and taking their SHA-256 on the way. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.push(chunk);
    done();
  }
}

/**
 * Writes the ZIP into the database a piece at a time, each piece in its own transaction.
 * One piece is written while the next fills, so the COPY behind the compressor waits for an
 * INSERT only when two pieces are ready at once: memory holds at most two pieces.
 */
function chunkWriter(deps: JobDeps, orgId: string, exportId: string) {
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  let writing: Promise<void> = Promise.resolve();
  const hash = createHash('sha256');
  let total = 0;
  const take = () => {
    const piece = { seq: seq++, data: Buffer.concat(pending, size) };
    pending = [];
    size = 0;
    return piece;
  };
  const insert = (piece: { seq: number; data: Buffer }) =>
    withContext(deps.db, { orgId, userId: null }, (tx) =>
      repo.insertChunk(tx, orgId, exportId, piece.seq, piece.data),
    );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      total += chunk.length;
      pending.push(chunk);
      size += chunk.length;
      if (size < CHUNK_BYTES) return done();
      const piece = take();
      writing.then(() => {
        writing = insert(piece);
        // A failed INSERT is seen by the next write, or by final().
        writing.catch(() => undefined);
        done();
      }, done);
    },
    final(done) {
      writing.then(() => (size > 0 ? insert(take()) : undefined)).then(() => done(), done);
    },
  });
  return { sink, summary: () => ({ byteSize: total, sha256: hash.digest('hex') }) };
}

/**
 * Writes an organization's data as a ZIP of CSVs and a manifest. Every CSV comes from
 * `COPY (SELECT ...) TO STDOUT` in one read-only transaction of the organization (RLS in
 * force, one snapshot for all files, so relationships agree), streamed through the
 * compressor into the database a megabyte at a time: memory stays flat whatever the size.
 * Safe to run again: a new attempt starts from nothing.
 */
export async function runOrganizationExport(
  deps: JobDeps,
  payload: TaskPayloads['exports__organization'],
): Promise<void> {
  const { org_id: orgId, export_id: exportId } = payload;
  try {
    await writeExport(deps, orgId, exportId);
  } catch (error) {
    deps.log.error({ err: error, org_id: orgId, export_id: exportId }, 'export failed');
    await withContext(deps.db, { orgId, userId: null }, (tx) =>
      repo.failExport(tx, exportId, 'The export could not be written; start it again.'),
    );
    throw error;
  }
}

async function writeExport(deps: JobDeps, orgId: string, exportId: string): Promise<void> {
  const context = { orgId, userId: null };
  await withTenantClient(
    deps.db,
    context,
    { checkMembership: false, snapshot: true },
    async (client, _member, tx) => {
      // Timestamps in UTC and ISO form, whatever the server's settings; no statement
      // timeout, for a large organization's COPY outlasts the API's.
      await client.query(
        "SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), " +
          "set_config('statement_timeout', '0', true)",
      );
      const files = [...(await repo.organizationFiles(tx)), await repo.attachedFilesCsv(tx)];
      const blobs = await runOn(client, repo.attachedFileBlobs(tx).compile());
      const started = await withContext(deps.db, context, (own) =>
        repo.restartExport(own, exportId, files.length + blobs.length + 1),
      );
      if (!started) return;

      const zip = new ZipFile();
      const writer = chunkWriter(deps, orgId, exportId);
      const written = pipeline(zip.outputStream, writer.sink);
      const manifest: ManifestFile[] = [];
      let rowsDone = 0;
      let progressAt = performance.now();
      /** One entry of the ZIP, streamed, with its size and SHA-256 in the manifest. */
      const addEntry = async (name: string, source: Readable, rows: () => number) => {
        const digest = new Digest({ highWaterMark: STREAM_BUFFER_BYTES });
        zip.addReadStream(digest, name, { compressionLevel: COMPRESSION_LEVEL });
        await pipeline(source, digest);
        await finished(digest);
        rowsDone += rows();
        manifest.push({
          name,
          rows: rows(),
          bytes: digest.bytes,
          sha256: digest.hash.digest('hex'),
        });
        // A transaction per file cost more than most files: most of them are a few rows.
        if (performance.now() - progressAt < PROGRESS_EVERY_MS) return;
        progressAt = performance.now();
        await withContext(deps.db, context, (own) =>
          repo.recordProgress(own, 'org_exports', exportId, {
            filesDone: manifest.length,
            rowsDone,
          }),
        );
      };
      for (const file of files) {
        const copy = client.query(
          copyTo(`COPY (${file.select}) TO STDOUT WITH (FORMAT csv, HEADER true)`, {
            highWaterMark: STREAM_BUFFER_BYTES,
          }),
        );
        await addEntry(file.name, copy, () => Number(copy.rowCount ?? 0));
      }
      const store = fileStoreOf(deps.config);
      for (const blob of blobs) {
        const content = await store.get(blob.blob_key);
        // Deleted since the snapshot was taken (its bytes removed after that commit).
        if (content) await addEntry(`files/${blob.id}`, content, () => 0);
      }
      zip.addBuffer(
        Buffer.from(
          JSON.stringify(
            {
              format: MANIFEST_FORMAT,
              schema_version: LATEST_MIGRATION,
              organization_id: orgId,
              exported_at: new Date().toISOString(),
              files: manifest,
            },
            null,
            2,
          ),
        ),
        'manifest.json',
      );
      zip.end();
      await written;

      await withContext(deps.db, context, async (own) => {
        const row = await repo.finishExport(own, exportId, {
          ...writer.summary(),
          retentionHours: deps.config.exportRetentionHours,
          rowsDone,
        });
        if (row.created_by) {
          await notifyInApp(
            own,
            { orgId, userId: null },
            {
              userId: row.created_by,
              kind: 'export_ready',
              title: 'Your export of the organization is ready to download',
              recordType: null,
              recordId: null,
            },
          );
        }
        await enqueueJob(
          own,
          'exports__expire',
          { org_id: orgId, export_id: exportId },
          { jobKey: `export-expire:${exportId}`, runAt: row.expires_at ?? undefined },
        );
      });
    },
  );
}

/** Removes an export's file once its time is up; it stays listed, as expired. */
export async function expireOrganizationExport(
  deps: JobDeps,
  payload: TaskPayloads['exports__expire'],
): Promise<void> {
  await withContext(deps.db, { orgId: payload.org_id, userId: null }, (tx) =>
    repo.expireExport(tx, payload.export_id),
  );
}
