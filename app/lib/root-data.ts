// The root loader's data (user, language, CSRF token) for any component that needs it.
import { useRouteLoaderData } from '@remix-run/react';
import type { Role } from '../../db/schema';
import type { Locale } from './i18n';

export type RootData = {
  user: { id: number; displayName: string; role: Role; email: string } | null;
  locale: Locale;
  /** Notifications the user has not read yet. */
  unread: number;
  csrf: string;
  resources: Record<string, unknown>;
};

export function useRootData(): RootData {
  const data = useRouteLoaderData('root') as RootData | undefined;
  if (!data) throw new Error('root data is missing');
  return data;
}

export function useOptionalRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}
