// The business profile form and its zod schema, shared by "add a business" and "edit".
import { Form } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isRealDay } from '../domain/dates';
import { districts, sectors } from '../domain/programme';
import { optionalText, requiredText, wholeNumber } from '../lib/validation';
import type { EnterpriseInput } from '../domain/enterprise';
import { CsrfInput, RadioGroup, SelectField, TextField, type FieldErrors } from './forms';

const yesNo = z.enum(['yes', 'no'], { error: 'errors:choose_yes_no' }).transform((value) => value === 'yes');
const text = (max: number) => requiredText({ max });
// Typed digits only: an empty box must not quietly become 0. Bounded as the column's CHECK (0 to 1,000,000).
const MAX_EMPLOYEES = 1_000_000;
const count = wholeNumber({ min: 0, max: MAX_EMPLOYEES });

export const enterpriseSchema = z
  .object({
    legalNameEn: text(200),
    legalNameZh: text(100),
    registrationType: z.enum(['br', 'hawker'], { error: 'errors:choose_registration' }),
    brNumber: z.string().trim().optional(),
    brExpiry: z.string().trim().optional(),
    hawkerLicenceNo: optionalText({ max: 30 }).optional(),
    sector: z.enum(sectors, { error: 'errors:choose_sector' }),
    fullTimeEmployees: count,
    isGroupMember: yesNo,
    groupFullTimeEmployees: z.string().trim().optional(),
    address: text(300),
    district: z.enum(districts, { error: 'errors:choose_district' }),
    phone: z
      .string({ error: 'errors:required' })
      .trim()
      .regex(/^[2-9]\d{3} ?\d{4}$/, 'errors:phone_invalid'),
    hasSubstantiveBusiness: yesNo,
    isListedCompany: yesNo,
    isStatutoryBody: yesNo,
    isSubvented: yesNo,
  })
  // Runs even when other fields failed, so that every problem is shown at once; the value may be partly raw here.
  .superRefine(
    (value, ctx) => {
      const raw = value as Record<string, unknown>;
      const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
      if (raw.registrationType === 'br') {
        if (!/^\d{8}$/.test(str('brNumber'))) ctx.addIssue({ code: 'custom', path: ['brNumber'], message: 'errors:br_number_invalid' });
        if (!isRealDay(str('brExpiry'))) ctx.addIssue({ code: 'custom', path: ['brExpiry'], message: 'errors:date_invalid' });
      } else if (raw.registrationType === 'hawker' && !/^[A-Za-z0-9][A-Za-z0-9/-]{2,29}$/.test(str('hawkerLicenceNo'))) {
        ctx.addIssue({ code: 'custom', path: ['hawkerLicenceNo'], message: 'errors:licence_invalid' });
      }
      const groupMember = raw.isGroupMember === true || raw.isGroupMember === 'yes';
      if (groupMember && !/^\d{1,7}$/.test(str('groupFullTimeEmployees').trim())) {
        ctx.addIssue({ code: 'custom', path: ['groupFullTimeEmployees'], message: 'errors:whole_number' });
      } else if (groupMember && Number(str('groupFullTimeEmployees')) > MAX_EMPLOYEES) {
        ctx.addIssue({ code: 'custom', path: ['groupFullTimeEmployees'], message: 'errors:too_big' });
      }
    },
    { when: () => true },
  )
  .transform((value) => ({
    ...value,
    brNumber: value.registrationType === 'br' ? (value.brNumber ?? null) : null,
    brExpiry: value.registrationType === 'br' ? (value.brExpiry ?? null) : null,
    hawkerLicenceNo: value.registrationType === 'hawker' ? (value.hawkerLicenceNo ?? null) : null,
    groupFullTimeEmployees: value.isGroupMember ? Number(value.groupFullTimeEmployees) : null,
  }));

export type EnterpriseValues = Record<string, string | undefined>;

/** Form values from a saved enterprise, for the edit form. */
/** How the form answers the enterprise service's refusals: another profile holds this registration. */
export const identityTaken = {
  br_taken: { status: 409, message: 'business:br_taken', field: 'brNumber' },
  hawker_taken: { status: 409, message: 'business:hawker_taken', field: 'hawkerLicenceNo' },
} as const;

export function enterpriseToValues(enterprise: EnterpriseInput): EnterpriseValues {
  const yn = (flag: boolean) => (flag ? 'yes' : 'no');
  return {
    legalNameEn: enterprise.legalNameEn,
    legalNameZh: enterprise.legalNameZh,
    registrationType: enterprise.registrationType,
    brNumber: enterprise.brNumber ?? '',
    brExpiry: enterprise.brExpiry ?? '',
    hawkerLicenceNo: enterprise.hawkerLicenceNo ?? '',
    sector: enterprise.sector,
    fullTimeEmployees: String(enterprise.fullTimeEmployees),
    isGroupMember: yn(enterprise.isGroupMember),
    groupFullTimeEmployees: enterprise.groupFullTimeEmployees === null ? '' : String(enterprise.groupFullTimeEmployees),
    address: enterprise.address,
    district: enterprise.district,
    phone: enterprise.phone,
    hasSubstantiveBusiness: yn(enterprise.hasSubstantiveBusiness),
    isListedCompany: yn(enterprise.isListedCompany),
    isStatutoryBody: yn(enterprise.isStatutoryBody),
    isSubvented: yn(enterprise.isSubvented),
  };
}

export function EnterpriseForm({
  values = {},
  errors,
  submitLabel,
  busy,
  identityLocked = false,
}: {
  values?: EnterpriseValues;
  errors?: FieldErrors;
  submitLabel: string;
  busy: boolean;
  /** An application was submitted under this registration: say so before the owner tries to change it. */
  identityLocked?: boolean;
}) {
  const { t } = useTranslation();
  // Without JavaScript every field shows; once hydrated, only those that apply to the answers given so far.
  const [hydrated, setHydrated] = useState(false);
  const [registrationType, setRegistrationType] = useState(values.registrationType ?? 'br');
  const [groupMember, setGroupMember] = useState(values.isGroupMember ?? '');
  useEffect(() => setHydrated(true), []);
  const showBr = !hydrated || registrationType === 'br';
  const showHawker = !hydrated || registrationType === 'hawker';
  const showGroup = !hydrated || groupMember === 'yes';
  const yesNoOptions = [
    { value: 'yes', label: t('business:yes') },
    { value: 'no', label: t('business:no') },
  ];
  const labels: Record<string, string> = {
    legalNameEn: t('business:legalNameEn'),
    legalNameZh: t('business:legalNameZh'),
    registrationType: t('business:registrationType'),
    brNumber: t('business:brNumber'),
    brExpiry: t('business:brExpiry'),
    hawkerLicenceNo: t('business:hawkerLicenceNo'),
    sector: t('business:sector'),
    fullTimeEmployees: t('business:fullTimeEmployees'),
    isGroupMember: t('business:isGroupMember'),
    groupFullTimeEmployees: t('business:groupFullTimeEmployees'),
    address: t('business:address'),
    district: t('business:district'),
    phone: t('business:phone'),
    hasSubstantiveBusiness: t('business:hasSubstantiveBusiness'),
    isListedCompany: t('business:isListedCompany'),
    isStatutoryBody: t('business:isStatutoryBody'),
    isSubvented: t('business:isSubvented'),
  };
  return (
    <>
      <Form
        method="post"
        noValidate
        className="narrow"
        onChange={(event) => {
          const target = event.target as HTMLInputElement;
          if (target.name === 'registrationType') setRegistrationType(target.value);
          if (target.name === 'isGroupMember') setGroupMember(target.value);
        }}
      >
        <CsrfInput />
        <fieldset className="form-section">
          <legend>{t('business:sectionIdentity')}</legend>
          {identityLocked ? <p className="notice">{t('business:identityLockedNotice')}</p> : null}
          <TextField name="legalNameEn" label={labels.legalNameEn!} defaultValue={values.legalNameEn} errors={errors} />
          <TextField name="legalNameZh" label={labels.legalNameZh!} defaultValue={values.legalNameZh} errors={errors} />
          <RadioGroup
            name="registrationType"
            legend={labels.registrationType!}
            errors={errors}
            defaultValue={values.registrationType ?? 'br'}
            options={[
              { value: 'br', label: t('business:registrationBr') },
              { value: 'hawker', label: t('business:registrationHawker') },
            ]}
          />
          {showBr ? (
            <>
              <TextField
                name="brNumber"
                label={labels.brNumber!}
                hint={t('business:brNumberHint')}
                inputMode="numeric"
                maxLength={8}
                defaultValue={values.brNumber}
                errors={errors}
              />
              <TextField
                name="brExpiry"
                type="date"
                label={labels.brExpiry!}
                hint={t('business:brExpiryHint')}
                defaultValue={values.brExpiry}
                errors={errors}
              />
            </>
          ) : null}
          {showHawker ? (
            <TextField
              name="hawkerLicenceNo"
              label={labels.hawkerLicenceNo!}
              hint={t('business:hawkerHint')}
              maxLength={30}
              defaultValue={values.hawkerLicenceNo}
              errors={errors}
            />
          ) : null}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('business:sectionBusiness')}</legend>
          <SelectField
            name="sector"
            label={labels.sector!}
            errors={errors}
            defaultValue={values.sector ?? 'fnb'}
            options={sectors.map((code) => ({ value: code, label: t(`common:sectors.${code}`) }))}
          />
          <TextField
            name="fullTimeEmployees"
            label={labels.fullTimeEmployees!}
            hint={t('business:fullTimeEmployeesHint')}
            inputMode="numeric"
            maxLength={7}
            defaultValue={values.fullTimeEmployees}
            errors={errors}
          />
          <RadioGroup
            name="isGroupMember"
            legend={labels.isGroupMember!}
            hint={t('business:isGroupMemberHint')}
            errors={errors}
            defaultValue={values.isGroupMember}
            options={yesNoOptions}
          />
          {showGroup ? (
            <TextField
              name="groupFullTimeEmployees"
              label={labels.groupFullTimeEmployees!}
              inputMode="numeric"
              maxLength={7}
              defaultValue={values.groupFullTimeEmployees}
              errors={errors}
            />
          ) : null}
          <TextField name="address" label={labels.address!} maxLength={300} defaultValue={values.address} errors={errors} />
          <SelectField
            name="district"
            label={labels.district!}
            errors={errors}
            defaultValue={values.district ?? ''}
            options={[
              { value: '', label: t('business:chooseDistrict') },
              ...districts.map((code) => ({ value: code, label: t(`common:districts.${code}`) })),
            ]}
          />
          <TextField
            name="phone"
            type="tel"
            label={labels.phone!}
            hint={t('business:phoneHint')}
            inputMode="tel"
            maxLength={9}
            defaultValue={values.phone}
            errors={errors}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('business:sectionDeclarations')}</legend>
          <RadioGroup
            name="hasSubstantiveBusiness"
            legend={labels.hasSubstantiveBusiness!}
            errors={errors}
            defaultValue={values.hasSubstantiveBusiness}
            options={yesNoOptions}
          />
          <RadioGroup
            name="isListedCompany"
            legend={labels.isListedCompany!}
            errors={errors}
            defaultValue={values.isListedCompany}
            options={yesNoOptions}
          />
          <RadioGroup
            name="isStatutoryBody"
            legend={labels.isStatutoryBody!}
            errors={errors}
            defaultValue={values.isStatutoryBody}
            options={yesNoOptions}
          />
          <RadioGroup
            name="isSubvented"
            legend={labels.isSubvented!}
            errors={errors}
            defaultValue={values.isSubvented}
            options={yesNoOptions}
          />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
