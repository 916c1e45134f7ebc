// The case officer's home: the programme at a glance.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '../lib/auth.server';
import { formatDate, formatMoney } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { catalogueStats, getCurrentSettings } from '../services/catalogue.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:officerHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer', 'admin');
  const [settings, stats] = await Promise.all([getCurrentSettings(context.db), catalogueStats(context.db)]);
  return json({ settings, stats });
}

export default function OfficerHome() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { settings, stats } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('common:officerHome.title')}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t('common:officerHome.round')}</dt>
          <dd>
            {settings.roundCode} ({formatDate(settings.opensAt, locale)} – {formatDate(settings.closesAt, locale)})
          </dd>
        </div>
        <div>
          <dt>{t('common:officerHome.budget')}</dt>
          <dd>{formatMoney(settings.budgetCents)}</dd>
        </div>
        <div>
          <dt>{t('common:officerHome.cap')}</dt>
          <dd>{formatMoney(settings.capCents)}</dd>
        </div>
        <div>
          <dt>{t('common:officerHome.settingsVersion')}</dt>
          <dd>{settings.version}</dd>
        </div>
        <div>
          <dt>{t('common:officerHome.listed')}</dt>
          <dd>{t('common:officerHome.listedValue', { count: stats.listedCount, vendors: stats.vendorCount })}</dd>
        </div>
      </dl>
      <p>
        <Link to="/solutions">{t('common:nav.catalogue')}</Link>
      </p>
    </div>
  );
}
