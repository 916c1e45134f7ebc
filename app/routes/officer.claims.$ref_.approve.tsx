// Confirm page for approving a claim (the no-JavaScript path of "Approve claim"): how much becomes payable to whom.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConfirmForm } from '../components/confirm-action';
import { approveClaimMessage } from '../components/confirm-messages';
import { claimReadyToApprove } from '../domain/claims';
import { requireRole } from '../services/session.server';
import { notFound } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getClaimReview } from '../services/claims.server';
import { parseReference } from '../lib/validation';
import { AppLink } from '../components/app-link';
import type { SitePath } from '../domain/paths';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'claims:confirmApproveTitle', { reference: data?.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const review = await getClaimReview({ db: context.db, reference, officerId: officer.id });
  if (!review) throw notFound();
  const ready = claimReadyToApprove({ applicationStatus: review.app.status, claim: review.claim ?? null, conflicted: review.conflicted });
  if (!ready || !review.claim) throw redirect(`/officer/claims/${reference}`);
  return json({
    reference,
    payableCents: review.claim.payableCents,
    legalNameEn: review.app.legalNameEn,
    legalNameZh: review.app.legalNameZh,
  });
}

export default function ConfirmApproveClaim() {
  const { t } = useTranslation();
  const { locale } = useRootData();
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
        title={t('claims:confirmApproveTitle', { reference: data.reference })}
        message={approveClaimMessage(t, {
          payableCents: data.payableCents,
          business: locale === 'en' ? data.legalNameEn : data.legalNameZh,
        })}
        confirmLabel={t('claims:confirmApproveButton')}
        busy={busy}
        cancel={
          <AppLink to={back} className="button button--secondary">
            {t('common:confirmCancel')}
          </AppLink>
        }
      >
        <input type="hidden" name="intent" value="approve" />
      </ConfirmForm>
    </div>
  );
}
