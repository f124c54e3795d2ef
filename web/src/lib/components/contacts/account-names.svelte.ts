import { call, client } from '$lib/api';
import { session } from '$lib/session.svelte';

/**
 * Account names by id, for lists of contacts and deals that carry only `account_id`.
 * Each unknown id is read once, a few at a time.
 */
class AccountNames {
  names = $state<Record<string, string>>({});
  #asked = new Set<string>();
  #orgId: string | null = null;

  name(id: string | null): string {
    return id ? (this.names[id] ?? '') : '';
  }

  remember(id: string, name: string): void {
    this.#asked.add(id);
    this.names[id] = name;
  }

  async need(ids: readonly (string | null)[]): Promise<void> {
    const orgId = session.me?.org.id ?? null;
    if (orgId !== this.#orgId) {
      this.#orgId = orgId;
      this.clear();
    }
    const missing = [...new Set(ids)].filter(
      (id): id is string => id !== null && !this.#asked.has(id),
    );
    for (const id of missing) this.#asked.add(id);
    const queue = [...missing];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          const account = await call(
            client.GET('/api/v1/accounts/{account_id}', { params: { path: { account_id: id } } }),
          );
          this.names[id] = account.name;
        } catch {
          // Deleted or out of reach: shown without a name, asked again another time.
          this.#asked.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }

  /** Forgets everything, when the organization changes. */
  clear(): void {
    this.names = {};
    this.#asked.clear();
  }
}

export const accountNames = new AccountNames();
