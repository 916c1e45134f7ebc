// Page titles in the reader's language, from the root loader's translations.
import type { MetaDescriptor } from '@remix-run/node';
import { defaultLocale, i18nFor } from './i18n';
import type { RootData } from './root-data';

type Match = { id: string; data: unknown };

/**
 * The root's data as the meta functions see it. Remix gives them loader data only, so while a page answers a refused
 * submission (an action's form reply with errors) the document adds `answersRefusedSubmission` (app/root.tsx, PageMeta).
 */
export type MetaRootData = RootData & { answersRefusedSubmission?: boolean };

/** Whether an action's answer is a form reply (ADR 008) that refused the submission: field errors or form errors. */
export function isRefusedSubmission(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== 'object') return false;
  const { fieldErrors, formErrors } = actionData as { fieldErrors?: unknown; formErrors?: unknown };
  const fields = fieldErrors && typeof fieldErrors === 'object' ? Object.values(fieldErrors) : [];
  return fields.some((list) => Array.isArray(list) && list.length > 0) || (Array.isArray(formErrors) && formErrors.length > 0);
}

/** The page title in the reader's language; "Error: " (「錯誤：」) first while the page answers a refused submission (GOV.UK). */
export function pageTitle(matches: readonly Match[], key: string, values?: Record<string, unknown>): MetaDescriptor[] {
  const root = matches.find((match) => match.id === 'root')?.data as MetaRootData | undefined;
  if (!root) return [{ title: 'Matchfund' }];
  const { t } = i18nFor(root.locale ?? defaultLocale);
  const prefix = root.answersRefusedSubmission ? t('common:errorTitlePrefix') : '';
  return [{ title: `${prefix}${t(key, values)} – ${t('common:appName')}` }];
}

/** The page title, starting "Error: " (「錯誤：」) when the page shows an error summary (GOV.UK). */
export function pageTitleWithErrors(
  matches: readonly Match[],
  key: string,
  hasErrors: boolean,
  values?: Record<string, unknown>,
): MetaDescriptor[] {
  const [title] = pageTitle(matches, key, values) as [{ title: string }];
  if (!hasErrors) return [title];
  const root = matches.find((match) => match.id === 'root')?.data as MetaRootData | undefined;
  if (!root || root.answersRefusedSubmission) return [title];
  const { t } = i18nFor(root.locale ?? defaultLocale);
  return [{ title: `${t('common:errorTitlePrefix')}${title.title}` }];
}
