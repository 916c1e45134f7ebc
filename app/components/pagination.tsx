// Previous / next links that keep the rest of the query string.
import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function Pagination({ page, pageCount, param = 'page' }: { page: number; pageCount: number; param?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t('common:pagination.label')}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" discover="none">
          {t('common:pagination.previous')}
        </Link>
      ) : null}
      <span>{t('common:pagination.pageOf', { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" discover="none">
          {t('common:pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
