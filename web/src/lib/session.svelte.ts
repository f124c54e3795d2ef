import { call, client, type ApiResult } from './api';

export type Role = 'owner' | 'admin' | 'member';

/** GET /api/v1/me */
export type Me = ApiResult<'/api/v1/me', 'get'>;

/** What sign-in, sign-up, switching organization and accepting an invitation answer. */
export type TokenPair = Pick<
  ApiResult<'/api/v1/auth/login', 'post'>,
  'access_token' | 'refresh_token'
>;

const REFRESH_URL = '/api/v1/auth/refresh';
const LOGOUT_URL = '/api/v1/auth/logout';
/** Serializes refreshes across tabs: a refresh token works once, so two at once would clash. */
const REFRESH_LOCK = 'rampart-auth-refresh';
/**
 * The organization this tab works in, kept per tab (and across its reloads): the refresh
 * cookie is shared by every tab, and another tab may have switched it elsewhere.
 */
const TAB_ORG_KEY = 'rampart-tab-org';

/** The organization an access token is for (its payload is not secret, only signed). */
function organizationOf(token: string): string | null {
  try {
    const payload = token.split('.')[1]!.replaceAll('-', '+').replaceAll('_', '/');
    const org = (JSON.parse(atob(payload)) as { org?: unknown }).org;
    return typeof org === 'string' ? org : null;
  } catch {
    return null;
  }
}

function tabStorage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

/**
 * The signed-in state of this tab. The access token lives in memory only; the refresh token
 * lives in an httpOnly cookie that the API sets and page scripts cannot read.
 */
class Session {
  accessToken = $state<string | null>(null);
  me = $state<Me | null>(null);
  /** The organization this tab shows; the API refuses a token for another one (409). */
  orgId = $state<string | null>(null);

  #restoring: Promise<boolean> | null = null;
  #refreshing: Promise<boolean> | null = null;

  get signedIn(): boolean {
    return this.accessToken !== null;
  }

  /** Once per page load: brings the session back from the refresh cookie, if there is one. */
  restore(): Promise<boolean> {
    this.#restoring ??= this.refresh();
    return this.#restoring;
  }

  /** Gets a new access token through the cookie; concurrent callers share one request. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refreshNow().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refreshNow(): Promise<boolean> {
    const exchange = async (): Promise<TokenPair | null> => {
      try {
        const orgId = this.orgId ?? tabStorage()?.getItem(TAB_ORG_KEY);
        const response = await fetch(REFRESH_URL, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(orgId ? { org_id: orgId } : {}),
        });
        return response.ok ? ((await response.json()) as TokenPair) : null;
      } catch {
        return null;
      }
    };
    const tokens =
      typeof navigator !== 'undefined' && navigator.locks
        ? await navigator.locks.request(REFRESH_LOCK, exchange)
        : await exchange();
    if (!tokens) {
      this.clear();
      return false;
    }
    this.useToken(tokens.access_token);
    return true;
  }

  /** Starts a session from an answer that carries tokens (the cookie is already set). */
  begin(tokens: TokenPair): void {
    this.useToken(tokens.access_token);
    this.me = null;
    this.#restoring = Promise.resolve(true);
  }

  clear(): void {
    this.accessToken = null;
    this.me = null;
    this.orgId = null;
    tabStorage()?.removeItem(TAB_ORG_KEY);
  }

  /** Works with a new access token, in the organization it is for. */
  useToken(token: string): void {
    this.accessToken = token;
    this.orgId = organizationOf(token);
    if (this.orgId) tabStorage()?.setItem(TAB_ORG_KEY, this.orgId);
  }

  async loadMe(): Promise<Me> {
    const me = await call(client.GET('/api/v1/me'));
    this.me = me;
    return me;
  }

  /** Works in another organization: new tokens scoped to it. */
  async switchOrg(orgId: string): Promise<void> {
    const tokens = await call(client.POST('/api/v1/auth/switch-org', { body: { org_id: orgId } }));
    this.useToken(tokens.access_token);
    await this.loadMe();
  }

  /** Revokes the refresh token (sent as the cookie) and forgets the access token. */
  async signOut(): Promise<void> {
    try {
      await fetch(LOGOUT_URL, { method: 'POST', credentials: 'same-origin' });
    } finally {
      this.clear();
    }
  }
}

export const session = new Session();
