import { createHash, type Hash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { MIGRATIONS } from '../../db/migrate.js';
import { AppError } from '../../lib/errors.js';
import { MANIFEST_FORMAT, type ManifestFile } from './org-export.task.js';

/** Limits of an uploaded export: the ZIP as sent, and the CSVs once inflated. */
export const RESTORE_LIMITS = {
  maxZipBytes: 512 * 1024 * 1024,
  maxInflatedBytes: 4 * 1024 * 1024 * 1024,
  maxManifestBytes: 1024 * 1024,
  /** The CSVs are stored in pieces of this size until the restore reads them. */
  pieceBytes: 1024 * 1024,
};

/**
 * Compressed bytes handed to the inflater at a time: it inflates synchronously, so this bounds
 * what one step can produce (deflate expands at most about a thousandfold) before the pieces
 * are written to the database and the next step is taken.
 */
const STEP_BYTES = 16 * 1024;

/** The oldest export this build reads: the first written with a manifest. */
const FIRST_EXPORT_SCHEMA = '0013_create_exports';

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end-of-directory record is in the last 22 bytes plus at most 64 KiB of comment. */
const TAIL_BYTES = 22 + 0xffff;

/** An uploaded export the restore refuses, with the file, line and column where it has them. */
export class RestoreProblem extends AppError {
  constructor(
    code: string,
    message: string,
    where: { file?: string; line?: number; column?: string } = {},
    problem: 'invalid' | 'too_large' = 'invalid',
  ) {
    super(problem, code, message, { ...where });
  }
}

export interface Manifest {
  format: string;
  schema_version: string;
  organization_id: string;
  exported_at: string;
  files: ManifestFile[];
}

/** One CSV as read from the ZIP: what the manifest is checked against. */
interface ReadFile {
  name: string;
  bytes: number;
  hash: Hash;
  records: number;
  header: string[] | undefined;
  parser: Parser;
  /** The first line csv-parse could not read, if any. */
  malformed: { line: number; message: string } | undefined;
  pending: Buffer[];
  pendingBytes: number;
  seq: number;
  done: boolean;
  /** A CSV, parsed on the way; the bytes of an attached file are not. */
  csv: boolean;
}

/**
 * The bytes of an attached file (`files/<id>`, named in `files.csv`): stored as they come, with
 * their SHA-256 and size held against the manifest, for the restore to put back in the store.
 */
export function isFileBytesEntry(name: string): boolean {
  return /^files\/[0-9a-f-]{36}$/.test(name);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isManifestFile(value: unknown): value is ManifestFile {
  const file = value as ManifestFile;
  return (
    typeof file?.name === 'string' &&
    Number.isSafeInteger(file.rows) &&
    Number.isSafeInteger(file.bytes) &&
    typeof file.sha256 === 'string'
  );
}

/** The manifest's own claims, before they are held against the files. */
function readManifest(text: Buffer): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text.toString('utf8')) as Manifest;
  } catch {
    throw new RestoreProblem('not_an_export', 'manifest.json is not valid JSON', {
      file: 'manifest.json',
    });
  }
  const family = MANIFEST_FORMAT.replace(/\d+$/, '');
  if (typeof manifest?.format !== 'string' || !manifest.format.startsWith(family)) {
    throw new RestoreProblem(
      'not_an_export',
      'manifest.json does not describe a Rampart organization export',
      { file: 'manifest.json' },
    );
  }
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new RestoreProblem(
      'unsupported_version',
      `The export is in format ${manifest.format}; this version of Rampart reads ${MANIFEST_FORMAT}`,
      { file: 'manifest.json' },
    );
  }
  const known = MIGRATIONS.indexOf(String(manifest.schema_version));
  if (known < 0 || known < MIGRATIONS.indexOf(FIRST_EXPORT_SCHEMA)) {
    throw new RestoreProblem(
      'unsupported_version',
      `The export was made with database schema ${String(manifest.schema_version)}, which this version of Rampart does not know (it is at ${MIGRATIONS.at(-1)}): restore it with the same or a newer version`,
      { file: 'manifest.json' },
    );
  }
  if (
    typeof manifest.organization_id !== 'string' ||
    !UUID.test(manifest.organization_id) ||
    typeof manifest.exported_at !== 'string' ||
    Number.isNaN(Date.parse(manifest.exported_at)) ||
    !Array.isArray(manifest.files) ||
    !manifest.files.every(isManifestFile)
  ) {
    throw new RestoreProblem('not_an_export', 'manifest.json lacks a field of an export', {
      file: 'manifest.json',
    });
  }
  return manifest;
}

/** A CSV this version restores: its name, its header, and whether an older export lacks it. */
export interface ExpectedFile {
  name: string;
  columns: string[];
  optional?: boolean;
}

/**
 * Holds each CSV against the manifest and the manifest against what this version restores:
 * every file there, unchanged (SHA-256, size, rows), with the header it expects.
 */
function verify(
  manifest: Manifest,
  files: Map<string, ReadFile>,
  expected: ReadonlyArray<ExpectedFile>,
): void {
  const listed = new Map(manifest.files.map((file) => [file.name, file]));
  for (const name of files.keys()) {
    if (isFileBytesEntry(name) && !listed.has(name)) {
      throw new RestoreProblem('missing_file', `${name} is missing from the manifest`, {
        file: name,
      });
    }
  }
  for (const { name, columns, optional } of expected) {
    const claim = listed.get(name);
    const file = files.get(name);
    if (!claim && !file && optional) continue;
    if (!claim || !file) {
      throw new RestoreProblem(
        'missing_file',
        `${name} is missing from the ${claim ? 'ZIP' : 'manifest'}`,
        { file: name },
      );
    }
    if (file.hash.digest('hex') !== claim.sha256 || file.bytes !== claim.bytes) {
      throw new RestoreProblem(
        'checksum_mismatch',
        `${name} is not the file that was exported: its SHA-256 differs from the manifest's`,
        { file: name },
      );
    }
    if (file.malformed) {
      throw new RestoreProblem(
        'malformed_csv',
        `${name}, line ${file.malformed.line}: ${file.malformed.message}`,
        { file: name, line: file.malformed.line },
      );
    }
    const header = file.header ?? [];
    const wrong = columns.findIndex((column, i) => header[i] !== column);
    if (wrong >= 0 || header.length !== columns.length) {
      const at = wrong >= 0 ? wrong : columns.length;
      throw new RestoreProblem(
        'unexpected_columns',
        `${name}, line 1, column ${at + 1}: expected ${columns[at] ?? 'no more columns'}, found ${header[at] ?? 'none'}`,
        { file: name, line: 1, column: header[at] ?? columns[at] ?? '' },
      );
    }
    const rows = Math.max(file.records - 1, 0);
    if (rows !== claim.rows) {
      throw new RestoreProblem(
        'row_count_mismatch',
        `${name} has ${rows} rows; the manifest says ${claim.rows}`,
        { file: name },
      );
    }
  }
  for (const [name, claim] of listed) {
    if (isFileBytesEntry(name)) {
      const file = files.get(name);
      if (!file) {
        throw new RestoreProblem('missing_file', `${name} is missing from the ZIP`, { file: name });
      }
      if (file.hash.digest('hex') !== claim.sha256 || file.bytes !== claim.bytes) {
        throw new RestoreProblem(
          'checksum_mismatch',
          `${name} is not the file that was exported: its SHA-256 differs from the manifest's`,
          { file: name },
        );
      }
      continue;
    }
    if (!expected.some((file) => file.name === name)) {
      throw new RestoreProblem('not_an_export', `The manifest lists ${name}, which no export has`, {
        file: name,
      });
    }
  }
}

/**
 * Reads an uploaded organization export as it streams in: each CSV's pieces go to `store` as
 * they are inflated (the reader waits for it, so memory holds about one piece per file), while
 * its SHA-256, size, rows and header are taken on the way. The manifest comes last in the ZIP;
 * once it has been read, every file is held against it. Throws a RestoreProblem naming the file
 * (and line and column where there is one) for anything that is not an intact export this
 * version can restore: the caller's transaction then keeps nothing of it.
 */
export async function readOrganizationExport(
  body: AsyncIterable<Buffer>,
  expected: ReadonlyArray<ExpectedFile>,
  store: (file: string, seq: number, data: Buffer) => Promise<void>,
): Promise<Manifest> {
  const names = new Set(expected.map((file) => file.name));
  const files = new Map<string, ReadFile>();
  const manifestParts: Buffer[] = [];
  let manifestBytes = 0;
  let manifestDone = false;
  let inflated = 0;
  let zipBytes = 0;
  let tail = Buffer.alloc(0);
  let failure: unknown;
  const open = new Set<string>();

  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry: UnzipFile) => {
    if (failure) return;
    const bytes = isFileBytesEntry(entry.name);
    if (entry.name !== 'manifest.json' && !bytes && !names.has(entry.name)) {
      failure = new RestoreProblem(
        'not_an_export',
        `The ZIP holds ${entry.name}, which no organization export has`,
        { file: entry.name },
      );
      return;
    }
    if (files.has(entry.name) || (entry.name === 'manifest.json' && manifestParts.length > 0)) {
      failure = new RestoreProblem('not_an_export', `The ZIP holds ${entry.name} twice`, {
        file: entry.name,
      });
      return;
    }
    open.add(entry.name);
    entry.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new RestoreProblem(
          'not_a_zip',
          `${entry.name} cannot be read from the ZIP: ${error.message}`,
          { file: entry.name },
        );
        return;
      }
      inflated += data.length;
      if (inflated > RESTORE_LIMITS.maxInflatedBytes) {
        failure = new RestoreProblem(
          'file_too_large',
          `The export holds more than ${RESTORE_LIMITS.maxInflatedBytes / 1024 ** 3} GB of CSV and files`,
          {},
          'too_large',
        );
        return;
      }
      const piece = Buffer.from(data.buffer, data.byteOffset, data.length);
      if (entry.name === 'manifest.json') {
        manifestBytes += piece.length;
        if (manifestBytes > RESTORE_LIMITS.maxManifestBytes) {
          failure = new RestoreProblem('not_an_export', 'manifest.json is too large', {
            file: 'manifest.json',
          });
          return;
        }
        manifestParts.push(piece);
        manifestDone = final;
      } else {
        const file = files.get(entry.name) ?? startFile(entry.name, !bytes);
        take(file, piece);
        file.done = final;
      }
      if (final) open.delete(entry.name);
    };
    entry.start();
  };

  function startFile(name: string, csv: boolean): ReadFile {
    const parser = parse({ relax_column_count: true });
    const file: ReadFile = {
      name,
      bytes: 0,
      hash: createHash('sha256'),
      records: 0,
      header: undefined,
      parser,
      malformed: undefined,
      pending: [],
      pendingBytes: 0,
      seq: 0,
      done: false,
      csv,
    };
    parser.on('data', (record: string[]) => {
      if (file.records === 0) file.header = record;
      file.records += 1;
    });
    parser.on('error', (error: Error) => {
      file.malformed ??= {
        line: error instanceof CsvError ? Number(error['lines'] ?? 0) : 0,
        message: error.message.replace(/^Invalid \w+: /, ''),
      };
    });
    files.set(name, file);
    return file;
  }

  function take(file: ReadFile, piece: Buffer): void {
    file.bytes += piece.length;
    file.hash.update(piece);
    if (file.csv && !file.malformed) file.parser.write(piece);
    file.pending.push(piece);
    file.pendingBytes += piece.length;
  }

  /** Writes the pieces that are full (all of them once a file is complete). */
  async function flush(): Promise<void> {
    for (const file of files.values()) {
      while (
        file.pendingBytes >= RESTORE_LIMITS.pieceBytes ||
        (file.done && file.pendingBytes > 0)
      ) {
        const all = Buffer.concat(file.pending, file.pendingBytes);
        const size = Math.min(all.length, RESTORE_LIMITS.pieceBytes);
        file.pending = size < all.length ? [all.subarray(size)] : [];
        file.pendingBytes = all.length - size;
        await store(file.name, file.seq++, all.subarray(0, size));
      }
    }
  }

  for await (const chunk of body) {
    if (
      zipBytes === 0 &&
      !chunk.subarray(0, 4).equals(ZIP_LOCAL_HEADER.subarray(0, chunk.length))
    ) {
      throw new RestoreProblem(
        'not_a_zip',
        'The file is not a ZIP (an organization export is one)',
      );
    }
    zipBytes += chunk.length;
    if (zipBytes > RESTORE_LIMITS.maxZipBytes) {
      throw new RestoreProblem(
        'file_too_large',
        `The file is larger than ${RESTORE_LIMITS.maxZipBytes / 1024 ** 2} MB`,
        {},
        'too_large',
      );
    }
    tail = Buffer.concat([tail, chunk]);
    if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
    for (let at = 0; at < chunk.length; at += STEP_BYTES) {
      try {
        unzip.push(chunk.subarray(at, at + STEP_BYTES), false);
      } catch (error) {
        failure ??= new RestoreProblem(
          'not_a_zip',
          `The ZIP cannot be read: ${(error as Error).message}`,
        );
      }
      if (failure) throw failure;
      await flush();
    }
  }
  if (zipBytes === 0) throw new RestoreProblem('empty_file', 'The file is empty');
  if (zipBytes < ZIP_LOCAL_HEADER.length) {
    throw new RestoreProblem('not_a_zip', 'The file is not a ZIP (an organization export is one)');
  }
  if (open.size > 0 || tail.lastIndexOf(ZIP_END_OF_DIRECTORY) < 0) {
    const [cut] = [...open];
    throw new RestoreProblem(
      'truncated_file',
      `The ZIP ends before its end${cut ? `, inside ${cut}` : ''}: the file was cut short; download the export again`,
      cut ? { file: cut } : {},
    );
  }
  await Promise.all(
    [...files.values()].map((file) => {
      if (!file.csv || file.malformed) return undefined;
      file.parser.end();
      // A parse error is kept in `malformed` and reported once the checksum has been checked.
      return finished(file.parser).catch(() => undefined);
    }),
  );
  await flush();
  if (!manifestDone) {
    throw new RestoreProblem(
      'not_an_export',
      'The ZIP has no manifest.json: it is not a Rampart organization export',
      { file: 'manifest.json' },
    );
  }
  const manifest = readManifest(Buffer.concat(manifestParts));
  verify(manifest, files, expected);
  return manifest;
}
