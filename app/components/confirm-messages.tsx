// What each irreversible action will do, in the words both the confirm page and the dialog use, and the fields
// each one posts.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format';

export function approveApplicationMessage(
  t: TFunction,
  { programmeCents, remainingCents }: { programmeCents: number; remainingCents: number },
) {
  return t('officer:confirmApproveMessage', {
    amount: formatMoney(programmeCents),
    remaining: formatMoney(Math.max(0, remainingCents - programmeCents)),
  });
}

export function ApproveApplicationFields({ status, idPrefix }: { status: string; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="expectedStatus" value={status} />
      <div className="field">
        <label htmlFor={`${idPrefix}-approve-note`}>{t('officer:noteOptional')}</label>
        <textarea id={`${idPrefix}-approve-note`} name="note" rows={2} maxLength={2000} />
      </div>
    </>
  );
}

export function approveClaimMessage(t: TFunction, { payableCents, business }: { payableCents: number; business: string }) {
  return t('claims:confirmApproveMessage', { amount: formatMoney(payableCents), business });
}

export function releasePaymentMessage(t: TFunction, { amountCents, account }: { amountCents: number; account: string | null }) {
  return account
    ? t('claims:confirmReleaseMessage', { amount: formatMoney(amountCents), account })
    : t('claims:confirmReleaseNoAccount', { amount: formatMoney(amountCents) });
}

export function reportDeploymentMessage(t: TFunction, { reference }: { reference: string }) {
  return t('claims:confirmReportMessage', { reference });
}
