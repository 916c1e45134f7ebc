// GET /metrics: Prometheus text format, for configured addresses (METRICS_ALLOW) or a bearer token (METRICS_TOKEN).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { mayReadMetrics, metricsContentType, metricsText } from '../lib/metrics.server';
import { programmeState } from '../services/monitoring.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!mayReadMetrics({ clientIp: context.clientIp, headers: request.headers })) {
    return new Response('forbidden\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const body = await metricsText({ db: context.db, readState: () => programmeState(context.db) });
  return new Response(body, { headers: { 'Content-Type': metricsContentType, 'Cache-Control': 'no-store' } });
}
