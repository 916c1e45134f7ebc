// Paths of this site: where the reader is (menus), and where a page link goes.

/**
 * Whether a menu link to `to` is the current page at `pathname`: the same path, or (unless `end`) a page below it — the
 * rule React Router's <NavLink> applies, case-insensitive as it is. `/` is current only on `/` itself.
 */
export function isCurrentPath(pathname: string, to: string, end = false): boolean {
  const here = withoutTrailingSlash(pathname.toLowerCase());
  const target = withoutTrailingSlash(to.split(/[?#]/, 1)[0]!.toLowerCase());
  if (here === target) return true;
  if (end || target === '/') return false;
  return here.startsWith(target) && here.charAt(target.length) === '/';
}

function withoutTrailingSlash(path: string) {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** An absolute path of this site (with its query string, if any): what an AppLink goes to. */
export type SitePath = `/${string}`;

/**
 * Where a page link goes: the page shown, with query parameter `name` set to `value` (removed when null) and the rest
 * of its query (filters, sort) kept.
 */
export function hereWith(location: { pathname: string; search: string }, name: string, value: string | null): SitePath {
  const params = new URLSearchParams(location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const query = params.toString();
  // A router location's pathname always starts with "/".
  return `${location.pathname as SitePath}${query ? `?${query}` : ''}`;
}
