// Confirm page for reporting a deployment (the no-JavaScript path of "Report deployed" on the vendor's applications):
// what the report sets in motion; the form posts to the applications page's action.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConfirmForm } from '../components/confirm-action';
import { reportDeploymentMessage } from '../components/confirm-messages';
import { requireRole } from '../services/session.server';
import { notFound } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { getDeploymentToReport } from '../services/claims.server';
import { parseReference } from '../lib/validation';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'claims:confirmReportTitle', { reference: data?.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const vendor = await requireRole(request, context, 'vendor');
  const reference = parseReference(params.ref);
  const application = await getDeploymentToReport({ db: context.db, vendorUserId: vendor.id, reference });
  if (!application) throw notFound();
  if (application.status !== 'approved') throw redirect('/vendor/applications');
  return json({ reference });
}

export default function ConfirmReport() {
  const { t } = useTranslation();
  const { reference } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="narrow">
      <p>
        <AppLink to="/vendor/applications">{t('vendor:applicationsTitle')}</AppLink>
      </p>
      <ConfirmForm
        action="/vendor/applications"
        headingId="confirm-title"
        title={t('claims:confirmReportTitle', { reference })}
        message={reportDeploymentMessage(t, { reference })}
        confirmLabel={t('claims:confirmReportButton')}
        busy={busy}
        cancel={
          <AppLink to="/vendor/applications" className="button button--secondary">
            {t('common:confirmCancel')}
          </AppLink>
        }
      >
        <input type="hidden" name="reference" value={reference} />
      </ConfirmForm>
    </div>
  );
}
