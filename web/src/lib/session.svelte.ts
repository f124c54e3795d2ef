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
 * The signed-in state of this tab. The access token lives in memory only; the refresh token
 * lives in an httpOnly cookie that the API sets and page scripts cannot read.
 */
class Session {
  accessToken = $state<string | null>(null);
  me = $state<Me | null>(null);

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
        const response = await fetch(REFRESH_URL, {
          method: 'POST',
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
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
    this.accessToken = tokens.access_token;
    return true;
  }

  /** Starts a session from an answer that carries tokens (the cookie is already set). */
  begin(tokens: TokenPair): void {
    this.accessToken = tokens.access_token;
    this.me = null;
    this.#restoring = Promise.resolve(true);
  }

  clear(): void {
    this.accessToken = null;
    this.me = null;
  }

  async loadMe(): Promise<Me> {
    const me = await call(client.GET('/api/v1/me'));
    this.me = me;
    return me;
  }

  /** Works in another organization: new tokens scoped to it. */
  async switchOrg(orgId: string): Promise<void> {
    const tokens = await call(client.POST('/api/v1/auth/switch-org', { body: { org_id: orgId } }));
    this.accessToken = tokens.access_token;
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
