// The business under review: its registration, size and address, and each eligibility rule now against at submission.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { bracketed, businessNames } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function EnterpriseSection({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { enterprise } = data;
  return (
    <section>
      <h2>{t('officer:enterprise')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('business:legalName')}</dt>
          <dd>
            {businessNames({ en: enterprise.legalNameEn, zh: enterprise.legalNameZh }, locale).map((name, index) => (
              <span key={index}>
                {index > 0 ? <br /> : null}
                {name}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('business:registration')}</dt>
          <dd>
            {enterprise.registrationType === 'br'
              ? `${t('business:brShort', { number: enterprise.brNumber })} · ${enterprise.brExpiry ? formatDate(enterprise.brExpiry, locale) : ''}`
              : t('business:hawkerShort', { number: enterprise.hawkerLicenceNo })}
          </dd>
        </div>
        <div>
          <dt>{t('business:sector')}</dt>
          <dd>{t(`common:sectors.${enterprise.sector}`)}</dd>
        </div>
        <div>
          <dt>{t('business:fullTimeEmployees')}</dt>
          <dd>
            {enterprise.fullTimeEmployees}
            {enterprise.isGroupMember
              ? bracketed(
                  t('officer:groupEmployees', {
                    label: t('business:groupFullTimeEmployees'),
                    number: String(enterprise.groupFullTimeEmployees),
                  }),
                  locale,
                )
              : ''}
          </dd>
        </div>
        <div>
          <dt>{t('business:address')}</dt>
          <dd>
            {t('officer:addressInDistrict', { address: enterprise.address, district: t(`common:districts.${enterprise.district}`) })} ·{' '}
            {enterprise.phone}
          </dd>
        </div>
      </dl>

      <h2>{t('officer:eligibilityNow')}</h2>
      <ul className="rule-list">
        {data.eligibilityNow.map((rule) => (
          <li key={rule.rule} className={`rule rule--${rule.outcome}${data.changedRules.includes(rule.rule) ? ' rule--changed' : ''}`}>
            <span className="rule-outcome">{t(`eligibility:outcome.${rule.outcome}`)}</span>
            <div>
              <strong>{t(`eligibility:rules.${rule.rule}`)}</strong>
              <p>{t(`eligibility:codes.${rule.code}`)}</p>
              {data.changedRules.includes(rule.rule) ? (
                <p className="flag">
                  {t('officer:changedSinceSubmission', {
                    before: t(`eligibility:codes.${data.eligibilityAtSubmit.find((r) => r.rule === rule.rule)?.code ?? rule.code}`),
                  })}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
