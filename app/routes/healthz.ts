// Liveness and readiness for load balancers: the app answers and the database responds.
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { sql } from 'kysely';

export async function loader({ context }: LoaderFunctionArgs) {
  const started = Date.now();
  try {
    await sql`select 1`.execute(context.db);
    return json({ app: 'up', database: 'up', dbLatencyMs: Date.now() - started }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return json({ app: 'up', database: 'down' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
