import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { asApiError, type ApiError } from './api';

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
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

  #fetch: PageReader<T>;
  #controller: AbortController | null = null;
  #query: ListQuery = {};

  constructor(fetch: PageReader<T>) {
    this.#fetch = fetch;
  }

  load(query: ListQuery): Promise<void> {
    this.#query = query;
    this.loaded = false;
    return this.#read(undefined);
  }

  loadMore(): Promise<void> {
    return this.next ? this.#read(this.next) : Promise.resolve();
  }

  reload(): Promise<void> {
    return this.load(this.#query);
  }

  async #read(cursor: string | undefined): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch({ ...this.#query, cursor }, controller.signal);
      this.rows = cursor ? [...this.rows, ...page.data] : page.data;
      this.next = page.next_cursor;
      this.loaded = true;
    } catch (caught) {
      if (controller.signal.aborted) return;
      this.error = asApiError(caught);
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }
}

/**
 * Shows a list's query in the address, so that reloading or sharing the page shows the same
 * list; empty values are left out.
 */
export function keepInAddress(query: Record<string, unknown>): void {
  const url = new URL(page.url);
  url.search = '';
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && value) url.searchParams.set(key, value);
  }
  if (url.href !== page.url.href) replaceState(url, {});
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
