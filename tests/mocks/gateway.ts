// msw stand-ins for the outside HTTP services (e-mail/SMS gateway, payment service). Like real ones, they accept each
// idempotency key once; a repeat of a key already accepted is answered 409 and not processed again.
import { delay, http, HttpResponse } from 'msw';

export type GatewayMode = 'ok' | 'flaky' | 'slow';

export function createGateway(url: string) {
  const accepted = new Map<string, unknown>();
  const state = { mode: 'ok' as GatewayMode, requests: 0, duplicates: 0, failures: 0, timeouts: 0 };
  const handler = http.post(url, async ({ request }) => {
    state.requests++;
    const key = request.headers.get('Idempotency-Key');
    if (!key) return HttpResponse.json({ error: 'missing key' }, { status: 400 });
    if (accepted.has(key)) {
      state.duplicates++;
      return HttpResponse.json({ status: 'duplicate' }, { status: 409 });
    }
    // Flaky: every other request fails before anything is processed.
    if (state.mode === 'flaky' && state.requests % 2 === 0) {
      state.failures++;
      return HttpResponse.json({ error: 'unavailable' }, { status: 500 });
    }
    accepted.set(key, await request.json());
    if (state.mode === 'slow' && state.requests % 3 !== 0) {
      // Processed, but the answer comes too late: the caller times out and must not cause a second delivery.
      state.timeouts++;
      await delay(2_000);
    }
    return HttpResponse.json({ status: 'queued' }, { status: 202 });
  });
  return { handler, accepted, state };
}
