import { call, client } from '$lib/api';
import { session } from '$lib/session.svelte';

/** Owners and admins manage the organization; members read what they may and change themselves. */
export function isAdmin(): boolean {
  const role = session.me?.role;
  return role === 'owner' || role === 'admin';
}

/** Whether email leaves the server; without SMTP, admins read invitations in the outbox. */
class Mail {
  smtp = $state<boolean | null>(null);
  #orgId: string | null = null;

  load(): void {
    const orgId = session.me?.org.id ?? null;
    if (!orgId || !isAdmin() || orgId === this.#orgId) return;
    this.#orgId = orgId;
    call(client.GET('/api/v1/outbox/status'))
      .then((status) => (this.smtp = status.smtp_configured))
      .catch(() => (this.#orgId = null));
  }
}

export const mail = new Mail();

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Copies text, answering whether it worked (the clipboard needs a secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An admin's list of background work (exports, restores), newest first, read again every
 * second while the newest is still queued or running.
 */
export class PolledList<T extends { status: string }> {
  items = $state<T[] | null>(null);
  readonly active = $derived(
    this.items?.[0]?.status === 'queued' || this.items?.[0]?.status === 'running',
  );
  readonly #load: () => Promise<{ data: T[] }>;

  /** To be made while a component is set up: it reads and polls for the component's life. */
  constructor(load: () => Promise<{ data: T[] }>) {
    this.#load = load;
    $effect(() => {
      if (isAdmin()) this.read();
    });
    $effect(() => {
      if (!this.active) return;
      const timer = setInterval(() => this.read(), 1000);
      return () => clearInterval(timer);
    });
  }

  read(): void {
    this.#load()
      .then((answer) => (this.items = answer.data))
      .catch(() => (this.items = null));
  }

  /** Shows work just started before the next read. */
  add(item: T): void {
    this.items = [item, ...(this.items ?? [])];
  }
}
