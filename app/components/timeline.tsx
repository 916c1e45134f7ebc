// An application's record of actions, in the reader's language and Hong Kong time.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { useRootData } from '../lib/root-data';

export type TimelineEvent = {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string;
  reasonCode: string | null;
  note: string | null;
  createdAt: string;
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, locale)}</time>
          <strong>{t(`applications:events.${event.action}`)}</strong>
          <span>
            {t('applications:eventBy', { role: t(`applications:actors.${event.actorRole}`) })} ·{' '}
            {t('applications:eventStatus', { status: t(`applications:statuses.${event.toStatus}`) })}
          </span>
          {event.reasonCode ? <span>{t(`applications:reasons.${event.reasonCode}`, { defaultValue: event.reasonCode })}</span> : null}
          {event.note ? <blockquote className="message">{event.note}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
