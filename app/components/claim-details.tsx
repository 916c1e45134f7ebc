// A claim as the officer checks it: invoice, payment, the account paid into (masked), the three-way match, the
// quotation, and every claim attempt with its own documents (as the shop sees them).
import { useTranslation } from 'react-i18next';
import { ClaimAttempts } from './claim-attempts';
import { formatDate } from '../lib/format';
import { bracketed } from '../lib/i18n';
import { useRootData } from '../lib/root-data';
import { Money } from './money';

type Claim = {
  id: number;
  invoiceNumber: string;
  invoiceDate: string;
  invoicedCents: number;
  payeeVendorBr: string;
  paidCents: number;
  paidOn: string;
  payerName: string;
  payableCents: number;
  payeeAccount: string | null;
  payeeAccountName: string | null;
  checks: { check: string; passed: boolean }[];
};

export function ClaimDetails({
  reference,
  claim,
  attempts,
  documents,
}: {
  reference: string;
  claim: Claim;
  attempts: Parameters<typeof ClaimAttempts>[0]['attempts'];
  documents: { id: number; kind: string; filename: string; claimId: number | null }[];
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const documentBase = `/officer/applications/${reference}/documents`;
  return (
    <>
      <section>
        <h2>{t('claims:claimDetails')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('claims:invoiceNumber')}</dt>
            <dd>
              {claim.invoiceNumber} · {formatDate(claim.invoiceDate, locale)}
            </dd>
          </div>
          <div>
            <dt>{t('claims:invoiced')}</dt>
            <dd>
              <Money cents={claim.invoicedCents} /> ·{' '}
              {t('claims:payeeVendorBrLine', { label: t('claims:payeeVendorBr'), number: claim.payeeVendorBr })}
            </dd>
          </div>
          <div>
            <dt>{t('claims:paid')}</dt>
            <dd>
              <Money cents={claim.paidCents} /> · {formatDate(claim.paidOn, locale)} · {claim.payerName}
            </dd>
          </div>
          <div>
            <dt>{t('claims:payeeAccount')}</dt>
            <dd>{claim.payeeAccount ? `${claim.payeeAccount} · ${claim.payeeAccountName ?? ''}` : '—'}</dd>
          </div>
          <div>
            <dt>{t('claims:payable')}</dt>
            <dd>
              <strong>
                <Money cents={claim.payableCents} />
              </strong>
            </dd>
          </div>
        </dl>
        <h3>{t('claims:checksTitle')}</h3>
        <ul className="rule-list">
          {claim.checks.map((c) => (
            <li key={c.check} className={`rule rule--${c.passed ? 'passed' : 'failed'}`}>
              <span className="rule-outcome">{c.passed ? t('claims:passed') : t('claims:failed')}</span>
              <div>
                <strong>{t(`claims:checks.${c.check}`)}</strong>
              </div>
            </li>
          ))}
        </ul>
        <h3>{t('applications:documents')}</h3>
        <ul className="plain-list">
          {documents
            .filter((d) => d.kind === 'quotation')
            .map((doc) => (
              <li key={doc.id}>
                <a href={`${documentBase}/${doc.id}`}>{doc.filename}</a>
                {bracketed(t(`applications:documentKinds.${doc.kind}`), locale)}
              </li>
            ))}
        </ul>
      </section>
      <ClaimAttempts reference={reference} attempts={attempts} documentBase={documentBase} />
    </>
  );
}
