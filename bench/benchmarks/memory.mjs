// The API process's peak resident memory (the kernel's VmHWM) over the RLS list benchmark: it
// starts fresh for that benchmark, so the figure covers start-up and the load.
import { run as rlsList } from './rls-list.mjs';

export async function run(context) {
  const list = context.results.get('rls-list') ?? (await rlsList(context));
  return {
    peak_rss_mb: list.peak_rss_mb,
    table: [{ process: 'API (child process)', 'peak RSS MB': list.peak_rss_mb }],
  };
}
