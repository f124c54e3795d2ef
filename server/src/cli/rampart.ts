import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { ConfigError, dataSecret, loadConfig, type Config } from '../config.js';
import { findStorageCorruption } from '../db/amcheck.js';
import { ContextKey } from '../db/context-key.js';
import { openDatabase } from '../db/pool.js';
import { migrateForDeploy } from '../db/roles.js';
import { findTenantWallViolations } from '../db/tenant-wall.js';
import { AppError, ValidationError } from '../lib/errors.js';
import * as operator from '../modules/operator/operator.service.js';
import { main as backupMain, runningEmbedded, withEmbedded } from './backup.js';

/** How the CLI meets its user: replaced in tests by nothing, since they run it as a process. */
export interface Terminal {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether a person is at the keyboard: only then are questions asked. */
  interactive: boolean;
  /** Asks a question; with `secret`, what is typed is not shown. */
  ask: (question: string, secret?: boolean) => Promise<string>;
}

/** A bad command line: said with the command's usage, exit code 2. */
class UsageError extends Error {}

/** A refusal or a failure the operator can act on: said in one line, exit code 1. */
class CommandError extends Error {}

interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

interface Command {
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** How many positional arguments it takes. */
  positionals?: { min: number; max: number; name: string };
  run: (args: Parsed, config: Config, terminal: Terminal) => Promise<number>;
}

const JSON_OPTION = { json: { type: 'boolean' } } as const;
const YES_OPTION = { yes: { type: 'boolean', short: 'y' } } as const;
const ORG_ID = { min: 1, max: 1, name: '<organization id>' };

/** The option's text, or a usage error naming it when it is missing or blank. */
function required(args: Parsed, name: string): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name} is required`);
  }
  return value;
}

function optional(args: Parsed, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs `work` with the operator's services on the operator's connection: BACKUP_DATABASE_URL
 * or DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (reached on its port while
 * Rampart runs, started and stopped again otherwise), exactly as `npm run backup` finds it.
 */
async function withOperator<T>(
  config: Config,
  terminal: Terminal,
  work: (deps: operator.OperatorDeps, url: string) => Promise<T>,
): Promise<T> {
  const run = async (url: string) => {
    const database = openDatabase(url, 2, new ContextKey(config.jwtSecret));
    try {
      return await work({ config, db: database.db }, url);
    } finally {
      await database.close();
    }
  };
  const url = config.backupDatabaseUrl ?? config.databaseUrl;
  if (url) return run(url);
  if (!existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    throw new CommandError(
      `there is no Rampart database under ${config.dataDir}: set DATABASE_URL, or start Rampart once`,
    );
  }
  return withEmbedded(config, config.dataDir, (superuserUrl) => run(superuserUrl), terminal.err);
}

async function confirm(terminal: Terminal, args: Parsed, what: string): Promise<void> {
  if (args.values['yes'] === true) return;
  if (!terminal.interactive) {
    throw new UsageError(`${what}: refusing without --yes when not run from a terminal`);
  }
  const answer = await terminal.ask(`${what}. Type "yes" to go on: `);
  if (answer.trim().toLowerCase() !== 'yes') throw new CommandError('nothing was changed');
}

/** A password typed twice without being shown, or read from a pipe's first line. */
async function newPassword(terminal: Terminal): Promise<string> {
  if (!terminal.interactive) {
    const piped = await terminal.ask('');
    if (!piped) throw new UsageError('give --password, or the password on standard input');
    return piped;
  }
  const first = await terminal.ask('New password: ', true);
  const again = await terminal.ask('Again: ', true);
  if (first !== again) throw new CommandError('the two passwords differ; nothing was changed');
  return first;
}

/** What the export and restore code logs while a command runs it: its warnings, on stderr. */
function jobLog() {
  return pino({ level: 'warn' }, pino.destination(2));
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'apply the migrations and ready the database roles',
    usage: `rampart migrate

Applies Rampart's migrations (forward-only, under an advisory lock), writes the tenant-context
key from JWT_SECRET and creates or refreshes the roles the API and the worker log in with
(APP_DATABASE_URL, WORKER_DATABASE_URL, or derived ones). The same as npm run migrate.
Connects with DATABASE_URL, the owner; without it, to the embedded PostgreSQL under DATA_DIR.`,
    run: async (_args, config, terminal) => {
      if (config.databaseUrl) {
        await migrateForDeploy(config.databaseUrl, config, terminal.err);
      } else {
        const running = await runningEmbedded(config.dataDir);
        if (running) {
          // The owner, not the superuser: objects created by a migration belong to the owner.
          const owner = new URL(running);
          owner.username = 'rampart_owner';
          owner.password = dataSecret(config.dataDir, 'embedded_owner_password');
          await migrateForDeploy(owner.toString(), config, terminal.err);
        } else {
          const { startEmbeddedPostgres } = await import('../db/embedded.js');
          const embedded = await startEmbeddedPostgres(
            config.dataDir,
            config.embeddedPgPort,
            terminal.err,
          );
          try {
            await migrateForDeploy(embedded.url, config, terminal.err);
          } finally {
            await embedded.stop();
          }
        }
      }
      terminal.out('migrations applied and the database roles are ready');
      return 0;
    },
  },

  'user create': {
    summary: 'create an account',
    usage: `rampart user create --email <email> --name <name> [--password <password>]

Creates an account that can sign in; it belongs to no organization until one is created for it
(rampart org create) or it accepts an invitation. Without --password, the password is asked
for without being shown (or read from standard input's first line when piped). A password
given with --password shows in the process list and the shell's history.`,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    run: async (args, config, terminal) => {
      const email = required(args, 'email');
      const name = required(args, 'name');
      const password = optional(args, 'password') ?? (await newPassword(terminal));
      const user = await withOperator(config, terminal, (deps) =>
        operator.createUser(deps, { email, name, password }),
      );
      terminal.out(`created the account ${user.email} (${user.id})`);
      return 0;
    },
  },

  'user reset-password': {
    summary: 'set a new password for an account and sign it out everywhere',
    usage: `rampart user reset-password --email <email> [--prompt]

Sets a new password and signs the account out of every session; reset links already sent stop
working. Prints a generated one-time password to pass on (its owner changes it after signing
in), or with --prompt asks for one without showing it.`,
    options: { email: { type: 'string' }, prompt: { type: 'boolean' } },
    run: async (args, config, terminal) => {
      const email = required(args, 'email');
      const password = args.values['prompt'] === true ? await newPassword(terminal) : undefined;
      const result = await withOperator(config, terminal, (deps) =>
        operator.resetPassword(deps, { email, password }),
      );
      if (result.password) {
        terminal.out(`new password for ${result.email}: ${result.password}`);
        terminal.out('it works once you pass it on; ask its owner to change it after signing in');
      } else {
        terminal.out(`the password of ${result.email} is changed; every session is signed out`);
      }
      return 0;
    },
  },

  'org create': {
    summary: 'create an organization owned by an account',
    usage: `rampart org create --name <name> --owner <email>

Creates an organization whose owner is the account with that email (rampart user create).`,
    options: { name: { type: 'string' }, owner: { type: 'string' } },
    run: async (args, config, terminal) => {
      const name = required(args, 'name');
      const ownerEmail = required(args, 'owner');
      const org = await withOperator(config, terminal, (deps) =>
        operator.createOrg(deps, { name, ownerEmail }),
      );
      terminal.out(`created the organization ${org.name} (${org.id}), owned by ${org.owner}`);
      return 0;
    },
  },

  'org list': {
    summary: 'list organizations: members, records, size',
    usage: `rampart org list [--json]

Lists every organization with its members, its records of each kind, and its size: the bytes
its rows take in every table plus its attached files. --json prints one JSON array.
Reads every organization: the connection must be a superuser's (BACKUP_DATABASE_URL, or
DATABASE_URL when it is one; the embedded PostgreSQL's is).`,
    options: JSON_OPTION,
    run: async (args, config, terminal) => {
      const orgs = await withOperator(config, terminal, (deps) => operator.listOrgs(deps));
      if (args.values['json'] === true) {
        terminal.out(JSON.stringify(orgs, null, 2));
        return 0;
      }
      if (orgs.length === 0) terminal.out('no organizations');
      for (const org of orgs) {
        terminal.out(`${org.id}  ${org.name}${org.suspended ? '  [suspended]' : ''}`);
        terminal.out(
          `  members: ${org.members.map((m) => `${m.email} (${m.role})`).join(', ') || 'none'}`,
        );
        terminal.out(
          `  records: ${Object.entries(org.records)
            .map(([kind, count]) => `${count} ${kind}`)
            .join(', ')}`,
        );
        terminal.out(
          `  size: ${formatBytes(org.bytes)}: ${org.rows} rows, ${org.files} files of ${formatBytes(org.file_bytes)}`,
        );
      }
      return 0;
    },
  },

  'org suspend': {
    summary: "refuse an organization's members until it is unsuspended",
    usage: `rampart org suspend <organization id>

Every API call of the organization's members is refused (403 org_suspended), and so are
signing in to it and switching to it; its data is kept as it is. rampart org unsuspend undoes it.`,
    positionals: ORG_ID,
    run: async (args, config, terminal) => {
      const org = await withOperator(config, terminal, (deps) =>
        operator.setSuspended(deps, args.positionals[0]!, true),
      );
      terminal.out(`suspended ${org.name} (${org.id})`);
      return 0;
    },
  },

  'org unsuspend': {
    summary: 'let a suspended organization back in',
    usage: `rampart org unsuspend <organization id>

Ends a suspension (rampart org suspend): the organization's members are served again.`,
    positionals: ORG_ID,
    run: async (args, config, terminal) => {
      const org = await withOperator(config, terminal, (deps) =>
        operator.setSuspended(deps, args.positionals[0]!, false),
      );
      terminal.out(`unsuspended ${org.name} (${org.id})`);
      return 0;
    },
  },

  'org export': {
    summary: "write an organization's export (a ZIP of CSVs) to a file",
    usage: `rampart org export <organization id> --out <file.zip>

Writes the organization's export, the ZIP an admin downloads from Settings (a CSV per table,
the attached files and a manifest with each file's SHA-256), to <file.zip>, and keeps no copy
in the database. With rampart org import it moves one organization to another instance.
Refuses to overwrite an existing file.`,
    options: { out: { type: 'string' } },
    positionals: ORG_ID,
    run: async (args, config, terminal) => {
      const out = required(args, 'out');
      if (existsSync(out)) throw new UsageError(`--out ${out} exists already; choose a new file`);
      const orgId = args.positionals[0]!;
      try {
        const { bytes } = await withOperator(config, terminal, (deps) =>
          operator.exportOrg(deps, jobLog(), orgId, createWriteStream(out, { flags: 'wx' })),
        );
        terminal.out(`wrote the export of ${orgId} to ${out} (${formatBytes(bytes)})`);
        return 0;
      } catch (error) {
        rmSync(out, { force: true });
        throw error;
      }
    },
  },

  'org import': {
    summary: 'restore an export into an organization that has no records yet',
    usage: `rampart org import <organization id> --file <file.zip>

Restores an export (rampart org export, or one an admin downloaded) into the organization,
which must have no records yet (create one with rampart org create): the same checks and the
same restore as an upload in Settings, run at once. All of it is restored or nothing is.
Records of people who are not members here become the first owner's.`,
    options: { file: { type: 'string' } },
    positionals: ORG_ID,
    run: async (args, config, terminal) => {
      const file = required(args, 'file');
      if (!existsSync(file)) throw new UsageError(`--file ${file} does not exist`);
      const orgId = args.positionals[0]!;
      const restore = await withOperator(config, terminal, (deps) =>
        operator.importOrg(deps, jobLog(), orgId, path.basename(file), createReadStream(file)),
      );
      if (restore.status !== 'completed') {
        throw new CommandError(`the restore failed: ${restore.error ?? 'no reason given'}`);
      }
      const rows = Object.values(restore.result?.rows ?? {}).reduce((sum, n) => sum + n, 0);
      terminal.out(`restored ${file} into ${orgId}: ${rows} rows`);
      return 0;
    },
  },

  'org delete': {
    summary: 'delete an organization: every row and every file of it',
    usage: `rampart org delete <organization id> [--yes]

Deletes every row of the organization in every table, in one transaction, then the bytes of
its attached files. Accounts stay (a person may belong to other organizations). There is no
undo but a backup: export it first (rampart org export). Asks first; --yes does not ask, and
is required when not run from a terminal. Needs a superuser connection, like org list.`,
    options: YES_OPTION,
    positionals: ORG_ID,
    run: async (args, config, terminal) => {
      const orgId = args.positionals[0]!;
      const result = await withOperator(config, terminal, async (deps) => {
        const org = await operator.findOrg(deps, orgId);
        await confirm(terminal, args, `This deletes ${org.name} (${org.id}) and all its data`);
        return { org, ...(await operator.deleteOrg(deps, orgId)) };
      });
      terminal.out(
        `deleted ${result.org.name} (${result.org.id}): ${result.rows} rows and ${result.files} files`,
      );
      return 0;
    },
  },

  check: {
    summary: 'check the tenant wall and the storage of the live database',
    usage: `rampart check

Runs the catalog checks of the tenant wall (every table with org_id keeps row-level security
forced, its policies, its keys; the API's role can bypass nothing: docs/security.md) and
PostgreSQL's amcheck over every btree index and every table's heap. Prints each finding and
exits with 1 if there is any, 0 if there is none. Reads only; needs a superuser connection
(amcheck), like org list.`,
    run: async (_args, config, terminal) => {
      const findings = await withOperator(config, terminal, async (_deps, url) => {
        const client = new pg.Client({ connectionString: url, application_name: 'rampart-check' });
        await client.connect();
        try {
          // Rolled back: the amcheck extension, created for the check if need be, is not kept.
          await client.query('BEGIN READ WRITE');
          const wall = await findTenantWallViolations(client, 'public', {
            appRole: config.appDatabaseUrl
              ? decodeURIComponent(new URL(config.appDatabaseUrl).username)
              : undefined,
          });
          const storage = await findStorageCorruption(client);
          return [
            ...wall.map((finding) => `tenant wall: ${finding.rule}: ${finding.message}`),
            ...storage.map((finding) => `storage: ${finding.message}`),
          ];
        } finally {
          await client.query('ROLLBACK').catch(() => undefined);
          await client.end();
        }
      });
      for (const finding of findings) terminal.out(finding);
      terminal.out(findings.length === 0 ? 'no findings' : `${findings.length} finding(s)`);
      return findings.length === 0 ? 0 : 1;
    },
  },

  backup: {
    summary: 'write a consistent backup (npm run backup)',
    usage: `rampart backup [<file>]

The same as npm run backup: see docs/operations.md, "Backup and restore".`,
    positionals: { min: 0, max: 1, name: '<file>' },
    run: (args) => backupMain(['backup', ...args.positionals]),
  },

  restore: {
    summary: 'restore a backup into an empty database (npm run restore)',
    usage: `rampart restore <file> [--data-dir <folder>]

The same as npm run restore: see docs/operations.md, "Backup and restore".`,
    options: { 'data-dir': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '<file>' },
    run: (args) => {
      const dataDir = optional(args, 'data-dir');
      return backupMain([
        'restore',
        ...args.positionals,
        ...(dataDir === undefined ? [] : ['--data-dir', dataDir]),
      ]);
    },
  },
};

const USAGE = `Usage: npx rampart <command> [options]   (or npm run rampart -- <command>)

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(22)}${command.summary}`)
  .join('\n')}

Each command takes --help. Configuration comes from the environment (README, "Configuration").`;

/** The command a command line names: one word, or two for user and org. */
function commandOf(argv: string[]): { name: string; rest: string[] } | undefined {
  const [first, second] = argv;
  if (first && COMMANDS[first]) return { name: first, rest: argv.slice(1) };
  if (first && second && COMMANDS[`${first} ${second}`]) {
    return { name: `${first} ${second}`, rest: argv.slice(2) };
  }
  return undefined;
}

/** `npx rampart ...`: answers the process's exit code. */
export async function main(
  argv: string[],
  terminal: Terminal = processTerminal(),
): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    (first === undefined ? terminal.err : terminal.out)(USAGE);
    return first === undefined ? 2 : 0;
  }
  const found = commandOf(argv);
  if (!found) {
    const named = argv
      .filter((word) => !word.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    terminal.err(`unknown command: ${named || first}\n\n${USAGE}`);
    return 2;
  }
  const command = COMMANDS[found.name]!;
  const usage = `Usage: ${command.usage}`;
  try {
    let parsed: Parsed;
    try {
      parsed = parseArgs({
        args: found.rest,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      }) as Parsed;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values['help'] === true) {
      terminal.out(usage);
      return 0;
    }
    const expected = command.positionals ?? { min: 0, max: 0, name: '' };
    if (parsed.positionals.length < expected.min) {
      throw new UsageError(`name the ${expected.name}`);
    }
    if (parsed.positionals.length > expected.max) {
      throw new UsageError(
        `unexpected argument: ${parsed.positionals[expected.max]}` +
          (expected.max > 0 ? ` (it takes one ${expected.name})` : ''),
      );
    }
    return await command.run(parsed, loadConfig(), terminal);
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.err(`rampart ${found.name}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof CommandError || error instanceof ConfigError) {
      terminal.err(`rampart ${found.name}: ${error.message}`);
      return 1;
    }
    if (error instanceof ValidationError) {
      terminal.err(`rampart ${found.name}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      const fields = (error.details as { fields?: Array<{ field: string }> } | undefined)?.fields;
      const field = fields?.[0]?.field;
      terminal.err(
        `rampart ${found.name}: ${field && !error.message.startsWith(field) ? `${field}: ` : ''}${error.message}`,
      );
      return 1;
    }
    terminal.err(`rampart ${found.name} failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

/** Standard input and output; questions on standard error, so standard output stays data. */
function processTerminal(): Terminal {
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  let piped: AsyncIterator<string> | undefined;
  return {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    interactive,
    ask: async (question, secret = false) => {
      if (!interactive) {
        piped ??= createInterface({ input: process.stdin, terminal: false })[
          Symbol.asyncIterator
        ]();
        const line = await piped.next();
        return line.done ? '' : line.value;
      }
      let muted = false;
      const output = new Writable({
        write(chunk: Buffer, _encoding, done) {
          if (!muted) process.stderr.write(chunk);
          done();
        },
      });
      const reader = createInterface({ input: process.stdin, output, terminal: true });
      try {
        const answer = reader.question(question);
        muted = secret;
        return await answer;
      } finally {
        muted = false;
        if (secret) process.stderr.write('\n');
        reader.close();
      }
    },
  };
}
