import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import contentDisposition from 'content-disposition';
import { AppError } from '../../lib/errors.js';

/** A file larger than the limit that applies to it: answered 413, nothing kept. */
export class FileTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(
      'too_large',
      'file_too_large',
      `The file is larger than ${formatBytes(limitBytes)}, the largest this organization accepts`,
      {
        fields: [{ field: 'file', message: `must be at most ${limitBytes} bytes` }],
        limit_bytes: limitBytes,
      },
    );
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How many leading bytes the type sniffing reads. */
const HEAD_BYTES = 16;

/**
 * Passes an upload through on its way to the store: counts it, takes its SHA-256 and its first
 * bytes, and fails the stream the moment it passes `limitBytes`, so a file over the limit is
 * never stored whole and the store drops what it had.
 */
export class UploadMeter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  head = Buffer.alloc(0);

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limitBytes) return done(new FileTooLargeError(this.limitBytes));
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    this.hash.update(chunk);
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The types shown in the browser rather than downloaded: images and PDFs, recognised by their
 * first bytes, never by what the client declared (an HTML page called `cat.png` stays a download).
 */
const SIGNATURES: ReadonlyArray<{ type: string; matches: (head: Buffer) => boolean }> = [
  {
    type: 'image/png',
    matches: (h) =>
      h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', matches: (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { type: 'image/gif', matches: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/webp',
    matches: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' &&
      h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export const PREVIEWABLE_TYPES: ReadonlySet<string> = new Set(SIGNATURES.map((s) => s.type));

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * The type a file is kept as: what its bytes show for the previewable types; otherwise what the
 * client declared, when it is a well-formed media type that does not claim to be previewable;
 * otherwise `application/octet-stream`.
 */
export function contentTypeOf(head: Buffer, declared: string | undefined): string {
  const sniffed = SIGNATURES.find((signature) => signature.matches(head));
  if (sniffed) return sniffed.type;
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (MEDIA_TYPE.test(type) && !PREVIEWABLE_TYPES.has(type)) return type;
  return 'application/octet-stream';
}

/** Types a browser would run or render as a page of this site: always served as bytes. */
const ACTIVE_TYPE = /html|xml|javascript|ecmascript|^text\/css$/;

/** The name in plain ASCII, for clients that do not read `filename*`: `résumé` as `resume`. */
function asciiName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/**
 * The headers of a file's bytes. Inline only for a previewable type, and then in a sandbox (no
 * script, no same origin); everything else downloads. The name is the one the user gave, in
 * RFC 6266 / 5987 form (`filename*=UTF-8''…`) with an ASCII fallback, so no name can break out
 * of the header.
 */
export function downloadHeaders(
  file: { name: string; content_type: string; byte_size: number; sha256: string },
  wanted: 'inline' | 'attachment',
): Record<string, string> {
  const inline = wanted === 'inline' && PREVIEWABLE_TYPES.has(file.content_type);
  return {
    'content-type': ACTIVE_TYPE.test(file.content_type)
      ? 'application/octet-stream'
      : file.content_type,
    'content-length': String(file.byte_size),
    'content-disposition': contentDisposition(file.name, {
      type: inline ? 'inline' : 'attachment',
      fallback: asciiName(file.name),
    }),
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    'cache-control': 'private, no-store',
    etag: `"${file.sha256}"`,
  };
}

/**
 * A name as it is shown: the user's own, kept only as text (the store's keys are random, so a
 * name such as `../../etc/passwd` names nothing on disk). Control characters, NUL among them,
 * cannot be stored or sent in a header and are dropped; it is cut to 255 characters; a name
 * with nothing left is called `file`.
 */
export function displayName(given: string): string {
  const printable = [...given].filter((char) => char >= ' ' && char !== '\u007f');
  const name = [...printable.join('').trim()].slice(0, 255).join('');
  return name || 'file';
}
