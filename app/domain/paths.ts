// Where the reader is, for navigation menus.

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
