import { session } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: everything renders in the browser and talks to the API.
export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async () => {
  // Bring the session back from the refresh cookie once per page load, before any page decides.
  await session.restore();
};
