// The GOV.UK error summary, shared by every form: above the <h1>, one link per field with the same words as the
// field's inline error, focused after a failed submit (when JavaScript runs). The page title starting "Error: " is the
// meta's (lib/meta.ts pageTitle, app/root.tsx PageMeta), so that it is there without JavaScript too.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Field name → the message shown beside that field (already translated). `form` is an error of the whole form. */
export type ErrorMessages = Record<string, string | undefined>;

/** The messages that are there, in the order given. */
export function errorEntries(errors: ErrorMessages | undefined): [string, string][] {
  return Object.entries(errors ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
}

/**
 * Links go to `#<field>`: the field's input (or a group's first input) must carry the field name as its id. An error
 * of the whole form (`form`) is listed without a link. Renders nothing when there are no errors.
 */
export function ErrorSummary({ errors }: { errors: ErrorMessages | undefined }) {
  const { t } = useTranslation();
  const entries = errorEntries(errors);
  const ref = useRef<HTMLDivElement>(null);
  const key = entries.map(([field, message]) => `${field}:${message}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('common:errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === 'form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
