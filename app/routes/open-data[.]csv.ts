// /open-data.csv: the public statistics of /open-data as one long table (measure, group, value); suppressed figures
// read "<5". Aggregates only, so the whole file is a few dozen lines.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvDocument, type CsvValue } from '../domain/csv';
import { centsToInput } from '../domain/money';
import { openDataSummary, type OpenCell } from '../services/dashboard.server';

export async function loader({ context }: LoaderFunctionArgs) {
  const data = await openDataSummary({ db: context.db });
  const hidden = `<${data.threshold}`;
  const cell = (c: OpenCell, text: (value: number) => CsvValue = (v) => v): CsvValue => (c.suppressed ? hidden : text(c.value));
  const money = (c: OpenCell) => cell(c, centsToInput);
  const rows: CsvValue[][] = [
    ['measure', 'group', 'value'],
    ['applications', 'all', cell(data.total)],
    ...data.byStatus.map((s): CsvValue[] => ['applications_by_status', s.status, cell(s.count)]),
    ...data.bySector.map((g): CsvValue[] => ['applications_by_sector', g.key, cell(g.count)]),
    ...data.byCategory.map((g): CsvValue[] => ['applications_by_category', g.key, cell(g.count)]),
    ['budget_hkd', 'all', centsToInput(data.money.budgetCents)],
    ['committed_hkd', 'all', money(data.money.committedCents)],
    ['approved_hkd', 'all', money(data.money.approvedCents)],
    ['paid_hkd', 'all', money(data.money.paidCents)],
    ['remaining_budget_hkd', 'all', money(data.money.remainingCents)],
    ['median_days_to_decision', 'all', cell(data.overall.medianDaysToDecision)],
    ...data.bySector.map((g): CsvValue[] => ['median_days_to_decision_by_sector', g.key, cell(g.medianDaysToDecision)]),
    ...data.byCategory.map((g): CsvValue[] => ['median_days_to_decision_by_category', g.key, cell(g.medianDaysToDecision)]),
    ['median_days_to_payment', 'all', cell(data.overall.medianDaysToPayment)],
    ...data.bySector.map((g): CsvValue[] => ['median_days_to_payment_by_sector', g.key, cell(g.medianDaysToPayment)]),
    ...data.byCategory.map((g): CsvValue[] => ['median_days_to_payment_by_category', g.key, cell(g.medianDaysToPayment)]),
  ];
  const day = new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return new Response(csvDocument(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="matchfund-open-data-${day}.csv"`,
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
