// "Check your answers" for the questionnaire: every answer with a Change link (which comes back here), then the
// results. A missing or unreadable answer sends the visitor to its question instead.
import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format';
import {
  applies,
  firstIncomplete,
  incompleteUrl,
  questions,
  queryString,
  readAnswers,
  type Answers,
  type Question,
} from '../lib/match-answers';
import { pageTitle } from '../lib/meta';
import { getCurrentSettings } from '../services/settings.server';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'match:check.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = await getCurrentSettings(context.db);
  const url = new URL(request.url);
  const read = readAnswers(url.searchParams, { openSectors: settings.openSectors });
  const missing = firstIncomplete(read);
  if (missing) throw redirect(incompleteUrl(url, missing));
  return json({ answers: read.answers });
}

function answerText(t: (key: string, options?: Record<string, unknown>) => string, question: Question, answers: Answers): string[] {
  switch (question) {
    case 'sector':
      return [t(`common:sectors.${answers.sector}`)];
    case 'needs':
    case 'rank':
      return (answers.needs ?? []).map((need, i) => `${i + 1}. ${t(`match:needs.${need}`)}`);
    case 'payments':
      return [(answers.methods ?? []).map((m) => t(`match:methods.${m}`)).join(t('common:listSeparator'))];
    case 'existing':
      return [answers.has?.length ? answers.has.map((c) => t(`match:has.${c}`)).join(t('common:listSeparator')) : t('match:has.none')];
    case 'size':
      return [
        t('match:check.outlets', { count: answers.outlets }),
        ...(answers.seats != null ? [t('match:check.seats', { count: answers.seats })] : []),
      ];
    case 'paying':
      return [t(`match:pay.${answers.pay}`)];
    case 'budget':
      return [formatMoney(answers.ownCents ?? 0)];
    case 'district':
      return [t(`common:districts.${answers.district}`)];
  }
}

export default function CheckAnswers() {
  const { t } = useTranslation();
  const { answers } = useLoaderData<typeof loader>();
  const query = queryString(answers);
  const rows = questions.filter((q) => q !== 'rank' && applies(q, answers));
  return (
    <div>
      <AppLink to={`/match/district${query}`} className="back-link">
        {t('match:back')}
      </AppLink>
      <p className="caption">{t('match:title')}</p>
      <h1>{t('match:check.title')}</h1>
      <p>{t('match:check.lead')}</p>
      <dl className="summary-list summary-list--actions">
        {rows.map((question) => (
          <div key={question}>
            <dt>{t(`match:check.rows.${question}`)}</dt>
            <dd>
              {answerText(t, question, answers).map((line) => (
                <span key={line} className="summary-line">
                  {line}
                  <br />
                </span>
              ))}
            </dd>
            <dd>
              <AppLink to={`/match/${question}${queryString(answers, { return: 'check' })}`}>
                {t('match:check.change')}
                <span className="visually-hidden"> {t(`match:check.rows.${question}`)}</span>
              </AppLink>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <AppLink to={`/match/results${query}`} className="button">
          {t('match:check.seeResults')}
        </AppLink>
      </p>
    </div>
  );
}
