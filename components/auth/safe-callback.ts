// Where to go after signing in: only ever a page of this site. The target is resolved the way a browser would
// (backslashes, tabs and newlines included: `/\evil.example` and `/<tab>/evil.example` are other sites) and
// kept only when it stays on the site's origin; anything else, an array from a repeated query parameter
// included, is the home page.
const HOME = '/';

export function safeCallbackPath(target: unknown, siteOrigin = 'http://site.invalid'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2048) return HOME;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(siteOrigin);
    resolved = new URL(target, base);
  } catch {
    return HOME;
  }
  if (resolved.origin !== base.origin) return HOME;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // Belt and braces: a path that a second resolution could still read as another host.
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : HOME;
}
