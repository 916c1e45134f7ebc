// The root loader's data (user, language, CSRF token) for any component that needs it.
import { useRouteLoaderData } from '@remix-run/react';
import type { Role } from '../../db/schema';
import type { Locale, TranslationManifest } from './i18n';

export type RootData = {
  user: { id: number; displayName: string; role: Role; email: string } | null;
  locale: Locale;
  /** Notifications the user has not read yet. */
  unread: number;
  /** Empty on a visitor's public page (page-cache: a shared page carries no token); the next other page brings one. */
  csrf: string;
  /** Where the browser fetches the translations this reader's pages use (not the texts: they stay out of the document). */
  translations: TranslationManifest;
};

export function useRootData(): RootData {
  const data = useRouteLoaderData('root') as RootData | undefined;
  if (!data) throw new Error('root data is missing');
  return data;
}

export function useOptionalRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}
