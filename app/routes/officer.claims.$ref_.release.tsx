// Confirm page for releasing a payment (the no-JavaScript path of "Release payment"): how much goes to which account
// (masked). Only an officer who did not prepare it, and is not linked to the business, gets this far.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConfirmForm } from '../components/confirm-action';
import { releasePaymentMessage } from '../components/confirm-messages';
import { mayReleasePayment } from '../domain/claims';
import { requireRole } from '../services/session.server';
import { notFound } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { getClaimReview } from '../services/claims.server';
import { parseReference } from '../lib/validation';
import { AppLink } from '../components/app-link';
import type { SitePath } from '../domain/paths';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'claims:confirmReleaseTitle', { reference: data?.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const review = await getClaimReview({ db: context.db, reference, officerId: officer.id });
  if (!review) throw notFound();
  const payment = review.payment;
  if (!payment || !mayReleasePayment({ payment, officerId: officer.id, conflicted: review.conflicted }))
    throw redirect(`/officer/claims/${reference}`);
  return json({ reference, amountCents: payment.amountCents, account: payment.payeeAccount });
}

export default function ConfirmRelease() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  const back: SitePath = `/officer/claims/${data.reference}`;
  return (
    <div className="narrow">
      <p>
        <AppLink to={back}>{t('claims:reviewTitle', { reference: data.reference })}</AppLink>
      </p>
      <ConfirmForm
        action={back}
        headingId="confirm-title"
        title={t('claims:confirmReleaseTitle', { reference: data.reference })}
        message={releasePaymentMessage(t, data)}
        confirmLabel={t('claims:confirmReleaseButton')}
        busy={busy}
        cancel={
          <AppLink to={back} className="button button--secondary">
            {t('common:confirmCancel')}
          </AppLink>
        }
      >
        <input type="hidden" name="intent" value="release" />
      </ConfirmForm>
    </div>
  );
}
