import { createHmac } from 'node:crypto';
import pg from 'pg';

/**
 * How long a signed tenant context stays valid. The database compares it with the start of the
 * transaction, so a long unit of work (an export) is not cut short; a proof that leaked is
 * worth nothing once this has passed.
 */
export const CONTEXT_PROOF_SECONDS = 30;

const HMAC_BLOCK_BYTES = 64;

/**
 * The key that signs tenant contexts. The process derives it from its own secret (JWT_SECRET,
 * which already signs every access token, so it opens nothing new); the owner writes it into
 * `tenant_context_keys`, which the API's role cannot read. See docs/security.md.
 */
export class ContextKey {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('rampart tenant context v1').digest();
  }

  #mac(message: string): string {
    return createHmac('sha256', this.#key).update(message, 'utf8').digest('hex');
  }

  #expiry(): number {
    return Math.floor(Date.now() / 1000) + CONTEXT_PROOF_SECONDS;
  }

  /**
   * `v1.<org>.<user>.<expiry>.<mac>`: what `verified_org()` and `verified_user()` accept, until
   * `expires` (seconds since the epoch).
   */
  proveContext(orgId: string | null, userId: string | null, expires = this.#expiry()): string {
    const claims = `v1.${orgId ?? ''}.${userId ?? ''}.${expires}`;
    return `${claims}.${this.#mac(claims)}`;
  }

  /** The proof `auth_find_user_by_email()` asks for: the API is signing in this email. */
  proveSignIn(email: string): { expires: number; mac: string } {
    const expires = this.#expiry();
    return { expires, mac: this.#mac(`signin.${email.toLowerCase()}.${expires}`) };
  }

  /** The HMAC's padded key halves, as the database computes the HMAC from them. */
  pads(): { inner: Buffer; outer: Buffer } {
    const block = Buffer.alloc(HMAC_BLOCK_BYTES);
    this.#key.copy(block);
    return {
      inner: Buffer.from(block.map((byte) => byte ^ 0x36)),
      outer: Buffer.from(block.map((byte) => byte ^ 0x5c)),
    };
  }
}

/** Writes the key where the database's verifying functions read it: as the owner, at start. */
export async function installContextKey(ownerUrl: string, key: ContextKey): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'rampart-setup' });
  await client.connect();
  try {
    const { inner, outer } = key.pads();
    await client.query(
      `INSERT INTO tenant_context_keys (id, inner_pad, outer_pad) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET inner_pad = $1, outer_pad = $2, updated_at = now()
       WHERE (tenant_context_keys.inner_pad, tenant_context_keys.outer_pad) IS DISTINCT FROM ($1, $2)`,
      [inner, outer],
    );
  } finally {
    await client.end();
  }
}
