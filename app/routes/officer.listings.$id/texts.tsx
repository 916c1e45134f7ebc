// The package's texts as the vendor wrote them, in three languages side by side, and the pieces other parts reuse.
import { useTranslation } from 'react-i18next';
import { PriceLine } from '../../components/money';
import type { PricingModel } from '../../domain/funding';
import { pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';

type Named = { nameEn: string; nameZhHk: string; nameZhCn: string };
export type Feature = Named & { pricingModel: PricingModel; priceCents: number; minContractMonths: number | null };

export function TextOrNotGiven({ value }: { value: string }) {
  const { t } = useTranslation();
  return value.trim() ? <span className="vetting-text">{value}</span> : <em className="hint">{t('vetting:notGiven')}</em>;
}

export function FeatureList({ features, months }: { features: readonly Feature[]; months: number }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (features.length === 0) return <>{t('vetting:none')}</>;
  return (
    <ul className="plain-list">
      {features.map((feature, index) => (
        <li key={index}>
          {pickText({ en: feature.nameEn, zhHK: feature.nameZhHk, zhCN: feature.nameZhCn || feature.nameZhHk }, locale)} —{' '}
          <PriceLine
            pricingModel={feature.pricingModel}
            priceCents={feature.priceCents}
            months={months}
            contractMonths={feature.minContractMonths}
          />
        </li>
      ))}
    </ul>
  );
}

type Texts = Named & {
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  deliverablesEn: string;
  deliverablesZhHk: string;
  deliverablesZhCn: string;
};

export function VettingTexts({ detail }: { detail: Texts }) {
  const { t } = useTranslation();
  const texts = [
    { key: 'en', lang: 'en', name: detail.nameEn, description: detail.descriptionEn, deliverables: detail.deliverablesEn },
    { key: 'zhHK', lang: 'zh-HK', name: detail.nameZhHk, description: detail.descriptionZhHk, deliverables: detail.deliverablesZhHk },
    { key: 'zhCN', lang: 'zh-CN', name: detail.nameZhCn, description: detail.descriptionZhCn, deliverables: detail.deliverablesZhCn },
  ] as const;
  return (
    <>
      <h2>{t('vetting:textsTitle')}</h2>
      <p className="hint">{t('vetting:textsHint')}</p>
      <div className="vetting-texts">
        {texts.map((text) => (
          <section key={text.key} className="panel" aria-labelledby={`texts-${text.key}`}>
            <h3 id={`texts-${text.key}`}>{t(`vetting:languages.${text.key}`)}</h3>
            <dl lang={text.lang}>
              <dt>{t('vetting:fields.name')}</dt>
              <dd>
                <TextOrNotGiven value={text.name} />
              </dd>
              <dt>{t('vetting:fields.description')}</dt>
              <dd>
                <TextOrNotGiven value={text.description} />
              </dd>
              <dt>{t('vetting:fields.deliverables')}</dt>
              <dd>
                <TextOrNotGiven value={text.deliverables} />
              </dd>
            </dl>
          </section>
        ))}
      </div>
    </>
  );
}
