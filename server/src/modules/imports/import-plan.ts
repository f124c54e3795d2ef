import { v7 as timeOrderedUuid } from 'uuid';
import type { RecordType } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import {
  activeFields,
  type CustomField as FieldWithOptions,
} from '../custom-fields/custom-fields.service.js';
import { parseValue } from '../custom-fields/custom-values.js';
import { unescapedCell } from './csv-reader.js';
import { memberOf, parseCustomCell } from './custom-cells.js';
import { CUSTOM_FIELD_PREFIX, IMPORT_FIELDS, type FieldSpec } from './fields.js';
import * as repo from './imports.repo.js';
import { domainOf } from '../accounts/accounts.service.js';
import { orgCurrency } from '../orgs/orgs.service.js';
import {
  foldName,
  parseBoolean,
  parseCurrency,
  parseDate,
  parseDateTime,
  parseDomain,
  parseEmail,
  parseInteger,
  otherCurrency,
  parseMoney,
  parseTags,
  parseVisibleText,
  type DateFormat,
  type Parsed,
} from './values.js';

export type DuplicatePolicy = 'skip' | 'update' | 'create';

/** What the user chose on the mapping screen; stored with the import. */
export interface ImportSettings {
  mapping: { column: number; field: string }[];
  duplicates: DuplicatePolicy;
  date_format?: DateFormat;
  /** How accounts match: by domain, by name, or domain first then name. */
  account_match?: 'domain' | 'name' | 'domain_or_name';
}

export interface Counts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

export const NO_COUNTS: Counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };

/** A cell stored in other words than it was typed in (a two-digit year), and how it was read. */
export interface Notice {
  line: number;
  column: string;
  message: string;
}

/**
 * What the whole import knows before its first row: members, pipelines and stages, and the
 * kind's active custom fields with their options.
 */
export interface Lookups {
  /** Members by email and by name, for owners and member custom fields. */
  people: Map<string, string | null>;
  stages: repo.StageRef[];
  custom: FieldWithOptions[];
  /** The organization's currency, which imported amounts are stored in. */
  currency: string;
}

export async function loadLookups(tx: Tx, kind: RecordType): Promise<Lookups> {
  const [people, stages, custom, currency] = await Promise.all([
    repo.membersByEmailOrName(tx),
    repo.stages(tx),
    activeFields(tx, kind),
    orgCurrency(tx, orgOf(tx)),
  ]);
  return { people, stages, custom, currency };
}

/** The custom field a mapping's `field` names (`cf.<key>`), if it names one. */
export function customFieldOf(
  custom: readonly FieldWithOptions[],
  name: string,
): FieldWithOptions | undefined {
  if (!name.startsWith(CUSTOM_FIELD_PREFIX)) return undefined;
  const key = name.slice(CUSTOM_FIELD_PREFIX.length);
  return custom.find((field) => field.key === key);
}

/** Custom field values of a batch's records: record id -> field id -> the values to store. */
export type CustomValues = Map<string, Map<string, unknown[]>>;

interface RowValues {
  line: number;
  values: Record<string, unknown>;
  tags: string[];
  /** Dedupe keys of the row: an email, or an account's folded domain and name. */
  keys: string[];
  problems: repo.Rejection['problems'];
  notices: Notice[];
  /** Custom field values, by field id. */
  custom: Map<string, unknown[]>;
  account?: { name?: string; domain?: string };
  contactEmail?: string;
  /** A primary contact named instead of by email, as Pipedrive's and HubSpot's deals exports do. */
  contactName?: string;
  /**
   * Amounts of a row without a currency of its own, checked once it is known whether they go
   * to a new record (in the organization's currency) or to one the row updates (in its own).
   */
  amounts: { column: string; cell: string }[];
  /** The kind of the stage a deal goes to. */
  stageKind?: string;
  /** A won or lost deal's close time, as the file gives it (else the import's time). */
  closing?: { at?: string };
}

export interface BatchPlan {
  creates: Record<string, unknown>[];
  /**
   * Updates in turns, each written after the one before it: an account that takes a name
   * another account gives up in the same batch is renamed once that one has been.
   */
  updates: Record<string, unknown>[][];
  tags: { record_id: string; name: string }[];
  custom: CustomValues;
  rejections: repo.Rejection[];
  /** How the cells of the rows written were read, where that differs from how they were typed. */
  notices: Notice[];
  counts: Counts;
  /** Keys first seen in this batch. */
  keys: string[];
}

/**
 * Keys seen earlier in the file: what a key stands for once planned. In a run, an entry made in
 * the current batch points at the record the batch creates, so a later row of the same batch
 * updates it before it exists; a key of an earlier batch (in a dry run) or of a record a row
 * updates holds that record's id, so that rows naming the same record can be told apart from
 * rows naming another. A name an earlier row renamed an account away from is free: its key
 * holds `''`. Under `currency:<id>`, `name-of:<id>` and `domain-of:<id>`, the currency, the name
 * key and the domain key earlier rows left a record with, for the records of earlier batches a
 * dry run did not write.
 */
export type SeenKeys = Map<string, Record<string, unknown> | string>;

const currencyKey = (id: string) => `currency:${id}`;
const nameOfKey = (id: string) => `name-of:${id}`;
const domainOfKey = (id: string) => `domain-of:${id}`;

function parseCell(
  spec: FieldSpec,
  cell: string,
  settings: ImportSettings,
  currency: { code: string; source: 'organization' | 'row' } | null,
): Parsed<unknown> {
  switch (spec.type) {
    case 'text':
      if (cell.length > (spec.maxLength ?? 300)) {
        return { ok: false, reason: `longer than ${spec.maxLength} characters` };
      }
      // The required text is the record's name, which the API takes only when it shows.
      return spec.required ? parseVisibleText(cell) : { ok: true, value: cell };
    case 'email':
      return parseEmail(cell);
    case 'domain':
      return parseDomain(cell);
    case 'money': {
      const problem = currency && otherCurrency(cell, currency.code, currency.source);
      return problem ? { ok: false, reason: problem } : parseMoney(cell);
    }
    case 'currency':
      return parseCurrency(cell);
    case 'integer':
      return parseInteger(cell);
    case 'date':
      return parseDate(cell, settings.date_format);
    case 'datetime':
      return parseDateTime(cell, settings.date_format);
    case 'boolean':
      return parseBoolean(cell);
    case 'tags':
      return parseTags(cell);
    case 'choice':
    case 'outcome': {
      const value = cell.toLowerCase().replace(/[\s-]+/g, '_');
      return spec.choices!.includes(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${cell}" is not one of ${spec.choices!.join(', ')}` };
    }
    default:
      return { ok: true, value: cell };
  }
}

/** Reads one row's mapped cells into values, with every problem found. */
function readRow(
  kind: RecordType,
  row: { line: number; cells: string[] },
  settings: ImportSettings,
  headers: string[],
  lookups: Lookups,
): RowValues {
  const fields = IMPORT_FIELDS[kind];
  const result: RowValues = {
    line: row.line,
    values: {},
    tags: [],
    keys: [],
    problems: [],
    notices: [],
    custom: new Map(),
    amounts: [],
  };
  const notice = (column: string, parsed: Parsed<unknown>) => {
    if (parsed.ok && parsed.notice !== undefined) {
      result.notices.push({ line: row.line, column, message: parsed.notice });
    }
  };
  let pipelineName: string | undefined;
  let stageName: string | undefined;
  let outcome: string | undefined;
  // Cells past the header's last column mean the row's cells are not where its header says.
  // Missing cells at the end are only empty ones, which spreadsheets often leave out.
  const extra = row.cells.slice(headers.length).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    result.problems.push({
      column: '',
      reason: `the row has ${row.cells.length} cells and the header ${headers.length}`,
    });
  }
  // A row's amounts are in its own currency when the file has one, else the organization's.
  const currencyColumn = settings.mapping.find((m) => fields[m.field]?.type === 'currency');
  const rowCurrency = currencyColumn && parseCurrency(row.cells[currencyColumn.column] ?? '');
  const currency =
    rowCurrency && rowCurrency.ok
      ? { code: rowCurrency.value, source: 'row' as const }
      : { code: lookups.currency, source: 'organization' as const };
  const checkLater =
    currency.source === 'organization' &&
    Object.values(fields).some((spec) => spec.type === 'currency');
  for (const { column, field } of settings.mapping) {
    const header = headers[column] ?? `column ${column + 1}`;
    const cell = unescapedCell((row.cells[column] ?? '').trim());
    if (cell === '') continue;
    const customField = customFieldOf(lookups.custom, field);
    if (customField) {
      const values = parseCustomCell(customField, cell, {
        dateFormat: settings.date_format,
        members: lookups.people,
        currency: lookups.currency,
      });
      if (values.ok) result.custom.set(customField.id, values.value);
      else result.problems.push({ column: header, reason: values.reason });
      notice(header, values);
      continue;
    }
    const spec = fields[field];
    if (!spec) {
      // A custom field archived or deleted after the dry run (the run refuses to start then,
      // but one queued already reaches its rows): its cells can no longer be stored.
      result.problems.push({
        column: header,
        reason: `"${field}" is no longer a field of this kind (archived or deleted since the dry run)`,
      });
      continue;
    }
    const later = checkLater && spec.type === 'money';
    const parsed = parseCell(spec, cell, settings, later ? null : currency);
    if (!parsed.ok) {
      result.problems.push({ column: header, reason: parsed.reason });
      continue;
    }
    notice(header, parsed);
    if (later) result.amounts.push({ column: header, cell });
    switch (spec.type) {
      case 'owner': {
        const owner = memberOf(lookups.people, cell);
        if (owner.ok) result.values[spec.column!] = owner.value;
        else result.problems.push({ column: header, reason: owner.reason });
        break;
      }
      case 'tags':
        result.tags = parsed.value as string[];
        break;
      case 'account': {
        // `acme.com` is an account's domain, or the name of one such as `Booking.com`.
        const domain = parseDomain(cell);
        result.account =
          domain.ok && cell.includes('.') ? { domain: domain.value, name: cell } : { name: cell };
        break;
      }
      case 'contact': {
        const email = parseEmail(cell);
        if (email.ok) result.contactEmail = email.value;
        else if (cell.includes('@')) result.problems.push({ column: header, reason: email.reason });
        else result.contactName = cell;
        break;
      }
      case 'pipeline':
        pipelineName = cell;
        break;
      case 'stage':
        stageName = cell;
        break;
      case 'outcome':
        outcome = parsed.value as string;
        break;
      default:
        result.values[spec.column!] = parsed.value;
    }
  }
  const closed = outcome === 'won' || outcome === 'lost' ? outcome : undefined;
  if (kind === 'deal' && (stageName !== undefined || closed)) {
    resolveStage(
      result,
      lookups,
      { pipelineName, stageName, closed, line: row.line },
      settings,
      headers,
    );
  }
  if (kind === 'deal') readClosing(result, settings, headers);
  // As the API does: an account given a website and no domain takes the website's, and is
  // matched by it as by a domain column.
  const { website, domain } = result.values;
  if (kind === 'account' && typeof website === 'string' && domain === undefined) {
    const derived = domainOf(website);
    if (derived) result.values['domain'] = derived;
  }
  return result;
}

function resolveStage(
  result: RowValues,
  lookups: Lookups,
  row: { pipelineName?: string; stageName?: string; closed?: 'won' | 'lost'; line: number },
  settings: ImportSettings,
  headers: string[],
): void {
  const { pipelineName, stageName, closed } = row;
  const headerOf = (field: string) => {
    const column = settings.mapping.find((m) => m.field === field)?.column ?? 0;
    return headers[column] ?? field;
  };
  const inPipeline = lookups.stages.filter((s) =>
    pipelineName === undefined
      ? s.is_default
      : foldName(s.pipeline_name) === foldName(pipelineName),
  );
  if (inPipeline.length === 0) {
    result.problems.push({
      column: headerOf('pipeline'),
      reason: `no pipeline is called "${pipelineName}"; the pipelines are ${[
        ...new Set(lookups.stages.map((s) => s.pipeline_name)),
      ].join(', ')}`,
    });
    return;
  }
  const named =
    stageName === undefined
      ? undefined
      : inPipeline.find((s) => foldName(s.name) === foldName(stageName));
  // A deal won or lost goes to the pipeline's won or lost stage: the stage other CRMs export
  // beside such a status is the last open one it was in.
  const stage =
    closed && named?.kind !== closed ? inPipeline.find((s) => s.kind === closed) : named;
  if (stage && stage !== named && stageName !== undefined) {
    result.notices.push({
      line: row.line,
      column: headerOf('stage'),
      message: `"${stageName}" is a ${closed} deal's last open stage: the deal goes to "${stage.name}"`,
    });
  }
  if (!stage) {
    result.problems.push({
      column: headerOf('stage'),
      reason: `the pipeline "${inPipeline[0]!.pipeline_name}" has no ${closed ? `${closed} stage` : `stage "${stageName}"`}; its stages are ${inPipeline.map((s) => s.name).join(', ')}`,
    });
    return;
  }
  result.values['pipeline_id'] = stage.pipeline_id;
  result.values['stage_id'] = stage.id;
  result.values['probability'] = stage.probability;
  result.stageKind = stage.kind;
}

/**
 * A deal in a won or lost stage is closed, as moving it there in the app closes it: when the
 * file's close time says, or its close date (HubSpot's and Salesforce's `Close Date` is when a
 * closed deal closed), else at the import. Reports by close date count it then; the dry run
 * says which was taken. An open deal has no close time.
 */
function readClosing(result: RowValues, settings: ImportSettings, headers: string[]): void {
  const headerOf = (field: string) => {
    const mapped = settings.mapping.find((m) => m.field === field);
    return mapped && (headers[mapped.column] ?? field);
  };
  const closedAt = result.values['closed_at'] as string | undefined;
  delete result.values['closed_at'];
  const kind = result.stageKind;
  if (kind === undefined) return;
  if (kind === 'open') {
    if (closedAt !== undefined)
      result.notices.push({
        line: result.line,
        column: headerOf('closed_at')!,
        message: 'the deal is open: its close time is left out',
      });
    return;
  }
  const expected = result.values['expected_close_date'] as string | undefined;
  const from =
    closedAt !== undefined
      ? { at: closedAt, shown: closedAt, column: headerOf('closed_at')! }
      : expected !== undefined
        ? { at: `${expected}T00:00:00Z`, shown: expected, column: headerOf('expected_close_date')! }
        : undefined;
  result.closing = { at: from?.at };
  result.notices.push({
    line: result.line,
    column:
      from?.column ??
      headerOf('closed_at') ??
      headerOf('expected_close_date') ??
      headerOf('stage') ??
      headerOf('status') ??
      '',
    message: from
      ? `the ${kind} deal is closed on ${from.shown}, as "${from.column}" says`
      : `the ${kind} deal has no close date in the file: it is closed at the time of the import`,
  });
}

/** The fields a new record cannot be without, named by their column in the file. */
function missingRequired(
  kind: RecordType,
  values: Record<string, unknown>,
  settings: ImportSettings,
  headers: string[],
): repo.Rejection['problems'] {
  return Object.entries(IMPORT_FIELDS[kind]).flatMap(([field, spec]) => {
    if (!spec.required || values[spec.column!] !== undefined) return [];
    const mapped = settings.mapping.find((m) => m.field === field);
    return mapped
      ? [{ column: headers[mapped.column] ?? field, reason: 'is required' }]
      : [{ column: '', reason: `${field} is required to create a record` }];
  });
}

/**
 * A new record's custom values: those of its row, and each other field's default; a required
 * field without either is a problem named by its column.
 */
function newRecordCustom(
  r: RowValues,
  lookups: Lookups,
  settings: ImportSettings,
  headers: string[],
): { values: Map<string, unknown[]>; problems: repo.Rejection['problems'] } {
  const values = new Map(r.custom);
  const problems: repo.Rejection['problems'] = [];
  for (const field of lookups.custom) {
    if (values.has(field.id)) continue;
    const fallback = field.default_value === null ? null : parseValue(field, field.default_value);
    if (fallback && 'values' in fallback && fallback.values.length > 0) {
      values.set(field.id, fallback.values);
    } else if (field.required) {
      const mapped = settings.mapping.find((m) => customFieldOf([field], m.field));
      problems.push(
        mapped
          ? {
              column: headers[mapped.column] ?? field.label,
              reason: `"${field.label}" is required`,
            }
          : { column: '', reason: `"${field.label}" is required to create a record` },
      );
    }
  }
  return { values, problems };
}

/** What a new record stores for the mapped columns left empty that may not be null. */
function withEmptyDefaults(
  kind: RecordType,
  settings: ImportSettings,
  values: Record<string, unknown>,
  currency: string,
) {
  const fields = IMPORT_FIELDS[kind];
  const filled = { ...values };
  for (const { field } of settings.mapping) {
    const spec = fields[field];
    const empty = spec?.type === 'currency' ? currency : spec?.empty;
    if (spec?.column && empty !== undefined && filled[spec.column] === undefined) {
      filled[spec.column] = empty;
    }
  }
  return filled;
}

/** The columns a batch of new records writes: the mapped ones, and what deals always need. */
export function writtenColumns(kind: RecordType, settings: ImportSettings): string[] {
  const fields = IMPORT_FIELDS[kind];
  const columns = new Set<string>();
  for (const { field } of settings.mapping) {
    const spec = fields[field];
    if (spec?.column && spec.type !== 'pipeline' && spec.type !== 'stage') columns.add(spec.column);
  }
  if (kind === 'deal') {
    ['pipeline_id', 'stage_id', 'probability', 'stage_entered_at', 'closed_at'].forEach((c) =>
      columns.add(c),
    );
  }
  // The domain a website gives (see readRow).
  if (kind === 'account' && columns.has('website')) columns.add('domain');
  return [...columns];
}

function keyOf(kind: RecordType, values: Record<string, unknown>, folded: Map<string, string>) {
  if (kind === 'lead' || kind === 'contact') {
    return typeof values['email'] === 'string' ? [`email:${values['email']}`] : [];
  }
  if (kind === 'account') {
    const keys: string[] = [];
    const domain = values['domain'];
    if (typeof domain === 'string') keys.push(`domain:${folded.get(domain) ?? domain}`);
    const name = values['name'];
    if (typeof name === 'string') keys.push(`name:${folded.get(name) ?? name}`);
    return keys;
  }
  return [];
}

/**
 * Decides what each row of a batch does, reading what it refers to and what it duplicates.
 * The dry run and the run both plan with this, so the run does what the dry run reported.
 */
export async function planBatch(
  tx: Tx,
  kind: RecordType,
  rows: { line: number; cells: string[] }[],
  settings: ImportSettings,
  headers: string[],
  lookups: Lookups,
  seen: SeenKeys,
): Promise<BatchPlan> {
  const read = rows.map((row) => readRow(kind, row, settings, headers, lookups));
  const account = settings.account_match ?? 'domain_or_name';
  const importTime = new Date().toISOString();

  // Folded account names and domains, as the database folds them.
  const toFold = new Set<string>();
  for (const r of read) {
    if (kind === 'account') {
      if (typeof r.values['name'] === 'string') toFold.add(r.values['name']);
      if (typeof r.values['domain'] === 'string') toFold.add(r.values['domain']);
    }
    if (r.account?.name) toFold.add(r.account.name);
    if (r.account?.domain) toFold.add(r.account.domain);
  }
  const folded = await repo.fold(tx, [...toFold]);
  for (const r of read) {
    let keys = keyOf(kind, r.values, folded);
    if (kind === 'account' && account === 'domain')
      keys = keys.filter((k) => k.startsWith('domain:'));
    if (kind === 'account' && account === 'name') keys = keys.filter((k) => k.startsWith('name:'));
    r.keys = keys;
  }

  // Records that rows refer to: accounts of contacts and deals, primary contacts of deals.
  const accountNames = read.flatMap((r) => (r.account?.name ? [folded.get(r.account.name)!] : []));
  const accountDomains = read.flatMap((r) =>
    r.account?.domain ? [folded.get(r.account.domain)!] : [],
  );
  const accounts =
    accountNames.length + accountDomains.length > 0
      ? await repo.findMatches(tx, 'account', {
          emails: [],
          names: accountNames,
          domains: accountDomains,
        })
      : [];
  const contactEmails = read.flatMap((r) => (r.contactEmail ? [r.contactEmail] : []));
  const contacts = await repo.findMatches(tx, 'contact', {
    emails: contactEmails,
    names: [],
    domains: [],
  });
  const contactNames = read.flatMap((r) => (r.contactName ? [r.contactName] : []));
  const named = await repo.contactsNamed(tx, contactNames);
  for (const r of read) {
    if (r.account) {
      const name = r.account.name && folded.get(r.account.name);
      const domain = r.account.domain && folded.get(r.account.domain);
      const found =
        (domain && accounts.find((a) => a.domain === domain)) ||
        accounts.find((a) => a.name === name);
      const header = headers[settings.mapping.find((m) => m.field === 'account')!.column]!;
      if (found) r.values['account_id'] = found.id;
      else
        r.problems.push({
          column: header,
          reason: `no account "${r.account.name ?? r.account.domain}"`,
        });
    }
    if (r.contactEmail) {
      const found = contacts.find((c) => c.email === r.contactEmail);
      const header = headers[settings.mapping.find((m) => m.field === 'primary_contact')!.column]!;
      if (found) r.values['primary_contact_id'] = found.id;
      else
        r.problems.push({ column: header, reason: `no contact has the email "${r.contactEmail}"` });
    }
    if (r.contactName) {
      const header = headers[settings.mapping.find((m) => m.field === 'primary_contact')!.column]!;
      const all = named.filter((c) => c.asked === r.contactName);
      // A name two contacts share means the one at the deal's account, if only one is there.
      const atAccount = all.filter((c) => c.account_id && c.account_id === r.values['account_id']);
      const found = all.length === 1 ? all[0] : atAccount.length === 1 ? atAccount[0] : undefined;
      if (found) r.values['primary_contact_id'] = found.id;
      else
        r.problems.push({
          column: header,
          reason:
            all.length === 0
              ? `no contact is named "${r.contactName}"`
              : `${all.length} contacts are named "${r.contactName}", none of them at the deal's account: use the email`,
        });
    }
  }

  // An account's name is unique whichever way accounts match: the record a row writes must not
  // take a name another account holds, or the run fails where the dry run said it would not.
  const nameKeyOf = (r: RowValues) =>
    kind === 'account' && typeof r.values['name'] === 'string'
      ? `name:${folded.get(r.values['name']) ?? r.values['name']}`
      : undefined;

  // Existing records that rows duplicate, and accounts holding the names rows write.
  const existing = await repo.findMatches(tx, kind, {
    emails: read.flatMap((r) =>
      r.keys.filter((k) => k.startsWith('email:')).map((k) => k.slice(6)),
    ),
    names: read.flatMap((r) => {
      const nameKey = nameKeyOf(r);
      return nameKey ? [nameKey.slice(5)] : [];
    }),
    domains: read.flatMap((r) =>
      r.keys.filter((k) => k.startsWith('domain:')).map((k) => k.slice(7)),
    ),
  });
  const existingCurrency = read.some((r) => r.amounts.length > 0)
    ? await repo.recordCurrencies(
        tx,
        kind,
        existing.map((e) => e.id),
      )
    : new Map<string, string>();
  const currencyOf = (record: Record<string, unknown> | string) =>
    typeof record === 'object'
      ? ((record['currency'] as string | undefined) ?? lookups.currency)
      : ((seen.get(currencyKey(record)) as string | undefined) ??
        existingCurrency.get(record) ??
        lookups.currency);
  const existingName = new Map(existing.map((e) => [e.id, e.name && `name:${e.name}`]));
  // Domains are not unique: every account holding one, in the order the database gave them.
  const existingByKey = new Map<string, string[]>();
  for (const e of existing) {
    for (const key of [
      e.email && `email:${e.email}`,
      e.domain && `domain:${e.domain}`,
      e.name && `name:${e.name}`,
    ]) {
      if (key) existingByKey.set(key, [...(existingByKey.get(key) ?? []), e.id]);
    }
  }

  const plan: BatchPlan = {
    creates: [],
    updates: [],
    tags: [],
    custom: new Map(),
    rejections: [],
    notices: [],
    counts: { ...NO_COUNTS },
    keys: [],
  };
  // What earlier rows of the file did comes before what the database still holds. An account an
  // earlier row moved to another domain no longer holds its old one.
  const stillHolds = (key: string, holder: Record<string, unknown> | string) => {
    const domainNow = key.startsWith('domain:') && seen.get(domainOfKey(recordIdOf(holder)));
    return !domainNow || domainNow === key;
  };
  const heldInFile = (key: string) => {
    const holder = seen.get(key);
    return holder && stillHolds(key, holder) ? holder : undefined;
  };
  const holderOf = (key: string) =>
    seen.has(key) && !key.startsWith('domain:')
      ? seen.get(key) || undefined
      : (heldInFile(key) ?? existingByKey.get(key)?.find((id) => stillHolds(key, id)));
  const updatesById = new Map<string, Record<string, unknown>>();
  // Names that updates of this batch take from accounts its updates rename: the account giving
  // a name up is written first, as the unique index on names checks each row as it is written.
  const freedBy = new Map<string, string>();
  const after = new Map<string, Set<string>>();
  const runsAfter = (id: string, other: string): boolean =>
    [...(after.get(id) ?? [])].some((first) => first === other || runsAfter(first, other));
  // Unique in the database: a second record with the same contact email or account name fails.
  const uniqueKey = (key: string) =>
    (kind === 'contact' && key.startsWith('email:')) ||
    (kind === 'account' && key.startsWith('name:'));

  for (const r of read) {
    const match = r.keys.map((key) => holderOf(key)).find((m) => m !== undefined);
    // An amount goes to the record the row updates, in that record's currency, or to a new one
    // in the organization's: one that names another currency would be stored as that many units.
    const updated = match !== undefined && settings.duplicates === 'update' ? match : undefined;
    for (const amount of r.amounts) {
      const problem = updated
        ? otherCurrency(amount.cell, currencyOf(updated), 'record')
        : otherCurrency(amount.cell, lookups.currency, 'organization');
      if (problem) r.problems.push({ column: amount.column, reason: problem });
    }
    if (r.problems.length > 0) {
      plan.rejections.push({ line: r.line, problems: r.problems });
      plan.counts.rejected += 1;
      continue;
    }
    if (match !== undefined && settings.duplicates === 'skip') {
      plan.counts.skipped += 1;
      continue;
    }
    if (match !== undefined && settings.duplicates === 'create' && r.keys.some(uniqueKey)) {
      plan.rejections.push({
        line: r.line,
        problems: [{ column: '', reason: 'a record with the same unique email or name exists' }],
      });
      plan.counts.rejected += 1;
      continue;
    }
    const nameKey = nameKeyOf(r);
    const holder = nameKey && holderOf(nameKey);
    const renamed = nameKey && updated !== undefined ? recordIdOf(updated) : undefined;
    const waitsFor =
      nameKey && typeof updated === 'string' && freedBy.get(nameKey) !== updated
        ? freedBy.get(nameKey)
        : undefined;
    if (
      (holder && (updated === undefined || recordIdOf(holder) !== recordIdOf(updated))) ||
      // Two accounts each taking the other's name: neither could be written first.
      (waitsFor && runsAfter(waitsFor, renamed!))
    ) {
      const column = settings.mapping.find((m) => m.field === 'name')!.column;
      plan.rejections.push({
        line: r.line,
        problems: [
          {
            column: headers[column] ?? 'name',
            reason: `another account is already called "${r.values['name'] as string}"`,
          },
        ],
      });
      plan.counts.rejected += 1;
      continue;
    }
    if (nameKey && renamed) {
      const previous =
        (seen.get(nameOfKey(renamed)) as string | undefined) ?? existingName.get(renamed);
      if (previous && previous !== nameKey) {
        seen.set(previous, '');
        if (typeof updated === 'string') freedBy.set(previous, renamed);
      }
      if (waitsFor) after.set(renamed, new Set([...(after.get(renamed) ?? []), waitsFor]));
      if (!seen.get(nameKey)) {
        seen.set(nameKey, updated!);
        plan.keys.push(nameKey);
      }
      seen.set(nameOfKey(renamed), nameKey);
    }
    if (match !== undefined && settings.duplicates === 'update') {
      plan.counts.updated += 1;
      plan.notices.push(...r.notices);
      const domainKey = r.keys.find((key) => key.startsWith('domain:'));
      if (kind === 'account' && domainKey) {
        if (!holderOf(domainKey)) {
          seen.set(domainKey, match);
          plan.keys.push(domainKey);
        }
        seen.set(domainOfKey(recordIdOf(match)), domainKey);
      }
      if (typeof r.values['currency'] === 'string') {
        seen.set(currencyKey(recordIdOf(match)), r.values['currency']);
      }
      if (typeof match === 'object') {
        // The record a row earlier in this batch creates: take the new values into it.
        Object.assign(match, r.values);
        takeCustom(plan.custom, match['id'] as string, r.custom);
        r.tags.forEach((name) => plan.tags.push({ record_id: match['id'] as string, name }));
      } else if (typeof match === 'string') {
        const update = updatesById.get(match) ?? { id: match };
        Object.assign(update, r.values);
        updatesById.set(match, update);
        takeCustom(plan.custom, match, r.custom);
        r.tags.forEach((name) => plan.tags.push({ record_id: match, name }));
      }
      continue;
    }
    const custom = newRecordCustom(r, lookups, settings, headers);
    const missing = [...missingRequired(kind, r.values, settings, headers), ...custom.problems];
    if (missing.length > 0) {
      plan.rejections.push({ line: r.line, problems: missing });
      plan.counts.rejected += 1;
      continue;
    }
    // Time-ordered ids: an import's records land next to each other in the indexes on
    // (org_id, id) and (org_id, record_type, record_id) (the record, its search terms, its
    // history, import_records), on pages already in memory, instead of on a random page of
    // each: a large import into a large organization otherwise waits on reads.
    // As a deal created in the app, it enters its stage now, and a won or lost one closes then.
    const entered = r.closing?.at ?? importTime;
    const record = {
      id: timeOrderedUuid(),
      ...withEmptyDefaults(kind, settings, r.values, lookups.currency),
      ...(kind === 'deal' && { stage_entered_at: entered, closed_at: r.closing ? entered : null }),
    };
    plan.creates.push(record);
    if (r.keys.length > 0 && 'currency' in IMPORT_FIELDS[kind]) {
      seen.set(currencyKey(record.id), currencyOf(record));
    }
    takeCustom(plan.custom, record.id, custom.values);
    plan.counts.created += 1;
    plan.notices.push(...r.notices);
    r.tags.forEach((name) => plan.tags.push({ record_id: record.id, name }));
    for (const key of nameKey ? [...r.keys, nameKey] : r.keys) {
      if (heldInFile(key)) continue;
      seen.set(key, record);
      plan.keys.push(key);
    }
    if (nameKey) seen.set(nameOfKey(record.id), nameKey);
  }
  // An update's turn comes after those of the accounts whose names it takes.
  const turns = new Map<string, number>();
  const turnOf = (id: string): number => {
    if (!turns.has(id)) turns.set(id, Math.max(-1, ...[...(after.get(id) ?? [])].map(turnOf)) + 1);
    return turns.get(id)!;
  };
  for (const update of updatesById.values()) {
    const turn = turnOf(update['id'] as string);
    while (plan.updates.length <= turn) plan.updates.push([]);
    plan.updates[turn]!.push(update);
  }
  return plan;
}

/** Adds a row's custom values to what the batch writes to a record (later rows win). */
function takeCustom(custom: CustomValues, recordId: string, values: Map<string, unknown[]>): void {
  if (values.size === 0) return;
  const record = custom.get(recordId) ?? new Map<string, unknown[]>();
  for (const [fieldId, stored] of values) record.set(fieldId, stored);
  custom.set(recordId, record);
}

/**
 * After a batch: the dry run keeps knowing the keys of the file's earlier rows; the run forgets
 * them, since the records they made are now in the database, where the next batch finds them.
 */
export function endBatch(seen: SeenKeys, plan: BatchPlan, keepKeys: boolean): void {
  if (!keepKeys) seen.clear();
  else for (const key of plan.keys) seen.set(key, recordIdOf(seen.get(key)!));
}

/** The id of the record a key stands for: one a row creates, or one that exists. */
function recordIdOf(entry: Record<string, unknown> | string): string {
  return typeof entry === 'string' ? entry : (entry['id'] as string);
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    created: a.created + b.created,
    updated: a.updated + b.updated,
    skipped: a.skipped + b.skipped,
    rejected: a.rejected + b.rejected,
  };
}
