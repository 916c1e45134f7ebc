// The case officer's home: the programme's money and the work waiting.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '../components/forms';
import { requireRole } from '../lib/auth.server';
import { formatDate, formatMoney } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { catalogueStats, getCurrentSettings } from '../services/catalogue.server';
import { budgetPosition, workload } from '../services/officer.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:officerHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'officer', 'admin');
  const [settings, stats, budget, work] = await Promise.all([
    getCurrentSettings(context.db),
    catalogueStats(context.db),
    budgetPosition(context.db),
    workload({ db: context.db, officerId: user.id }),
  ]);
  return json({ settings, stats, budget, work, isOfficer: user.role === 'officer' });
}

export default function OfficerHome() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { settings, stats, budget, work, isOfficer } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('common:officerHome.title')}</h1>
      {isOfficer ? (
        <div className="actions-row">
          <Form method="post" action="/officer/applications">
            <CsrfInput />
            <button type="submit" className="button">
              {t('officer:nextInQueue')}
            </button>
          </Form>
          <Link to="/officer/applications?assigned=me" className="button button--secondary">
            {t('officer:myWork', { count: work.mine })}
          </Link>
          <Link to="/officer/applications?assigned=unassigned&status=submitted" className="button button--secondary">
            {t('officer:waiting', { count: work.unassigned })}
          </Link>
        </div>
      ) : null}
      <ul className="key-facts">
        <li>
          <strong>{formatMoney(budget.remainingCents)}</strong>
          <span>{t('officer:budgetRemaining', { budget: formatMoney(budget.budgetCents) })}</span>
        </li>
        <li>
          <strong>{formatMoney(budget.approvedCents)}</strong>
          <span>{t('officer:budgetApproved')}</span>
        </li>
        <li>
          <strong>{work.breached}</strong>
          <span>{t('officer:breachedCount', { days: settings.slaWorkingDays })}</span>
        </li>
      </ul>
      <dl className="summary-list">
        <div>
          <dt>{t('common:officerHome.round')}</dt>
          <dd>
            {settings.roundCode} ({formatDate(settings.opensAt, locale)} – {formatDate(settings.closesAt, locale)})
          </dd>
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
    </div>
  );
}
