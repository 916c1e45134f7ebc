// Form pieces in the GOV.UK pattern: an error summary linking to fields, labels, hints and errors beside inputs.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRootData } from '../lib/root-data';

export type FieldErrors = Record<string, string[] | undefined>;

export function CsrfInput() {
  const { csrf } = useRootData();
  return <input type="hidden" name="_csrf" value={csrf} />;
}

export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(errors ?? {}).filter(([, list]) => list && list.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('common:errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([field, list]) => (
          <li key={field}>
            {field in labels ? (
              <a href={`#${field}`}>
                {labels[field]}: {t(list![0]!)}
              </a>
            ) : (
              t(list![0]!)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
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
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
    </div>
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
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, hint, errors)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
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
