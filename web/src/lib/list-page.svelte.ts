import { tick, untrack } from 'svelte';
import { beforeNavigate } from '$app/navigation';
import { page } from '$app/state';
import { call, client, type ApiQuery } from './api';
import { directory } from './directory.svelte';
import { afterPause, keepInAddress, RecordList, type ListQuery, type Page } from './list.svelte';
import { RECORD_KINDS, type RecordKind } from './api/record-kinds';
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
  /**
   * The kind of record listed, for lists that keep saved views: the address may then carry
   * any filter the kind's list takes, also one this page has no control for.
   */
  kind?: RecordKind['path'];
}

/** What a list looked like when the person left it for a record: put back on their return. */
interface LeftState {
  search: string;
  scrollY: number;
  selected: string[];
  selectedAll: boolean;
}

/** The saved view a list shows: its filters as the API keeps them, sort and columns. */
export interface AppliedView {
  id: string;
  filter: Record<string, unknown>;
  sort: string | null;
  columns: string[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A saved view's filter as the text an address holds: `["new"]` becomes `new`. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.length ? String(value[0]) : '';
  return value === undefined || value === null ? '' : String(value);
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
  /** The saved view shown (`?view=` in the address), '' for none. */
  savedView = $state('');
  /** The columns shown, by key, once the table or a saved view chose them. */
  columns = $state<string[] | null>(null);
  /** How many filters are set. */
  readonly active = $derived(
    Object.values<string>(this.filters).filter((value) => value !== '').length,
  );
  readonly filtered = $derived(this.active > 0);

  #defaults: Record<F, string>;
  #defaultSort: string;
  /** The filters of the kind's list that the address may carry. */
  #known: string[];
  #left: LeftState | null = null;

  /** Whether the list shows every record in its usual order: no search, filter, sort or view. */
  get plain(): boolean {
    return (
      this.q.trim() === '' && this.sort === this.#defaultSort && !this.filtered && !this.savedView
    );
  }

  constructor(options: ListPageOptions<T, F>) {
    const params = page.url.searchParams;
    this.#defaults = options.filters;
    this.#defaultSort = options.sort ?? '';
    // The page's own state in the address (the deal page's pipeline) is not a filter here.
    const own = new Set(['q', ...Object.keys(options.address?.() ?? {})]);
    this.#known = Object.keys(
      RECORD_KINDS.find((kind) => kind.path === options.kind)?.filters ?? {},
    ).filter((key) => !own.has(key));
    this.q = params.get('q') ?? '';
    this.sort = params.get('sort') ?? this.#defaultSort;
    // `?view=` names a saved view by its id; the deal page's board (`view=board`) is no view.
    const named = params.get('view') ?? '';
    this.savedView = options.kind && UUID.test(named) ? named : '';
    this.filters = this.#filtersFrom((key) => params.get(key) ?? undefined);
    this.creating = params.get('new') === '1';
    this.list = new RecordList<T>(options.read);

    $effect(() => directory.load());
    $effect(() => onCreateShortcut(() => (this.creating = true)));
    // The command palette's "New …" lands here with ?new=1, also when the list is open.
    $effect(() => {
      if (page.url.searchParams.get('new') === '1') this.creating = true;
    });

    this.#keepStateOnLeaving();

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
      const extra = options.address?.() ?? {};
      const address = { ...query, ...extra, view: extra.view ?? (this.savedView || undefined) };
      const active = options.active?.() ?? true;
      return pause(() =>
        untrack(() => {
          this.clearSelection();
          if (active)
            void this.list.load(options.toApi?.(query) ?? query).then(() => this.#return());
          keepInAddress(address);
        }),
      );
    });
  }

  /** The page's filters, and any other of the kind's that `value` has. */
  #filtersFrom(value: (key: string) => string | undefined): Record<F, string> {
    const filters: Record<string, string> = {};
    for (const [key, none] of Object.entries<string>(this.#defaults))
      filters[key] = value(key) ?? none;
    for (const key of this.#known) {
      const given = value(key);
      if (!(key in filters) && given) filters[key] = given;
    }
    return filters as Record<F, string>;
  }

  clearFilters(): void {
    this.filters = { ...this.#defaults };
  }

  /** Shows a saved view: its filters, sort and columns replace the list's. */
  applyView(view: AppliedView): void {
    this.q = textOf(view.filter.q);
    this.sort = view.sort ?? this.#defaultSort;
    this.filters = this.#filtersFrom((key) => textOf(view.filter[key]) || undefined);
    if (view.columns) this.columns = view.columns;
    this.savedView = view.id;
  }

  /** Back to the list without a saved view. */
  leaveView(): void {
    this.q = '';
    this.sort = this.#defaultSort;
    this.clearFilters();
    this.savedView = '';
  }

  /**
   * Going to a record and back returns to the same rows, scrolled as they were and with the
   * same ones ticked: what the list was is kept for the tab when leaving the list's page, and
   * put back once the same query's rows are there again.
   */
  #keepStateOnLeaving(): void {
    const key = `rampart-list:${page.url.pathname}`;
    try {
      const left = JSON.parse(sessionStorage.getItem(key) ?? 'null') as LeftState | null;
      sessionStorage.removeItem(key);
      if (left?.search === page.url.search) this.#left = left;
    } catch {
      // Nothing to put back.
    }
    beforeNavigate(({ to }) => {
      if (to?.url.pathname === page.url.pathname) return;
      const state: LeftState = {
        search: page.url.search,
        scrollY: window.scrollY,
        selected: this.selected,
        selectedAll: this.selectedAll,
      };
      sessionStorage.setItem(key, JSON.stringify(state));
    });
  }

  async #return(): Promise<void> {
    const left = this.#left;
    if (!left || page.url.search !== left.search) return;
    this.#left = null;
    this.selected = left.selected;
    this.selectedAll = left.selectedAll;
    await tick();
    scrollBackTo(left.scrollY);
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

/** How long a page may keep growing for a return to reach where it was. */
const SETTLING_MS = 5_000;

/**
 * Scrolls the window back to `y`. Parts of the page that answer after the rows (a list's saved
 * views, its filters) can leave it too short to reach `y` at first, so the browser stops
 * short; each time the page grows it scrolls again, until it gets there, the person moves the
 * page themselves, or the page has had time to settle. Once there, the browser's scroll
 * anchoring keeps the rows in place as parts above them grow.
 */
function scrollBackTo(y: number): void {
  window.scrollTo(0, y);
  if (window.scrollY >= y - 1) return;
  const moves = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const growing = new ResizeObserver(() => {
    window.scrollTo(0, y);
    if (window.scrollY >= y - 1) stop();
  });
  const timer = setTimeout(stop, SETTLING_MS);
  function stop(): void {
    growing.disconnect();
    clearTimeout(timer);
    for (const move of moves) window.removeEventListener(move, stop);
  }
  for (const move of moves) window.addEventListener(move, stop, { passive: true });
  // The page's own content: <body> keeps the window's height however long the page is.
  growing.observe(document.querySelector('main') ?? document.body);
}
