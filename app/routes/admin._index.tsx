// The administrator's home: what waits for someone to act (enrolments and listings for the officers, the budget,
// next year's public holidays), each with a link to where it is done.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { WaitingList } from '../components/waiting-list';
import { requireRole } from '../services/session.server';
import { pageTitle } from '../lib/meta';
import { adminWaitingWork } from '../services/waiting-work.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:adminHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin');
  return json({ waiting: await adminWaitingWork({ db: context.db }) });
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { waiting } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('notifications:adminHome.title')}</h1>
      <WaitingList items={waiting} />
      <ul className="plain-list">
        <li>
          <AppLink to="/admin/officers">{t('common:admin.officersTitle')}</AppLink>
        </li>
        <li>
          <AppLink to="/admin/rounds">{t('common:nav.rounds')}</AppLink>
        </li>
        <li>
          <AppLink to="/admin/holidays">{t('common:nav.holidays')}</AppLink>
        </li>
      </ul>
    </div>
  );
}
