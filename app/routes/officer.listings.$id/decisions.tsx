// The three decisions on a pending version: approve (every basic requirement ticked), send back, reject.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '../../components/forms';

/** A refused decision as the page shows it again: which form, its errors, what was typed and ticked. */
export type FailedDecision = { intent: string; fieldErrors: Record<string, string[]>; note: string; ticked: string[]; missing: string[] };

export function VettingDecisions({
  category,
  requirements,
  failed,
  busy,
}: {
  category: string;
  requirements: readonly string[];
  failed: FailedDecision | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const errorFor = (intent: string, field: string) => (failed?.intent === intent ? failed.fieldErrors[field]?.[0] : undefined);
  const noteFor = (intent: string) => (failed?.intent === intent ? failed.note : undefined);
  const ticked = new Set(failed?.ticked ?? []);
  const requirementError = errorFor('approve', 'requirement');
  return (
    <section>
      <h2>{t('vetting:decisionTitle')}</h2>
      <div className="decisions">
        <Form method="post" className="decision">
          <CsrfInput />
          <h3>{t('vetting:approveTitle')}</h3>
          <fieldset
            id="requirements"
            className={requirementError ? 'field field--error vetting-checklist' : 'field vetting-checklist'}
            aria-describedby={requirementError ? 'requirements-hint requirement-error' : 'requirements-hint'}
          >
            <legend>{t('vetting:requirementsTitle', { category: t(`common:categories.${category}`) })}</legend>
            <p className="hint" id="requirements-hint">
              {requirements.length > 0 ? t('vetting:requirementsHint') : t('vetting:noRequirements')}
            </p>
            {requirementError ? (
              <div className="field-error" id="requirement-error">
                <p>{t(requirementError)}</p>
                {failed && failed.missing.length > 0 ? (
                  <>
                    <p>{t('vetting:missingRequirements')}</p>
                    <ul>
                      {failed.missing.map((code) => (
                        <li key={code}>{t(`vetting:requirements.${category}.${code}`)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            ) : null}
            {requirements.map((code) => (
              <div className="checkbox" key={code}>
                <input type="checkbox" id={`requirement-${code}`} name="requirement" value={code} defaultChecked={ticked.has(code)} />
                <label htmlFor={`requirement-${code}`}>{t(`vetting:requirements.${category}.${code}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className={errorFor('approve', 'note') ? 'field field--error' : 'field'}>
            <label htmlFor="approve-note">{t('vetting:approveNote')}</label>
            {errorFor('approve', 'note') ? <p className="field-error">{t(errorFor('approve', 'note')!)}</p> : null}
            <textarea id="approve-note" name="note" rows={2} maxLength={2000} defaultValue={noteFor('approve')} />
          </div>
          <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
            {t('vetting:approveButton')}
          </button>
        </Form>

        {(['return', 'reject'] as const).map((intent) => (
          <Form method="post" className="decision" key={intent}>
            <CsrfInput />
            <h3>{t(`vetting:${intent}Title`)}</h3>
            <div className={errorFor(intent, 'note') ? 'field field--error' : 'field'}>
              <label htmlFor={`${intent}-note`}>{t(`vetting:${intent}Note`)}</label>
              {errorFor(intent, 'note') ? (
                <p className="field-error" id={`${intent}-note-error`}>
                  {t(errorFor(intent, 'note')!)}
                </p>
              ) : null}
              <textarea
                id={`${intent}-note`}
                name="note"
                rows={3}
                maxLength={2000}
                aria-invalid={errorFor(intent, 'note') ? true : undefined}
                aria-describedby={errorFor(intent, 'note') ? `${intent}-note-error` : undefined}
                defaultValue={noteFor(intent)}
              />
            </div>
            <button
              type="submit"
              name="intent"
              value={intent}
              className={intent === 'reject' ? 'button button--warning' : 'button button--secondary'}
              disabled={busy}
            >
              {t(`vetting:${intent}Button`)}
            </button>
          </Form>
        ))}
      </div>
    </section>
  );
}
