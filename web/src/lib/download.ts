import { call, client } from './api';
import type { ListQuery } from './list.svelte';

/** Hands the browser a file to save, as a click on a download link would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a list as CSV with the query it is shown with (search, sort, filters). The call
 * goes through the signed-in client, so it carries the access token a plain link could not.
 */
export async function downloadListCsv(path: string, query: ListQuery): Promise<void> {
  const blob = await call(
    client.GET(`/api/v1/${path}/export` as '/api/v1/leads/export', {
      params: { query: query as never },
      parseAs: 'blob',
    }),
  );
  saveFile(blob as Blob, `${path}-${new Date().toISOString().slice(0, 10)}.csv`);
}
