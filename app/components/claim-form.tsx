// The shop's claim: invoice and proof of payment, with the amounts typed as on the papers.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { parseMoneyToCents } from '../domain/money';
import { calendarDay, requiredText } from '../lib/validation';
import { CsrfInput, ErrorSummary, TextField, type FieldErrors } from './forms';

const money = z.string({ error: 'errors:required' }).transform((value, ctx) => {
  const parsed = parseMoneyToCents(value);
  if (!parsed.ok || parsed.cents === 0) {
    ctx.addIssue({ code: 'custom', message: parsed.ok ? 'claims:amount_zero' : `errors:${parsed.code}` });
    return z.NEVER;
  }
  return parsed.cents;
});
const day = calendarDay;

export const claimSchema = z.object({
  invoiceNumber: requiredText({ max: 60 }),
  invoiceDate: day,
  invoiced: money,
  paid: money,
  paidOn: day,
  payerName: requiredText({ max: 200 }),
  payeeVendorBr: z.string({ error: 'errors:required' }).trim().regex(/^\d{8}$/, 'errors:br_number_invalid'),
});

export function ClaimForm({ errors, values = {}, busy }: { errors?: FieldErrors; values?: Record<string, string | undefined>; busy: boolean }) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    invoiceNumber: t('claims:invoiceNumber'),
    invoiceDate: t('claims:invoiceDate'),
    invoiced: t('claims:invoiced'),
    paid: t('claims:paid'),
    paidOn: t('claims:paidOn'),
    payerName: t('claims:payerName'),
    payeeVendorBr: t('claims:payeeVendorBr'),
    invoiceDocument: t('claims:invoiceDocument'),
    paymentDocument: t('claims:paymentDocument'),
  };
  const file = (name: string) => (
    <div className={errors?.[name] ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{labels[name]}</label>
      <p className="hint">{t('applications:documentHint')}</p>
      {errors?.[name] ? <p className="field-error">{t(errors[name]![0]!)}</p> : null}
      <input type="file" id={name} name={name} accept="application/pdf,image/jpeg,image/png" />
    </div>
  );
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" encType="multipart/form-data" noValidate className="narrow">
        <CsrfInput />
        <TextField name="invoiceNumber" label={labels.invoiceNumber!} maxLength={60} defaultValue={values.invoiceNumber} errors={errors} />
        <TextField name="invoiceDate" type="date" label={labels.invoiceDate!} defaultValue={values.invoiceDate} errors={errors} />
        <TextField name="invoiced" label={labels.invoiced!} hint={t('claims:amountHint')} inputMode="decimal" maxLength={16} defaultValue={values.invoiced} errors={errors} />
        <TextField name="payeeVendorBr" label={labels.payeeVendorBr!} hint={t('claims:payeeVendorBrHint')} inputMode="numeric" maxLength={8} defaultValue={values.payeeVendorBr} errors={errors} />
        <TextField name="paid" label={labels.paid!} inputMode="decimal" maxLength={16} defaultValue={values.paid} errors={errors} />
        <TextField name="paidOn" type="date" label={labels.paidOn!} defaultValue={values.paidOn} errors={errors} />
        <TextField name="payerName" label={labels.payerName!} hint={t('claims:payerNameHint')} maxLength={200} defaultValue={values.payerName} errors={errors} />
        {file('invoiceDocument')}
        {file('paymentDocument')}
        <button type="submit" name="intent" value="claim" className="button" disabled={busy}>
          {t('claims:submitClaim')}
        </button>
      </Form>
    </>
  );
}
