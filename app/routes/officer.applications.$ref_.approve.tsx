// Confirm page for approving an application (the no-JavaScript path of the review page's "Approve"): what will be
// committed from the budget; the form posts to the review page's action, which checks everything again.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ApproveApplicationFields, approveApplicationMessage } from '../components/confirm-messages';
import { ConfirmForm } from '../components/confirm-action';
import { allowedActions, type ApplicationStatus } from '../domain/application-lifecycle';
import { requireRole } from '../services/session.server';
import { notFound } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { budgetPosition, getReview } from '../services/officer.server';
import { parseReference } from '../lib/validation';
import { AppLink } from '../components/app-link';
import type { SitePath } from '../domain/paths';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'officer:confirmApproveTitle', { reference: data?.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const review = await getReview({ db: context.db, officerId: officer.id, reference });
  if (!review) throw notFound();
  const status = review.application.status as ApplicationStatus;
  const canApprove =
    review.application.assignedOfficerId === officer.id &&
    !review.conflicted &&
    allowedActions({ status: review.replyReceived ? 'under_review' : status, role: 'officer' }).includes('approve');
  if (!canApprove) throw redirect(`/officer/applications/${reference}`);
  const budget = await budgetPosition(context.db);
  return json({ reference, status, programmeCents: review.application.programmeCents, remainingCents: budget.remainingCents });
}

export default function ConfirmApprove() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  const back: SitePath = `/officer/applications/${data.reference}`;
  return (
    <div className="narrow">
      <p>
        <AppLink to={back}>{t('officer:reviewTitle', { reference: data.reference })}</AppLink>
      </p>
      <ConfirmForm
        action={back}
        headingId="confirm-title"
        title={t('officer:confirmApproveTitle', { reference: data.reference })}
        message={approveApplicationMessage(t, data)}
        confirmLabel={t('officer:confirmApproveButton')}
        busy={busy}
        cancel={
          <AppLink to={back} className="button button--secondary">
            {t('common:confirmCancel')}
          </AppLink>
        }
      >
        <ApproveApplicationFields status={data.status} idPrefix="page" />
      </ConfirmForm>
    </div>
  );
}
