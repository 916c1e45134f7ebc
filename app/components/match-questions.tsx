// The questionnaire's questions, one per page in the GOV.UK pattern: the question is the page's heading (the legend of
// its fieldset, or the label of its only field), with a hint, the error beside the field and plain HTML inputs.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { needs, paymentMethods, paymentPreferences } from '../domain/matcher';
import { categories, districts, sectors } from '../domain/programme';
import type { Question } from '../lib/match-answers';
import type { FieldErrors } from './forms';

type Option = { value: string; label: string; hint?: string; disabled?: boolean };

function FieldError({ name, errors }: { name: string; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const first = errors?.[name]?.[0];
  if (!first) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(first)}
    </p>
  );
}

function describedBy(name: string, hint: string | undefined, errors?: FieldErrors) {
  const ids = [hint ? `${name}-hint` : '', errors?.[name]?.length ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ name, text }: { name: string; text?: string }) {
  return text ? (
    <p className="hint" id={`${name}-hint`}>
      {text}
    </p>
  ) : null;
}

/** Radios or checkboxes whose legend is the page's heading. The first input carries the name as id (error links). */
function Choices({
  name,
  type,
  legend,
  hint,
  errors,
  options,
  checked,
  divider,
}: {
  name: string;
  type: 'radio' | 'checkbox';
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  options: Option[];
  checked: readonly string[];
  /** Shown before the last option ("or"), for an exclusive "None of these". */
  divider?: string;
}) {
  const invalid = Boolean(errors?.[name]?.length);
  return (
    <fieldset className={invalid ? 'field field--error' : 'field'} aria-describedby={describedBy(name, hint, errors)}>
      <legend className="question-legend">
        <h1>{legend}</h1>
      </legend>
      <Hint name={name} text={hint} />
      <FieldError name={name} errors={errors} />
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div key={option.value}>
            {divider && index === options.length - 1 ? <p className="choice-divider">{divider}</p> : null}
            <div className={type === 'radio' ? 'radio' : 'checkbox'}>
              <input
                type={type}
                id={id}
                name={name}
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                disabled={option.disabled}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label htmlFor={id}>{option.label}</label>
              {option.hint ? (
                <p className="hint" id={`${id}-item-hint`}>
                  {option.hint}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function NumberInput({
  name,
  label,
  hint,
  errors,
  value,
  heading,
  prefix,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  value: string;
  heading?: boolean;
  prefix?: string;
}) {
  const invalid = Boolean(errors?.[name]?.length);
  const labelElement = <label htmlFor={name}>{label}</label>;
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      {heading ? <h1 className="question-label">{labelElement}</h1> : labelElement}
      <Hint name={name} text={hint} />
      <FieldError name={name} errors={errors} />
      <div className="input-with-prefix">
        {prefix ? <span aria-hidden="true">{prefix}</span> : null}
        <input
          id={name}
          name={name}
          type="text"
          inputMode="numeric"
          className="input--short"
          defaultValue={value}
          maxLength={20}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(name, hint, errors)}
        />
      </div>
    </div>
  );
}

export function QuestionFields({
  question,
  values,
  errors,
  rankedNeeds,
  openSectors,
  months,
}: {
  question: Question;
  /** What the URL (or the failed submit) holds for this question's parameters, as typed. */
  values: Record<string, string[]>;
  errors?: FieldErrors;
  rankedNeeds: readonly string[];
  openSectors: readonly string[];
  months: number;
}): ReactNode {
  const { t } = useTranslation();
  const title = t(`match:questions.${question}.title`);
  const hint = (key: string) => t(`match:questions.${question}.${key}`, { months });
  const list = (name: string) => (values[name] ?? []).flatMap((v) => v.split(','));
  const first = (name: string) => values[name]?.[0] ?? '';
  switch (question) {
    case 'sector':
      return (
        <Choices
          name="sector"
          type="radio"
          legend={title}
          hint={hint('hint')}
          errors={errors}
          checked={list('sector')}
          options={sectors.map((s) => {
            const open = openSectors.includes(s);
            return {
              value: s,
              label: t(`common:sectors.${s}`),
              disabled: !open,
              hint: open ? undefined : t('match:questions.sector.notOpen'),
            };
          })}
        />
      );
    case 'needs':
      return (
        <Choices
          name="needs"
          type="checkbox"
          legend={title}
          hint={hint('hint')}
          errors={errors}
          checked={list('needs')}
          options={needs.map((n) => ({ value: n, label: t(`match:needs.${n}`) }))}
        />
      );
    case 'rank': {
      const firstName = `rank_${rankedNeeds[0]}`;
      const invalid = Boolean(errors?.[firstName]?.length);
      return (
        <fieldset className={invalid ? 'field field--error' : 'field'} aria-describedby={describedBy(firstName, hint('hint'), errors)}>
          <legend className="question-legend">
            <h1>{title}</h1>
          </legend>
          <Hint name={firstName} text={hint('hint')} />
          <FieldError name={firstName} errors={errors} />
          {rankedNeeds.map((need, index) => {
            const name = `rank_${need}`;
            return (
              <div className="rank-row" key={need}>
                <select id={name} name={name} defaultValue={first(name) || String(index + 1)} aria-invalid={invalid || undefined}>
                  {rankedNeeds.map((_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1}
                    </option>
                  ))}
                </select>
                <label htmlFor={name}>{t(`match:needs.${need}`)}</label>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case 'payments':
      return (
        <Choices
          name="methods"
          type="checkbox"
          legend={title}
          hint={hint('hint')}
          errors={errors}
          checked={list('methods')}
          options={paymentMethods.map((m) => ({ value: m, label: t(`match:methods.${m}`) }))}
        />
      );
    case 'existing':
      return (
        <Choices
          name="has"
          type="checkbox"
          legend={title}
          hint={hint('hint')}
          errors={errors}
          checked={list('has')}
          divider={t('match:questions.existing.or')}
          options={[...categories, 'none'].map((c) => ({ value: c, label: t(`match:has.${c}`) }))}
        />
      );
    case 'size':
      return (
        <fieldset className="field">
          <legend className="question-legend">
            <h1>{title}</h1>
          </legend>
          <NumberInput
            name="outlets"
            label={t('match:questions.size.outlets')}
            hint={hint('outletsHint')}
            errors={errors}
            value={first('outlets')}
          />
          <NumberInput
            name="seats"
            label={t('match:questions.size.seats')}
            hint={hint('seatsHint')}
            errors={errors}
            value={first('seats')}
          />
        </fieldset>
      );
    case 'paying':
      return (
        <Choices
          name="pay"
          type="radio"
          legend={title}
          errors={errors}
          checked={list('pay')}
          options={paymentPreferences.map((p) => ({
            value: p,
            label: t(`match:pay.${p}`),
            hint: t(`match:questions.paying.hints.${p}`, { months }),
          }))}
        />
      );
    case 'budget':
      return <NumberInput name="own" label={title} hint={hint('hint')} errors={errors} value={first('own')} heading prefix="HK$" />;
    case 'district': {
      const invalid = Boolean(errors?.district?.length);
      return (
        <div className={invalid ? 'field field--error' : 'field'}>
          <h1 className="question-label">
            <label htmlFor="district">{title}</label>
          </h1>
          <Hint name="district" text={hint('hint')} />
          <FieldError name="district" errors={errors} />
          <select
            id="district"
            name="district"
            defaultValue={first('district')}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy('district', hint('hint'), errors)}
          >
            <option value="">{t('match:questions.district.choose')}</option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {t(`common:districts.${d}`)}
              </option>
            ))}
          </select>
        </div>
      );
    }
  }
}
