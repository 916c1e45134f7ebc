// The results of "Find what fits my shop": the best set and up to two alternatives, each pick explained. A shop owner
// chooses the business (its remaining funding counts) and starts with a set in one step; a visitor is asked to
// register first and comes back to this same address.
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary } from '../components/forms';
import { MatchSetView } from '../components/match-set';
import { matchObjectives } from '../domain/matcher';
import { getUser, requireRole } from '../services/session.server';
import { formatMoney } from '../lib/format';
import { failureTable } from '../lib/failures';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { firstIncomplete, incompleteUrl, queryString, readAnswers, toMatchAnswers, toQuery } from '../lib/match-answers';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { idSchema } from '../lib/validation';
import { getCurrentSettings } from '../services/settings.server';
import { sendMatchedEnquiries } from '../services/enquiries.server';
import { matchResultsView, type BusinessView, type SetView } from '../services/match-results.server';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'match:results.title');

/** The complete answers in the address, or a redirect to the question still to answer. */
async function answersOf(request: Request, db: Parameters<typeof getCurrentSettings>[0]) {
  const settings = await getCurrentSettings(db);
  const url = new URL(request.url);
  const read = readAnswers(url.searchParams, { openSectors: settings.openSectors });
  const missing = firstIncomplete(read);
  if (missing) throw redirect(incompleteUrl(url, missing));
  return { url, answers: read.answers, matchAnswers: toMatchAnswers(read.answers)! };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { url, answers, matchAnswers } = await answersOf(request, context.db);
  const businessParam = url.searchParams.get('business');
  const enterpriseId = businessParam ? idSchema.safeParse(businessParam) : null;
  if (enterpriseId && !enterpriseId.success) throw notFound();
  const user = await getUser(request, context);
  const applicantId = user?.role === 'applicant' ? user.id : null;
  const view = await matchResultsView({ db: context.db, answers: matchAnswers, applicantId, enterpriseId: enterpriseId?.data ?? null });
  if (!view.ok) throw notFound();
  return json({
    ...view,
    answers,
    viewer: user ? (applicantId !== null ? 'applicant' : 'staff') : 'visitor',
    ownLimitCents: matchAnswers.ownSpendLimitCents ?? 0,
  });
}

const startSchema = z.object({
  enterpriseId: idSchema,
  objective: z.enum(matchObjectives),
  setKey: z
    .string()
    .max(500)
    .regex(/^[\d:.-]*$/),
});

// The results page words a closed sector its own way; every other refusal has its matcher message (409).
const failure = failureTable<string>({ sector_not_open: { status: 409, message: 'match:errors.sector_not_open_results' } }, (code) => ({
  status: 409,
  message: `match:errors.${code}`,
}));

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const { matchAnswers } = await answersOf(request, context.db);
  const parsed = await readSubmission(request, context, startSchema);
  // The form's fields are all hidden: anything wrong with them means the page was out of date.
  if (!parsed.ok) return reply(parsed.form, { status: 400, message: 'match:errors.set_changed' });
  const result = await sendMatchedEnquiries({
    db: context.db,
    userId: user.id,
    input: {
      enterpriseId: parsed.data.enterpriseId,
      answers: matchAnswers,
      objective: parsed.data.objective,
      expectedKey: parsed.data.setKey,
    },
  });
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    return reply(parsed.form, failure(result.code));
  }
  return redirect(`/enquiries?${new URLSearchParams({ matched: String(result.created.length), skipped: String(result.skipped.length) })}`);
}

function StartWithSet({
  set,
  business,
  viewer,
  businesses,
  query,
}: {
  set: SetView;
  business: BusinessView | null;
  viewer: string;
  businesses: BusinessView[];
  query: string;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const location = useLocation();
  const busy = useNavigation().state === 'submitting';
  const back = encodeURIComponent(location.pathname + location.search);
  if (set.picks.length === 0) return null;
  if (viewer === 'visitor') {
    return (
      <p className="start-form">
        <AppLink to={`/register?redirectTo=${back}`} className="button">
          {t('match:results.registerFirst')}
        </AppLink>{' '}
        <AppLink to={`/login?redirectTo=${back}`}>{t('match:results.orLogin')}</AppLink>
      </p>
    );
  }
  if (viewer !== 'applicant') return <p className="hint">{t('match:results.notApplicant')}</p>;
  if (businesses.length === 0) {
    return (
      <p className="start-form">
        <AppLink to={`/businesses/new?redirectTo=${back}`} className="button">
          {t('match:results.addBusiness')}
        </AppLink>
      </p>
    );
  }
  if (!business) return <p className="hint">{t('match:results.chooseFirst')}</p>;
  return (
    <Form method="post" action={`/match/results${query}`} className="start-form">
      <CsrfInput />
      <input type="hidden" name="enterpriseId" value={business.id} />
      <input type="hidden" name="objective" value={set.objective} />
      <input type="hidden" name="setKey" value={set.key} />
      <p className="hint">{t('match:results.startExplains')}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('match:results.startButton')}
        <span className="visually-hidden">
          {' '}
          {t(`match:results.objectives.${set.objective}`)} · {locale === 'en' ? business.nameEn : business.nameZh}
        </span>
      </button>
    </Form>
  );
}

export default function MatchResults() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const business = data.business;
  const nameOf = (b: BusinessView) => (locale === 'en' ? b.nameEn : b.nameZh);
  const sectorMismatch = business !== null && business.sector !== data.answers.sector;
  const query = queryString(data.answers, business ? { business: String(business.id) } : {});
  const [best, ...alternatives] = data.sets;
  const start = (set: SetView) =>
    sectorMismatch ? (
      <p className="notice">
        {t('match:results.sectorMismatch', { business: nameOf(business!), sector: t(`common:sectors.${business!.sector}`) })}
      </p>
    ) : (
      <StartWithSet set={set} business={business} viewer={data.viewer} businesses={data.businesses} query={query} />
    );
  return (
    <div>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <p className="caption">{t('match:title')}</p>
      <h1>{t('match:results.title')}</h1>
      {business ? (
        <p className="lead">{t('match:results.ownerLead', { business: nameOf(business), headroom: formatMoney(data.headroomCents) })}</p>
      ) : data.viewer === 'applicant' && data.businesses.length > 1 ? (
        <p className="lead">{t('match:results.chooseLead', { cap: formatMoney(data.capCents) })}</p>
      ) : (
        <p className="lead">{t('match:results.visitorLead', { cap: formatMoney(data.capCents) })}</p>
      )}
      {data.businesses.length > 1 ? (
        <Form method="get" className="filters">
          {[...toQuery(data.answers).entries()].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field">
            <label htmlFor="business">{t('match:results.business')}</label>
            <select id="business" name="business" defaultValue={business?.id ?? ''}>
              <option value="">{t('match:results.chooseBusiness')}</option>
              {data.businesses.map((b) => (
                <option key={b.id} value={b.id}>
                  {nameOf(b)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('match:results.showFor')}
          </button>
        </Form>
      ) : null}
      {!best || best.picks.length === 0 ? (
        <p className="notice">{t('match:results.nothing')}</p>
      ) : (
        <>
          <h2>{t('match:results.bestTitle')}</h2>
          <MatchSetView set={best} locale={locale} ownLimitCents={data.ownLimitCents} headingLevel={3}>
            {start(best)}
          </MatchSetView>
          {alternatives.length > 0 ? <h2>{t('match:results.alternativesTitle')}</h2> : null}
          {alternatives.map((set) => (
            <MatchSetView key={set.objective} set={set} locale={locale} ownLimitCents={data.ownLimitCents} headingLevel={3}>
              {start(set)}
            </MatchSetView>
          ))}
        </>
      )}
      {data.excludedCategories.length > 0 ? (
        <>
          <h2>{t('match:results.excludedTitle')}</h2>
          <ul>
            {data.excludedCategories.map(({ category, reason }) => (
              <li key={category}>{t(`match:results.excluded.${reason}`, { category: t(`common:categories.${category}`) })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <AppLink to={`/match/check${queryString(data.answers)}`}>{t('match:results.changeAnswers')}</AppLink>
      </p>
      <p className="hint">{t('match:results.share')}</p>
    </div>
  );
}
