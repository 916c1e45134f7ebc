// The money (split, headroom), the quotation and its documents, and the enterprise's other applications.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { MatchReasonNote } from '../../components/match-set';
import { Money, QuotationItems, SplitSummary } from '../../components/money';
import { bracketed, pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';
import { AppLink } from '../../components/app-link';

export function MoneySection({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { application: app } = data;
  return (
    <section className="panel">
      <h2>{t('officer:money')}</h2>
      <SplitSummary split={app}>
        <div>
          <dt>{t('officer:headroomLeft')}</dt>
          <dd>
            <Money cents={data.headroomCents} />
          </dd>
        </div>
      </SplitSummary>
      <h3>{t('enquiries:quotation')}</h3>
      <p>{pickText({ en: app.vendorNameEn, zhHK: app.vendorNameZhHk, zhCN: app.vendorNameZhCn }, locale)}</p>
      <QuotationItems items={app.items} months={app.maxSubscriptionMonths} />
      <MatchReasonNote reason={app.matchReason} audience="officer" />
      <h3>{t('applications:documents')}</h3>
      <ul className="plain-list">
        {data.documents.map((doc) => (
          <li key={doc.id}>
            <a href={`/officer/applications/${app.reference}/documents/${doc.id}`}>{doc.filename}</a>
            {bracketed(t(`applications:documentKinds.${doc.kind}`), locale)}
          </li>
        ))}
      </ul>
      <h3>{t('officer:otherApplications')}</h3>
      {data.others.length === 0 ? (
        <p>{t('officer:noOtherApplications')}</p>
      ) : (
        <ul className="plain-list">
          {data.others.map((other) => (
            <li key={other.reference}>
              <AppLink to={`/officer/applications/${other.reference}`}>{other.reference}</AppLink> ·{' '}
              {t(`common:categories.${other.category}`)} · {t(`applications:statuses.${other.status}`)} ·{' '}
              <Money cents={other.programmeCents} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
