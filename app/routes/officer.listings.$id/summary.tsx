// Who sent the version, for which category and sector, and where it stands.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function VettingSummary({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { detail, listed } = data;
  const vendorName = pickText({ en: data.vendorNameEn, zhHK: data.vendorNameZhHk, zhCN: data.vendorNameZhHk }, locale);
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('vetting:vendor')}</dt>
        <dd>
          {vendorName}
          <br />
          <span className="hint">
            {t('vetting:vendorIdentity', {
              br: data.vendorBrNumber,
              status: t(`common:vendorStatus.${data.vendorStatus}`, { defaultValue: data.vendorStatus }),
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('vetting:category')}</dt>
        <dd>{t(`common:categories.${data.category}`)}</dd>
      </div>
      <div>
        <dt>{t('vetting:sector')}</dt>
        <dd>{t(`common:sectors.${data.sector}`)}</dd>
      </div>
      <div>
        <dt>{t('vetting:version')}</dt>
        <dd>
          {detail.version}
          {data.pending ? (
            <>
              {' · '}
              {listed ? t('vetting:kind.update', { version: detail.version }) : t('vetting:kind.new')}
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('vetting:submittedOn')}</dt>
        <dd>{detail.submittedAt ? formatDate(detail.submittedAt, locale) : '—'}</dd>
      </div>
      <div>
        <dt>{t('vetting:status')}</dt>
        <dd>
          <strong className="status">{t(`vetting:statuses.${data.status}`)}</strong>
        </dd>
      </div>
      {detail.reviewedAt ? (
        <>
          <div>
            <dt>{t('vetting:reviewedOn')}</dt>
            <dd>{formatDate(detail.reviewedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('vetting:reviewNote')}</dt>
            <dd>{detail.reviewNote ? <span className="vetting-text">{detail.reviewNote}</span> : t('vetting:noNote')}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
