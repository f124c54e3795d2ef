/** The kinds of record the global search finds, and where each one's page is. */
export type RecordType = 'lead' | 'account' | 'contact' | 'deal';

const paths: Record<RecordType, string> = {
  lead: '/leads',
  account: '/accounts',
  contact: '/contacts',
  deal: '/deals',
};

export function recordPath(type: RecordType, id: string): string {
  return `${paths[type]}/${id}`;
}

export const recordLabel: Record<RecordType, string> = {
  lead: 'Lead',
  account: 'Account',
  contact: 'Contact',
  deal: 'Deal',
};
