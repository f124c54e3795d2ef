import { testContextKey, type SignedUp } from './test-app.js';
import type { TestApp } from './test-app.js';

/**
 * Proofs an attacker can come by: made up, the attacker's own with the victim's organization
 * or user put in, and the victim's own that expired (as one read from an old log would be).
 */
export function attackerProofs(me: SignedUp, victim: { orgId: string; userId: string }): string[] {
  const now = Math.floor(Date.now() / 1000);
  const mine = testContextKey.proveContext(me.orgId, me.userId);
  const [version, , , expiry, mac] = mine.split('.');
  return [
    `v1.${victim.orgId}.${victim.userId}.${now + 3600}.${'0'.repeat(64)}`,
    `${version}.${victim.orgId}.${me.userId}.${expiry}.${mac}`,
    `${version}.${me.orgId}.${victim.userId}.${expiry}.${mac}`,
    `${version}..${victim.userId}.${expiry}.${mac}`,
    `${version}.${victim.orgId}.${victim.userId}.${Number(expiry) + 3600}.${mac}`,
    testContextKey.proveContext(victim.orgId, victim.userId, now - 1),
    testContextKey.proveContext(victim.orgId, null, now - 60),
    `${mine}\nv1.${victim.orgId}`,
    victim.orgId,
  ];
}

/**
 * Makes every policy compare with the unsigned `app.current_org` setting again, as before the
 * signed context: the wall the attack suite must see fall.
 */
export async function restoreUnsignedSetting(t: TestApp): Promise<void> {
  await t.ownerQuery(`
    DO $$
    DECLARE
      p record;
    BEGIN
      FOR p IN SELECT * FROM pg_policies WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER POLICY %I ON %I.%I %s%s', p.policyname, p.schemaname,
          p.tablename,
          CASE WHEN p.qual IS NULL THEN '' ELSE format('USING (%s)',
            replace(replace(p.qual, 'verified_org()',
            $e$nullif(current_setting('app.current_org', true), '')::uuid$e$), 'verified_user()',
            $e$nullif(current_setting('app.current_user', true), '')::uuid$e$)) END,
          CASE WHEN p.with_check IS NULL THEN '' ELSE format(' WITH CHECK (%s)',
            replace(replace(p.with_check, 'verified_org()',
            $e$nullif(current_setting('app.current_org', true), '')::uuid$e$), 'verified_user()',
            $e$nullif(current_setting('app.current_user', true), '')::uuid$e$)) END);
      END LOOP;
    END
    $$`);
}
