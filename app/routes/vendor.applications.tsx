// Applications that chose this vendor's packages: reference, the shop's name, package, status and amounts only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmAction } from '../components/confirm-action';
import { FormErrorSummary } from '../components/forms';
import { reportDeploymentMessage } from '../components/confirm-messages';
import { Money } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { businessNames, pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { optionalText } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { reportDeployment } from '../services/claims.server';
import { listVendorApplications } from '../services/vendors.server';
import { readPage } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:applicationsTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const page = readPage(request);
  return json(await listVendorApplications({ db: context.db, userId: user.id, page }));
}

const reportSchema = z.object({
  reference: z.string().regex(/^DTS-\d{4}-\d{6}$/),
  note: optionalText({ max: 1000, multiline: true }).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const parsed = await readSubmission(request, context, reportSchema);
  if (!parsed.ok) return parsed.reply;
  const result = await reportDeployment({
    db: context.db,
    vendorUserId: user.id,
    reference: parsed.data.reference,
    note: parsed.data.note,
  });
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    return reply(parsed.form, { status: 409, message: 'applications:stale' });
  }
  return redirect(`/vendor/applications?reported=${parsed.data.reference}`);
}

export default function VendorApplications() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <AppLink to="/vendor">{t('common:vendorHome.title')}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('vendor:applicationsTitle')}</h1>
      <p className="hint">{t('vendor:applicationsPrivacy')}</p>
      {params.get('reported') ? (
        <div className="notice notice--success" role="status">
          {t('claims:reportedNotice', { reference: params.get('reported') })}
        </div>
      ) : null}
      {data.rows.length === 0 ? (
        <p>{t('vendor:noApplications')}</p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('applications:reference')}</th>
              <th scope="col">{t('enquiries:business')}</th>
              <th scope="col">{t('catalogue:package')}</th>
              <th scope="col">{t('applications:status')}</th>
              <th scope="col">{t('catalogue:eligibleCost')}</th>
              <th scope="col">{t('catalogue:programmePays')}</th>
              <th scope="col">{t('applications:submittedOn')}</th>
              <th scope="col">{t('claims:deploymentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.reference}>
                <td data-label={t('applications:reference')}>{row.reference}</td>
                <td data-label={t('enquiries:business')}>
                  {businessNames({ en: row.enterpriseNameEn, zh: row.enterpriseNameZh }, locale).map((name, index) =>
                    index === 0 ? (
                      <span key={index}>{name}</span>
                    ) : (
                      <span key={index} className="hint">
                        <br />
                        {name}
                      </span>
                    ),
                  )}
                </td>
                <td data-label={t('catalogue:package')}>{pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn }, locale)}</td>
                <td data-label={t('applications:status')}>{t(`applications:statuses.${row.status}`)}</td>
                <td data-label={t('catalogue:eligibleCost')}>
                  <Money cents={row.costCents} />
                </td>
                <td data-label={t('catalogue:programmePays')}>
                  <Money cents={row.programmeCents} />
                </td>
                <td data-label={t('applications:submittedOn')}>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
                <td data-label={t('claims:deploymentColumn')}>
                  {row.status === 'approved' ? (
                    <ConfirmAction
                      id={`report-${row.reference}`}
                      confirmPath={`/vendor/applications/${row.reference}/report`}
                      label={t('claims:reportDeployment')}
                      className="button button--small"
                      action="/vendor/applications"
                      title={t('claims:confirmReportTitle', { reference: row.reference })}
                      message={reportDeploymentMessage(t, { reference: row.reference })}
                      confirmLabel={t('claims:confirmReportButton')}
                      busy={busy}
                    >
                      <input type="hidden" name="reference" value={row.reference} />
                    </ConfirmAction>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
