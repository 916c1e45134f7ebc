// Every saved version of the settings, newest first, with who saved it.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../lib/format';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function VersionsTable({ versions }: { versions: SerializeFrom<typeof loader>['versions'] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <table className="table table--reflow">
      <thead>
        <tr>
          <th scope="col">{t('officer:settingsVersion')}</th>
          <th scope="col">{t('officer:settings.roundCode')}</th>
          <th scope="col">{t('officer:settings.budget')}</th>
          <th scope="col">{t('officer:settings.cap')}</th>
          <th scope="col">{t('officer:settings.matchPercent')}</th>
          <th scope="col">{t('officer:savedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id}>
            <td data-label={t('officer:settingsVersion')}>{v.version}</td>
            <td data-label={t('officer:settings.roundCode')}>{v.roundCode}</td>
            <td data-label={t('officer:settings.budget')}>{formatMoney(v.budgetCents)}</td>
            <td data-label={t('officer:settings.cap')}>{formatMoney(v.capCents)}</td>
            <td data-label={t('officer:settings.matchPercent')}>{v.matchBps / 100}%</td>
            <td data-label={t('officer:savedBy')}>
              {v.createdByName ?? t('officer:seeded')} · {formatDate(v.createdAt, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
