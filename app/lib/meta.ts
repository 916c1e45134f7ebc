// Page titles in the reader's language, from the root loader's translations.
import type { MetaDescriptor } from '@remix-run/node';
import { defaultLocale, i18nFor } from './i18n';
import type { RootData } from './root-data';

type Match = { id: string; data: unknown };

export function pageTitle(matches: readonly Match[], key: string, values?: Record<string, unknown>): MetaDescriptor[] {
  const root = matches.find((match) => match.id === 'root')?.data as RootData | undefined;
  if (!root) return [{ title: 'Matchfund' }];
  const { t } = i18nFor(root.locale ?? defaultLocale);
  return [{ title: `${t(key, values)} – ${t('common:appName')}` }];
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
  const root = matches.find((match) => match.id === 'root')?.data as RootData | undefined;
  if (!root) return [title];
  const { t } = i18nFor(root.locale ?? defaultLocale);
  return [{ title: `${t('common:errorTitlePrefix')}${title.title}` }];
}
