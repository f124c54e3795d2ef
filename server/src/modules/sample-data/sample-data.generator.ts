import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import {
  LEAD_RATINGS,
  type AccountsTable,
  type ContactsTable,
  type LeadsTable,
  type NotesTable,
  type DealsTable,
  type DealContactsTable,
  type DealStageHistoryTable,
  type RecordTagsTable,
  type Source,
  type StageKind,
  type TagsTable,
  type TaskPriority,
  type TaskType,
  type TasksTable,
} from '../../db/schema.js';
import { RANK_STEP } from '../deals/board-order.js';
import type { AttachmentField } from '../records/attachments.js';

/**
 * A realistic, made-up CRM: companies with their people, prospects, a pipeline of deals, the
 * week's tasks and a few notes and tags. The same seed gives the same names, amounts and
 * stages every time; dates are relative to the day it is loaded, so "overdue" and "due today"
 * stay true. Domains end in `.example` (reserved, RFC 2606): no sample address ever reaches a
 * real inbox.
 */

export interface SampleRecords {
  tags: Array<Insertable<TagsTable> & { id: string; name: string }>;
  accounts: Array<Insertable<AccountsTable> & { id: string; name: string }>;
  contacts: Array<Insertable<ContactsTable> & { id: string }>;
  leads: Array<Insertable<LeadsTable> & { id: string }>;
  deals: Array<Insertable<DealsTable> & { id: string }>;
  dealContacts: Array<Insertable<DealContactsTable>>;
  stageHistory: Array<Insertable<DealStageHistoryTable>>;
  tasks: Array<Insertable<TasksTable> & { id: string }>;
  notes: Array<Insertable<NotesTable> & { id: string }>;
  recordTags: Array<Insertable<RecordTagsTable>>;
}

export interface Stage {
  id: string;
  pipeline_id: string;
  probability: number;
  kind: StageKind;
}

const SEED = 20_240_611;
const DAY_MS = 86_400_000;

/** mulberry32: small, fast and good enough to pick names; the same seed, the same picks. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}

const COMPANIES: ReadonlyArray<[name: string, industry: string]> = [
  ['Northwind Traders', 'Wholesale'],
  ['Brightwave Analytics', 'Software'],
  ['Cedar & Pine Furniture', 'Manufacturing'],
  ['Harborview Logistics', 'Transportation'],
  ['Bluefin Seafood Co.', 'Food & beverage'],
  ['Summit Ridge Outfitters', 'Retail'],
  ['Ironclad Security', 'Security'],
  ['Lumen Health Partners', 'Healthcare'],
  ['Greenleaf Organics', 'Agriculture'],
  ['Quarry Stone Builders', 'Construction'],
  ['Atlas Freight Systems', 'Transportation'],
  ['Nimbus Cloud Works', 'Software'],
  ['Redwood Capital Advisors', 'Financial services'],
  ['Silverline Telecom', 'Telecommunications'],
  ['Orchard Lane Bakery', 'Food & beverage'],
  ['Kestrel Aerospace', 'Aerospace'],
  ['Meridian Hotels', 'Hospitality'],
  ['Foxglove Pharmaceuticals', 'Pharmaceuticals'],
  ['Tidewater Energy', 'Energy'],
  ['Copperleaf Media', 'Media'],
  ['Pioneer Learning Labs', 'Education'],
  ['Stonebridge Legal', 'Legal services'],
  ['Vantage Point Realty', 'Real estate'],
  ['Alpine Dairy Cooperative', 'Agriculture'],
  ['Beacon Insurance Group', 'Insurance'],
  ['Crescent Moon Studios', 'Entertainment'],
  ['Driftwood Marine Supply', 'Retail'],
  ['Evergreen Solar', 'Energy'],
  ['Falcon Ridge Vineyards', 'Food & beverage'],
  ['Granite Peak Engineering', 'Engineering'],
];

const PROSPECTS = [
  'Lakeside Dental',
  'Maple Street Pharmacy',
  'Quantum Leap Robotics',
  'Riverbend Veterinary',
  'Sunrise Yoga Studios',
  'Twin Oaks Brewing',
  'Urban Sprout Cafe',
  'Westgate Auto Group',
  'Willow Creek Clinic',
  'Zephyr Drone Works',
  'Hollow Pine Architects',
  'Juniper Bay Resorts',
  'Keystone Plumbing',
  'Marigold Events',
  'Oakridge Academy',
  'Pinnacle Fitness',
];

const CITIES: ReadonlyArray<[city: string, region: string, country: string]> = [
  ['Seattle', 'WA', 'United States'],
  ['Austin', 'TX', 'United States'],
  ['Chicago', 'IL', 'United States'],
  ['Boston', 'MA', 'United States'],
  ['Denver', 'CO', 'United States'],
  ['Toronto', 'ON', 'Canada'],
  ['Vancouver', 'BC', 'Canada'],
  ['London', 'England', 'United Kingdom'],
  ['Manchester', 'England', 'United Kingdom'],
  ['Dublin', 'Leinster', 'Ireland'],
  ['Amsterdam', 'North Holland', 'Netherlands'],
  ['Berlin', 'Berlin', 'Germany'],
  ['Lyon', 'Auvergne-Rhône-Alpes', 'France'],
  ['Sydney', 'NSW', 'Australia'],
];

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Amara',
  'Noah',
  'Sofia',
  'Mateo',
  'Priya',
  'Ethan',
  'Hana',
  'Lucas',
  'Chloe',
  'Kwame',
  'Isabel',
  'Daniel',
  'Mei',
  'Samuel',
  'Zoe',
  'Omar',
  'Grace',
  'Jonas',
  'Aisha',
  'Henry',
  'Elena',
  'Tomás',
  'Nadia',
  'Felix',
  'Leila',
  'Oscar',
  'Ingrid',
  'Rafael',
];

const LAST_NAMES = [
  'Bennett',
  'Okafor',
  'Nguyen',
  'Schmidt',
  'García',
  'Patel',
  'Kowalski',
  'Murphy',
  'Tanaka',
  'Silva',
  'Johansson',
  'Dubois',
  'Reyes',
  'Fischer',
  'Campbell',
  'Haddad',
  'Rossi',
  'Brooks',
  'Lindqvist',
  'Mensah',
  'Fernández',
  'Walsh',
  'Novak',
  'Hughes',
  'Moreau',
  'Sato',
  'Ortiz',
  'Adeyemi',
  'Clarke',
  'Berg',
];

const JOB_TITLES: ReadonlyArray<[title: string, department: string]> = [
  ['Chief Executive Officer', 'Executive'],
  ['Chief Financial Officer', 'Finance'],
  ['VP of Operations', 'Operations'],
  ['Head of Procurement', 'Procurement'],
  ['IT Director', 'IT'],
  ['Operations Manager', 'Operations'],
  ['Purchasing Manager', 'Procurement'],
  ['Marketing Director', 'Marketing'],
  ['Office Manager', 'Administration'],
  ['Facilities Coordinator', 'Operations'],
];

const PRODUCTS = [
  'Annual subscription',
  'Pilot project',
  'Support renewal',
  'Seat expansion',
  'Onboarding package',
  'Enterprise license',
  'Consulting retainer',
  'Hardware refresh',
];

const LOST_REASONS = [
  'Went with a competitor',
  'No budget this year',
  'Project cancelled',
  'Price',
];

const SOURCES: Source[] = ['web', 'referral', 'cold_call', 'event', 'partner', 'advertisement'];
const PRIORITIES: TaskPriority[] = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];

const TAGS = [
  { name: 'VIP', color: '#dc2626' },
  { name: 'Partner', color: '#2563eb' },
  { name: 'Renewal', color: '#16a34a' },
  { name: 'Enterprise', color: '#7c3aed' },
  { name: 'Hot prospect', color: '#ea580c' },
] as const;
type TagName = (typeof TAGS)[number]['name'];

const NOTES = [
  'Met at the trade fair. Interested in a rollout across all three sites next quarter.',
  'Budget approved by the board; procurement needs two more quotes before signing.',
  'Prefers email over phone. Decision expected after their fiscal year closes.',
  'Current vendor contract ends in March; they are unhappy with response times.',
  'Asked for references from customers in the same industry.',
  'Legal is reviewing the data processing agreement; no blockers so far.',
  'Champion is moving to another role next month: introduce ourselves to her successor.',
  'Requested a discount for a three-year commitment. Check with finance before replying.',
  'Demo went well; the IT team wants to test the single sign-on setup.',
  'Long-time customer, always pays on time. Good candidate for a case study.',
  'Left a voicemail; follow up by email on Thursday.',
  'They are evaluating two other vendors. Our price is higher, but onboarding is faster.',
];

type Attachment = Partial<Record<AttachmentField, string>>;

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const emailName = (first: string, last: string) => `${slug(first)}.${slug(last)}`.replace(/-/g, '');

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** Every sample record of an organization, with fresh ids, owned by and assigned to `userId`. */
export function generateSampleData(input: {
  orgId: string;
  userId: string;
  now: Date;
  stages: Stage[];
}): SampleRecords {
  const { orgId, userId, now } = input;
  const rng = seeded(SEED);
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const dayAt = (offsetDays: number, hourUtc: number) =>
    new Date(startOfToday + offsetDays * DAY_MS + hourUtc * 3_600_000);
  const isoDay = (offsetDays: number) => dayAt(offsetDays, 0).toISOString().slice(0, 10);
  const phone = () => `+1 555 01${String(rng.int(0, 99)).padStart(2, '0')}`;
  const base = (created = daysAgo(rng.int(1, 120))) => ({
    id: randomUUID(),
    org_id: orgId,
    created_by: userId,
    created_at: created,
    updated_at: created,
  });
  const usedEmails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n += 1) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  const person = () => ({ first_name: rng.pick(FIRST_NAMES), last_name: rng.pick(LAST_NAMES) });
  const address = () => {
    const [city, region, country] = rng.pick(CITIES);
    return JSON.stringify({
      street: `${rng.int(1, 990)} ${rng.pick(['Market', 'Harbor', 'King', 'Elm', 'Station', 'Mill'])} Street`,
      city,
      region,
      country,
    });
  };

  const tags = TAGS.map((tag) => ({ ...base(), ...tag }));
  const tagId = (name: TagName) => tags.find((tag) => tag.name === name)!.id;
  const recordTags: SampleRecords['recordTags'] = [];
  const tag = (name: TagName, column: 'account_id' | 'lead_id' | 'deal_id', id: string) =>
    recordTags.push({ org_id: orgId, tag_id: tagId(name), [column]: id, created_by: userId });

  const accounts = COMPANIES.map(([name, industry], i) => {
    const domain = `${slug(name)}.example`;
    const employees = rng.pick([8, 25, 60, 140, 320, 750, 1800, 4200]);
    const billing = address();
    const account = {
      ...base(),
      name,
      industry,
      domain,
      website: `https://www.${domain}`,
      email: `hello@${domain}`,
      phone: phone(),
      employees,
      annual_revenue: roundTo(employees * rng.int(90_000, 260_000), 10_000),
      billing_address: billing,
      shipping_address: billing,
      description: `${industry} company with about ${employees} employees.`,
      owner_id: userId,
    };
    if (i % 4 === 0) tag('Enterprise', 'account_id', account.id);
    if (i % 7 === 3) tag('Partner', 'account_id', account.id);
    if (i % 9 === 1) tag('VIP', 'account_id', account.id);
    return account;
  });

  const contacts = accounts.flatMap((account) =>
    Array.from({ length: rng.int(1, 4) }, () => {
      const name = person();
      const [job_title, department] = rng.pick(JOB_TITLES);
      return {
        ...base(),
        ...name,
        email: uniqueEmail(emailName(name.first_name, name.last_name), account.domain),
        phone: phone(),
        mobile: rng.next() < 0.5 ? phone() : null,
        job_title,
        department,
        account_id: account.id,
        address: account.billing_address,
        owner_id: userId,
      };
    }),
  );

  const statuses = [
    'new',
    'new',
    'new',
    'contacted',
    'contacted',
    'qualified',
    'unqualified',
  ] as const;
  const leads = Array.from({ length: 36 }, (_, i) => {
    const name = person();
    const company = PROSPECTS[i % PROSPECTS.length]!;
    const status = rng.pick(statuses);
    const rating = rng.pick([...LEAD_RATINGS, null]);
    const worked = status !== 'new';
    const lead = {
      ...base(daysAgo(rng.int(21, 120))),
      ...name,
      email: uniqueEmail(emailName(name.first_name, name.last_name), `${slug(company)}.example`),
      phone: phone(),
      company,
      job_title: rng.pick(JOB_TITLES)[0],
      status,
      source: rng.pick(SOURCES),
      rating,
      estimated_value: rng.next() < 0.8 ? roundTo(rng.int(2_000, 90_000), 500) : null,
      address: address(),
      last_contacted_at: worked ? daysAgo(rng.int(1, 20)) : null,
      next_follow_up_at: worked && status !== 'unqualified' ? dayAt(rng.int(1, 14), 15) : null,
      owner_id: userId,
    };
    if (rating === 'hot') tag('Hot prospect', 'lead_id', lead.id);
    return lead;
  });

  const stages = input.stages;
  const ranks = new Map<string, number>();
  const dealContacts: SampleRecords['dealContacts'] = [];
  const stageHistory: SampleRecords['stageHistory'] = [];
  const deals = Array.from({ length: 36 }, (_, i) => {
    const account = accounts[i % accounts.length]!;
    const contact = contacts.find((c) => c.account_id === account.id)!;
    const stage = stages[i % stages.length]!;
    const product = rng.pick(PRODUCTS);
    const closed = stage.kind !== 'open';
    const closeOffset = closed ? -rng.int(3, 90) : rng.int(7, 150);
    const enteredAt = daysAgo(closed ? -closeOffset : rng.int(1, 40));
    const rank = (ranks.get(stage.id) ?? 0) + RANK_STEP;
    ranks.set(stage.id, rank);
    const deal = {
      ...base(new Date(enteredAt.getTime() - rng.int(0, 45) * DAY_MS)),
      name: `${account.name}: ${product}`,
      account_id: account.id,
      primary_contact_id: contact.id,
      amount: roundTo(rng.int(3_000, 240_000), 500),
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      stage_rank: rank,
      stage_entered_at: enteredAt,
      expected_close_date: isoDay(closeOffset),
      probability: stage.probability,
      source: rng.pick(SOURCES),
      closed_at: closed ? dayAt(closeOffset, 16) : null,
      lost_reason: stage.kind === 'lost' ? rng.pick(LOST_REASONS) : null,
      owner_id: userId,
    };
    dealContacts.push({
      org_id: orgId,
      deal_id: deal.id,
      contact_id: contact.id,
      role: 'Decision maker',
      created_by: userId,
    });
    stageHistory.push({
      org_id: orgId,
      deal_id: deal.id,
      stage_id: stage.id,
      entered_at: enteredAt,
      created_by: userId,
    });
    if (product === 'Support renewal') tag('Renewal', 'deal_id', deal.id);
    return deal;
  });

  // Due days relative to today: overdue, due today (UTC), upcoming, and a few already done.
  const schedule = [
    ...[-9, -6, -4, -3, -2, -1].map((day) => ({ day, done: false })),
    ...[0, 0, 0, 0, 0].map((day) => ({ day, done: false })),
    ...[1, 1, 2, 3, 4, 6, 8, 10, 14, 21].map((day) => ({ day, done: false })),
    ...[-12, -8, -5].map((day) => ({ day, done: true })),
  ];
  const tasks = schedule.map(({ day, done }, i) => {
    const deal = deals[i % deals.length]!;
    const contact = contacts[(i * 5) % contacts.length]!;
    const lead = leads[(i * 3) % leads.length]!;
    const account = accounts[(i * 7) % accounts.length]!;
    const [title, attachment, type] = [
      [`Send the proposal for ${deal.name}`, { deal_id: deal.id }, 'email'],
      [
        `Call ${contact.first_name} ${contact.last_name} about next steps`,
        { contact_id: contact.id },
        'call',
      ],
      [
        `Qualify ${lead.first_name} ${lead.last_name} at ${lead.company}`,
        { lead_id: lead.id },
        'todo',
      ],
      [`Prepare the quarterly review with ${account.name}`, { account_id: account.id }, 'meeting'],
    ][i % 4] as [string, Attachment, TaskType];
    const dueAt = dayAt(day, 9 + (i % 4) * 2);
    return {
      ...base(new Date(Math.min(dueAt.getTime(), now.getTime()) - rng.int(1, 10) * DAY_MS)),
      title,
      ...attachment,
      description: done ? 'Done; notes are on the record.' : '',
      due_at: dueAt,
      priority: rng.pick(PRIORITIES),
      type,
      status: done ? ('done' as const) : i % 5 === 2 ? ('in_progress' as const) : ('open' as const),
      completed_at: done ? dueAt : null,
      assignee_id: userId,
    };
  });

  const notes = NOTES.map((body, i) => {
    const attachment: Attachment = [
      { account_id: accounts[(i * 3) % accounts.length]!.id },
      { deal_id: deals[(i * 5) % deals.length]!.id },
      { lead_id: leads[(i * 7) % leads.length]!.id },
      { contact_id: contacts[(i * 11) % contacts.length]!.id },
    ][i % 4]!;
    return { ...base(), body, ...attachment };
  });

  return {
    tags,
    accounts,
    contacts,
    leads,
    deals,
    dealContacts,
    stageHistory,
    tasks,
    notes,
    recordTags,
  };
}

/**
 * Adapts the sample to what the organization already has: an account name already taken gets
 * " (sample)" appended, an email already used by a contact is left out, and a tag that already
 * exists is used as it is rather than created (it is the organization's, so it stays).
 */
export function avoidCollisions(
  records: SampleRecords,
  taken: { accountNames: Set<string>; contactEmails: Set<string>; tags: Map<string, string> },
): SampleRecords {
  const reused = new Map<string, string>();
  const tags = records.tags.filter((tag) => {
    const existing = taken.tags.get(tag.name.toLowerCase());
    if (existing) reused.set(tag.id, existing);
    return !existing;
  });
  return {
    ...records,
    tags,
    recordTags: records.recordTags.map((link) => ({
      ...link,
      tag_id: reused.get(link.tag_id) ?? link.tag_id,
    })),
    accounts: records.accounts.map((account) =>
      taken.accountNames.has(account.name.toLowerCase())
        ? { ...account, name: `${account.name} (sample)` }
        : account,
    ),
    contacts: records.contacts.map((contact) =>
      contact.email && taken.contactEmails.has(contact.email)
        ? { ...contact, email: null }
        : contact,
    ),
  };
}
