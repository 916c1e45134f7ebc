// Renders each document, with security headers and a per-response CSP nonce.
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isRouteErrorResponse } from '@remix-run/router';
import { renderToString } from 'react-dom/server';
import { isConnectionError } from '../db/client';
import { BusyError } from './lib/limiter';
import { logError } from './lib/logging.server';
import { NonceContext } from './lib/nonce';
import { newNonce } from './lib/nonce.server';
import { RequestIdContext } from './lib/request-id';
import { noteUnavailable } from './lib/unavailable.server';

const ABORT_DELAY = 5_000;

function securityHeaders(headers: Headers, nonce: string) {
  headers.set(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  );
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * Every unexpected error of a loader, action or render, logged once with its stack and the request id. Thrown
 * Responses (404, 403 …) are answers, not errors, and Remix does not pass them here. A database that is away, or a
 * full password queue, is noted on the request instead (the server answers 503; the pool reconnects by itself), with
 * one line rather than a stack per request.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return; // the visitor left; nothing went wrong on our side
  if (isConnectionError(error) || error instanceof BusyError) {
    noteUnavailable(context);
    console.warn(`[unavailable] ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return;
  }
  // The router's own answers (no route matches: 404, method not allowed: 405) are not faults; the request line shows them.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(error, { requestState: context.requestState });
};

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  response.headers.set('X-Content-Type-Options', 'nosniff');
  // Page data (`?_data=`) carries what the session may see, like the page itself: never kept by a browser or proxy.
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
};

// Rendered to one string, not a stream: no route defers data or suspends (no `defer`, `<Await>`, `Suspense` or `lazy` in
// app/), so the whole document is ready at once, and a stream only added work per request — a PassThrough, a web
// ReadableStream, a TextEncoder pass over each 2 kB chunk and one socket write per chunk (syscalls are dear on these
// machines). The string goes out in a single write. A route that starts to defer data must bring the stream back.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = newNonce();
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RequestIdContext.Provider value={loadContext.requestState?.requestId}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestIdContext.Provider>
    </NonceContext.Provider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  responseHeaders.set('Cache-Control', 'no-store');
  securityHeaders(responseHeaders, nonce);
  // As bytes: a string body is first checked for lone surrogates (a pass over the whole document) and then encoded by
  // the web Response; Buffer.from encodes it natively in one pass.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}
