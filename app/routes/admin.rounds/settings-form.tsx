// The settings form: every setting of the current version, to save as the next version.
import type { SerializeFrom } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput, TextField, type FieldErrors } from '../../components/forms';
import { hongKongDay } from '../../domain/dates';
import { centsToInput } from '../../domain/money';
import { categories, sectors } from '../../domain/programme';
import { formatMoney } from '../../lib/format';
import type { loader } from './route';

type Version = SerializeFrom<typeof loader>['versions'][number];

const hkDay = (value: string) => hongKongDay(new Date(value));

export function SettingsForm({
  current,
  approvedCents,
  errors,
  typed,
  busy,
}: {
  current: Version;
  approvedCents: number;
  errors: FieldErrors | undefined;
  /** What was typed, after a refused save. */
  typed: Record<string, string> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const value = (name: string, fallback: string) => typed?.[name] ?? fallback;
  const labels: Record<string, string> = {
    roundCode: t('officer:settings.roundCode'),
    budget: t('officer:settings.budget'),
    cap: t('officer:settings.cap'),
    matchPercent: t('officer:settings.matchPercent'),
    maxOneOff: t('officer:settings.maxOneOff'),
    maxSubscriptionMonths: t('officer:settings.maxSubscriptionMonths'),
    maxSubscriptionTotal: t('officer:settings.maxSubscriptionTotal'),
    deploymentMonths: t('officer:settings.deploymentMonths'),
    maxEmployees: t('officer:settings.maxEmployees'),
    openSectors: t('officer:settings.openSectors'),
    openCategories: t('officer:settings.openCategories'),
    opensOn: t('officer:settings.opensOn'),
    closesOn: t('officer:settings.closesOn'),
    slaWorkingDays: t('officer:settings.slaWorkingDays'),
  };
  return (
    <Form method="post" noValidate className="narrow">
      <CsrfInput />
      <TextField name="roundCode" label={labels.roundCode!} defaultValue={value('roundCode', current.roundCode)} errors={errors} />
      <TextField
        name="budget"
        label={labels.budget!}
        hint={t('officer:settings.budgetHint', { amount: formatMoney(approvedCents) })}
        inputMode="decimal"
        defaultValue={value('budget', centsToInput(current.budgetCents))}
        errors={errors}
      />
      <TextField
        name="cap"
        label={labels.cap!}
        inputMode="decimal"
        defaultValue={value('cap', centsToInput(current.capCents))}
        errors={errors}
      />
      <TextField
        name="matchPercent"
        label={labels.matchPercent!}
        inputMode="numeric"
        defaultValue={value('matchPercent', String(current.matchBps / 100))}
        errors={errors}
      />
      <TextField
        name="maxOneOff"
        label={labels.maxOneOff!}
        inputMode="decimal"
        defaultValue={value('maxOneOff', centsToInput(current.maxOneOffCents))}
        errors={errors}
      />
      <TextField
        name="maxSubscriptionMonths"
        label={labels.maxSubscriptionMonths!}
        inputMode="numeric"
        defaultValue={value('maxSubscriptionMonths', String(current.maxSubscriptionMonths))}
        errors={errors}
      />
      <TextField
        name="maxSubscriptionTotal"
        label={labels.maxSubscriptionTotal!}
        inputMode="decimal"
        defaultValue={value('maxSubscriptionTotal', centsToInput(current.maxSubscriptionTotalCents))}
        errors={errors}
      />
      <TextField
        name="deploymentMonths"
        label={labels.deploymentMonths!}
        inputMode="numeric"
        defaultValue={value('deploymentMonths', String(current.deploymentMonths))}
        errors={errors}
      />
      <TextField
        name="maxEmployees"
        label={labels.maxEmployees!}
        hint={t('officer:settings.maxEmployeesHint')}
        inputMode="numeric"
        defaultValue={value('maxEmployees', String(current.maxEmployees))}
        errors={errors}
      />
      <fieldset className={errors?.openSectors ? 'field field--error' : 'field'} id="openSectors">
        <legend>{labels.openSectors}</legend>
        {errors?.openSectors ? <p className="field-error">{t(errors.openSectors[0]!)}</p> : null}
        {sectors.map((code) => (
          <div className="checkbox" key={code}>
            <input
              type="checkbox"
              id={`sector-${code}`}
              name="openSectors"
              value={code}
              defaultChecked={current.openSectors.includes(code)}
            />
            <label htmlFor={`sector-${code}`}>{t(`common:sectors.${code}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className={errors?.openCategories ? 'field field--error' : 'field'} id="openCategories">
        <legend>{labels.openCategories}</legend>
        {errors?.openCategories ? <p className="field-error">{t(errors.openCategories[0]!)}</p> : null}
        {categories.map((code) => (
          <div className="checkbox" key={code}>
            <input
              type="checkbox"
              id={`category-${code}`}
              name="openCategories"
              value={code}
              defaultChecked={current.openCategories.includes(code)}
            />
            <label htmlFor={`category-${code}`}>{t(`common:categories.${code}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextField
        name="opensOn"
        type="date"
        label={labels.opensOn!}
        defaultValue={value('opensOn', hkDay(current.opensAt))}
        errors={errors}
      />
      <TextField
        name="closesOn"
        type="date"
        label={labels.closesOn!}
        defaultValue={value('closesOn', hkDay(current.closesAt))}
        errors={errors}
      />
      <TextField
        name="slaWorkingDays"
        label={labels.slaWorkingDays!}
        inputMode="numeric"
        defaultValue={value('slaWorkingDays', String(current.slaWorkingDays))}
        errors={errors}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('officer:saveSettings')}
      </button>
    </Form>
  );
}
