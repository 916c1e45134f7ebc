// The vendor's inbox: confirm an enquiry with a quotation at the catalogue price, or decline it with a reason.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary } from '../components/forms';
import { MatchReasonNote } from '../components/match-set';
import { Money, PriceLine } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate, formatMoney } from '../lib/format';
import { failureTable } from '../lib/failures';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { bracketed, businessNames, pickText, withGap, type Locale } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { idSchema } from '../lib/validation';
import { getCurrentSettings } from '../services/settings.server';
import { confirmEnquiry, declineEnquiry } from '../services/enquiries.server';
import { listVendorEnquiriesWithQuotations } from '../services/vendor-quotations.server';
import { pageNumber } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'enquiries:vendorTitle');

export const declineReasons = ['no_capacity', 'outside_service_area', 'package_unavailable', 'other'] as const;

const query = z.object({
  status: z.enum(['sent', 'confirmed', 'declined']).optional().catch(undefined),
  page: pageNumber(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const filters = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, settings] = await Promise.all([
    listVendorEnquiriesWithQuotations({ db: context.db, userId: user.id, ...filters }),
    getCurrentSettings(context.db),
  ]);
  return json({ ...list, status: filters.status ?? '', matchBps: settings.matchBps, capCents: settings.capCents });
}

const answerSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('confirm'), enquiryId: idSchema }),
  z.object({ intent: z.literal('decline'), enquiryId: idSchema, reason: z.enum(declineReasons, { error: 'errors:choose_reason' }) }),
]);

// Every refusal is the enquiry having moved on meanwhile; the message says how.
const failure = failureTable<string>({}, (code) => ({ status: 409, message: `enquiries:${code}` }));

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const parsed = await readSubmission(request, context, answerSchema);
  if (!parsed.ok) return parsed.reply;
  const result =
    parsed.data.intent === 'confirm'
      ? await confirmEnquiry({ db: context.db, userId: user.id, enquiryId: parsed.data.enquiryId })
      : await declineEnquiry({ db: context.db, userId: user.id, enquiryId: parsed.data.enquiryId, reason: parsed.data.reason });
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    return reply(parsed.form, failure(result.code));
  }
  return redirect(`/vendor/enquiries?answered=${parsed.data.enquiryId}`);
}

export default function VendorEnquiries() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div>
      <p>
        <AppLink to="/vendor">{t('common:vendorHome.title')}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} row={actionData?.values.enquiryId} />
      <h1>{t('enquiries:vendorTitle')}</h1>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="status">{t('enquiries:status')}</label>
          <select id="status" name="status" defaultValue={data.status}>
            <option value="">{t('enquiries:allStatuses')}</option>
            {(['sent', 'confirmed', 'declined'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`enquiries:statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('enquiries:filterButton')}
        </button>
      </Form>
      {data.rows.length === 0 ? (
        <p>{t('enquiries:vendorNone')}</p>
      ) : (
        <ul className="inbox">
          {data.rows.map((row) => (
            <li key={row.id} className="inbox-item">
              <h2 className="card-title">{pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn }, locale)}</h2>
              <p>
                {t('enquiries:from', { business: shopName({ en: row.enterpriseNameEn, zh: row.enterpriseNameZh }, locale) })} ·{' '}
                {formatDate(row.createdAt, locale)} · {t(`enquiries:statuses.${row.status}`)}
              </p>
              {row.message ? <blockquote className="message">{row.message}</blockquote> : null}
              <MatchReasonNote reason={row.matchReason} audience="vendor" />
              {row.status === 'declined' ? null : (
                <QuotationTable
                  id={row.id}
                  quotation={row.quotation}
                  title={row.quotation.locked ? t('enquiries:quotationLockedTitle') : t('enquiries:quotationTitle')}
                  hint={t('enquiries:quotationShareHint', { percent: data.matchBps / 100, cap: formatMoney(data.capCents) })}
                />
              )}
              {row.status === 'confirmed' && row.eligibleCostCents !== null ? (
                <p>
                  {withGap(t('enquiries:quoted'))}
                  <Money cents={row.eligibleCostCents} />
                </p>
              ) : null}
              {row.status === 'sent' ? (
                <div className="inbox-actions">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="enquiryId" value={row.id} />
                    <button type="submit" name="intent" value="confirm" className="button" disabled={busy}>
                      {t('enquiries:confirmButton')}
                    </button>
                  </Form>
                  <Form method="post" className="decline-form">
                    <CsrfInput />
                    <input type="hidden" name="enquiryId" value={row.id} />
                    <label htmlFor={`reason-${row.id}`}>{t('enquiries:declineReason')}</label>
                    <select id={`reason-${row.id}`} name="reason" defaultValue="">
                      <option value="">{t('enquiries:chooseReason')}</option>
                      {declineReasons.map((reason) => (
                        <option key={reason} value={reason}>
                          {t(`enquiries:declineReasons.${reason}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" name="intent" value="decline" className="button button--secondary" disabled={busy}>
                      {t('enquiries:declineButton')}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('enquiries:confirmExplains')}</p>
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

/** The shop's name as the reader expects it: the Chinese name first on Chinese pages, the other name in brackets. */
function shopName(names: { en: string; zh: string }, locale: Locale): string {
  const [first, second] = businessNames(names, locale);
  return second ? `${first}${bracketed(second, locale)}` : first;
}

type Quotation = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]['quotation'];

/** The package and each chosen feature with its price, what each counts for, the total and the split at its best. */
function QuotationTable({ id, quotation, title, hint }: { id: number; quotation: Quotation; title: string; hint: string }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const features = quotation.lines.filter((line) => line.kind === 'feature');
  return (
    <section aria-labelledby={`quotation-${id}`} className="quotation-preview">
      <h3 id={`quotation-${id}`}>{title}</h3>
      <table className="table table--reflow">
        <thead>
          <tr>
            <th scope="col">{t('enquiries:quotationItem')}</th>
            <th scope="col">{t('enquiries:quotationPrice')}</th>
            <th scope="col">{t('enquiries:quotationCounts')}</th>
          </tr>
        </thead>
        <tbody>
          {quotation.lines.map((line, index) => (
            <tr key={index}>
              <th scope="row" data-label={t('enquiries:quotationItem')}>
                {pickText({ en: line.nameEn, zhHK: line.nameZhHk, zhCN: line.nameZhCn }, locale)}{' '}
                <span className="tag">{line.kind === 'package' ? t('enquiries:quotationPackage') : t('enquiries:quotationFeature')}</span>
              </th>
              <td data-label={t('enquiries:quotationPrice')}>
                <PriceLine
                  pricingModel={line.pricingModel}
                  priceCents={line.priceCents}
                  months={quotation.maxSubscriptionMonths}
                  contractMonths={line.minContractMonths}
                />
              </td>
              <td data-label={t('enquiries:quotationCounts')}>
                <Money cents={line.costCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {features.length === 0 ? <p className="hint">{t('enquiries:noFeatures')}</p> : null}
      <dl className="split split--compact">
        <div>
          <dt>{t('enquiries:quotationTotal')}</dt>
          <dd>
            <Money cents={quotation.costCents} />
          </dd>
        </div>
        <div className="split-programme">
          <dt>{t('enquiries:quotationProgrammeMax')}</dt>
          <dd>
            <Money cents={quotation.programmeMaxCents} />
          </dd>
        </div>
        <div className="split-shop">
          <dt>{t('enquiries:quotationShopMin')}</dt>
          <dd>
            <Money cents={quotation.shopMinCents} />
          </dd>
        </div>
      </dl>
      <p className="hint">{hint}</p>
    </section>
  );
}
