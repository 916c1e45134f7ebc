// Previous / next links that keep the rest of the query string.
import { useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppLink } from './app-link';
import { hereWith } from '../domain/paths';

export function Pagination({ page, pageCount, param = 'page' }: { page: number; pageCount: number; param?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => hereWith(location, param, String(target));
  return (
    <nav className="pagination" aria-label={t('common:pagination.label')}>
      {page > 1 ? (
        <AppLink to={hrefFor(page - 1)} rel="prev">
          {t('common:pagination.previous')}
        </AppLink>
      ) : null}
      <span>{t('common:pagination.pageOf', { page, pageCount })}</span>
      {page < pageCount ? (
        <AppLink to={hrefFor(page + 1)} rel="next">
          {t('common:pagination.next')}
        </AppLink>
      ) : null}
    </nav>
  );
}
