import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/tenant.js';
import { searchWords } from '../src/lib/search-terms.js';
import {
  searchQuery,
  SHORT_WORD_LENGTH,
  SHORT_WORD_TERMS,
  type SearchInput,
} from '../src/modules/search/search.repo.js';
import { asTenant } from './support/as-tenant.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
/** The large tenant, made by the plan test below. */
let big: SignedUp;

/** One record of each kind for `who`, built by SQL so that the test needs no other module. */
async function seed(who: SignedUp, marker: string): Promise<Record<string, string>> {
  const rows = await t.ownerQuery<{ key: string; id: string }>(
    `WITH stage AS (
         SELECT s.pipeline_id, s.id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id
         WHERE p.org_id = $1 AND p.is_default AND s.name = 'Proposal'
       ), account AS (
         INSERT INTO accounts (org_id, name, domain) VALUES ($1, 'Ada Robotics ' || $2, 'ada.example')
         RETURNING id
       ), contact AS (
         INSERT INTO contacts (org_id, first_name, last_name, email)
         VALUES ($1, 'Adam', 'Smith', 'adam.' || $2 || '@smith.example') RETURNING id
       ), deal AS (
         INSERT INTO deals (org_id, name, amount, pipeline_id, stage_id, probability)
         SELECT $1, 'Ada renewal', 12500, stage.pipeline_id, stage.id, 50 FROM stage RETURNING id
       ), lead AS (
         INSERT INTO leads (org_id, first_name, last_name, email, company) VALUES
           ($1, 'Ada', 'Lovelace', 'ada@analytical.engine', 'Analytical Engines'),
           ($1, 'Ada', 'Byron', NULL, NULL),
           ($1, 'Grace', 'Hopper', NULL, 'Adastra'),
           ($1, 'José', 'Núñez', NULL, NULL)
         RETURNING id, last_name
       )
       SELECT 'account' AS key, id FROM account UNION ALL SELECT 'contact', id FROM contact
       UNION ALL SELECT 'deal', id FROM deal UNION ALL SELECT last_name, id FROM lead`,
    [who.orgId, marker],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.id]));
}

const EVERY_KIND = ['lead', 'account', 'contact', 'deal'] as const;

let ids: Record<string, string>;
let bIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'search-a');
  b = await signUp(t.app, 'search-b');
  ids = await seed(a, 'tenantone');
  bIds = await seed(b, 'tenanttwo');
});
afterAll(async () => {
  await t.close();
});

const search = (who: SignedUp, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/search?${query}`, headers: who.auth });

async function hits(who: SignedUp, query: string) {
  const response = await search(who, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{
    data: Array<{
      type: string;
      id: string;
      title: string;
      subtitle: string | null;
      score: number;
    }>;
  }>().data;
}

describe('global search', () => {
  it('ranks whole-word name matches first, then by type and title', async () => {
    expect(await hits(a, 'q=ada')).toEqual([
      {
        type: 'account',
        id: ids['account'],
        title: 'Ada Robotics tenantone',
        subtitle: 'ada.example',
        score: 6,
      },
      {
        type: 'deal',
        id: ids['deal'],
        title: 'Ada renewal',
        subtitle: 'USD 12500.00 · Proposal',
        score: 6,
      },
      { type: 'lead', id: ids['Byron'], title: 'Ada Byron', subtitle: null, score: 6 },
      {
        type: 'lead',
        id: ids['Lovelace'],
        title: 'Ada Lovelace',
        subtitle: 'Analytical Engines',
        score: 6,
      },
      {
        type: 'contact',
        id: ids['contact'],
        title: 'Adam Smith',
        subtitle: 'adam.tenantone@smith.example',
        score: 3,
      },
      { type: 'lead', id: ids['Hopper'], title: 'Grace Hopper', subtitle: 'Adastra', score: 2 },
    ]);
  });

  it('needs every word to match, folds accents and case, and sums the words', async () => {
    expect(await hits(a, 'q=ada%20LOVE')).toEqual([
      expect.objectContaining({ id: ids['Lovelace'], score: 9 }),
    ]);
    expect(await hits(a, 'q=lovelace%20hopper')).toEqual([]);
    expect(await hits(a, 'q=jose%20nun')).toEqual([
      expect.objectContaining({ id: ids['Núñez'], title: 'José Núñez' }),
    ]);
    expect(await hits(a, 'q=analytical.engine')).toEqual([
      // Both words are whole words of the email, which weighs 2.
      expect.objectContaining({ id: ids['Lovelace'], score: 4 + 4 }),
    ]);
  });

  it('cuts at the limit after ordering ties by title, and filters by type', async () => {
    // The third place is a tie between two leads that only their titles decide.
    expect((await hits(a, 'q=ada&limit=3')).map((h) => h.title)).toEqual([
      'Ada Robotics tenantone',
      'Ada renewal',
      'Ada Byron',
    ]);
    expect((await hits(a, 'q=ada&types=contact,lead')).map((h) => [h.type, h.title])).toEqual([
      ['lead', 'Ada Byron'],
      ['lead', 'Ada Lovelace'],
      ['contact', 'Adam Smith'],
      ['lead', 'Grace Hopper'],
    ]);
    expect((await hits(a, 'q=ada&types=deal')).map((h) => h.id)).toEqual([ids['deal']]);
  });

  it("never shows another organization's records", async () => {
    const aHits = await hits(a, 'q=ada');
    const bHits = await hits(b, 'q=ada');
    expect(aHits.map((h) => h.id).sort()).toEqual(
      ['account', 'deal', 'Byron', 'Lovelace', 'contact', 'Hopper'].map((k) => ids[k]).sort(),
    );
    expect(bHits.map((h) => h.id).sort()).toEqual(
      ['account', 'deal', 'Byron', 'Lovelace', 'contact', 'Hopper'].map((k) => bIds[k]).sort(),
    );
    expect(await hits(a, 'q=tenanttwo')).toEqual([]);
    expect(await hits(b, 'q=tenanttwo')).toEqual([
      expect.objectContaining({ id: bIds['account'] }),
      expect.objectContaining({ id: bIds['contact'] }),
    ]);
  });

  it('answers bad parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20!%20', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=ada&types=lead,widget', 'types'],
      ['q=ada&types=', 'types'],
      ['q=ada&types=lead,,deal', 'types'],
      ['q=ada&limit=0', 'limit'],
      ['q=ada&limit=51', 'limit'],
      ['q=ada&limit=many', 'limit'],
      ['q=ada&sort=score', 'sort'],
    ] as const) {
      const response = await search(a, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toBe(field);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=ada' })).statusCode).toBe(
      401,
    );
  });
});

describe('search under row-level security', () => {
  it('reads only the search index, by org_id and term, while another tenant is large', async () => {
    big = await signUp(t.app, 'search-big');
    // 50,000 leads, 5,000 of each other kind and 100 pipelines for the other tenant: its
    // tables are large enough that reading one whole would show in the plan.
    await asTenant(
      t,
      big,
      `INSERT INTO leads (org_id, first_name, last_name, email, company)
       SELECT '${big.orgId}', 'Ada' || n, 'Lead' || n, 'ada' || n || '@big.example', 'Big ' || (n % 500)
       FROM generate_series(1, 50000) AS n;
       INSERT INTO accounts (org_id, name, domain)
       SELECT '${big.orgId}', 'Ada account ' || n, 'ada' || n || '.example' FROM generate_series(1, 5000) AS n;
       INSERT INTO contacts (org_id, first_name, last_name, email)
       SELECT '${big.orgId}', 'Ada', 'Contact ' || n, 'c' || n || '@big.example' FROM generate_series(1, 5000) AS n;
       INSERT INTO pipelines (org_id, name, position)
       SELECT '${big.orgId}', 'Pipeline ' || n, n FROM generate_series(1, 100) AS n;
       INSERT INTO pipeline_stages (org_id, pipeline_id, name, position, probability)
       SELECT '${big.orgId}', p.id, 'Stage ' || k, k, 10
       FROM pipelines p, generate_series(0, 5) AS k WHERE p.org_id = '${big.orgId}' AND NOT p.is_default;
       INSERT INTO deals (org_id, name, amount, pipeline_id, stage_id, probability)
       SELECT '${big.orgId}', 'Ada deal ' || n, n, s.pipeline_id, s.id, 10
       FROM generate_series(1, 5000) AS n
       JOIN (SELECT pipeline_id, id, row_number() OVER (ORDER BY id) - 1 AS k
             FROM pipeline_stages WHERE org_id = '${big.orgId}') s ON s.k = n % 600`,
    );
    await t.ownerQuery('ANALYZE');
    const [row] = await t.ownerQuery<{ count: number }>(
      'SELECT count(DISTINCT record_id)::int AS count FROM search_terms WHERE org_id = $1',
      [big.orgId],
    );
    expect(row!.count).toBeGreaterThanOrEqual(65_000);

    const explain = (org: SignedUp, input: Omit<SearchInput, 'orgId'>) =>
      withContext(t.deps.db, { orgId: org.orgId, userId: org.userId }, async (tx) => {
        const query = searchQuery({ ...input, orgId: org.orgId }).compile(tx);
        const result = await tx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
        );
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    const every = ['lead', 'account', 'contact', 'deal'] as const;
    // The organization leads the index condition: the query names it, and the policy checks
    // the setting against it once.
    const tenantCond = (org: SignedUp) => new RegExp(`Index Cond: \\(\\(?org_id = '${org.orgId}'`);
    // The small tenant: whichever index the planner picks for its few terms, the policy is an
    // index condition, so the large tenant's rows are never read.
    for (const q of ['ada', 'ada love', 'ada@analytical.engine']) {
      const input = { words: searchWords(q), recordTypes: [...every], limit: 20 };
      const small = await explain(a, input);
      const why = `${q} (small tenant):\n${small}`;
      expect(small, why).not.toMatch(/Seq Scan/);
      const scans = small.match(
        /Index (Only )?Scan using search_terms_\w+ on search_terms[^\n]*\n[^\n]*/g,
      );
      expect(scans?.length, why).toBeGreaterThan(0);
      for (const scan of scans!) expect(scan, why).toMatch(tenantCond(a));
    }
    // The large tenant, searching for a few of its 65,000 records: the prefix itself is an
    // index condition beside org_id, one range per word.
    for (const q of ['ada5000', 'lead5000 ada5000', 'ada500']) {
      const large = await explain(big, {
        words: searchWords(q),
        recordTypes: [...every],
        limit: 20,
      });
      const why = `${q} (large tenant):\n${large}`;
      expect(large, why).not.toMatch(/Seq Scan/);
      const termScans = large.match(
        /Index (Only )?Scan using search_terms_term_idx[^\n]*\n[^\n]*/g,
      );
      expect(termScans, why).toHaveLength(searchWords(q).length);
      for (const scan of termScans!) {
        expect(scan, why).toMatch(tenantCond(big));
        expect(scan, why).toMatch(/term >= /);
        expect(scan, why).toMatch(/term < /);
      }
    }
    // Big's records stay out of A's results, and big finds its own through the same index.
    expect((await hits(a, 'q=ada')).length).toBe(6);
    const bigHits = await hits(big, 'q=ada5000&types=lead,account');
    expect(bigHits.map((h) => [h.type, h.title, h.score])).toEqual([
      ['lead', 'Ada5000 Lead5000', 6],
      ['account', 'Ada account 5000', 4],
      ['lead', 'Ada50000 Lead50000', 3],
    ]);
  }, 300_000);

  it('reads a bounded number of terms for a one- or two-letter word, whatever matches', async () => {
    // The large tenant of the test above: tens of thousands of its terms start with "a".
    const [row] = await t.ownerQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM search_terms WHERE org_id = $1 AND term LIKE 'a%'`,
      [big.orgId],
    );
    expect(row!.count).toBeGreaterThan(10 * SHORT_WORD_TERMS);
    for (const q of ['a', 'ad', 'ad lead5']) {
      const plan = await withContext(
        t.deps.db,
        { orgId: big.orgId, userId: big.userId },
        async (tx) => {
          const input = { words: searchWords(q), recordTypes: [...EVERY_KIND], limit: 20 };
          const query = searchQuery({ ...input, orgId: big.orgId }).compile(tx);
          const result = await tx.executeQuery<{ 'QUERY PLAN': unknown }>(
            CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, [...query.parameters]),
          );
          return JSON.stringify(result.rows[0]!['QUERY PLAN']);
        },
      );
      // Every scan of the term index returns at most the bound for a short word.
      const scanned = [
        ...plan.matchAll(/"Index Name":"search_terms_term_idx"[^}]*?"Actual Rows":(\d+)/g),
      ].map((match) => Number(match[1]));
      expect(scanned.length, plan).toBeGreaterThan(0);
      const shortWords = searchWords(q).filter((w) => w.length <= SHORT_WORD_LENGTH).length;
      expect(
        scanned.filter((rows) => rows <= SHORT_WORD_TERMS).length,
        `${q}: ${scanned.join(', ')}`,
      ).toBeGreaterThanOrEqual(shortWords);
      if (shortWords === searchWords(q).length)
        expect(Math.max(...scanned), `${q}: ${scanned.join(', ')}`).toBeLessThanOrEqual(
          SHORT_WORD_TERMS,
        );
    }
    // And still finds the whole word first: "ada" typed as far as "ad".
    expect((await hits(big, 'q=ad&types=lead')).length).toBeGreaterThan(0);
  });

  it("would read all of the tenant's terms with LIKE or ILIKE instead", async () => {
    // The large tenant of the test above, where reading every term would show.
    const explain = (run: (sql: string) => Promise<string>, condition: string) =>
      run(
        `EXPLAIN SELECT record_id FROM search_terms WHERE org_id = '${big.orgId}' AND ${condition}`,
      );
    const asOwner = async (text: string) =>
      (await t.ownerQuery<{ 'QUERY PLAN': string }>(text))
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    const asBig = (text: string) =>
      withContext(t.deps.db, { orgId: big.orgId, userId: big.userId }, async (tx) =>
        (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(text, []))).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n'),
      );
    // Past row-level security, a LIKE prefix becomes a range on the "C"-collated term...
    expect(await explain(asOwner, "term LIKE 'ada5000%'")).toMatch(
      /Index Cond: [^\n]*term >= 'ada5000'/,
    );
    // ...but beneath the policy it is not leakproof: the index finds the tenant, then every term
    // of the tenant is read and filtered. ILIKE is no better.
    for (const condition of ["term LIKE 'ada5000%'", "term ILIKE 'ada5000%'"]) {
      const plan = await explain(asBig, condition);
      expect(plan, plan).not.toMatch(/Index Cond: [^\n]*term/);
      expect(plan, plan).toMatch(/Filter: [^\n]*term ~~/);
    }
  });
});

describe('global search over custom field values', () => {
  it('finds records by their text, email, URL and phone custom fields, in their organization only', async () => {
    const org = await signUp(t.app, 'search-fields');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: org.auth, payload });
    const define = async (key: string, field_type: string, record_type = 'lead') => {
      const response = await api('POST', '/custom-fields', {
        record_type,
        key,
        label: key,
        field_type,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>();
    };
    await define('partner', 'text');
    await define('notes_long', 'long_text');
    await define('billing', 'email');
    await define('portal', 'url');
    const hotline = await define('hotline', 'phone', 'account');
    const lead = (
      await api('POST', '/leads', {
        last_name: 'Plain',
        custom_fields: {
          partner: 'Zyxwidget Partners',
          notes_long: 'met at the quokkafest',
          billing: 'pay@ledgerly.example',
          portal: 'https://portal.brightfjord.example/in',
        },
      })
    ).json<{ id: string }>();
    const account = (
      await api('POST', '/accounts', {
        name: 'Plain Co',
        custom_fields: { hotline: '(555) 867-5309' },
      })
    ).json<{ id: string }>();

    for (const word of ['zyxwidget', 'quokkafest', 'ledgerly', 'brightfjord'])
      expect((await hits(org, `q=${word}`)).map((h) => h.id)).toEqual([lead.id]);
    expect((await hits(org, 'q=5558675309')).map((h) => h.id)).toEqual([account.id]);
    // Another organization finds none of it.
    expect(await hits(b, 'q=zyxwidget')).toEqual([]);

    // A changed value is found by its new words only; the record's own terms stay.
    const changed = await api('PATCH', `/leads/${lead.id}`, {
      custom_fields: { partner: 'Quillmark' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await hits(org, 'q=zyxwidget')).toEqual([]);
    expect((await hits(org, 'q=quillmark')).map((h) => h.id)).toEqual([lead.id]);
    // Editing the record itself keeps its values' terms.
    await api('PATCH', `/leads/${lead.id}`, { first_name: 'Pat' });
    expect((await hits(org, 'q=quillmark%20pat')).map((h) => h.id)).toEqual([lead.id]);

    // An archived field's values are hidden, so they find nothing until it is restored.
    const archive = await api('PATCH', `/custom-fields/${hotline.id}`, { archived: true });
    expect(archive.statusCode, archive.body).toBe(200);
    expect(await hits(org, 'q=5558675309')).toEqual([]);
    await api('PATCH', `/custom-fields/${hotline.id}`, { archived: false });
    expect((await hits(org, 'q=5558675309')).map((h) => h.id)).toEqual([account.id]);
  });
});
