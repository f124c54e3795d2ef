import { redirect } from '@sveltejs/kit';
import { signInPath } from '$lib/navigation';
import { session } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent, url }) => {
  await parent();
  if (!session.signedIn) redirect(307, signInPath(url));
  if (!session.me) {
    try {
      await session.loadMe();
    } catch (error) {
      if (!session.signedIn) redirect(307, signInPath(url));
      throw error;
    }
  }
};
