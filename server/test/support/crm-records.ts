import type { RecordType } from '../../src/db/schema.js';
import type { SignedUp, TestApp } from './test-app.js';

/**
 * Puts a lead, account, contact or deal straight into an organization, for tests of what
 * attaches to records (tasks, notes, tags, bulk actions) without going through their own APIs.
 */
export async function seedRecord(
  t: TestApp,
  org: Pick<SignedUp, 'orgId' | 'userId'>,
  type: RecordType,
  name: string,
  ownerId: string | null = org.userId,
): Promise<string> {
  const [row] = await t.ownerQuery<{ id: string }>(
    {
      lead: 'INSERT INTO leads (org_id, last_name, owner_id) VALUES ($1, $2, $3) RETURNING id',
      contact:
        'INSERT INTO contacts (org_id, last_name, owner_id) VALUES ($1, $2, $3) RETURNING id',
      account: 'INSERT INTO accounts (org_id, name, owner_id) VALUES ($1, $2, $3) RETURNING id',
      deal: `INSERT INTO deals (org_id, name, owner_id, pipeline_id, stage_id, probability)
        SELECT $1, $2, $3, s.pipeline_id, s.id, s.probability
        FROM pipeline_stages s JOIN pipelines p ON p.org_id = s.org_id AND p.id = s.pipeline_id
        WHERE s.org_id = $1 AND p.is_default ORDER BY s.position LIMIT 1
        RETURNING id`,
    }[type],
    [org.orgId, name, ownerId],
  );
  if (!row) throw new Error(`could not seed a ${type}`);
  return row.id;
}
