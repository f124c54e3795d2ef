import { untrack } from 'svelte';
import { page } from '$app/state';
import { call, client, type ApiQuery } from './api';
import { directory } from './directory.svelte';
import { afterPause, keepInAddress, RecordList, type ListQuery, type Page } from './list.svelte';
import { onCreateShortcut } from './shortcuts.svelte';

/** The lists that page by cursor and can count what matches. */
export type ListPath =
  '/api/v1/leads' | '/api/v1/accounts' | '/api/v1/contacts' | '/api/v1/deals' | '/api/v1/tasks';

/** Pages of one list from the API, 50 at a time, with the number of matching records. */
export function pagesOf<T>(path: ListPath, count = true) {
  return (query: ListQuery & { cursor?: string }, signal: AbortSignal): Promise<Page<T>> =>
    // The five list routes take and answer the same shapes of query and page.
    call(
      client.GET(path as '/api/v1/leads', {
        params: {
          query: { limit: 50, ...(count ? { count: true } : {}), ...query } as ApiQuery<
            '/api/v1/leads',
            'get'
          >,
        },
        signal,
      }),
    ) as unknown as Promise<Page<T>>;
}

export interface ListPageOptions<T, F extends string> {
  read: (query: ListQuery & { cursor?: string }, signal: AbortSignal) => Promise<Page<T>>;
  /** The sort shown until the person chooses another; none for a list without sorting. */
  sort?: string;
  /** Filters by the API's parameter name, with the value that means "any". */
  filters: Record<F, string>;
  /** Other state kept in the address (a view), read each time the query is. */
  address?: () => Record<string, string | undefined>;
  /** The query as the API takes it, when it differs from what the address shows. */
  toApi?: (query: Record<string, string | undefined>) => ListQuery;
  /** False while the list is not shown (another view of the page): nothing is read. */
  active?: () => boolean;
}

/**
 * What a bulk action acts on: the rows ticked, or every record the list's query matches (the
 * API finds them when the action runs, all or nothing).
 */
export type Selection = { ids: string[] } | { query: ListQuery; count: number };

/**
 * The state of a list page: search, sort and filters read from and kept in the address (so
 * reloading, sharing or coming back to the page shows the same list), the rows, the selection,
 * and the create dialog (`c`, and `?new=1` from the command palette). Create it while a
 * component initialises: it starts its own effects.
 */
export class ListPage<T extends { id: string }, F extends string = string> {
  readonly list: RecordList<T>;
  q = $state('');
  sort = $state('');
  filters = $state<Record<F, string>>({} as Record<F, string>);
  selected = $state<string[]>([]);
  /** Set when the selection is every matching record, not just the rows shown. */
  selectedAll = $state(false);
  creating = $state(false);
  /** How many filters are set. */
  readonly active = $derived(
    Object.values<string>(this.filters).filter((value) => value !== '').length,
  );
  readonly filtered = $derived(this.active > 0);

  #defaults: Record<F, string>;

  constructor(options: ListPageOptions<T, F>) {
    const params = page.url.searchParams;
    this.#defaults = options.filters;
    this.q = params.get('q') ?? '';
    this.sort = params.get('sort') ?? options.sort ?? '';
    this.filters = Object.fromEntries(
      Object.entries<string>(options.filters).map(([key, none]) => [key, params.get(key) ?? none]),
    ) as Record<F, string>;
    this.creating = params.get('new') === '1';
    this.list = new RecordList<T>(options.read);

    $effect(() => directory.load());
    $effect(() => onCreateShortcut(() => (this.creating = true)));
    // The command palette's "New …" lands here with ?new=1, also when the list is open.
    $effect(() => {
      if (page.url.searchParams.get('new') === '1') this.creating = true;
    });

    const pause = afterPause();
    // Any change of search, sort or filter reloads from the first page and is kept in the
    // address. Typing waits for a pause.
    $effect(() => {
      const query: Record<string, string | undefined> = {
        q: this.q.trim() || undefined,
        sort: this.sort || undefined,
      };
      for (const [key, value] of Object.entries<string>(this.filters))
        query[key] = value || undefined;
      const address = { ...query, ...options.address?.() };
      const active = options.active?.() ?? true;
      return pause(() =>
        untrack(() => {
          this.clearSelection();
          if (active) void this.list.load(options.toApi?.(query) ?? query);
          keepInAddress(address);
        }),
      );
    });
  }

  clearFilters(): void {
    this.filters = { ...this.#defaults };
  }

  clearSelection(): void {
    this.selected = [];
    this.selectedAll = false;
  }

  /** Selects every record that matches, also those not loaded yet. */
  selectAllMatching(): void {
    this.selected = this.list.rows.map((row) => row.id);
    this.selectedAll = true;
  }

  /** What a bulk action would now act on. */
  get selection(): Selection {
    return this.selectedAll
      ? { query: this.list.query, count: this.list.total ?? this.selected.length }
      : { ids: this.selected };
  }

  /** After a record was created here: shows it at once. */
  created = (row: T): void => this.list.prepend(row);
}
