import { redirect } from '@sveltejs/kit';
import { nextPath } from '$lib/navigation';
import { session } from '$lib/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  if (session.signedIn) redirect(307, nextPath(url));
};
