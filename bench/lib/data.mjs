// Realistic CRM data for benchmarks and plan tests: organizations with leads, accounts,
// contacts, deals, tasks, notes, tags and custom fields of leads with their values. Every organization is written in one transaction with
// its tenant set, as the API would write, so that the database's own triggers build the search
// index and the audit trail. Names repeat like real ones (Maria, Garcia, Acme...), so that
// searches match realistic numbers of records.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchContextKey } from './db.mjs';

const FIRST = `ARRAY['Maria','Mario','Marcus','Martin','Mary','Marta','John','Johanna','Jose','Joseph',
  'Joan','Olivia','Oliver','Liam','Emma','Noah','Ava','Sophia','Lucas','Mia','Ethan','Amelia',
  'James','Isabella','Benjamin','Charlotte','Elijah','Harper','Ada','Grace','Alan','Linus',
  'Priya','Arjun','Wei','Yuki','Hiroshi','Fatima','Omar','Aisha','Ivan','Olga','Pierre','Chloé',
  'Søren','Ingrid','Mateo','Valentina','Diego','Camila']`;
const LAST = `ARRAY['Garcia','Gardner','Smith','Smithson','Johnson','Jones','Brown','Miller','Davis',
  'Martinez','Rodriguez','Lopez','Wilson','Anderson','Taylor','Thomas','Moore','Jackson','White',
  'Harris','Martin','Thompson','Young','King','Wright','Scott','Green','Baker','Adams','Nelson',
  'Müller','Schmidt','Dubois','Lefèvre','Rossi','Bianchi','Tanaka','Suzuki','Kim','Nguyen',
  'Patel','Singh','Cohen','Novak','Kowalski','Ivanov','Olsen','Hansen','Silva','Santos']`;
const COMPANY = `ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Wonka','Tyrell','Cyberdyne',
  'Soylent','Hooli','Vandelay','Gringotts','Oscorp','Aperture','Massive','Dunder','Prestige',
  'Sterling','Pied Piper']`;
const SUFFIX = `ARRAY['Logistics','Foods','Systems','Labs','Capital','Health','Energy','Media',
  'Retail','Robotics']`;
export const TAGS = ['vip', 'partner', 'churn risk', 'newsletter', 'event 2026'];

/** Rows per organization: leads, and the other records as a share of them. */
export function sizesFor(leads) {
  const share = (fraction) => Math.max(1, Math.round(leads * fraction));
  return {
    leads,
    accounts: share(0.1),
    contacts: share(0.2),
    deals: share(0.1),
    tasks: share(0.2),
    notes: share(0.2),
  };
}

// A value of the array chosen by a hash of the row number, each column with its own salt.
const pick = (array, salt) =>
  `(${array})[1 + (hashint4(n + ${salt}) & 2147483647) % array_length(${array}, 1)]`;

/**
 * Who an access token for `org` names: its owner, in the session `organizationSql` opens for
 * them (its refresh-token family has the owner's id), which the API checks on every request.
 */
export function benchCaller(org) {
  return { userId: org.userId, orgId: org.id, sessionId: org.userId };
}

/**
 * The statements that create one organization, its owner (who never signs in: benchmarks sign
 * access tokens for the session made here) and its records. Each organization has an owner of its own, as in life: the
 * membership check reads the memberships of the caller, and one user in every organization
 * would make it read them all.
 */
function organizationSql(org) {
  const o = pg.escapeLiteral(org.id);
  const u = pg.escapeLiteral(org.userId);
  const s = sizesFor(org.leads);
  return `
    BEGIN;
    SELECT set_config('app.tenant_proof', ${pg.escapeLiteral(benchContextKey.proveContext(org.id, org.userId))}, true);
    INSERT INTO users (id, email, name, password_hash)
    VALUES (${u}, ${pg.escapeLiteral(`owner-${org.id}@rampart.bench`)}, 'Bench owner', '!');
    INSERT INTO orgs (id, name, created_by) VALUES (${o}, ${pg.escapeLiteral(org.name)}, ${u});
    INSERT INTO memberships (org_id, user_id, role, created_by) VALUES (${o}, ${u}, 'owner', ${u});
    INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, session_org_id, expires_at)
    VALUES (${u}, ${u}, ${u}, sha256(convert_to(${u}, 'UTF8')), ${o}, now() + interval '30 days');
    INSERT INTO tags (org_id, name, created_by)
    SELECT ${o}, name, ${u} FROM unnest(${pg.escapeLiteral(`{${TAGS.map((t) => `"${t}"`).join(',')}}`)}::text[]) AS name;
    INSERT INTO leads (org_id, first_name, last_name, email, phone, company, job_title, status,
                       source, rating, estimated_value, owner_id, next_follow_up_at, created_by,
                       created_at, updated_at)
    SELECT ${o}, f, l, lower(unaccent(f || '.' || l)) || n || '@' || lower(replace(c, ' ', '')) || '.example',
      '+1 555 ' || lpad((n % 10000000)::text, 7, '0'), c || ' ' || ${pick(SUFFIX, 7)},
      (ARRAY['Sales manager','CTO','Buyer','Founder','Engineer'])[1 + n % 5],
      (ARRAY['new','contacted','qualified','unqualified'])[1 + n % 4],
      (ARRAY['web','referral','cold_call','event','partner','advertisement','other',NULL])[1 + n % 8],
      (ARRAY['hot','warm','cold',NULL])[1 + n % 4], CASE WHEN n % 3 = 0 THEN (n % 200) * 250 END,
      ${u}, CASE WHEN n % 5 = 0 THEN now() + make_interval(days => n % 60) END, ${u},
      now() - make_interval(secs => n * 300), now() - make_interval(secs => n * 200)
    FROM generate_series(1, ${s.leads}) AS n,
      LATERAL (SELECT ${pick(FIRST, 1)} AS f, ${pick(LAST, 2)} AS l, ${pick(COMPANY, 3)} AS c) AS names;
    -- Custom fields of leads, a value on most leads: a select, a number, a date and a text.
    INSERT INTO custom_fields (org_id, record_type, key, label, field_type, position, created_by)
    VALUES (${o}, 'lead', 'tier', 'Tier', 'select', 0, ${u}),
      (${o}, 'lead', 'score', 'Score', 'number', 1, ${u}),
      (${o}, 'lead', 'renewal', 'Renewal', 'date', 2, ${u}),
      (${o}, 'lead', 'region_code', 'Region code', 'text', 3, ${u});
    INSERT INTO custom_field_options (org_id, field_id, label, position, created_by)
    SELECT ${o}, f.id, 'Tier ' || k, k, ${u}
    FROM custom_fields f, generate_series(0, 4) AS k WHERE f.org_id = ${o} AND f.key = 'tier';
    CREATE TEMPORARY TABLE bench_leads ON COMMIT DROP AS
      SELECT id, row_number() OVER (ORDER BY id) AS k FROM leads WHERE org_id = ${o};
    INSERT INTO custom_field_values (org_id, field_id, record_id, value_option, created_by)
    SELECT ${o}, f.id, l.id, opt.id, ${u}
    FROM bench_leads l
    JOIN custom_fields f ON f.org_id = ${o} AND f.key = 'tier'
    JOIN custom_field_options opt ON opt.org_id = ${o} AND opt.field_id = f.id AND opt.position = l.k % 5;
    INSERT INTO custom_field_values (org_id, field_id, record_id, value_number, created_by)
    SELECT ${o}, f.id, l.id, l.k % 1000, ${u}
    FROM bench_leads l JOIN custom_fields f ON f.org_id = ${o} AND f.key = 'score';
    INSERT INTO custom_field_values (org_id, field_id, record_id, value_date, created_by)
    SELECT ${o}, f.id, l.id, DATE '2026-01-01' + (l.k % 365)::int, ${u}
    FROM bench_leads l JOIN custom_fields f ON f.org_id = ${o} AND f.key = 'renewal'
    WHERE l.k % 3 <> 0;
    INSERT INTO custom_field_values (org_id, field_id, record_id, value_text, created_by)
    SELECT ${o}, f.id, l.id, 'R' || (l.k % 50), ${u}
    FROM bench_leads l JOIN custom_fields f ON f.org_id = ${o} AND f.key = 'region_code'
    WHERE l.k % 2 = 0;
    INSERT INTO accounts (org_id, name, domain, industry, owner_id, created_by)
    SELECT ${o}, c || ' ' || sfx || ' ' || n, lower(replace(c, ' ', '')) || n || '.example', sfx, ${u}, ${u}
    FROM generate_series(1, ${s.accounts}) AS n,
      LATERAL (SELECT ${pick(COMPANY, 4)} AS c, ${pick(SUFFIX, 5)} AS sfx) AS names;
    INSERT INTO contacts (org_id, first_name, last_name, email, job_title, owner_id, account_id, created_by)
    SELECT ${o}, f, l, lower(unaccent(f || '.' || l)) || n || '@contact.example', 'Buyer', ${u}, a.id, ${u}
    FROM generate_series(1, ${s.contacts}) AS n
    CROSS JOIN LATERAL (SELECT ${pick(FIRST, 6)} AS f, ${pick(LAST, 8)} AS l) AS names
    LEFT JOIN (SELECT id, row_number() OVER (ORDER BY id) AS k FROM accounts WHERE org_id = ${o}) a
      ON a.k = 1 + n % ${s.accounts};
    INSERT INTO deals (org_id, name, amount, pipeline_id, stage_id, stage_rank, probability,
                               expected_close_date, owner_id, created_by)
    SELECT ${o}, ${pick(COMPANY, 9)} || ' deal ' || n, (n % 500) * 100, st.pipeline_id, st.id, n,
      st.probability, current_date + n % 90, ${u}, ${u}
    FROM generate_series(1, ${s.deals}) AS n
    JOIN (SELECT pipeline_id, id, probability, row_number() OVER (ORDER BY position) - 1 AS k
          FROM pipeline_stages WHERE org_id = ${o} AND kind = 'open') st ON st.k = n % 4;
    INSERT INTO tasks (org_id, title, due_at, priority, status, completed_at, assignee_id, lead_id, created_by)
    SELECT ${o}, 'Call ' || first_name || ' ' || last_name, now() + make_interval(hours => (k % 720 - 240)::int),
      (ARRAY['low','normal','high','urgent'])[1 + k % 4], st, CASE WHEN st = 'done' THEN now() END,
      ${u}, id, ${u}
    FROM (SELECT id, first_name, last_name, row_number() OVER () AS k FROM leads WHERE org_id = ${o}
          LIMIT ${s.tasks}) lead,
      LATERAL (SELECT (ARRAY['open','in_progress','done'])[1 + k % 3] AS st) AS status;
    INSERT INTO notes (org_id, body, lead_id, created_by)
    SELECT ${o}, 'Spoke with ' || first_name || ' about next quarter''s order.', id, ${u}
    FROM leads WHERE org_id = ${o} LIMIT ${s.notes};
    -- A file on each of those leads (rows only: the file reads measured are of rows, not bytes).
    INSERT INTO files (org_id, name, content_type, byte_size, sha256, blob_key, lead_id, created_by)
    SELECT ${o}, 'proposal-' || last_name || '.pdf', 'application/pdf', 20000,
      encode(sha256(convert_to(id::text, 'UTF8')), 'hex'),
      left(encode(sha256(convert_to(id::text || ${o}, 'UTF8')), 'hex'), 40), id, ${u}
    FROM leads WHERE org_id = ${o} LIMIT ${s.notes};
    INSERT INTO record_tags (org_id, tag_id, lead_id, created_by)
    SELECT ${o}, t.id, l.id, ${u}
    FROM (SELECT id, row_number() OVER () AS k FROM leads WHERE org_id = ${o}) l
    JOIN (SELECT id, row_number() OVER (ORDER BY name) AS j FROM tags WHERE org_id = ${o}) t
      ON t.j = 1 + l.k % 5
    WHERE l.k % 10 = 0;
    -- Once restored from an export of its own: the restore routes have one to read.
    INSERT INTO org_restores (org_id, status, file_name, source_organization_id, schema_version,
      exported_at, files_total, rows_total, created_by)
    VALUES (${o}, 'completed', 'organization-export.zip', ${o}, '0016_create_org_restores', now(),
      15, 0, ${u});
    COMMIT;`;
}

/**
 * Creates organizations `[{ name, leads }]` with their records, `parallel` at a time (one
 * connection each), and returns them with their ids.
 */
export async function createOrganizations(ownerUrl, orgs, { parallel = 2, onProgress } = {}) {
  const clients = await Promise.all(
    Array.from({ length: Math.min(parallel, orgs.length) }, async () => {
      const client = new pg.Client({
        connectionString: ownerUrl,
        application_name: 'rampart-bench',
      });
      await client.connect();
      return client;
    }),
  );
  try {
    const created = orgs.map((org) => ({ ...org, id: randomUUID(), userId: randomUUID() }));
    let next = 0;
    let done = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (next < created.length) {
          const org = created[next++];
          await client.query(organizationSql(org));
          done += 1;
          onProgress?.(done, created.length);
        }
      }),
    );
    return created;
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** The organizations of a database, largest first, with their lead counts. */
export async function listOrganizations(client) {
  const { rows } = await client.query(`
    SELECT o.id, o.name, o.created_by AS "userId", count(l.id)::int AS leads
    FROM orgs o LEFT JOIN leads l ON l.org_id = o.id
    GROUP BY o.id ORDER BY leads DESC, o.name`);
  return rows;
}
