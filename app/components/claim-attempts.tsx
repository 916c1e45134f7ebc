// A returned claim's reason (shown first), and every claim attempt with its own documents, so an old invoice is never
// mistaken for the new one.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { bracketed } from '../lib/i18n';
import { useRootData } from '../lib/root-data';
import { Money } from './money';

type Attempt = {
  id: number;
  attempt: number;
  status: string;
  invoiceNumber: string;
  invoicedCents: number;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  documents: { id: number; kind: string; filename: string }[];
};

export function ReturnedClaim({ claim }: { claim: Pick<Attempt, 'decisionNote' | 'decidedAt'> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <section className="notice notice--error" aria-labelledby="returned-title">
      <h2 id="returned-title">{t('claims:returnedTitle')}</h2>
      <p>{claim.decidedAt ? t('claims:returnedOn', { date: formatDate(claim.decidedAt, locale) }) : null}</p>
      <blockquote className="message">{claim.decisionNote}</blockquote>
    </section>
  );
}

export function ClaimAttempts({ attempts, documentBase }: { reference: string; attempts: Attempt[]; documentBase: string }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <section>
      <h2>{t('claims:attemptsTitle')}</h2>
      <ol className="plain-list">
        {[...attempts].reverse().map((claim) => (
          <li key={claim.id} className="panel">
            <h3>{t('claims:attemptTitle', { number: claim.attempt, date: formatDate(claim.createdAt, locale) })}</h3>
            <p>
              <strong>{t(`claims:attemptStatus.${claim.status}`)}</strong> · {claim.invoiceNumber} · <Money cents={claim.invoicedCents} />
            </p>
            {claim.status === 'returned' && claim.decisionNote ? <p>{t('claims:attemptReason', { reason: claim.decisionNote })}</p> : null}
            <ul className="plain-list">
              {claim.documents.map((doc) => (
                <li key={doc.id}>
                  <a href={`${documentBase}/${doc.id}`}>{doc.filename}</a>
                  {bracketed(t(`applications:documentKinds.${doc.kind}`), locale)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
