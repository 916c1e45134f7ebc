// A vendor applies to enrol in the programme: company, BR number, contact, track record, net equity declaration.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, SelectField, TextField } from '../components/forms';
import { districts } from '../domain/programme';
import { requireRole } from '../services/session.server';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { emailAddress, optionalText, requiredText } from '../lib/validation';
import { getVendorForUser, submitEnrolment } from '../services/vendors.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:enrolTitle');

const text = (max: number) => requiredText({ max });
const longText = (max: number) => requiredText({ max, multiline: true });

const schema = z.object({
  nameEn: text(200),
  nameZhHk: text(100),
  nameZhCn: optionalText({ max: 100 }).default(''),
  brNumber: z
    .string({ error: 'errors:required' })
    .trim()
    .regex(/^\d{8}$/, 'errors:br_number_invalid'),
  contactName: text(100),
  contactEmail: emailAddress,
  phone: z
    .string({ error: 'errors:required' })
    .trim()
    .regex(/^[2-9]\d{3} ?\d{4}$/, 'errors:phone_invalid'),
  website: optionalText({ max: 200 })
    .refine((value) => value === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(value), 'vendor:website_invalid')
    .default(''),
  district: z.enum(districts, { error: 'errors:choose_district' }),
  trackRecord: longText(3000),
  referenceCustomers: longText(1000),
  netEquityPositive: z.literal('yes', { error: 'vendor:net_equity_required' }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const vendor = await getVendorForUser({ db: context.db, userId: user.id });
  if (vendor && (vendor.status === 'enrolled' || vendor.status === 'pending')) throw redirect('/vendor');
  return json({ vendor: vendor ?? null });
}

const failures = {
  br_taken: { status: 409, message: 'vendor:br_taken', field: 'brNumber' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const { netEquityPositive: _n, ...input } = parsed.data;
  const result = await submitEnrolment({
    db: context.db,
    userId: user.id,
    input: { ...input, nameZhCn: input.nameZhCn || input.nameZhHk, website: input.website || null, netEquityPositive: true },
  });
  if (!result.ok) {
    if (result.code === 'already_decided') return redirect('/vendor');
    return reply(parsed.form, failures[result.code]);
  }
  return redirect('/vendor?enrolment=submitted');
}

export default function Enrolment() {
  const { t } = useTranslation();
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const values: Record<string, string | undefined> = actionData?.values ?? {
    nameEn: vendor?.nameEn,
    nameZhHk: vendor?.nameZhHk,
    nameZhCn: vendor?.nameZhCn,
    brNumber: vendor?.brNumber,
    contactName: vendor?.contactName ?? undefined,
    contactEmail: vendor?.contactEmail,
    phone: vendor?.phone,
    website: vendor?.website ?? undefined,
    district: vendor?.district ?? undefined,
    trackRecord: vendor?.trackRecord ?? undefined,
    referenceCustomers: vendor?.referenceCustomers ?? undefined,
  };
  const labels: Record<string, string> = {
    nameEn: t('vendor:companyNameEn'),
    nameZhHk: t('vendor:companyNameZhHk'),
    nameZhCn: t('vendor:companyNameZhCn'),
    brNumber: t('business:brNumber'),
    contactName: t('vendor:contactName'),
    contactEmail: t('vendor:contactEmail'),
    phone: t('business:phone'),
    website: t('vendor:website'),
    district: t('business:district'),
    trackRecord: t('vendor:trackRecord'),
    referenceCustomers: t('vendor:referenceCustomers'),
    netEquityPositive: t('vendor:netEquity'),
  };
  const area = (name: string, hint: string) => (
    <div className={errors?.[name] ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{labels[name]}</label>
      <p className="hint" id={`${name}-hint`}>
        {hint}
      </p>
      {errors?.[name] ? (
        <p className="field-error" id={`${name}-error`}>
          {t(errors[name]![0]!)}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={4}
        maxLength={3000}
        defaultValue={values[name]}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={errors?.[name] ? `${name}-hint ${name}-error` : `${name}-hint`}
      />
    </div>
  );
  return (
    <div>
      <p>
        <AppLink to="/vendor">{t('common:vendorHome.title')}</AppLink>
      </p>
      <FormErrorSummary errors={errors} formErrors={actionData?.formErrors} />
      <h1>{t('vendor:enrolTitle')}</h1>
      {vendor?.status === 'rejected' ? (
        <p className="notice notice--error">{t('vendor:enrolRejected', { reason: vendor.decisionReason ?? '' })}</p>
      ) : null}
      <p className="lead">{t('vendor:enrolLead')}</p>
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <TextField name="nameEn" label={labels.nameEn!} defaultValue={values.nameEn} errors={errors} />
        <TextField name="nameZhHk" label={labels.nameZhHk!} defaultValue={values.nameZhHk} errors={errors} />
        <TextField
          name="nameZhCn"
          label={labels.nameZhCn!}
          hint={t('vendor:simplifiedHint')}
          defaultValue={values.nameZhCn}
          errors={errors}
        />
        <TextField
          name="brNumber"
          label={labels.brNumber!}
          hint={t('business:brNumberHint')}
          inputMode="numeric"
          maxLength={8}
          defaultValue={values.brNumber}
          errors={errors}
        />
        <TextField name="contactName" label={labels.contactName!} defaultValue={values.contactName} errors={errors} />
        <TextField name="contactEmail" type="email" label={labels.contactEmail!} defaultValue={values.contactEmail} errors={errors} />
        <TextField
          name="phone"
          type="tel"
          label={labels.phone!}
          hint={t('business:phoneHint')}
          maxLength={9}
          defaultValue={values.phone}
          errors={errors}
        />
        <TextField name="website" label={labels.website!} hint={t('vendor:websiteHint')} defaultValue={values.website} errors={errors} />
        <SelectField
          name="district"
          label={labels.district!}
          errors={errors}
          defaultValue={values.district ?? ''}
          options={[
            { value: '', label: t('business:chooseDistrict') },
            ...districts.map((d) => ({ value: d, label: t(`common:districts.${d}`) })),
          ]}
        />
        {area('trackRecord', t('vendor:trackRecordHint'))}
        {area('referenceCustomers', t('vendor:referenceCustomersHint'))}
        <div className={errors?.netEquityPositive ? 'field field--error checkbox' : 'field checkbox'}>
          {errors?.netEquityPositive ? <p className="field-error">{t(errors.netEquityPositive[0]!)}</p> : null}
          <input type="checkbox" id="netEquityPositive" name="netEquityPositive" value="yes" />
          <label htmlFor="netEquityPositive">{labels.netEquityPositive}</label>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('vendor:enrolButton')}
        </button>
      </Form>
    </div>
  );
}
