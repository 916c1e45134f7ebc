// The application at a glance: reference, status, business, vendor, items, money, declarations and documents.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { ApplicantDocuments } from '../../components/applicant-documents';
import { Money, QuotationItems } from '../../components/money';
import { businessNames, pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function ApplicationSummary({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { application, declared, returned } = data;
  const isDraft = application.status === 'draft';
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('applications:reference')}</dt>
        <dd>{application.reference}</dd>
      </div>
      <div>
        <dt>{t('applications:status')}</dt>
        <dd>
          <strong className={`status status--${application.status}`}>
            {returned ? t('claims:statusReturned') : t(`applications:statuses.${application.status}`)}
          </strong>
        </dd>
      </div>
      <div>
        <dt>{t('enquiries:business')}</dt>
        <dd>{businessNames({ en: application.legalNameEn, zh: application.legalNameZh }, locale)[0]}</dd>
      </div>
      <div>
        <dt>{t('catalogue:vendor')}</dt>
        <dd>{pickText({ en: application.vendorNameEn, zhHK: application.vendorNameZhHk, zhCN: application.vendorNameZhCn }, locale)}</dd>
      </div>
      <div>
        <dt>{t('catalogue:category')}</dt>
        <dd>{t(`common:categories.${application.category}`)}</dd>
      </div>
      <div>
        <dt>{t('applications:items')}</dt>
        <dd>
          <QuotationItems items={application.items} months={application.maxSubscriptionMonths} />
        </dd>
      </div>
      <div>
        <dt>{t('catalogue:eligibleCost')}</dt>
        <dd>
          <Money cents={application.costCents} />
        </dd>
      </div>
      {!isDraft ? (
        <>
          <div>
            <dt>{t('catalogue:programmePays')}</dt>
            <dd>
              <Money cents={application.programmeCents} />
            </dd>
          </div>
          <div>
            <dt>{t('catalogue:youPay')}</dt>
            <dd>
              <Money cents={application.shopCents} />
            </dd>
          </div>
        </>
      ) : null}
      <div>
        <dt>{t('applications:declarationsTitle')}</dt>
        <dd>
          <ul className="plain-list">
            {declared.map((d) => (
              <li key={d}>{t(`applications:declarations.${d}`)}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('applications:documents')}</dt>
        <dd>
          <ApplicantDocuments reference={application.reference} documents={application.documents} />
        </dd>
      </div>
    </dl>
  );
}
