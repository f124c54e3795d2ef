import { call, client, type ApiResult } from './api';
import { session } from './session.svelte';

export type Member = ApiResult<'/api/v1/members', 'get'>['data'][number];
export type Tag = ApiResult<'/api/v1/tags', 'get'>['data'][number];

/**
 * The organization's members and tags, which filters, owners and bulk actions name by id.
 * Read once per organization and shared by every page.
 */
class Directory {
  members = $state<Member[]>([]);
  tags = $state<Tag[]>([]);
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
  }

  memberName(userId: string | null): string {
    if (!userId) return '';
    return this.members.find((member) => member.user_id === userId)?.name ?? '';
  }
}

export const directory = new Directory();
