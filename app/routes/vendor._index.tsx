// The vendor's home: enrolment state, what needs an answer, and the packages with their review state.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '../services/session.server';
import { pageTitle } from '../lib/meta';
import { WaitingList } from '../components/waiting-list';
import { vendorWaitingWork } from '../services/waiting-work.server';
import { getVendorForUser, listVendorApplications } from '../services/vendors.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:vendorHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const vendor = await getVendorForUser({ db: context.db, userId: user.id });
  const enrolled = vendor?.status === 'enrolled';
  const waiting = enrolled ? await vendorWaitingWork({ db: context.db, userId: user.id }) : [];
  const applications = enrolled ? await listVendorApplications({ db: context.db, userId: user.id, page: 1, pageSize: 5 }) : null;
  return json({
    vendor: vendor
      ? {
          nameEn: vendor.nameEn,
          nameZhHk: vendor.nameZhHk,
          brNumber: vendor.brNumber,
          status: vendor.status,
          decisionReason: vendor.decisionReason,
        }
      : null,
    waiting,
    recentApplications: applications?.rows ?? [],
  });
}

export default function VendorHome() {
  const { t } = useTranslation();
  const { vendor, waiting, recentApplications } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <h1>{t('common:vendorHome.title')}</h1>
      {params.get('enrolment') ? (
        <div className="notice notice--success" role="status">
          {t('vendor:enrolSubmitted')}
        </div>
      ) : null}
      {!vendor || vendor.status === 'draft' ? (
        <section className="panel">
          <h2>{t('vendor:enrolTitle')}</h2>
          <p>{t('vendor:notEnrolledYet')}</p>
          <AppLink to="/vendor/enrolment" className="button">
            {t('vendor:startEnrolment')}
          </AppLink>
        </section>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('common:vendorHome.company')}</dt>
              <dd>
                {vendor.nameEn} · {vendor.nameZhHk}
              </dd>
            </div>
            <div>
              <dt>{t('common:vendorHome.brNumber')}</dt>
              <dd>{vendor.brNumber}</dd>
            </div>
            <div>
              <dt>{t('common:vendorHome.status')}</dt>
              <dd>
                <strong className="status">{t(`common:vendorStatus.${vendor.status}`)}</strong>
                {vendor.status === 'rejected' && vendor.decisionReason ? <span> — {vendor.decisionReason}</span> : null}
              </dd>
            </div>
          </dl>
          {vendor.status === 'rejected' ? (
            <p>
              <AppLink to="/vendor/enrolment">{t('vendor:applyAgain')}</AppLink>
            </p>
          ) : null}
          {vendor.status === 'pending' ? <p className="notice">{t('vendor:enrolPending')}</p> : null}
          {vendor.status === 'enrolled' ? <WaitingList items={waiting} /> : null}
          {vendor.status === 'enrolled' ? (
            <ul className="key-facts">
              <li>
                <strong>{recentApplications.length}</strong>
                <span>
                  <AppLink to="/vendor/applications">{t('vendor:recentApplications')}</AppLink>
                </span>
              </li>
              <li>
                <strong>→</strong>
                <span>
                  <AppLink to="/vendor/listings">{t('vendor:listingsTitle')}</AppLink>
                </span>
              </li>
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}
