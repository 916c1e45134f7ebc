// The subsidy calculator: tick features and say what is already granted; works as a GET form without JavaScript.
import type { SerializeFrom } from '@remix-run/node';
import { Form, useSubmit } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Money, SplitSummary } from '../../components/money';
import { formatMoney } from '../../lib/format';
import { pickText, withGap } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function Calculator({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const submit = useSubmit();
  const { solution, split } = data;
  return (
    <>
      <h2 id="calculator-heading">{t('catalogue:calculatorTitle')}</h2>
      <p className="hint">{t('catalogue:calculatorLead', { percent: data.matchBps / 100, cap: formatMoney(data.capCents) })}</p>
      <Form
        method="get"
        replace
        preventScrollReset
        onChange={(event) => {
          // Ticking a feature recalculates at once; a typed amount waits for "Calculate" (or Enter).
          if ((event.target as HTMLInputElement).type === 'checkbox') {
            submit(event.currentTarget, { replace: true, preventScrollReset: true });
          }
        }}
      >
        {solution.features.length > 0 ? (
          <fieldset className="field">
            <legend>{t('catalogue:chooseFeatures')}</legend>
            {solution.features.map((feature) => (
              <div className="checkbox" key={feature.id}>
                <input
                  type="checkbox"
                  name="features"
                  value={feature.id}
                  id={`feature-${feature.id}`}
                  defaultChecked={data.chosenIds.includes(feature.id)}
                />
                <label htmlFor={`feature-${feature.id}`}>{pickText(feature.name, locale)}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className={data.usedInvalid ? 'field field--error' : 'field'}>
          <label htmlFor="used">{t('catalogue:alreadyGranted')}</label>
          <p className="hint" id="used-hint">
            {data.headroomFromAccount ? t('catalogue:alreadyGrantedFromAccount') : t('catalogue:alreadyGrantedHint')}
          </p>
          {data.usedInvalid ? (
            <p className="field-error" id="used-error">
              {t('catalogue:usedInvalid')}
            </p>
          ) : null}
          <input
            id="used"
            name="used"
            type="text"
            inputMode="decimal"
            maxLength={16}
            defaultValue={data.usedDollars}
            readOnly={data.headroomFromAccount}
            aria-invalid={data.usedInvalid || undefined}
            aria-describedby={data.usedInvalid ? 'used-hint used-error' : 'used-hint'}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('catalogue:calculate')}
        </button>
      </Form>
      <div aria-live="polite" data-testid="calculator-result">
        <SplitSummary split={split} />
        <p className="plain-words">
          {t('catalogue:plainSplit', {
            shop: formatMoney(split.shopCents),
            programme: formatMoney(split.programmeCents),
          })}
        </p>
        {split.limitedBy === 'cap' ? <p className="notice">{t('catalogue:cappedNotice')}</p> : null}
        <p>
          {withGap(t('catalogue:headroomAfter'))}
          <Money cents={split.headroomAfterCents} />
        </p>
      </div>
    </>
  );
}
