// One question of "Find what fits my shop" per page. The form is a GET: the answers so far ride along as hidden fields
// and the answer given is checked here; valid → the next question (or back to "check your answers"), else the same
// page with the error. Everything stays in the address, so back links and the browser's Back keep every answer.
import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorSummary } from '../components/forms';
import { QuestionFields } from '../components/match-questions';
import {
  applies,
  nextStep,
  paramsOf,
  previousStep,
  questions,
  queryString,
  readAnswers,
  readQuestion,
  toQuery,
  type FieldErrors,
} from '../lib/match-answers';
import { notFound } from '../lib/forms.server';
import { pageTitle, pageTitleWithErrors } from '../lib/meta';
import { getCurrentSettings } from '../services/settings.server';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';
import type { SitePath } from '../domain/paths';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];

// GOV.UK: a page shown with errors says so first in its title (the question's errors come with the GET, not an action).
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitleWithErrors(matches, `match:questions.${data.question}.title`, Boolean(data.errors)) : pageTitle(matches, 'match:title');

const questionParam = z.enum(questions);

function stepUrl(step: string, query: string) {
  return step === 'check' ? `/match/check${query}` : `/match/${step}${query}`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const parsed = questionParam.safeParse(params.question);
  if (!parsed.success) throw notFound();
  const question = parsed.data;
  const settings = await getCurrentSettings(context.db);
  const openSectors = settings.openSectors;
  const url = new URL(request.url);
  const { answers, invalid } = readAnswers(url.searchParams, { openSectors });
  const returning = url.searchParams.get('return') === 'check';
  const returnParam: Record<string, string> = returning ? { return: 'check' } : {};

  // A follow-up question that the answers do not call for (rank with one aim, payment methods without e-payments).
  if (!applies(question, answers)) {
    const next = nextStep(question, answers, { returning });
    throw redirect(stepUrl(next, queryString(answers, next === 'check' ? {} : returnParam)));
  }

  let errors: FieldErrors | undefined;
  if (url.searchParams.has('go')) {
    const read = readQuestion(question, url.searchParams, { openSectors, current: answers });
    if (read.ok) {
      const merged = { ...answers, ...read.answers };
      const next = nextStep(question, merged, { returning });
      throw redirect(stepUrl(next, queryString(merged, next === 'check' ? {} : returnParam)));
    }
    errors = read.errors;
  } else if (invalid.includes(question)) {
    // A bad value in the address (a hand-edited or stale link): say what is wrong with it.
    const read = readQuestion(question, url.searchParams, { openSectors, current: answers });
    if (!read.ok) errors = read.errors;
  }

  // The other answers ride along in hidden fields; this question's own come from its inputs.
  const carry = toQuery(answers);
  for (const name of paramsOf(question, answers)) carry.delete(name);
  if (question === 'needs' && answers.needs) carry.set('order', answers.needs.join(','));
  const rankedNeeds = answers.needs ?? [];
  const values: Record<string, string[]> = {};
  for (const name of paramsOf(question, answers))
    values[name] = url.searchParams
      .getAll(name)
      .map((v) => v.slice(0, 200))
      .slice(0, 20);
  const previous = previousStep(question, answers);
  const back: SitePath = returning
    ? `/match/check${queryString(answers)}`
    : previous
      ? `/match/${previous}${queryString(answers)}`
      : `/match${queryString(answers)}`;
  return json(
    {
      question,
      errors: errors ?? null,
      values,
      carry: [...carry.entries()],
      returning,
      back,
      rankedNeeds,
      openSectors,
      months: settings.maxSubscriptionMonths,
    },
    { status: errors ? 400 : 200 },
  );
}

export default function QuestionPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const errors = data.errors ?? undefined;
  return (
    <div className="narrow">
      <AppLink to={data.back} className="back-link">
        {t('match:back')}
      </AppLink>
      {/* The one summary focuses itself after a failed submit, so a screen reader hears it first. */}
      <FormErrorSummary errors={errors} />
      <p className="caption">{t('match:title')}</p>
      <Form method="get" action={`/match/${data.question}`} noValidate>
        {data.carry.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {data.returning ? <input type="hidden" name="return" value="check" /> : null}
        <input type="hidden" name="go" value="1" />
        <QuestionFields
          question={data.question}
          values={data.values}
          errors={errors}
          rankedNeeds={data.rankedNeeds}
          openSectors={data.openSectors}
          months={data.months}
        />
        <button type="submit" className="button">
          {t('match:continue')}
        </button>
      </Form>
    </div>
  );
}
