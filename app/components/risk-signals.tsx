// An application's risk signals for the case officer: what fired and why, marked in words, and never a decision.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RiskSignal } from '../domain/risk-signals';
import { formatMoney } from '../lib/format';
import { withGap } from '../lib/i18n';
import { AppLink } from './app-link';

/** The sentence that says why a signal fired, in the reader's language. */
function reasonOf(signal: RiskSignal, t: TFunction): string {
  switch (signal.code) {
    case 'same_phone':
    case 'same_address':
    case 'same_owner':
      return t(`risk:reasons.${signal.code}`, { count: signal.params.enterpriseCount, applications: signal.params.applicationCount });
    case 'many_at_address':
      return t('risk:reasons.many_at_address', {
        applications: signal.params.applicationCount,
        enterprises: signal.params.enterpriseCount,
        threshold: signal.params.threshold,
      });
    case 'registration_conflict':
      return t('risk:reasons.registration_conflict', { count: signal.params.count });
    case 'same_identity':
      return t('risk:reasons.same_identity', { count: signal.params.enterpriseCount, applications: signal.params.applicationCount });
    case 'quotes_near_ceiling':
      return t('risk:reasons.quotes_near_ceiling', { near: signal.params.nearCount, total: signal.params.quotationCount });
    case 'invoice_at_cap':
      return signal.params.basis === 'claim'
        ? t('risk:reasons.invoice_at_cap_claim', {
            invoiced: formatMoney(signal.params.invoicedCents),
            cap: formatMoney(signal.params.capCents),
          })
        : t('risk:reasons.invoice_at_cap_committed', {
            committed: formatMoney(signal.params.committedCents),
            cap: formatMoney(signal.params.capCents),
          });
  }
}

/** The live applications a signal links to, when it has any: links for the officer to open. */
function LinkedApplications({ signal }: { signal: RiskSignal }) {
  const { t } = useTranslation();
  if (signal.code !== 'same_phone' && signal.code !== 'same_address' && signal.code !== 'same_owner' && signal.code !== 'same_identity')
    return null;
  const { references, applicationCount } = signal.params;
  if (references.length === 0) return null;
  const more = applicationCount - references.length;
  return (
    <p>
      {withGap(t('risk:linkedApplications'))}
      {references.map((reference, index) => (
        <span key={reference}>
          {index > 0 ? t('risk:listSeparator') : null}
          <AppLink to={`/officer/applications/${reference}`}>{reference}</AppLink>
        </span>
      ))}
      {more > 0 ? ` ${t('risk:andMore', { count: more })}` : null}
    </p>
  );
}

export function RiskSignals({ signals }: { signals: RiskSignal[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="risk-signals-title">
      <h2 id="risk-signals-title">{t('risk:title')}</h2>
      <p>{t('risk:neverDecides')}</p>
      {signals.length === 0 ? (
        <p>{t('risk:none')}</p>
      ) : (
        <ul className="rule-list">
          {signals.map((signal, index) => (
            // The word in the first column says how much the signal weighs; the colour only repeats it.
            <li
              key={`${signal.code}-${index}`}
              className={`rule ${signal.severity === 'warning' ? 'rule--failed' : 'rule--needs_evidence'}`}
            >
              <span className="rule-outcome">{t(`risk:severity.${signal.severity}`)}</span>
              <div>
                <strong>{t(`risk:codes.${signal.code}`)}</strong>
                <p>{reasonOf(signal, t)}</p>
                <LinkedApplications signal={signal} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
