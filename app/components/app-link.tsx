// Links to our own pages: a plain <a> that the router follows in the page (no reload) once JavaScript runs (ADR 029).
//
// Remix's <Link> resolves its `to` against the matched routes three times per render (its own useHref, React Router's
// useHref and the click handler's useNavigate/useResolvedPath, each serialising the route path list) and <NavLink>
// four times: measured on the server at ~17 µs a <Link> and ~34 µs a <NavLink>, a tenth of a signed-in catalogue page's
// CPU with its 24 links. Our links are absolute paths (the type says so), so there is nothing to resolve: an AppLink
// renders the same <a href> and sends a plain left click to the one `navigate` of the root (AppNavigation).
import { useLocation, useNavigate, type NavigateFunction } from '@remix-run/react';
import { createContext, useContext, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { isCurrentPath, type SitePath } from '../domain/paths';

const NavigateContext = createContext<NavigateFunction | null>(null);

/** Gives every AppLink below it the router's `navigate` (one hook for the whole page instead of several a link). */
export function AppNavigation({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** An absolute path of this site, with its query string if any. */
  to: SitePath;
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
};

export function AppLink({ to, replace, onClick, ...props }: AppLinkProps) {
  const navigate = useContext(NavigateContext);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!navigate || !isPlainClick(event, props.target, props.download)) return;
    event.preventDefault();
    // As React Router's <Link>: a link to the page already shown replaces its history entry.
    const here = window.location.pathname + window.location.search;
    navigate(to, { replace: replace ?? here === to });
  };
  return <a {...props} href={to} onClick={follow} />;
}

/**
 * A link of a navigation menu: marked `aria-current="page"` and `.active` while the page shown is `to` or below it (`end`:
 * only `to` itself), as <NavLink> marks it.
 */
export function MenuLink({ end = false, className, ...props }: AppLinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const current = isCurrentPath(pathname, props.to, end);
  const classes = [className, current ? 'active' : undefined].filter(Boolean).join(' ') || undefined;
  return <AppLink {...props} className={classes} aria-current={current ? 'page' : undefined} />;
}

/** A click the page should handle itself: the main button, no modifier key, the same window, not a download. */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>, target: string | undefined, download: unknown) {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) &&
    (!target || target === '_self') &&
    download === undefined
  );
}
