// The public pages: the same for every visitor of a language, so rendered once and served from memory (page-cache.server).
// A visitor's copy of them carries no CSRF token (nothing on them posts; the language switch is a GET for visitors).

export function isPublicPage(pathname: string): boolean {
  return pathname === '/' || pathname === '/solutions' || /^\/solutions\/\d{1,9}$/.test(pathname);
}
