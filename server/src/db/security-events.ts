import { sql } from 'kysely';
import type { Tx } from './tenant.js';

/**
 * Records a security event (sign-in, role change, invitation...) in the transaction's
 * organization, by its user. The database function accepts a fixed list of actions only.
 */
export async function recordSecurityEvent(
  tx: Tx,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await sql`SELECT audit_security_event(${action}, ${JSON.stringify(details)}::jsonb)`.execute(tx);
}
