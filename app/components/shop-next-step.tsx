// What the shop must do now, shown first on its application page: answer the officer, confirm the solution is in
// use, claim (again, after a return) — or, once paid, when and to which account.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { useRootData } from '../lib/root-data';
import { ReturnedClaim } from './claim-attempts';
import { CsrfInput } from './forms';
import { Money } from './money';
import { AppLink } from './app-link';

type Props = {
  reference: string;
  actions: string[];
  question: string | null;
  returned: { decisionNote: string | null; decidedAt: string | null } | null;
  payment: { status: string; amountCents: number; releasedAt: string | null; account: string | null } | null;
  busy: boolean;
};

export function ShopNextStep({ reference, actions, question, returned, payment, busy }: Props) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (actions.includes('resubmit')) {
    return (
      <section className="panel panel--task" aria-labelledby="next-step">
        <h2 id="next-step">{t('applications:infoRequestedTitle')}</h2>
        {question ? <blockquote className="message">{question}</blockquote> : null}
        <AppLink to={`/applications/${reference}/answer`} className="button">
          {t('applications:answerLink')}
        </AppLink>
      </section>
    );
  }
  if (actions.includes('confirm_deployment')) {
    return (
      <section className="panel panel--task" aria-labelledby="next-step">
        <h2 id="next-step">{t('claims:confirmTitle')}</h2>
        <p>{t('claims:confirmExplains')}</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="confirm_deployment" className="button" disabled={busy}>
            {t('claims:confirmButton')}
          </button>
        </Form>
      </section>
    );
  }
  if (actions.includes('submit_claim')) {
    return (
      <>
        {returned ? <ReturnedClaim claim={returned} /> : null}
        <section className="panel panel--task" aria-labelledby="next-step">
          <h2 id="next-step">{returned ? t('claims:claimAgainTitle') : t('claims:claimTitle')}</h2>
          <p>{t('claims:claimExplains')}</p>
          <AppLink to={`/applications/${reference}/claim`} className="button">
            {returned ? t('claims:claimAgainLink') : t('claims:claimLink')}
          </AppLink>
        </section>
      </>
    );
  }
  if (payment?.status === 'released' && payment.releasedAt) {
    return (
      <section className="notice notice--success" aria-labelledby="paid-title">
        <h2 id="paid-title">{t('claims:paidTitle')}</h2>
        <p>
          <Money cents={payment.amountCents} /> · {t('claims:paidOnDate', { date: formatDate(payment.releasedAt, locale) })}
          {payment.account ? ` · ${t('claims:paidToAccount', { account: payment.account })}` : ''}
        </p>
      </section>
    );
  }
  return null;
}
