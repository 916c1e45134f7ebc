// The package form (new package or new version); its schema is ./listing-schema. Prices are typed in HK$ and kept in cents.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { needs, paymentMethods } from '../domain/matcher';
import { categories, districts, sectors } from '../domain/programme';
import { CsrfInput, RadioGroup, SelectField, TextField, type FieldErrors } from './forms';
import { MAX_FEATURES, type ListingValues } from './listing-schema';

export function ListingForm({
  values = {},
  errors,
  isNew,
  submitLabel,
  busy,
}: {
  values?: ListingValues;
  errors?: FieldErrors;
  isNew: boolean;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    category: t('catalogue:category'),
    sector: t('catalogue:sector'),
    nameEn: t('vendor:nameEn'),
    nameZhHk: t('vendor:nameZhHk'),
    nameZhCn: t('vendor:nameZhCn'),
    descriptionEn: t('vendor:descriptionEn'),
    descriptionZhHk: t('vendor:descriptionZhHk'),
    descriptionZhCn: t('vendor:descriptionZhCn'),
    deliverablesEn: t('vendor:deliverablesEn'),
    deliverablesZhHk: t('vendor:deliverablesZhHk'),
    deliverablesZhCn: t('vendor:deliverablesZhCn'),
    pricingModel: t('vendor:pricingModel'),
    price: t('vendor:price'),
    minContractMonths: t('vendor:minContractMonths'),
    deploymentDays: t('vendor:deploymentDays'),
    features: t('vendor:sectionFeatures'),
    needsMet: t('vendor:attributes.needsMet'),
    paymentMethods: t('vendor:attributes.paymentMethods'),
    maxOutlets: t('vendor:attributes.maxOutlets'),
    minSeats: t('vendor:attributes.minSeats'),
    maxSeats: t('vendor:attributes.maxSeats'),
    supportArea: t('vendor:attributes.supportArea'),
    supportDistricts: t('vendor:attributes.supportDistricts'),
  };
  for (let i = 0; i < MAX_FEATURES; i++) {
    labels[`featureNameEn${i}`] = t('vendor:featureLabel', { n: i + 1 });
    labels[`featurePrice${i}`] = t('vendor:featurePriceLabel', { n: i + 1 });
    labels[`featureContract${i}`] = t('vendor:featureContractLabel', { n: i + 1 });
  }
  const area = (name: string, rows = 3, hint?: string) => {
    const list = errors?.[name];
    return (
      <div className={list?.length ? 'field field--error' : 'field'}>
        <label htmlFor={name}>{labels[name]}</label>
        {hint ? (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {list?.length ? (
          <p className="field-error" id={`${name}-error`}>
            {t(list[0]!)}
          </p>
        ) : null}
        <textarea
          id={name}
          name={name}
          rows={rows}
          defaultValue={values[name]}
          aria-invalid={list?.length ? true : undefined}
          aria-describedby={[hint ? `${name}-hint` : '', list?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}
          maxLength={2000}
        />
      </div>
    );
  };
  return (
    <>
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <fieldset className="form-section">
          <legend>{t('vendor:sectionWhat')}</legend>
          {isNew ? (
            <>
              <SelectField
                name="category"
                label={labels.category!}
                errors={errors}
                defaultValue={values.category ?? ''}
                options={[
                  { value: '', label: t('vendor:chooseCategory') },
                  ...categories.map((c) => ({ value: c, label: t(`common:categories.${c}`) })),
                ]}
              />
              <SelectField
                name="sector"
                label={labels.sector!}
                errors={errors}
                defaultValue={values.sector ?? 'fnb'}
                options={sectors.map((s) => ({ value: s, label: t(`common:sectors.${s}`) }))}
              />
            </>
          ) : (
            <>
              <input type="hidden" name="category" value={values.category} />
              <input type="hidden" name="sector" value={values.sector} />
            </>
          )}
          <TextField name="nameEn" label={labels.nameEn!} maxLength={120} defaultValue={values.nameEn} errors={errors} />
          <TextField name="nameZhHk" label={labels.nameZhHk!} maxLength={60} defaultValue={values.nameZhHk} errors={errors} />
          <TextField
            name="nameZhCn"
            label={labels.nameZhCn!}
            hint={t('vendor:simplifiedHint')}
            maxLength={60}
            defaultValue={values.nameZhCn}
            errors={errors}
          />
          {area('descriptionEn', 4)}
          {area('descriptionZhHk', 4)}
          {area('descriptionZhCn', 3, t('vendor:simplifiedHint'))}
          {area('deliverablesEn', 3, t('vendor:deliverablesHint'))}
          {area('deliverablesZhHk', 3)}
          {area('deliverablesZhCn', 2, t('vendor:simplifiedHint'))}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('vendor:sectionPrice')}</legend>
          <RadioGroup
            name="pricingModel"
            legend={labels.pricingModel!}
            errors={errors}
            defaultValue={values.pricingModel ?? 'one_off'}
            options={[
              { value: 'one_off', label: t('vendor:oneOff'), hint: t('vendor:oneOffHint') },
              { value: 'monthly', label: t('vendor:monthly'), hint: t('vendor:monthlyHint') },
            ]}
          />
          <TextField
            name="price"
            label={labels.price!}
            hint={t('vendor:priceHint')}
            inputMode="decimal"
            maxLength={16}
            defaultValue={values.price}
            errors={errors}
          />
          <TextField
            name="minContractMonths"
            label={labels.minContractMonths!}
            hint={t('vendor:minContractHint')}
            inputMode="numeric"
            maxLength={3}
            defaultValue={values.minContractMonths}
            errors={errors}
          />
          <TextField
            name="deploymentDays"
            label={labels.deploymentDays!}
            hint={t('vendor:deploymentHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.deploymentDays}
            errors={errors}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('vendor:attributes.sectionTitle')}</legend>
          <p className="hint">{t('vendor:attributes.sectionHint')}</p>
          <CheckboxGroup
            name="needsMet"
            legend={labels.needsMet!}
            hint={t('vendor:attributes.needsMetHint')}
            errors={errors}
            checked={listOf(values.needsMet)}
            options={needs.map((code) => ({ value: code, label: t(`match:needs.${code}`) }))}
          />
          <CheckboxGroup
            name="paymentMethods"
            legend={labels.paymentMethods!}
            hint={t('vendor:attributes.paymentMethodsHint')}
            errors={errors}
            checked={listOf(values.paymentMethods)}
            options={paymentMethods.map((code) => ({ value: code, label: t(`match:methods.${code}`) }))}
          />
          <TextField
            name="maxOutlets"
            label={labels.maxOutlets!}
            hint={t('vendor:attributes.maxOutletsHint')}
            inputMode="numeric"
            maxLength={3}
            defaultValue={values.maxOutlets}
            errors={errors}
          />
          <TextField
            name="minSeats"
            label={labels.minSeats!}
            hint={t('vendor:attributes.seatsHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.minSeats}
            errors={errors}
          />
          <TextField
            name="maxSeats"
            label={labels.maxSeats!}
            hint={t('vendor:attributes.seatsHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.maxSeats}
            errors={errors}
          />
          <RadioGroup
            name="supportArea"
            legend={labels.supportArea!}
            errors={errors}
            defaultValue={values.supportArea ?? 'all'}
            options={[
              { value: 'all', label: t('vendor:attributes.supportAll') },
              { value: 'districts', label: t('vendor:attributes.supportSome') },
            ]}
          />
          <CheckboxGroup
            name="supportDistricts"
            legend={labels.supportDistricts!}
            hint={t('vendor:attributes.supportDistrictsHint')}
            errors={errors}
            checked={listOf(values.supportDistricts)}
            options={districts.map((code) => ({ value: code, label: t(`common:districts.${code}`) }))}
          />
        </fieldset>
        <fieldset className={errors?.features?.length ? 'form-section field--error' : 'form-section'} id="features" tabIndex={-1}>
          <legend>{t('vendor:sectionFeatures')}</legend>
          <p className="hint">{t('vendor:featuresHint')}</p>
          {errors?.features?.length ? (
            <p className="field-error" id="features-error">
              <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(errors.features[0]!)}
            </p>
          ) : null}
          {Array.from({ length: MAX_FEATURES }, (_, i) => (
            <div className="feature-row" key={i}>
              <TextField
                name={`featureNameEn${i}`}
                label={labels[`featureNameEn${i}`]!}
                maxLength={120}
                defaultValue={values[`featureNameEn${i}`]}
                errors={errors}
              />
              <TextField
                name={`featureNameZh${i}`}
                label={t('vendor:featureNameZh', { n: i + 1 })}
                maxLength={60}
                defaultValue={values[`featureNameZh${i}`]}
                errors={errors}
              />
              <TextField
                name={`featurePrice${i}`}
                label={labels[`featurePrice${i}`]!}
                inputMode="decimal"
                maxLength={16}
                defaultValue={values[`featurePrice${i}`]}
                errors={errors}
              />
              <SelectField
                name={`featureModel${i}`}
                label={t('vendor:featureModel', { n: i + 1 })}
                defaultValue={values[`featureModel${i}`] ?? 'one_off'}
                options={[
                  { value: 'one_off', label: t('vendor:oneOff') },
                  { value: 'monthly', label: t('vendor:monthly') },
                ]}
              />
              <TextField
                name={`featureContract${i}`}
                label={labels[`featureContract${i}`]!}
                inputMode="numeric"
                maxLength={3}
                defaultValue={values[`featureContract${i}`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}

function listOf(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}

/** Checkboxes of one group; the first box carries the group's name as id, so the error summary links to it. */
function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  checked: readonly string[];
}) {
  const { t } = useTranslation();
  const list = errors?.[name];
  const described = [hint ? `${name}-hint` : '', list?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={list?.length ? 'field field--error' : 'field'} aria-describedby={described}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {list?.length ? (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(list[0]!)}
        </p>
      ) : null}
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
