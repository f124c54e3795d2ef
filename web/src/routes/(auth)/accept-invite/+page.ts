import { asApiError, call, publicClient, type ApiResult } from '$lib/api';
import type { PageLoad } from './$types';

/** GET /api/v1/invitations/preview */
export type InvitationPreview = ApiResult<'/api/v1/invitations/preview', 'get'>;

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const token = url.searchParams.get('token') ?? '';
  if (!token) return { token, preview: null, problem: 'missing' as const };
  try {
    const preview: InvitationPreview = await call(
      publicClient.GET('/api/v1/invitations/preview', { params: { query: { token } } }),
    );
    return { token, preview, problem: null };
  } catch (caught) {
    const error = asApiError(caught);
    const known = error.status >= 400 && error.status < 500 && error.status !== 429;
    return { token, preview: null, problem: known ? ('invalid' as const) : error.message };
  }
};
