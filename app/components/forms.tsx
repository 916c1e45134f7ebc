// Form pieces in the GOV.UK pattern: an error summary linking to fields, labels, hints and errors beside inputs.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRootData } from '../lib/root-data';
import { ErrorSummary as OneErrorSummary, type ErrorMessages } from './error-summary';

export type FieldErrors = Record<string, string[] | undefined>;

/** The form reply (ADR 008) among an action's answers, if that is what it answered. */
export function asReply<T>(data: T | undefined): Extract<T, { fieldErrors: unknown }> | undefined {
  return data && typeof data === 'object' && 'fieldErrors' in data ? (data as Extract<T, { fieldErrors: unknown }>) : undefined;
}

export function CsrfInput() {
  const { csrf } = useRootData();
  return <input type="hidden" name="_csrf" value={csrf} />;
}

/**
 * The one error summary (./error-summary) fed with a form reply's message keys (ADR 008): each field's first message,
 * translated, the same words as the inline error; errors of the whole form first, without a link.
 */
export function FormErrorSummary({
  errors,
  formErrors,
  row,
}: {
  errors?: FieldErrors;
  formErrors?: readonly string[];
  /** On a page with one small form per row, the fields' ids are `<field>-<row>`. */
  row?: string | number;
}) {
  const { t } = useTranslation();
  const messages: ErrorMessages = {};
  if (formErrors?.[0]) messages.form = t(formErrors[0]);
  for (const [field, list] of Object.entries(errors ?? {}))
    if (list?.[0]) messages[row === undefined ? field : `${field}-${row}`] = t(list[0]);
  return <OneErrorSummary errors={messages} />;
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  children?: ReactNode;
};

function FieldError({ name, errors }: { name: string; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const list = errors?.[name];
  if (!list || list.length === 0) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(list[0]!)}
    </p>
  );
}

function describedBy(name: string, hint: string | undefined, errors: FieldErrors | undefined) {
  const ids = [hint ? `${name}-hint` : '', errors?.[name]?.length ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The GOV.UK field: label, hint and error above the control, which takes the given id, name and aria attributes. */
function LabelledField({
  name,
  label,
  hint,
  errors,
  children,
}: Omit<FieldProps, 'children'> & {
  children: (control: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const invalid = Boolean(errors?.[name]?.length);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError name={name} errors={errors} />
      {children({ id: name, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy(name, hint, errors) })}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  errors,
  type = 'text',
  defaultValue,
  autoComplete,
  inputMode,
  maxLength = 200,
  required,
}: FieldProps & {
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text' | 'tel';
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          required={required}
          {...control}
        />
      )}
    </LabelledField>
  );
}

export function TextArea({
  name,
  label,
  hint,
  errors,
  defaultValue,
  rows = 4,
  maxLength,
}: FieldProps & { defaultValue?: string; rows?: number; maxLength: number }) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      {(control) => <textarea rows={rows} maxLength={maxLength} defaultValue={defaultValue} {...control} />}
    </LabelledField>
  );
}

export function FileField({ name, label, hint, errors, accept }: FieldProps & { accept: string }) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      {(control) => <input type="file" accept={accept} {...control} />}
    </LabelledField>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      {(control) => (
        <select defaultValue={defaultValue} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  errors,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  const invalid = Boolean(errors?.[name]?.length);
  return (
    <fieldset className={invalid ? 'field field--error' : 'field'} aria-describedby={describedBy(name, hint, errors)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError name={name} errors={errors} />
      {options.map((option, index) => (
        <div className="radio" key={option.value}>
          <input
            type="radio"
            id={index === 0 ? name : `${name}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
          />
          <label htmlFor={index === 0 ? name : `${name}-${option.value}`}>{option.label}</label>
          {option.hint ? <p className="hint">{option.hint}</p> : null}
        </div>
      ))}
    </fieldset>
  );
}
