import { createHash, randomUUID } from 'node:crypto';
import { recordSecurityEvent } from '../../db/security-events.js';
import { withContext, withTenant, type Role } from '../../db/tenant.js';
import type { AppDeps, Caller, RequestContext } from '../../http/context.js';
import {
  ConflictError,
  ForbiddenError,
  invalidField,
  NotFoundError,
  OrgSuspendedError,
  RateLimitedError,
  UnauthorizedError,
} from '../../lib/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { newScopedToken, parseScopedToken } from '../../lib/scoped-tokens.js';
import { seal, unseal } from '../../lib/sealed.js';
import { scheduleDailyDigest } from '../notifications/daily-digest.task.js';
import { signAccessToken } from './access-tokens.js';
import * as repo from './auth.repo.js';
import { hashNewPassword, verifyPassword } from './passwords.js';

export const REFRESH_TOKEN_TTL_DAYS = 30;
const PASSWORD_RESET_TTL_MINUTES = 60;

/** Context of a request made before signing in. */
/**
 * The lookups and writes of accounts that invitations and the operator's commands run inside
 * their own transaction: what
 * this module offers others, so that its repository stays its own.
 */
export {
  findLoginByEmail,
  findOrg,
  findUser,
  insertOrgWithOwner,
  insertUser,
  revokeAllRefreshTokens,
  revokePasswordResets,
  updateUser,
  type UserRow,
} from './auth.repo.js';

export interface PublicContext {
  deps: AppDeps;
  ip: string;
}

export interface Session {
  access_token: string;
  refresh_token: string;
}

export interface OrgSummary {
  id: string;
  name: string;
  role: Role;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const INVALID_CREDENTIALS = 'Invalid email or password';

const noContext = { orgId: null, userId: null };

/**
 * Creates a new refresh-token family for (user, org) in `tx` and signs an access token. The
 * transaction's `app.current_user` must be the user: refresh tokens are readable by their owner only.
 */
export async function startSession(
  deps: AppDeps,
  tx: Parameters<typeof repo.insertRefreshToken>[0],
  caller: Caller,
  familyId: string = randomUUID(),
): Promise<Session> {
  const refresh = newScopedToken(caller.userId);
  await repo.insertRefreshToken(tx, {
    id: randomUUID(),
    userId: caller.userId,
    familyId,
    hash: refresh.hash,
    orgId: caller.orgId,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
  });
  return {
    access_token: await signAccessToken(deps.config.jwtSecret, {
      userId: caller.userId,
      orgId: caller.orgId,
      sessionId: familyId,
    }),
    refresh_token: refresh.token,
  };
}

/** How long the link of a sign-up waiting for its email address works. */
export const SIGNUP_TTL_HOURS = 24;

type NewAccount = Session & { user: repo.UserRow; org: { id: string; name: string } };

/**
 * What a sign-up led to: the account at once (`SIGNUP_EMAIL_VERIFICATION=off`, or the first
 * account of an instance that cannot send email), or a link on its way to the address, whether
 * or not that address already has an account (decision 0016).
 */
export type SignUpOutcome = { kind: 'created'; account: NewAccount } | { kind: 'pending' };

/** Whether this sign-up waits for its address to be verified; see the setting in config.ts. */
async function verifiesEmail(deps: AppDeps): Promise<boolean> {
  const mode = deps.config.signupEmailVerification;
  if (mode !== 'auto') return mode === 'on';
  if (deps.mailer.configured) return true;
  return withContext(deps.db, noContext, (tx) => repo.instanceHasAccounts(tx));
}

interface AccountInput {
  email: string;
  name: string;
  passwordHash: string;
  orgName: string;
}

/**
 * Creates an account, its organization with it as owner, and its first session, in one
 * transaction under the new user's context; `input` reads what the account is made of inside it.
 */
async function createAccount(
  deps: AppDeps,
  ids: { userId: string; orgId: string },
  input: (tx: Parameters<typeof repo.insertUser>[0]) => Promise<AccountInput>,
): Promise<NewAccount> {
  try {
    return await withContext(deps.db, ids, async (tx) => {
      const account = await input(tx);
      const user = { id: ids.userId, email: account.email, name: account.name };
      const org = { id: ids.orgId, name: account.orgName };
      await repo.insertUser(tx, { ...user, passwordHash: account.passwordHash });
      await repo.insertOrgWithOwner(tx, { ...org, ownerId: user.id });
      await scheduleDailyDigest(tx, org.id);
      return { ...(await startSession(deps, tx, ids)), user, org };
    });
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'users_email_key') {
      throw new ConflictError('An account with this email already exists; sign in instead', {
        fields: [{ field: 'email', message: 'is already registered' }],
      });
    }
    throw error;
  }
}

/**
 * Signs someone up. Where the address is verified, the request does the same work whatever the
 * address (check and hash the password, keep the sign-up, queue its email) and never looks the
 * address up: the job does, and sends either the link or a note that the address already has an
 * account. So neither the answer nor its timing says whether an account exists.
 */
export async function register(
  ctx: PublicContext,
  input: { email: string; password: string; name: string; org_name: string },
): Promise<SignUpOutcome> {
  const user = { id: randomUUID(), email: normalizeEmail(input.email), name: input.name.trim() };
  const org = { id: randomUUID(), name: input.org_name.trim() };
  if (!user.name) throw invalidField('name', 'must not be blank');
  if (!org.name) throw invalidField('org_name', 'must not be blank');
  const passwordHash = await hashNewPassword(input.password, [user.email, user.name, org.name]);
  if (!(await verifiesEmail(ctx.deps))) {
    const account = await createAccount(ctx.deps, { userId: user.id, orgId: org.id }, async () => ({
      email: user.email,
      name: user.name,
      passwordHash,
      orgName: org.name,
    }));
    return { kind: 'created', account };
  }
  await withContext(ctx.deps.db, { orgId: null, userId: user.id }, async (tx) => {
    await repo.forgetExpiredSignups(tx);
    await repo.insertPendingSignup(tx, {
      user_id: user.id,
      email: user.email,
      name: user.name,
      org_name: org.name,
      password_hash: passwordHash,
      expiresAt: new Date(Date.now() + SIGNUP_TTL_HOURS * 3_600_000),
    });
    await enqueueJob(tx, 'auth__send_signup_email', { user_id: user.id });
  });
  return { kind: 'pending' };
}

/**
 * Creates the account of a sign-up from its emailed link: once, within its time, and only for a
 * sign-up whose address had no account when the email was sent.
 */
export async function completeSignup(ctx: PublicContext, token: string): Promise<NewAccount> {
  const parsed = parseScopedToken(token);
  const invalid = invalidField('token', 'is invalid, has expired or was already used', 'malformed');
  if (!parsed) throw invalid;
  return createAccount(ctx.deps, { userId: parsed.scopeId, orgId: randomUUID() }, async (tx) => {
    const signup = await repo.consumePendingSignup(tx, parsed.hash);
    if (!signup) throw invalid;
    return {
      email: signup.email,
      name: signup.name,
      passwordHash: signup.password_hash,
      orgName: signup.org_name,
    };
  });
}

/**
 * How guessing is slowed down (OWASP's authentication guidance): hard for one address guessing
 * one account, softly for an account guessed from many addresses, so that someone who knows an
 * email cannot keep its owner out for longer than a minute. Counters live in the database,
 * shared by every API process, and forget failures an hour old.
 */
export const THROTTLES = {
  /** One client address guessing one account's password. */
  signInFromAddress: { freeAttempts: 5, maxSeconds: 15 * 60 },
  /** One account, guessed from anywhere. */
  signInToAccount: { freeAttempts: 20, maxSeconds: 60 },
  /** A signed-in session guessing its current password, e.g. with a stolen access token. */
  currentPassword: { freeAttempts: 5, maxSeconds: 15 * 60 },
} as const;

type Throttle = (typeof THROTTLES)[keyof typeof THROTTLES];

/** Seconds to wait after `failures` consecutive failures: doubling, from 1, up to the cap. */
export function waitSeconds(failures: number, throttle: Throttle): number {
  if (failures < throttle.freeAttempts) return 0;
  return Math.min(2 ** (failures - throttle.freeAttempts), throttle.maxSeconds);
}

/** Counters are keyed by a hash: the table holds no email or address. */
function attemptKey(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\n')).digest();
}

/** 429 while any of the counters is waiting. */
function refuseIfWaiting(lockedUntil: Date | null): void {
  if (lockedUntil && lockedUntil.getTime() > Date.now()) {
    throw new RateLimitedError(Math.ceil((lockedUntil.getTime() - Date.now()) / 1000));
  }
}

async function refuseWhileThrottled(deps: AppDeps, keys: Buffer[]): Promise<void> {
  refuseIfWaiting(await withContext(deps.db, noContext, (tx) => repo.lockedUntil(tx, keys)));
}

async function countFailure(deps: AppDeps, counters: [Buffer, Throttle][]): Promise<void> {
  await withContext(deps.db, noContext, async (tx) => {
    for (const [key, throttle] of counters) {
      await repo.recordLoginFailure(tx, key, (failures) => waitSeconds(failures, throttle));
    }
  });
}

async function clearFailures(deps: AppDeps, keys: Buffer[]): Promise<void> {
  await withContext(deps.db, noContext, (tx) => repo.clearLoginAttempts(tx, keys));
}

/**
 * Checks an email and password under the sign-in throttles: 429 while waiting, the same 401
 * for an unknown email and a wrong password, and every failure counted. Sign-in and accepting
 * an invitation with an existing account both go through here.
 */
export async function verifyCredentials(
  ctx: PublicContext,
  input: { email: string; password: string },
): Promise<repo.UserRow> {
  const email = normalizeEmail(input.email);
  const fromAddress = attemptKey('login', email, ctx.ip);
  const toAccount = attemptKey('login', email);
  // The counters and the account in one transaction: sign-in is a path everyone takes.
  const [lockedUntil, account] = await withContext(ctx.deps.db, noContext, (tx) =>
    Promise.all([repo.lockedUntil(tx, [fromAddress, toAccount]), repo.findLoginByEmail(tx, email)]),
  );
  refuseIfWaiting(lockedUntil);
  const valid = await verifyPassword(account?.password_hash, input.password);
  if (!valid || !account) {
    await countFailure(ctx.deps, [
      [fromAddress, THROTTLES.signInFromAddress],
      [toAccount, THROTTLES.signInToAccount],
    ]);
    if (account) await recordInEveryOrg(ctx.deps, account.id, 'auth.login_failed', { ip: ctx.ip });
    throw new UnauthorizedError(INVALID_CREDENTIALS);
  }
  await clearFailures(ctx.deps, [fromAddress, toAccount]);
  return { id: account.id, email: account.email, name: account.name };
}

export async function login(
  ctx: PublicContext,
  input: { email: string; password: string },
): Promise<Session & { user: repo.UserRow; orgs: OrgSummary[] }> {
  const user = await verifyCredentials(ctx, input);
  const { db } = ctx.deps;
  const { orgs, suspended } = await withContext(
    db,
    { orgId: null, userId: user.id },
    async (tx) => {
      const listed = await repo.listUserOrgs(tx, user.id);
      return { orgs: listed, suspended: await repo.suspendedOrgIds(tx, listed) };
    },
  );
  if (orgs.length === 0) {
    throw new ForbiddenError('This account is not a member of any organization');
  }
  // Signed in to the first organization still open; when every one is suspended, say so.
  const first = orgs.find((org) => !suspended.has(org.id));
  if (!first) throw new OrgSuspendedError();
  const session = await withContext(db, { orgId: first.id, userId: user.id }, async (tx) => {
    await recordSecurityEvent(tx, 'auth.login', { ip: ctx.ip });
    return startSession(ctx.deps, tx, { userId: user.id, orgId: first.id });
  });
  return { ...session, user, orgs };
}

/** Records a security event in each organization of a user (events are per organization). */
async function recordInEveryOrg(
  deps: AppDeps,
  userId: string,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  const orgs = await withContext(deps.db, { orgId: null, userId }, (tx) =>
    repo.listUserOrgs(tx, userId),
  );
  for (const org of orgs) {
    await withContext(deps.db, { orgId: org.id, userId }, (tx) =>
      recordSecurityEvent(tx, action, details),
    );
  }
}

type RefreshOutcome =
  { kind: 'rotated'; session: Session } | { kind: 'reused'; orgId: string } | { kind: 'invalid' };

const SUCCESSOR = 'refresh-successor';

type RefreshTx = Parameters<typeof repo.lockRefreshToken>[0];

const isMember = async (tx: RefreshTx, userId: string, orgId: string) =>
  (await repo.listUserOrgs(tx, userId)).some((org) => org.id === orgId);

/**
 * The answer a used token got, again: within the grace window after its use, and while its
 * successor is alive and unused (a client that already used the successor is not retrying).
 * Membership is checked again, as on every refresh: a retry does not outlive a removal.
 */
async function sameSuccessor(
  deps: AppDeps,
  tx: RefreshTx,
  used: repo.RefreshTokenRow & { used_at: Date },
  userId: string,
  orgId: string | undefined,
): Promise<RefreshOutcome | null> {
  const graceEnds = used.used_at.getTime() + deps.config.refreshGraceSeconds * 1000;
  if (!used.successor_sealed || Date.now() >= graceEnds) return null;
  const token = unseal(deps.config.jwtSecret, SUCCESSOR, used.successor_sealed);
  const parsed = token ? parseScopedToken(token) : null;
  if (!token || !parsed) return null;
  const successor = await repo.lockRefreshToken(tx, parsed.hash);
  if (!successor || successor.used_at || successor.revoked_at) return null;
  if (orgId && orgId !== successor.session_org_id) return null;
  if (!(await isMember(tx, userId, successor.session_org_id))) {
    await repo.revokeRefreshFamily(tx, used.family_id);
    return { kind: 'invalid' };
  }
  const session = {
    access_token: await signAccessToken(deps.config.jwtSecret, {
      userId,
      orgId: successor.session_org_id,
      sessionId: successor.family_id,
    }),
    refresh_token: token,
  };
  return { kind: 'rotated', session };
}

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a used one
 * means it was stolen or replayed, so its whole family (every token descended from the same
 * sign-in) is revoked. Except just after its use (`REFRESH_GRACE_SECONDS`): a client that
 * retried a refresh whose answer it lost, or two tabs refreshing at once, get the successor
 * the first refresh made.
 */
export async function refresh(
  ctx: PublicContext,
  refreshToken: string,
  orgId?: string,
): Promise<Session> {
  const parsed = parseScopedToken(refreshToken);
  if (!parsed) throw new UnauthorizedError('The refresh token is invalid or has expired');
  const userId = parsed.scopeId;
  const { db } = ctx.deps;

  const outcome = await withContext(
    db,
    { orgId: null, userId },
    async (tx): Promise<RefreshOutcome> => {
      const row = await repo.lockRefreshToken(tx, parsed.hash);
      if (!row || row.revoked_at || row.expires_at.getTime() <= Date.now())
        return { kind: 'invalid' };
      if (row.used_at) {
        const again = await sameSuccessor(
          ctx.deps,
          tx,
          { ...row, used_at: row.used_at },
          userId,
          orgId,
        );
        if (again) return again;
        await repo.revokeRefreshFamily(tx, row.family_id);
        return { kind: 'reused', orgId: row.session_org_id };
      }
      const sessionOrg = orgId ?? row.session_org_id;
      if (!(await isMember(tx, userId, sessionOrg))) {
        // A tab asking for an organization the user has left ends only that tab's session.
        if (orgId) return { kind: 'invalid' };
        await repo.revokeRefreshFamily(tx, row.family_id);
        return { kind: 'invalid' };
      }
      const session = await startSession(
        ctx.deps,
        tx,
        { userId, orgId: sessionOrg },
        row.family_id,
      );
      await repo.markRefreshTokenUsed(
        tx,
        row.id,
        seal(ctx.deps.config.jwtSecret, SUCCESSOR, session.refresh_token),
      );
      return { kind: 'rotated', session };
    },
  );

  if (outcome.kind === 'rotated') return outcome.session;
  if (outcome.kind === 'reused') {
    await withContext(db, { orgId: outcome.orgId, userId }, (tx) =>
      recordSecurityEvent(tx, 'auth.refresh_reuse', { ip: ctx.ip }),
    );
  }
  throw new UnauthorizedError('The refresh token is invalid or has expired');
}

/** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
export async function logout(ctx: PublicContext, refreshToken: string | undefined): Promise<void> {
  const parsed = refreshToken ? parseScopedToken(refreshToken) : null;
  if (!parsed) return;
  await withContext(ctx.deps.db, { orgId: null, userId: parsed.scopeId }, async (tx) => {
    const row = await repo.lockRefreshToken(tx, parsed.hash);
    if (row) await repo.revokeRefreshFamily(tx, row.family_id);
  });
}

export async function switchOrg(ctx: RequestContext, orgId: string): Promise<Session> {
  try {
    return await withTenant(ctx.deps.db, { orgId, userId: ctx.userId }, async (tx) => {
      await recordSecurityEvent(tx, 'auth.switch_org', { from_org_id: ctx.orgId, ip: ctx.ip });
      return startSession(ctx.deps, tx, { userId: ctx.userId, orgId });
    });
  } catch (error) {
    // Not a member looks exactly like an organization that does not exist.
    if (error instanceof UnauthorizedError) throw new NotFoundError('Organization');
    throw error;
  }
}

/**
 * A signed-in user starts another organization of their own. Membership of the current one
 * is checked first, so a session that has ended cannot be used to create anything.
 */
export async function createOrganization(
  ctx: RequestContext,
  input: { name: string },
): Promise<Session & { org: { id: string; name: string } }> {
  const org = { id: randomUUID(), name: input.name.trim() };
  await withTenant(ctx.deps.db, ctx, async () => undefined);
  const session = await withContext(
    ctx.deps.db,
    { orgId: org.id, userId: ctx.userId },
    async (tx) => {
      await repo.insertOrgWithOwner(tx, { ...org, ownerId: ctx.userId });
      await scheduleDailyDigest(tx, org.id);
      return startSession(ctx.deps, tx, { userId: ctx.userId, orgId: org.id });
    },
  );
  return { ...session, org };
}

export async function me(ctx: RequestContext): Promise<{
  user: repo.UserRow;
  org: { id: string; name: string; currency: string; locale: string };
  role: Role;
  orgs: OrgSummary[];
}> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const [user, org, orgs] = await Promise.all([
      repo.findUser(tx, ctx.userId),
      repo.findOrg(tx, ctx.orgId),
      repo.listUserOrgs(tx, ctx.userId),
    ]);
    if (!user || !org) throw new NotFoundError('Account');
    return { user, org, role: member.role, orgs };
  });
}

export async function listMyOrgs(ctx: RequestContext): Promise<OrgSummary[]> {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.listUserOrgs(tx, ctx.userId));
}

export async function updateProfile(
  ctx: RequestContext,
  input: { name: string },
): Promise<repo.UserRow> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    await repo.updateUser(tx, ctx.userId, { name });
    const user = await repo.findUser(tx, ctx.userId);
    if (!user) throw new NotFoundError('Account');
    return user;
  });
}

/**
 * Changes the password and signs out every other session of the user; reset links sent
 * before no longer work. Wrong guesses of the current password are throttled.
 */
export async function changePassword(
  ctx: RequestContext,
  input: { current_password: string; new_password: string },
): Promise<Session> {
  const guesses = attemptKey('current-password', ctx.userId);
  await refuseWhileThrottled(ctx.deps, [guesses]);
  const session = await withTenant(ctx.deps.db, ctx, async (tx) => {
    const current = await repo.currentPasswordHash(tx);
    if (!(await verifyPassword(current, input.current_password))) return null;
    const user = await repo.findUser(tx, ctx.userId);
    const passwordHash = await hashNewPassword(
      input.new_password,
      [user?.email ?? '', user?.name ?? ''],
      'new_password',
    );
    await repo.updateUser(tx, ctx.userId, { passwordHash });
    await repo.revokeAllRefreshTokens(tx, ctx.userId);
    await repo.revokePasswordResets(tx, ctx.userId);
    return startSession(ctx.deps, tx, ctx);
  });
  if (!session) {
    await countFailure(ctx.deps, [[guesses, THROTTLES.currentPassword]]);
    throw invalidField('current_password', 'is not your current password');
  }
  await clearFailures(ctx.deps, [guesses]);
  return session;
}

/**
 * Starts a password reset. The answer is the same whether or not the email has an account;
 * the emailed link is made by a background job enqueued in the same transaction.
 */
export async function requestPasswordReset(
  ctx: PublicContext,
  input: { email: string },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const { db } = ctx.deps;
  const account = await withContext(db, { orgId: null, userId: null }, (tx) =>
    repo.findLoginByEmail(tx, email),
  );
  if (!account) return;
  await withContext(db, { orgId: null, userId: account.id }, async (tx) => {
    const resetId = randomUUID();
    await repo.insertPasswordReset(tx, {
      id: resetId,
      userId: account.id,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000),
    });
    await enqueueJob(tx, 'auth__send_password_reset', { user_id: account.id, reset_id: resetId });
  });
}

/**
 * Sets a new password from an emailed reset link; every session of the user is signed out and
 * every other reset link stops working.
 */
export async function confirmPasswordReset(
  ctx: PublicContext,
  input: { token: string; password: string },
): Promise<void> {
  const parsed = parseScopedToken(input.token);
  const invalid = invalidField('token', 'is invalid or has expired', 'malformed');
  if (!parsed) throw invalid;
  const userId = parsed.scopeId;
  await withContext(ctx.deps.db, { orgId: null, userId }, async (tx) => {
    if (!(await repo.consumePasswordReset(tx, parsed.hash))) throw invalid;
    const user = await repo.findUser(tx, userId);
    const passwordHash = await hashNewPassword(input.password, [
      user?.email ?? '',
      user?.name ?? '',
    ]);
    await repo.updateUser(tx, userId, { passwordHash });
    await repo.revokeAllRefreshTokens(tx, userId);
    await repo.revokePasswordResets(tx, userId);
  });
  await recordInEveryOrg(ctx.deps, userId, 'auth.password_reset', { ip: ctx.ip });
}
