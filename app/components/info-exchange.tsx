// The latest request for information and the shop's answer, with the documents sent with it: shown first on the
// officer's review page when the shop has answered.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { useRootData } from '../lib/root-data';

type Exchange = {
  question: { note: string | null; createdAt: string };
  answer: { note: string | null; createdAt: string } | null;
  documents: { id: number; filename: string }[];
};

export function InfoExchange({ exchange, documentBase }: { exchange: Exchange; documentBase: string }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (!exchange.answer) return null;
  return (
    <section className="panel panel--task" aria-labelledby="exchange-title">
      <h2 id="exchange-title">
        <strong className="flag">{t('officer:replyReceived')}</strong> {t('officer:exchangeTitle')}
      </h2>
      <h3>{t('officer:youAsked', { date: formatDateTime(exchange.question.createdAt, locale) })}</h3>
      <blockquote className="message">{exchange.question.note}</blockquote>
      <h3>{t('officer:shopAnswered', { date: formatDateTime(exchange.answer.createdAt, locale) })}</h3>
      <blockquote className="message">{exchange.answer.note}</blockquote>
      {exchange.documents.length > 0 ? (
        <>
          <h3>{t('officer:answerDocuments')}</h3>
          <ul className="plain-list">
            {exchange.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`${documentBase}/${doc.id}`}>{doc.filename}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t('officer:decideBelow')}</p>
    </section>
  );
}
