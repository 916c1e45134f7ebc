// The answer while the database is away (or the process is too busy): a 503 page that needs no database.
import type { AppLoadContext } from '@remix-run/node';
import { detectLocale, resources } from './i18n.server';

const RETRY_AFTER_SECONDS = 10;

// Requests that failed because the database could not be reached or the password work queue was full (noted by
// entry.server's handleError): worth trying again shortly, so a 503 rather than a 500.
const unavailable = new WeakSet<object>();

export function noteUnavailable(context: AppLoadContext): void {
  unavailable.add(context);
}

export function wasUnavailable(context: AppLoadContext): boolean {
  return unavailable.has(context);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * 503 in the visitor's language (language cookie or Accept-Language). A Remix data request (`?_data=`) gets JSON marked
 * as a thrown response, so the browser shows the error page instead of reading it as the page's data.
 */
export async function serviceUnavailable(request: Request, { stylesheet }: { stylesheet?: string } = {}): Promise<Response> {
  const locale = await detectLocale(request).catch(() => 'en' as const);
  const texts = resources[locale].common.errorPage;
  const { title, body } = texts['503'];
  const headers = new Headers({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' });
  if (new URL(request.url).searchParams.has('_data')) {
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.set('X-Remix-Catch', 'yes');
    return new Response(JSON.stringify({ message: title }), { status: 503, headers });
  }
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  headers.set('X-Content-Type-Options', 'nosniff');
  const html = `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : ''}
</head>
<body>
<main id="main" class="page">
<div class="error-page">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(new URL(request.url).pathname)}">${escapeHtml(texts.tryAgain)}</a></p>
</div>
</main>
</body>
</html>
`;
  return new Response(request.method === 'HEAD' ? null : html, { status: 503, headers });
}
