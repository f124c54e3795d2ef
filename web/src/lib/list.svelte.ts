import { goto } from '$app/navigation';
import { page } from '$app/state';
import { AddedEarly } from './added-early';
import { asApiError, type ApiError } from './api';
import { formatDate, mailto, tel } from './format';
import { toasts } from './toast.svelte';

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  /** How many records match, when the list asked with `count`. */
  total?: number;
}

/** What a list asks the API for: `q`, `sort` and any filters, without the cursor. */
export type ListQuery = Record<string, string | string[] | undefined>;

/** A column of a list table. */
export interface Column<Row> {
  key: string;
  label: string;
  value: (row: Row) => string;
  /** The API's sort key for this column, when the list can be sorted by it. */
  sort?: string;
  /** Shown until the person chooses otherwise. */
  visible?: boolean;
  /** Makes the value a link, such as `tel:` or `mailto:`. */
  href?: (row: Row) => string | null;
  /**
   * The columns of the list's CSV export that hold what this column shows, when its key is
   * not one of them: a name shown from first and last name, an amount with its currency.
   */
  exportAs?: readonly string[];
}

/** A column of email addresses, each a `mailto:` link. */
export function emailColumn<Row>(
  value: (row: Row) => string | null,
  extra: Partial<Column<Row>> = {},
): Column<Row> {
  return {
    key: 'email',
    label: 'Email',
    value: (row) => value(row) ?? '',
    href: (row) => mailto(value(row)),
    ...extra,
  };
}

/** A column of phone numbers, each a `tel:` link. */
export function phoneColumn<Row>(
  value: (row: Row) => string | null,
  extra: Partial<Column<Row>> = {},
): Column<Row> {
  return {
    key: 'phone',
    label: 'Phone',
    value: (row) => value(row) ?? '',
    href: (row) => tel(value(row)),
    visible: false,
    ...extra,
  };
}

/** A record's tags, by name; hidden until chosen. */
export function tagsColumn<Row extends { tags: readonly { name: string }[] }>(): Column<Row> {
  return {
    key: 'tags',
    label: 'Tags',
    value: (row) => row.tags.map((t) => t.name).join(', '),
    visible: false,
  };
}

/** When a record was created, sortable. */
export function createdColumn<Row extends { created_at: string }>(
  extra: Partial<Column<Row>> = {},
): Column<Row> {
  return {
    key: 'created',
    label: 'Created',
    sort: 'created_at',
    exportAs: ['created_at'],
    value: (row) => formatDate(row.created_at),
    ...extra,
  };
}

/** Reads one page of a list from the API. */
export type PageReader<T> = (
  query: ListQuery & { cursor?: string },
  signal: AbortSignal,
) => Promise<Page<T>>;

/**
 * One list's rows, paged by the API's cursor. Changing the query starts again from the
 * first page; an answer to an older query is dropped, so fast typing never shows stale rows.
 */
export class RecordList<T extends { id: string }> {
  rows = $state<T[]>([]);
  next = $state<string | null>(null);
  loading = $state(true);
  error = $state<ApiError | null>(null);
  /** Set once the first page of the current query has arrived. */
  loaded = $state(false);
  /** How many records match the current query, when the API said so. */
  total = $state<number | null>(null);

  #fetch: PageReader<T>;
  #controller: AbortController | null = null;
  #query: ListQuery = {};
  #addedEarly = new AddedEarly<T>();

  constructor(fetch: PageReader<T>) {
    this.#fetch = fetch;
  }

  /** The query the rows were read with: what an export of the list takes. */
  get query(): ListQuery {
    return this.#query;
  }

  load(query: ListQuery): Promise<void> {
    this.#query = query;
    this.loaded = false;
    this.#addedEarly.clear();
    return this.#read(undefined);
  }

  loadMore(): Promise<void> {
    return this.next ? this.#read(this.next) : Promise.resolve();
  }

  reload(): Promise<void> {
    return this.load(this.#query);
  }

  /** Shows a record created on this page at the top, before the next reload places it. */
  prepend(row: T): void {
    this.rows = this.#addedEarly.add(this.rows, row);
    if (this.total !== null) this.total += 1;
  }

  async #read(cursor: string | undefined): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch({ ...this.#query, cursor }, controller.signal);
      if (cursor) {
        this.rows = [...this.rows, ...page.data];
      } else {
        // Records created here while the first page was on its way stay, and are counted.
        this.rows = this.#addedEarly.take(page.data);
        const early = this.rows.length - page.data.length;
        this.total = typeof page.total === 'number' ? page.total + early : null;
      }
      this.next = page.next_cursor;
      this.loaded = true;
    } catch (caught) {
      if (controller.signal.aborted) return;
      const error = asApiError(caught);
      if (cursor && error.status === 400 && 'cursor' in error.fields) {
        // The list's order moved under the next page (its sort's option or field changed):
        // where it stood is unknown, so it is read again from the top rather than shown broken.
        toasts.show('The list changed while you were reading it; it starts again from the top');
        void this.reload();
        return;
      }
      this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }
}

/**
 * Shows a list's query in the address, so that reloading, sharing or coming back to the page
 * shows the same list; empty values are left out. A replacing navigation, not shallow routing:
 * the router remembers a shallow entry by the address it had before, so the back button would
 * bring the list back without its query.
 */
export function keepInAddress(query: Record<string, unknown>): void {
  const url = new URL(page.url);
  url.search = '';
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && value) url.searchParams.set(key, value);
  }
  if (url.href !== page.url.href)
    void goto(url, { replaceState: true, keepFocus: true, noScroll: true });
}

/**
 * For an `$effect` that reloads a list when its search or filters change: the first run goes at
 * once, later ones wait for a pause in typing. Returns the effect's cleanup.
 */
export function afterPause(): (run: () => void) => () => void {
  let delay = 0;
  return (run) => {
    const timer = setTimeout(run, delay);
    delay = 200;
    return () => clearTimeout(timer);
  };
}
