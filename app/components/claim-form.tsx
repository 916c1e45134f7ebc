// The shop's claim: the rules first, then the invoice and proof of payment with the amounts typed as on the papers,
// and the business's bank account the programme pays into.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { bankCodes, digitsOnly } from '../domain/bank-account';
import { parseMoneyToCents } from '../domain/money';
import { calendarDay, requiredText } from '../lib/validation';
import { CsrfInput, FileField, SelectField, TextField, type FieldErrors } from './forms';

const money = z.string({ error: 'errors:required' }).transform((value, ctx) => {
  const parsed = parseMoneyToCents(value);
  if (!parsed.ok || parsed.cents === 0) {
    ctx.addIssue({ code: 'custom', message: parsed.ok ? 'claims:amount_zero' : `errors:${parsed.code}` });
    return z.NEVER;
  }
  return parsed.cents;
});
const day = calendarDay;

// Bounded as the database bounds them; each bank's own format is checked by the domain (checkBankAccount).
const digits = (max: number, message: string) =>
  z
    .string()
    .max(40, message)
    .transform(digitsOnly)
    .pipe(z.string().regex(new RegExp(`^\\d{0,${max}}$`), message));

export const claimSchema = z.object({
  invoiceNumber: requiredText({ max: 60 }),
  invoiceDate: day,
  invoiced: money,
  paid: money,
  paidOn: day,
  payerName: requiredText({ max: 200 }),
  bankCode: z.enum(bankCodes as [string, ...string[]], { error: 'claims:bank_unknown' }),
  branchCode: digits(3, 'claims:branch_invalid').default(''),
  accountNumber: digits(12, 'claims:account_number_invalid').pipe(z.string().min(1, 'claims:account_number_invalid')),
  accountName: requiredText({ max: 140 }),
});

export type ClaimRules = { approvedOn: string; vendorName: string };

/** What the programme checks, said before the shop starts: the same three rules the officer checks afterwards. */
export function ClaimRulesNote({ rules }: { rules: ClaimRules }) {
  const { t } = useTranslation();
  return (
    <div className="notice">
      <p>{t('claims:rulesLead')}</p>
      <ul>
        <li>{t('claims:ruleDate', { date: rules.approvedOn })}</li>
        <li>{t('claims:rulePayer')}</li>
        <li>{t('claims:ruleVendor', { vendor: rules.vendorName })}</li>
      </ul>
    </div>
  );
}

export function ClaimForm({
  errors,
  values = {},
  busy,
  action,
}: {
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  busy: boolean;
  action?: string;
}) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    invoiceNumber: t('claims:invoiceNumber'),
    invoiceDate: t('claims:invoiceDate'),
    invoiced: t('claims:invoiced'),
    paid: t('claims:paid'),
    paidOn: t('claims:paidOn'),
    payerName: t('claims:payerName'),
    invoiceDocument: t('claims:invoiceDocument'),
    paymentDocument: t('claims:paymentDocument'),
    bankCode: t('claims:bankCode'),
    branchCode: t('claims:branchCode'),
    accountNumber: t('claims:accountNumber'),
    accountName: t('claims:accountName'),
  };
  const file = (name: string) => (
    <FileField
      name={name}
      label={labels[name]!}
      hint={t('applications:documentHint')}
      errors={errors}
      accept="application/pdf,image/jpeg,image/png"
    />
  );
  const banks = [
    { value: '', label: t('claims:chooseBank') },
    ...bankCodes.map((code) => ({ value: code, label: `${code} ${t(`claims:banks.${code}`)}` })),
  ];
  return (
    <>
      <Form method="post" action={action} encType="multipart/form-data" noValidate className="narrow">
        <CsrfInput />
        <TextField name="invoiceNumber" label={labels.invoiceNumber!} maxLength={60} defaultValue={values.invoiceNumber} errors={errors} />
        <TextField name="invoiceDate" type="date" label={labels.invoiceDate!} defaultValue={values.invoiceDate} errors={errors} />
        <TextField
          name="invoiced"
          label={labels.invoiced!}
          hint={t('claims:amountHint')}
          inputMode="decimal"
          maxLength={16}
          defaultValue={values.invoiced}
          errors={errors}
        />
        <TextField name="paid" label={labels.paid!} inputMode="decimal" maxLength={16} defaultValue={values.paid} errors={errors} />
        <TextField name="paidOn" type="date" label={labels.paidOn!} defaultValue={values.paidOn} errors={errors} />
        <TextField
          name="payerName"
          label={labels.payerName!}
          hint={t('claims:payerNameHint')}
          maxLength={200}
          defaultValue={values.payerName}
          errors={errors}
        />
        {file('invoiceDocument')}
        {file('paymentDocument')}
        <fieldset className="field">
          <legend>{t('claims:bankTitle')}</legend>
          <p className="hint">{t('claims:bankHint')}</p>
          <SelectField name="bankCode" label={labels.bankCode!} options={banks} defaultValue={values.bankCode ?? ''} errors={errors} />
          <TextField
            name="branchCode"
            label={labels.branchCode!}
            hint={t('claims:branchCodeHint')}
            inputMode="numeric"
            maxLength={3}
            defaultValue={values.branchCode}
            errors={errors}
          />
          <TextField
            name="accountNumber"
            label={labels.accountNumber!}
            hint={t('claims:accountNumberHint')}
            inputMode="numeric"
            maxLength={20}
            autoComplete="off"
            defaultValue={values.accountNumber}
            errors={errors}
          />
          <TextField
            name="accountName"
            label={labels.accountName!}
            hint={t('claims:accountNameHint')}
            maxLength={140}
            defaultValue={values.accountName}
            errors={errors}
          />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t('claims:submitClaim')}
        </button>
      </Form>
    </>
  );
}
