// What a package version states for the matcher (needs, payment methods, outlets, seats, districts): rows of a summary
// list for the vendor, and the vetting block where an officer checks them against the package's texts.
import { useTranslation } from 'react-i18next';
import { attributeSignals, storedAttributes, type StatedAttributes } from '../domain/listing-attributes';

type AttributeRow = Parameters<typeof storedAttributes>[0];

const keys = ['needsMet', 'paymentMethods', 'maxOutlets', 'seats', 'supportDistricts'] as const;
type Key = (typeof keys)[number];

function useAttributeTexts() {
  const { t } = useTranslation();
  return (key: Key, stated: StatedAttributes): string => {
    const list = (codes: readonly string[], prefix: string) => codes.map((code) => t(`${prefix}.${code}`)).join(t('common:listSeparator'));
    switch (key) {
      case 'needsMet':
        return stated.needsMet ? list(stated.needsMet, 'match:needsShort') : t('vendor:attributes.notStated');
      case 'paymentMethods':
        return stated.paymentMethods ? list(stated.paymentMethods, 'match:methods') : t('vendor:attributes.none');
      case 'maxOutlets':
        return stated.maxOutlets == null
          ? t('vendor:attributes.noLimit')
          : t('vendor:attributes.outletsUpTo', { count: stated.maxOutlets });
      case 'seats':
        if (stated.minSeats != null && stated.maxSeats != null)
          return t('vendor:attributes.seatsRange', { min: stated.minSeats, max: stated.maxSeats });
        if (stated.minSeats != null) return t('vendor:attributes.seatsFrom', { count: stated.minSeats });
        if (stated.maxSeats != null) return t('vendor:attributes.seatsUpTo', { count: stated.maxSeats });
        return t('vendor:attributes.anySize');
      case 'supportDistricts':
        return stated.supportDistricts ? list(stated.supportDistricts, 'common:districts') : t('vendor:attributes.supportAll');
    }
  };
}

/** Rows to put inside a `summary-list`: what the version states for the matcher. */
export function ListingAttributesSummary({ version }: { version: AttributeRow }) {
  const { t } = useTranslation();
  const text = useAttributeTexts();
  const stated = storedAttributes(version);
  return (
    <>
      {keys.map((key) => (
        <div key={key}>
          <dt>{t(`vendor:attributes.term.${key}`)}</dt>
          <dd>{text(key, stated)}</dd>
        </div>
      ))}
    </>
  );
}

/**
 * The vetting block: what the version states beside what the listed version stated, and the signals worth a look
 * (a need the category promises but not stated, a payment method the texts do not name, a seat range the description
 * contradicts). The officer checks these against the texts before approving.
 */
export function ListingAttributesReview({
  category,
  detail,
  listed,
}: {
  category: string;
  detail: AttributeRow & { nameEn: string; descriptionEn: string; deliverablesEn: string };
  listed: AttributeRow | null;
}) {
  const { t } = useTranslation();
  const text = useAttributeTexts();
  const stated = storedAttributes(detail);
  const before = listed ? storedAttributes(listed) : null;
  const signals = attributeSignals({ category, stated, texts: `${detail.nameEn} ${detail.descriptionEn} ${detail.deliverablesEn}` });
  return (
    <section aria-labelledby="attributes-title">
      <h2 id="attributes-title">{t('vetting:attributes.title')}</h2>
      <p className="hint">{t('vetting:attributes.hint')}</p>
      <table className="table table--reflow">
        <thead>
          <tr>
            <th scope="col">{t('vetting:changeCol.item')}</th>
            {before ? <th scope="col">{t('vetting:changeCol.listed')}</th> : null}
            <th scope="col">{t('vetting:changeCol.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const proposed = text(key, stated);
            const was = before ? text(key, before) : null;
            return (
              <tr key={key}>
                <th scope="row">{t(`vendor:attributes.term.${key}`)}</th>
                {was !== null ? <td data-label={t('vetting:changeCol.listed')}>{was}</td> : null}
                <td data-label={t('vetting:changeCol.proposed')}>
                  {proposed}
                  {was !== null && was !== proposed ? <strong className="tag"> {t('vetting:attributes.changed')}</strong> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {signals.length === 0 ? (
        <p>{t('vetting:attributes.noSignals')}</p>
      ) : (
        <div className="notice" role="note">
          <p>{t('vetting:attributes.signalsTitle')}</p>
          <ul>
            {signals.map((signal, i) => (
              <li key={i}>
                {signal.code === 'category_need_missing'
                  ? t('vetting:attributes.signals.category_need_missing', { need: t(`match:needsShort.${signal.need}`) })
                  : signal.code === 'method_not_in_texts' || signal.code === 'method_in_texts_not_stated'
                    ? t(`vetting:attributes.signals.${signal.code}`, { method: t(`match:methods.${signal.method}`) })
                    : signal.code === 'seats_differ_from_texts'
                      ? t('vetting:attributes.signals.seats_differ_from_texts', { min: signal.minSeats, max: signal.maxSeats })
                      : t('vetting:attributes.signals.not_stated')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
