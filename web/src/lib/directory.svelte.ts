import { call, client, type ApiResult } from './api';
import { session } from './session.svelte';

export type Member = ApiResult<'/api/v1/members', 'get'>['data'][number];
export type Tag = ApiResult<'/api/v1/tags', 'get'>['data'][number];
export type CustomField = ApiResult<'/api/v1/custom-fields', 'get'>['data'][number];

/**
 * The organization's members, tags and custom fields, which filters, owners, bulk actions and
 * record pages name by id or key. Read once per organization and shared by every page.
 */
class Directory {
  members = $state<Member[]>([]);
  tags = $state<Tag[]>([]);
  /** The active custom fields of every kind, in their order. */
  fields = $state<CustomField[]>([]);
  #orgId: string | null = null;

  load(): void {
    const orgId = session.me?.org.id ?? null;
    if (!orgId || orgId === this.#orgId) return;
    this.#orgId = orgId;
    this.members = [];
    this.tags = [];
    call(client.GET('/api/v1/members'))
      .then((answer) => (this.members = answer.data))
      .catch(() => (this.#orgId = null));
    call(client.GET('/api/v1/tags'))
      .then((answer) => (this.tags = answer.data))
      .catch(() => (this.#orgId = null));
    this.reloadFields();
  }

  /** Reads the custom fields again, after an admin changed them. */
  reloadFields(): void {
    call(client.GET('/api/v1/custom-fields'))
      .then((answer) => (this.fields = answer.data))
      .catch(() => (this.#orgId = null));
  }

  fieldsOf(kind: CustomField['record_type']): CustomField[] {
    return this.fields.filter((field) => field.record_type === kind);
  }

  memberName(userId: string | null): string {
    if (!userId) return '';
    return this.members.find((member) => member.user_id === userId)?.name ?? '';
  }
}

export const directory = new Directory();
