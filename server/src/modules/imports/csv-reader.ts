import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../lib/errors.js';

/** Limits of an uploaded file; docs/import-export.md states them for users. */
export const CSV_LIMITS = {
  maxBytes: 256 * 1024 * 1024,
  maxColumns: 500,
  maxCellChars: 100_000,
  /** Rows are handed over in batches of this many. */
  batchRows: 2_000,
} as const;

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ColumnSummary {
  index: number;
  header: string;
  /** Share of rows with something in this column, 0 to 1. */
  fill_rate: number;
  samples: string[];
}

export interface CsvSummary {
  encoding: Encoding;
  delimiter: Delimiter;
  columns: ColumnSummary[];
  row_count: number;
  /** Rows with more or fewer cells than the header, by line (the first 100). */
  ragged_lines: number[];
  ragged_count: number;
}

/** A file the import refuses, with where the problem is when it has a place. */
export class CsvProblem extends AppError {
  constructor(
    code: string,
    message: string,
    where: { line?: number; column?: string } = {},
    problem: 'invalid' | 'too_large' = 'invalid',
  ) {
    super(problem, code, message, { ...where });
  }
}

const SNIFF_BYTES = 64 * 1024;
const SAMPLE_COUNT = 5;
const SAMPLE_CHARS = 100;
const RAGGED_LISTED = 100;

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => buffer[i] === byte);
}

/** The encoding a byte-order mark names, and the mark's length. */
function byteOrderMark(head: Buffer): { encoding: Encoding; length: number } | undefined {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a mark: text in the Latin range has a zero in every other byte. */
function unmarkedUtf16(head: Buffer): Encoding | undefined {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** Control bytes that no text file holds: NUL and the C0 controls other than tab, CR, LF, FF. */
function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
      controls += 1;
  }
  return controls > head.length / 100;
}

/**
 * How an .xlsx (and .ods) file starts. Workbooks are not read: no well-kept library reads them
 * as a stream (see docs/import-export.md), and reading a million-row workbook whole would not
 * fit the memory an import may take.
 */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** How an .xls workbook (a Compound File, as older Office files are) starts. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isUtf8(head: Buffer): boolean {
  try {
    // stream: true, so a character cut at the end of the sample is not taken for an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function chooseEncoding(whole: Buffer, requested: Encoding | 'auto'): Encoding {
  // The first chunk may be the whole file: only its start decides.
  const head = whole.subarray(0, SNIFF_BYTES);
  const mark = byteOrderMark(head);
  const detected = mark?.encoding ?? unmarkedUtf16(head);
  if (requested !== 'auto') return requested;
  if (detected) return detected;
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new CsvProblem(
      'spreadsheet_not_csv',
      'The file is a ZIP archive, such as an Excel workbook (.xlsx), not CSV: save the sheet as CSV first (in Excel, File > Save As > CSV UTF-8) and import that file',
    );
  }
  if (head.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new CsvProblem(
      'spreadsheet_not_csv',
      'The file is an Excel 97-2003 workbook (.xls), not CSV: save the sheet as CSV first (in Excel, File > Save As > CSV UTF-8) and import that file',
    );
  }
  if (looksBinary(head)) {
    throw new CsvProblem('not_text', 'The file is not text: it looks like a binary file, not CSV');
  }
  return isUtf8(head) ? 'utf-8' : 'windows-1252';
}

/** The delimiter used most on the first line, outside quotes; a comma when there is none. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Text a spreadsheet would run as a formula when the cell is opened. The import trims cells, so
 * what follows leading spaces counts; after a sign, so do a number followed by a function call
 * or a DDE link (`-2+3+cmd|' /C calc'!A0`), while phone numbers and negative numbers are text.
 */
export function isFormula(cell: string): boolean {
  if (/^[\t\r]/.test(cell)) return true;
  const text = cell.trimStart();
  return (
    /^[=@]/.test(text) ||
    /^[+-]\s*[A-Za-z(]/.test(text) ||
    (/^[+-]/.test(text) && /[A-Za-z_][\w.]*\(|[|!]/.test(text))
  );
}

/**
 * A cell as a list export writes one that starts like a formula (`'=1+1`, `'+44 20…`, see
 * `spreadsheetCsv`): the text it stands for, so that an exported list imports back unchanged.
 */
export function unescapedCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

interface DecodeState {
  encoding?: Encoding;
  bytes: number;
  /** Lines decoded so far, to say where an undecodable byte is. */
  newlines: number;
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** How many bytes at the end of a chunk are not ASCII (at most 3: a character cut short). */
function trailingHigh(chunk: Buffer): number {
  let count = 0;
  while (count < 3 && count < chunk.length && chunk[chunk.length - 1 - count]! >= 0x80) count += 1;
  return count;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/**
 * The file's text, decoded as it arrives. The first 64 KiB decide the encoding; a file
 * declared or detected as UTF-8 that later holds a byte UTF-8 cannot have is refused with its
 * line, rather than read as something else.
 */
async function* decodeText(
  source: AsyncIterable<Buffer>,
  requested: Encoding | 'auto',
  state: DecodeState,
  maxBytes: number,
): AsyncGenerator<string> {
  const iterator = source[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  const take = (chunk: Buffer) => {
    state.bytes += chunk.length;
    if (state.bytes > maxBytes) {
      throw new CsvProblem(
        'file_too_large',
        `The file is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB`,
        {},
        'too_large',
      );
    }
  };
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    take(chunk);
    headChunks.push(chunk);
    headLength += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  const encoding = chooseEncoding(head, requested);
  state.encoding = encoding;
  const mark = byteOrderMark(head);
  const body = mark?.encoding === encoding ? head.subarray(mark.length) : head;

  let utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  let other = utf8 ? undefined : iconv.getDecoder(encoding, { stripBOM: false });
  // Detected from a head of plain ASCII, "UTF-8" is only a guess: a Windows-1252 file whose first
  // accent comes late reads the same up to it. While the text is ASCII, the bytes a streamed
  // decode holds back (a possible character cut at the end of a chunk) are kept to decode again.
  let guessed = requested === 'auto' && !mark && utf8 !== undefined;
  let heldBack: Buffer = Buffer.alloc(0);
  const decode = (chunk: Buffer, final: boolean): string => {
    if (!utf8) return other!.write(chunk) + (final ? (other!.end() ?? '') : '');
    try {
      const text = utf8.decode(chunk, { stream: !final });
      guessed &&= !/[\u0080-\uffff]/.test(text);
      const high = trailingHigh(chunk);
      heldBack = !guessed
        ? Buffer.alloc(0)
        : high === chunk.length
          ? Buffer.concat([heldBack, chunk])
          : chunk.subarray(chunk.length - high);
      return text;
    } catch {
      // The line of the first byte that is not UTF-8: the text before it, decoded leniently.
      const lenient = new TextDecoder('utf-8').decode(Buffer.concat([heldBack, chunk]));
      if (guessed && !/[\u0080-\ufffc\ufffe\uffff]/.test(lenient)) {
        // No character of the file so far is UTF-8 beyond ASCII: it is Windows-1252.
        state.encoding = 'windows-1252';
        utf8 = undefined;
        other = iconv.getDecoder('windows-1252', { stripBOM: false });
        return decode(Buffer.concat([heldBack, chunk]), final);
      }
      const line = state.newlines + countNewlines(lenient.slice(0, lenient.indexOf('\uFFFD'))) + 1;
      throw new CsvProblem(
        'wrong_encoding',
        `The file is not valid UTF-8 (line ${line}); save it as UTF-8 or choose its encoding`,
        { line },
      );
    }
  };
  const emit = (text: string) => {
    state.newlines += countNewlines(text);
    return text;
  };

  if (body.length > 0 || ended) yield emit(decode(body, ended));
  if (ended) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    take(chunk);
    const text = decode(chunk, false);
    if (text) yield emit(text);
  }
  const rest = decode(Buffer.alloc(0), true);
  if (rest) yield emit(rest);
}

/** The decoded text, with the delimiter found on its first line. */
async function* withDelimiter(
  text: AsyncGenerator<string>,
  found: (delimiter: Delimiter) => void,
): AsyncGenerator<string> {
  let pending = '';
  let decided = false;
  for await (const piece of text) {
    if (decided) {
      yield piece;
      continue;
    }
    pending += piece;
    if (/[\r\n]/.test(pending) || pending.length > SNIFF_BYTES) {
      found(detectDelimiter(pending));
      decided = true;
      yield pending;
    }
  }
  if (!decided) {
    found(detectDelimiter(pending));
    if (pending) yield pending;
  }
}

function columnName(headers: string[], index: number): string {
  return headers[index] || `column ${index + 1}`;
}

function csvErrorToProblem(error: CsvError, lines: number): CsvProblem {
  const line = typeof error['lines'] === 'number' ? error['lines'] : lines;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvProblem(
        'unterminated_row',
        `The file ends inside a quoted cell that starts on line ${line}: it may have been cut short`,
        { line },
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvProblem(
        'cell_too_long',
        `A row is too long (line ${line}): cells may hold at most ${CSV_LIMITS.maxCellChars} characters`,
        { line },
      );
    default:
      return new CsvProblem(
        'malformed_csv',
        `The file is not valid CSV (line ${line}): ${error.message}`,
        { line },
      );
  }
}

/**
 * Reads a CSV upload as a stream: the header, then the rows in batches handed to `onBatch`
 * (which the reader waits for, so a slow database slows the upload rather than filling
 * memory). Returns what the mapping screen shows about each column.
 */
export async function readCsv(
  source: AsyncIterable<Buffer>,
  options: { encoding: Encoding | 'auto'; maxBytes?: number },
  onBatch: (rows: CsvRow[]) => Promise<void>,
): Promise<CsvSummary> {
  const state: DecodeState = { bytes: 0, newlines: 0 };
  let delimiter: Delimiter = ',';
  const text = withDelimiter(
    decodeText(source, options.encoding, state, options.maxBytes ?? CSV_LIMITS.maxBytes),
    (found) => (delimiter = found),
  );

  // The parser is created once the delimiter is known: the first piece of text decides it.
  const first = await text.next();
  if (first.done || first.value.trim() === '') {
    throw new CsvProblem('empty_file', 'The file is empty');
  }
  const parser = parse({
    delimiter,
    relax_column_count: true,
    // A quote inside a cell that does not start with one is a character of the cell, as every
    // spreadsheet reads it (`24" monitor`, `5'10"`), not a reason to refuse the whole file.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: CSV_LIMITS.maxCellChars * 4,
    info: true,
  });
  const feeding = pipeline(
    Readable.from(
      (async function* () {
        yield first.value;
        yield* text;
      })(),
    ),
    parser,
  );
  feeding.catch(() => undefined);

  let headers: string[] | undefined;
  let filled: number[] = [];
  let samples: Set<string>[] = [];
  let rowCount = 0;
  const ragged: number[] = [];
  let raggedCount = 0;
  let batch: CsvRow[] = [];
  // Where the next record starts. csv-parse's own line count takes a CRLF inside a quoted cell
  // for two lines, so lines are counted here: each record spans one line plus its cells' breaks.
  let nextLine = 1;
  let emptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { empty_lines: number };
    }>) {
      const line = nextLine + (info.empty_lines - emptyLines);
      emptyLines = info.empty_lines;
      nextLine = line + 1 + record.reduce((n, cell) => n + lineBreaks(cell), 0);
      for (let i = 0; i < record.length; i += 1) record[i] = record[i]!.replace(/\r\n?/g, '\n');
      check(record, line, headers);
      if (!headers) {
        if (record.length > CSV_LIMITS.maxColumns) {
          throw new CsvProblem(
            'too_many_columns',
            `The file has ${record.length} columns; at most ${CSV_LIMITS.maxColumns} can be imported`,
            { line: 1 },
          );
        }
        headers = record.map((cell) => cell.trim());
        filled = headers.map(() => 0);
        samples = headers.map(() => new Set());
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue;
      rowCount += 1;
      if (record.length !== headers.length) {
        raggedCount += 1;
        if (ragged.length < RAGGED_LISTED) ragged.push(line);
      }
      for (let i = 0; i < headers.length; i += 1) {
        const value = record[i]?.trim() ?? '';
        if (value === '') continue;
        filled[i]! += 1;
        if (samples[i]!.size < SAMPLE_COUNT) samples[i]!.add(value.slice(0, SAMPLE_CHARS));
      }
      batch.push({ line, cells: record });
      if (batch.length >= CSV_LIMITS.batchRows) {
        await onBatch(batch);
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvErrorToProblem(error, state.newlines + 1);
    throw error;
  }
  await feeding;
  if (!headers) throw new CsvProblem('empty_file', 'The file is empty');
  if (rowCount === 0) {
    throw new CsvProblem('no_rows', 'The file has a header but no rows to import', { line: 2 });
  }
  if (batch.length > 0) await onBatch(batch);
  const columnHeaders = headers;
  return {
    encoding: state.encoding ?? 'utf-8',
    delimiter,
    columns: columnHeaders.map((_, index) => ({
      index,
      header: columnName(columnHeaders, index),
      fill_rate: Math.round((filled[index]! / rowCount) * 1000) / 1000,
      samples: [...samples[index]!],
    })),
    row_count: rowCount,
    ragged_lines: ragged,
    ragged_count: raggedCount,
  };

  function check(record: string[], line: number, header: string[] | undefined) {
    for (let i = 0; i < record.length; i += 1) {
      const cell = record[i]!;
      const column = header ? columnName(header, i) : `column ${i + 1}`;
      if (cell.length > CSV_LIMITS.maxCellChars) {
        throw new CsvProblem(
          'cell_too_long',
          `Line ${line}, column "${column}": the cell holds ${cell.length} characters; at most ${CSV_LIMITS.maxCellChars} are allowed`,
          { line, column },
        );
      }
      if (cell.includes('\u0000')) {
        throw new CsvProblem(
          'not_text',
          `Line ${line}, column "${column}": the cell holds a NUL byte, which no text file has`,
          { line, column },
        );
      }
      // Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D: decoded, they are
      // U+FFFD, which no byte of the encoding stands for. Imported, the cell would not hold
      // what the file does.
      if (state.encoding === 'windows-1252' && cell.includes('\uFFFD')) {
        throw new CsvProblem(
          'wrong_encoding',
          `Line ${line}, column "${column}": the cell holds a byte that Windows-1252 has no character for (0x81, 0x8D, 0x8F, 0x90 or 0x9D), so the file is in another encoding; save it as UTF-8 or choose its encoding`,
          { line, column },
        );
      }
      if (isFormula(cell)) {
        throw new CsvProblem(
          'formula_cell',
          `Line ${line}, column "${column}": the cell holds a spreadsheet formula (${JSON.stringify(cell.slice(0, 40))}); remove it or save the values, not the formulas`,
          { line, column },
        );
      }
    }
  }
}
