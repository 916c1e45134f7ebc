// The front page: what the programme pays, how to take part, and the way into the catalogue.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { catalogueStats, displaySettings } from '../services/catalogue.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:home.title');

export async function loader({ context }: LoaderFunctionArgs) {
  const [settings, stats] = await Promise.all([displaySettings(context.db), catalogueStats(context.db)]);
  return json({
    capCents: settings.capCents,
    budgetCents: settings.budgetCents,
    matchBps: settings.matchBps,
    roundCode: settings.roundCode,
    closesAt: settings.closesAt,
    openSectors: settings.openSectors,
    stats,
  });
}

export default function Index() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('common:home.title')}</h1>
      <p className="lead">{t('common:home.lead', { cap: formatMoney(data.capCents), percent: data.matchBps / 100 })}</p>
      <p>
        <AppLink to="/match" className="button">
          {t('match:title')}
        </AppLink>{' '}
        <AppLink to="/solutions" className="button button--secondary">
          {t('common:home.browse')}
        </AppLink>
      </p>
      <p>
        <AppLink to="/start">{t('match:start.homeLink')}</AppLink>
      </p>
      <ul className="key-facts">
        <li>
          <strong>{formatMoney(data.capCents)}</strong>
          <span>{t('common:home.capFact')}</span>
        </li>
        <li>
          <strong>{t('common:home.matchValue')}</strong>
          <span>{t('common:home.matchFact')}</span>
        </li>
        <li>
          <strong>{data.stats.listedCount}</strong>
          <span>{t('common:home.listedFact', { vendors: data.stats.vendorCount })}</span>
        </li>
        <li>
          <strong>{formatDate(data.closesAt, locale)}</strong>
          <span>{t('common:home.closesFact', { round: data.roundCode })}</span>
        </li>
      </ul>
      <h2>{t('common:home.howTitle')}</h2>
      <ol className="steps">
        {(['pick', 'enquire', 'apply', 'deploy', 'claim'] as const).map((step) => (
          <li key={step}>
            <strong>{t(`common:home.steps.${step}.title`)}</strong>
            <p>{t(`common:home.steps.${step}.body`)}</p>
          </li>
        ))}
      </ol>
      <h2>{t('common:home.whoTitle')}</h2>
      <p>
        {t('common:home.whoBody', {
          sectors: data.openSectors.map((code) => t(`common:sectors.${code}`)).join(t('common:listSeparator')),
        })}
      </p>
    </div>
  );
}
