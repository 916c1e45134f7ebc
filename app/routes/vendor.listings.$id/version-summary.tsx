// A version of the vendor's package at a glance: name, price, deployment, features and what it states for the matcher.
import { useTranslation } from 'react-i18next';
import { ListingAttributesSummary } from '../../components/listing-attributes';
import type { EditableVersion } from '../../components/listing-schema';
import { PriceLine } from '../../components/money';
import { pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';

export function VersionSummary({ version, months }: { version: EditableVersion; months: number }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('catalogue:package')}</dt>
        <dd>{pickText({ en: version.nameEn, zhHK: version.nameZhHk, zhCN: version.nameZhCn }, locale)}</dd>
      </div>
      <div>
        <dt>{t('catalogue:price')}</dt>
        <dd>
          <PriceLine
            pricingModel={version.pricingModel as 'one_off' | 'monthly'}
            priceCents={version.priceCents}
            months={months}
            contractMonths={version.minContractMonths}
          />
        </dd>
      </div>
      <div>
        <dt>{t('catalogue:deployment')}</dt>
        <dd>{t('catalogue:deploymentDays', { count: version.deploymentDays })}</dd>
      </div>
      <div>
        <dt>{t('catalogue:optionalFeatures')}</dt>
        <dd>{version.features.length === 0 ? t('catalogue:noFeatures') : version.features.map((f) => f.nameEn).join(' · ')}</dd>
      </div>
      <ListingAttributesSummary version={version} />
    </dl>
  );
}
