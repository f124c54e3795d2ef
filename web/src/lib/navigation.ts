/** Where to go after signing in: the `next` parameter when it is a path on this site. */
export function nextPath(url: URL): string {
  const next = url.searchParams.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

/** The sign-in page, remembering where the visitor was headed. */
export function signInPath(from: URL): string {
  const here = from.pathname + from.search;
  return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}
