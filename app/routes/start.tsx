// The start page (GOV.UK pattern): who can apply, what to have ready, how long it takes, and "Start now".
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { getCurrentSettings } from '../services/settings.server';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'match:start.title');

export async function loader({ context }: LoaderFunctionArgs) {
  const settings = await getCurrentSettings(context.db);
  return json({
    capCents: settings.capCents,
    matchBps: settings.matchBps,
    openSectors: settings.openSectors,
    maxEmployees: settings.maxEmployees,
    deploymentMonths: settings.deploymentMonths,
    slaWorkingDays: settings.slaWorkingDays,
  });
}

export default function Start() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const sectors = data.openSectors.map((code) => t(`common:sectors.${code}`)).join(t('common:listSeparator'));
  return (
    <div className="narrow">
      <h1>{t('match:start.title')}</h1>
      <p className="lead">{t('match:start.lead', { percent: data.matchBps / 100, cap: formatMoney(data.capCents) })}</p>
      <p>{t('match:start.useTitle')}</p>
      <ul>
        {(['find', 'quote', 'apply', 'claim'] as const).map((key) => (
          <li key={key}>{t(`match:start.use.${key}`)}</li>
        ))}
      </ul>
      <p>
        <AppLink to="/match" className="button start-button" role="button" draggable={false}>
          {t('match:start.startNow')}
        </AppLink>
      </p>
      <p>
        <AppLink to="/solutions">{t('match:start.orBrowse')}</AppLink>
      </p>
      <h2>{t('match:start.whoTitle')}</h2>
      <ul>
        <li>{t('match:start.who.registered')}</li>
        <li>{t('match:start.who.sector', { sectors })}</li>
        <li>{t('match:start.who.size', { max: data.maxEmployees })}</li>
        <li>{t('match:start.who.not')}</li>
      </ul>
      <h2>{t('match:start.beforeTitle')}</h2>
      <p>{t('match:start.beforeLead')}</p>
      <ul>
        {(['br', 'quotation', 'invoice', 'deadline', 'bank'] as const).map((key) => (
          <li key={key}>{t(`match:start.before.${key}`, { months: data.deploymentMonths })}</li>
        ))}
      </ul>
      <h2>{t('match:start.timeTitle')}</h2>
      <p>{t('match:start.time', { days: data.slaWorkingDays })}</p>
    </div>
  );
}
