// Renders each document as a stream, with security headers and a per-response CSP nonce.
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { isConnectionError } from '../db/client';
import { NonceContext } from './lib/nonce';
import { BusyError } from './lib/limiter';
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
 * Remix's default logs every error; a database that is away, or a full password queue, is noted on the request
 * instead (the server answers 503; the pool reconnects by itself), with one line rather than a stack per request.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (isConnectionError(error) || error instanceof BusyError) {
    noteUnavailable(context);
    console.warn(`[unavailable] ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return;
  }
  if (request.signal.aborted) return;
  const inner = error && typeof error === 'object' && 'error' in error && (error as { error?: unknown }).error;
  console.error(inner || error);
};

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  response.headers.set('X-Content-Type-Options', 'nosniff');
  // Page data (`?_data=`) carries what the session may see, like the page itself: never kept by a browser or proxy.
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString('base64');
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          responseHeaders.set('Cache-Control', 'no-store');
          securityHeaders(responseHeaders, nonce);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
