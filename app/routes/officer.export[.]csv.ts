// /officer/export.csv: the officers' queue as CSV, with the same filters as /officer/applications. Rows stream out a
// page at a time along the queue's keyset cursor, so a million applications never sit in memory at once.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { CSV_BOM, csvRow, type CsvValue } from '../domain/csv';
import { centsToInput } from '../domain/money';
import { requireRole } from '../services/session.server';
import { queueFiltersSchema } from '../lib/queue-filters';
import { detectLocale, serverT } from '../lib/i18n.server';
import { listQueue, type QueueCursor } from '../services/officer.server';

export const EXPORT_PAGE_SIZE = 1000;

/** Column keys: stable names for scripts and pivot tables, whatever the reader's language. */
export const exportColumns = [
  'reference',
  'status',
  'status_label',
  'business_name_en',
  'business_name_zh',
  'sector',
  'sector_label',
  'district',
  'district_label',
  'category',
  'category_label',
  'cost_hkd',
  'programme_hkd',
  'submitted_at_hkt',
  'working_days_waiting',
  'sla_breached',
  'assigned_officer',
] as const;

const HK_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-03-02 10:00" in Hong Kong time: a form every spreadsheet reads as a date and time. */
function hongKongDateTime(value: Date): string {
  return new Date(value.getTime() + HK_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'officer', 'admin');
  const filters = queueFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = serverT(await detectLocale(request, user.locale));
  const db = context.db;
  const now = new Date();
  const encoder = new TextEncoder();

  type QueueRow = Awaited<ReturnType<typeof listQueue>>['rows'][number];
  const record = (row: QueueRow): CsvValue[] => [
    row.reference,
    row.status,
    t(`applications:statuses.${row.status}`),
    row.legalNameEn,
    row.legalNameZh,
    row.sector,
    t(`common:sectors.${row.sector}`),
    row.district,
    t(`common:districts.${row.district}`),
    row.category,
    t(`common:categories.${row.category}`),
    centsToInput(row.costCents),
    centsToInput(row.programmeCents),
    row.submittedAt ? hongKongDateTime(row.submittedAt) : null,
    row.daysWaiting,
    row.slaBreached,
    row.assignedOfficerName,
  ];

  let after: QueueCursor | undefined;
  let headerSent = false;
  // pull() runs only when the client has read what was sent: one page in memory at a time, however large the export.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(exportColumns)));
        return;
      }
      const page = await listQueue({ db, officerId: user.id, filters, after, limit: EXPORT_PAGE_SIZE, now });
      if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map((row) => csvRow(record(row))).join('')));
      if (page.next) after = page.next;
      else controller.close();
    },
  });

  const day = new Date(now.getTime() + HK_OFFSET_MS).toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="matchfund-applications-${day}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
