import { api, asApiError } from '$lib/api';
import type { Role } from '$lib/session.svelte';
import type { PageLoad } from './$types';

/** GET /api/v1/invitations/preview */
export interface InvitationPreview {
  org: { name: string };
  email: string;
  role: Role;
  account_exists: boolean;
}

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const token = url.searchParams.get('token') ?? '';
  if (!token) return { token, preview: null, problem: 'missing' as const };
  try {
    const preview = await api<InvitationPreview>('/invitations/preview', {
      query: { token },
      auth: false,
    });
    return { token, preview, problem: null };
  } catch (caught) {
    const error = asApiError(caught);
    const known = error.status >= 400 && error.status < 500 && error.status !== 429;
    return { token, preview: null, problem: known ? ('invalid' as const) : error.message };
  }
};
