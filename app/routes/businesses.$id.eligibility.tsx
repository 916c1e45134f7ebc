// The eligibility check, rule by rule, with what to do about each failure — before anything is applied for.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isEligible } from '../domain/eligibility';
import { requireRole } from '../services/session.server';
import { notFound } from '../lib/forms.server';
import { businessNames } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { parseId } from '../lib/validation';
import { eligibilityOf, getOwnEnterprise } from '../services/enterprises.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'eligibility:title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const enterprise = await getOwnEnterprise({ db: context.db, userId: user.id, enterpriseId: parseId(params.id) });
  if (!enterprise) throw notFound();
  const results = await eligibilityOf({ db: context.db, enterprise });
  return json({
    enterprise: { id: enterprise.id, legalNameEn: enterprise.legalNameEn, legalNameZh: enterprise.legalNameZh },
    results,
    eligible: isEligible(results),
  });
}

export default function Eligibility() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { enterprise, results, eligible } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <AppLink to="/businesses">{t('business:backToList')}</AppLink>
      </p>
      {params.get('created') ? (
        <div className="notice notice--success" role="status">
          {t('business:created')}
        </div>
      ) : null}
      <h1>{t('eligibility:title')}</h1>
      <p className="lead">{businessNames({ en: enterprise.legalNameEn, zh: enterprise.legalNameZh }, locale).join(' · ')}</p>
      <div className={eligible ? 'notice notice--success' : 'notice notice--error'} role="status">
        <strong>{eligible ? t('eligibility:eligible') : t('eligibility:notEligible')}</strong>
      </div>
      <ul className="rule-list">
        {results.map((result) => (
          <li key={result.rule} className={`rule rule--${result.outcome}`}>
            <span className="rule-outcome">{t(`eligibility:outcome.${result.outcome}`)}</span>
            <div>
              <strong>{t(`eligibility:rules.${result.rule}`)}</strong>
              <p>{t(`eligibility:codes.${result.code}`)}</p>
              {result.outcome !== 'passed' ? <p className="hint">{t(`eligibility:actions.${result.code}`)}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      <p>
        <AppLink to={`/businesses/${enterprise.id}`}>{t('business:editLink')}</AppLink> ·{' '}
        <AppLink to="/solutions">{t('eligibility:browse')}</AppLink>
      </p>
    </div>
  );
}
