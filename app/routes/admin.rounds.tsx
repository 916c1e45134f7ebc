// Admin: the programme's settings for the current round, and a new version of them.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, TextField } from '../components/forms';
import { centsToInput } from '../domain/money';
import { categories, sectors } from '../domain/programme';
import { requireRole } from '../services/session.server';
import { formatDate, formatMoney } from '../lib/format';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { calendarDay, formList, moneyCents, requiredText, wholeNumber } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { budgetPosition } from '../services/officer.server';
import { createSettingsVersion, listSettingsVersions } from '../services/settings.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'officer:roundsTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin');
  const [versions, position] = await Promise.all([listSettingsVersions({ db: context.db }), budgetPosition(context.db)]);
  return json({ versions, approvedCents: position.approvedCents });
}

// Bounded as programme_settings' CHECKs: budget and cap may be 0, the ceilings must be above 0.
const money = moneyCents();
const ceiling = moneyCents({ minCents: 1 });
const whole = (min: number, max: number) => wholeNumber({ min, max });
const day = calendarDay;

const schema = z
  .object({
    roundCode: requiredText({ max: 30 }),
    budget: money,
    cap: money,
    matchPercent: whole(1, 100),
    maxOneOff: ceiling,
    maxSubscriptionMonths: whole(1, 120),
    maxSubscriptionTotal: ceiling,
    deploymentMonths: whole(1, 36),
    maxEmployees: whole(1, 100_000),
    openSectors: formList(z.array(z.enum(sectors)).min(1, 'officer:choose_one_sector')),
    openCategories: formList(z.array(z.enum(categories)).min(1, 'officer:choose_one_category')),
    opensOn: day,
    closesOn: day,
    slaWorkingDays: whole(1, 365),
  })
  .refine((v) => typeof v.closesOn !== 'string' || typeof v.opensOn !== 'string' || v.closesOn > v.opensOn, {
    path: ['closesOn'],
    message: 'officer:closes_before_opens',
    when: () => true,
  });

const failures = {
  budget_below_approved: { status: 400, message: 'officer:budget_below_approved', field: 'budget' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, context, 'admin');
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const v = parsed.data;
  const saved = await createSettingsVersion({
    db: context.db,
    adminId: admin.id,
    input: {
      roundCode: v.roundCode,
      budgetCents: v.budget,
      capCents: v.cap,
      matchBps: v.matchPercent * 100,
      maxOneOffCents: v.maxOneOff,
      maxSubscriptionMonths: v.maxSubscriptionMonths,
      maxSubscriptionTotalCents: v.maxSubscriptionTotal,
      deploymentMonths: v.deploymentMonths,
      maxEmployees: v.maxEmployees,
      openSectors: v.openSectors,
      openCategories: v.openCategories,
      // Dates are Hong Kong calendar days: the round opens at the start of the first and closes at the end of the last.
      opensAt: new Date(`${v.opensOn}T00:00:00+08:00`),
      closesAt: new Date(`${v.closesOn}T23:59:59+08:00`),
      slaWorkingDays: v.slaWorkingDays,
    },
  });
  if (!saved.ok) {
    // Below the money already approved: those promises must stay covered.
    return reply(parsed.form, failures[saved.code]);
  }
  return redirect(`/admin/rounds?saved=${saved.version}`);
}

const hkDay = (value: string | Date) => new Date(new Date(value).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export default function Rounds() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { versions, approvedCents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const current = versions[0]!;
  const errors = actionData?.fieldErrors;
  const typed = actionData?.values;
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
    <div>
      <FormErrorSummary errors={errors} formErrors={actionData?.formErrors} />
      <h1>{t('officer:roundsTitle')}</h1>
      {params.get('saved') ? (
        <div className="notice notice--success" role="status">
          {t('officer:settingsSaved', { version: params.get('saved') })}
        </div>
      ) : null}
      <p className="lead">{t('officer:roundsLead')}</p>
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
      <h2>{t('officer:versionsTitle')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('officer:settingsVersion')}</th>
            <th scope="col">{labels.roundCode}</th>
            <th scope="col">{labels.budget}</th>
            <th scope="col">{labels.cap}</th>
            <th scope="col">{labels.matchPercent}</th>
            <th scope="col">{t('officer:savedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>{v.version}</td>
              <td>{v.roundCode}</td>
              <td>{formatMoney(v.budgetCents)}</td>
              <td>{formatMoney(v.capCents)}</td>
              <td>{v.matchBps / 100}%</td>
              <td>
                {v.createdByName ?? t('officer:seeded')} · {formatDate(v.createdAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
