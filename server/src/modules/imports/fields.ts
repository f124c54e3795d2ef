import { LEAD_RATINGS, SOURCES, STAGE_KINDS, type RecordType } from '../../db/schema.js';

/** How a cell becomes a value. References (owner, account...) are resolved against the data. */
export type FieldType =
  | 'text'
  | 'email'
  | 'domain'
  | 'money'
  | 'currency'
  | 'integer'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'choice'
  | 'owner'
  | 'tags'
  | 'account'
  | 'contact'
  | 'pipeline'
  | 'stage'
  | 'outcome';

export interface FieldSpec {
  type: FieldType;
  /** The column it is stored in, for fields stored as they are parsed. */
  column?: string;
  required?: boolean;
  maxLength?: number;
  choices?: readonly string[];
  /** What an empty cell stores on a new record, for columns that may not be null. */
  empty?: string;
}

const text = (column: string, maxLength = 300, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'text',
  column,
  maxLength,
  ...extra,
});

/** The fields a file's columns can be mapped to, for each kind of record. */
export const IMPORT_FIELDS: Record<RecordType, Record<string, FieldSpec>> = {
  lead: {
    first_name: text('first_name', 200, { empty: '' }),
    last_name: text('last_name', 200, { required: true }),
    email: { type: 'email', column: 'email' },
    phone: text('phone', 50),
    company: text('company'),
    job_title: text('job_title'),
    website: text('website', 500),
    status: {
      type: 'choice',
      column: 'status',
      choices: ['new', 'contacted', 'qualified', 'unqualified'],
      empty: 'new',
    },
    source: { type: 'choice', column: 'source', choices: [...SOURCES] },
    rating: { type: 'choice', column: 'rating', choices: [...LEAD_RATINGS] },
    estimated_value: { type: 'money', column: 'estimated_value' },
    currency: { type: 'currency', column: 'currency' },
    description: text('description', 10_000, { empty: '' }),
    last_contacted_at: { type: 'datetime', column: 'last_contacted_at' },
    next_follow_up_at: { type: 'datetime', column: 'next_follow_up_at' },
    owner: { type: 'owner', column: 'owner_id' },
    tags: { type: 'tags' },
  },
  account: {
    name: text('name', 300, { required: true }),
    website: text('website', 500),
    domain: { type: 'domain', column: 'domain' },
    industry: text('industry'),
    phone: text('phone', 50),
    email: { type: 'email', column: 'email' },
    employees: { type: 'integer', column: 'employees' },
    annual_revenue: { type: 'money', column: 'annual_revenue' },
    description: text('description', 10_000, { empty: '' }),
    owner: { type: 'owner', column: 'owner_id' },
    tags: { type: 'tags' },
  },
  contact: {
    first_name: text('first_name', 200, { empty: '' }),
    last_name: text('last_name', 200, { required: true }),
    email: { type: 'email', column: 'email' },
    phone: text('phone', 50),
    mobile: text('mobile', 50),
    job_title: text('job_title'),
    department: text('department'),
    account: { type: 'account', column: 'account_id' },
    do_not_contact: { type: 'boolean', column: 'do_not_contact', empty: 'false' },
    description: text('description', 10_000, { empty: '' }),
    owner: { type: 'owner', column: 'owner_id' },
    tags: { type: 'tags' },
  },
  deal: {
    name: text('name', 300, { required: true }),
    amount: { type: 'money', column: 'amount', empty: '0' },
    currency: { type: 'currency', column: 'currency' },
    account: { type: 'account', column: 'account_id' },
    primary_contact: { type: 'contact', column: 'primary_contact_id' },
    pipeline: { type: 'pipeline', column: 'pipeline_id' },
    stage: { type: 'stage', column: 'stage_id', required: true },
    // Open, won or lost, as Pipedrive exports a deal's status beside the stage it was in.
    status: { type: 'outcome', choices: [...STAGE_KINDS] },
    expected_close_date: { type: 'date', column: 'expected_close_date' },
    // When a won or lost deal closed; an open deal has no close time.
    closed_at: { type: 'datetime', column: 'closed_at' },
    source: { type: 'choice', column: 'source', choices: [...SOURCES] },
    description: text('description', 10_000, { empty: '' }),
    owner: { type: 'owner', column: 'owner_id' },
    tags: { type: 'tags' },
  },
};

/**
 * Header names, folded (lower case, letters and digits only), that mean a field: Rampart's
 * own, then those of HubSpot, Salesforce, Pipedrive and Zoho exports.
 */
const SYNONYMS: Record<string, string[]> = {
  first_name: ['firstname', 'first', 'givenname', 'forename', 'personfirstname'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'personlastname'],
  email: [
    'email',
    'emailaddress',
    'mail',
    'workemail',
    'personemail',
    'primaryemail',
    'emailwork',
    'accountemail',
  ],
  phone: [
    'phone',
    'phonenumber',
    'telephone',
    'tel',
    'workphone',
    'businessphone',
    'personphone',
    'phonework',
    'accountphone',
  ],
  mobile: ['mobile', 'mobilephone', 'mobilephonenumber', 'cell', 'cellphone', 'phonemobile'],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'organizationname',
    'account',
  ],
  job_title: ['jobtitle', 'title', 'position', 'role', 'designation', 'personjobtitle'],
  department: ['department', 'dept'],
  website: ['website', 'websiteurl', 'url', 'web', 'companywebsite', 'homepage'],
  domain: ['domain', 'companydomainname', 'companydomain', 'domainname', 'emaildomain'],
  status: ['status', 'leadstatus', 'leadstatus1'],
  source: ['source', 'leadsource', 'originalsource', 'sourcechannel'],
  rating: ['rating', 'leadrating', 'priority'],
  estimated_value: ['estimatedvalue', 'value', 'leadvalue'],
  description: ['description', 'notes', 'note', 'comments', 'about'],
  last_contacted_at: ['lastcontacted', 'lastcontactedat', 'lastactivitydate', 'lastactivity'],
  next_follow_up_at: ['nextfollowup', 'nextfollowupat', 'nextactivitydate', 'nextactivity'],
  owner: [
    'owner',
    'owneremail',
    'contactowner',
    'companyowner',
    'leadowner',
    'accountowner',
    'dealowner',
    'opportunityowner',
    'recordowner',
    'assignedto',
  ],
  tags: ['tags', 'tag', 'labels', 'label'],
  name: [
    'name',
    'accountname',
    'companyname',
    'company',
    'organizationname',
    'dealname',
    'opportunityname',
    'title',
    'dealtitle',
  ],
  industry: ['industry', 'sector'],
  employees: ['employees', 'numberofemployees', 'employeecount', 'noofemployees'],
  annual_revenue: ['annualrevenue', 'revenue'],
  currency: ['currency', 'currencycode', 'currencyisocode', 'dealcurrency', 'opportunitycurrency'],
  account: [
    'account',
    'accountname',
    'company',
    'companyname',
    'companyaccount',
    'organization',
    'organizationname',
    'associatedcompany',
  ],
  do_not_contact: [
    'donotcontact',
    'donotcall',
    'emailoptout',
    'unsubscribed',
    'hasoptedoutofemail',
  ],
  amount: ['amount', 'dealvalue', 'value', 'dealamount', 'opportunityamount'],
  primary_contact: [
    'primarycontact',
    'contactemail',
    'contact',
    'contactperson',
    'primarycontactemail',
    'contactname',
  ],
  pipeline: ['pipeline', 'dealpipeline', 'pipelinename'],
  stage: ['stage', 'dealstage', 'stagename', 'salesstage'],
  closed_at: [
    'closedat',
    'closedon',
    'dealclosedon',
    'closetime',
    'dateclosed',
    'actualclosedate',
    'wontime',
    'losttime',
  ],
  expected_close_date: ['closedate', 'expectedclosedate', 'expectedclosingdate', 'closingdate'],
};

/**
 * Synonyms that mean a field of one kind only: a deal's name is its own, and a column such as
 * Salesforce's `Account Name` in an opportunities export is the deal's account.
 */
const KIND_SYNONYMS: Partial<Record<RecordType, Record<string, string[]>>> = {
  deal: { name: ['name', 'dealname', 'opportunityname', 'title', 'dealtitle'] },
  // Pipedrive's `Lead - Title` says what the lead is about, not the person's job: a lead has no
  // title in Rampart, and its description is where that goes.
  lead: { description: [...SYNONYMS['description']!, 'leadtitle'] },
};

/**
 * Headers of a kind that mean only what its synonyms say: `Lead - Title` is not a `Title`
 * (a job title) once its prefix is dropped, even when the description is taken.
 */
const WHOLE_HEADERS: Partial<Record<RecordType, string[]>> = { lead: ['leadtitle'] };

/** What exports put before a field's name: `Person - Email - Work`, `Deal - Value`. */
const ENTITY_PREFIX =
  /^(person|contact|lead|account|company|organization|organisation|deal|opportunity)(?=.)/;

/** A custom field as a mapping's `field`: `cf.<key>`. */
export const CUSTOM_FIELD_PREFIX = 'cf.';
export const customFieldName = (key: string) => `${CUSTOM_FIELD_PREFIX}${key}`;

/**
 * What a list export puts after the label of a custom field named like a built-in column
 * (`Status (custom)` beside `status`), so that each header of the file names one field; a
 * header with it is read back as the field's label.
 */
export const CUSTOM_HEADER_SUFFIX = ' (custom)';

export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A field for each header the kind knows a name for, each field taken once, exact names
 * before synonyms. Headers it does not recognize are left out (null).
 */
export function suggestMapping(
  kind: RecordType,
  headers: string[],
  custom: ReadonlyArray<{ key: string; label: string }> = [],
): (string | null)[] {
  const fields: Record<string, unknown> = {
    ...IMPORT_FIELDS[kind],
    ...Object.fromEntries(custom.map((field) => [customFieldName(field.key), field])),
  };
  const customFolded = new Map(
    custom.map((field) => [
      customFieldName(field.key),
      [
        foldHeader(field.label),
        foldHeader(field.key),
        foldHeader(field.label + CUSTOM_HEADER_SUFFIX),
      ],
    ]),
  );
  const synonyms = (field: string) => KIND_SYNONYMS[kind]?.[field] ?? SYNONYMS[field] ?? [];
  const taken = new Set<string>();
  const folded = headers.map(foldHeader);
  const suggestion: (string | null)[] = headers.map(() => null);
  const claim = (matches: (field: string, header: string) => boolean) => {
    folded.forEach((header, index) => {
      if (suggestion[index]) return;
      const field = Object.keys(fields).find((f) => !taken.has(f) && matches(f, header));
      if (field) {
        suggestion[index] = field;
        taken.add(field);
      }
    });
  };
  claim((field, header) => foldHeader(field) === header);
  // A custom field by its label or key, before the synonyms of the built-in fields.
  claim((field, header) => customFolded.get(field)?.includes(header) ?? false);
  claim((field, header) => synonyms(field).includes(header));
  claim((field, header) => {
    if (WHOLE_HEADERS[kind]?.includes(header)) return false;
    const bare = header.replace(ENTITY_PREFIX, '');
    return bare !== header && (foldHeader(field) === bare || synonyms(field).includes(bare));
  });
  return suggestion;
}
