// The case officer's home: the programme's money and the work waiting.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput, FormErrorSummary, TextField } from '../components/forms';
import { z } from 'zod';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { requireRole } from '../services/session.server';
import { formatDate, formatMoney } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { catalogueStats } from '../services/catalogue.server';
import { getCurrentSettings } from '../services/settings.server';
import { budgetPosition, declareConflict, listConflicts, workload } from '../services/officer.server';
import { failedDeliveries, retryFailed } from '../services/outbox.server';
import { idSchema, requiredText } from '../lib/validation';
import { WaitingList } from '../components/waiting-list';
import { officerWaitingWork } from '../services/waiting-work.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:officerHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'officer', 'admin');
  // What waits for this officer (claims to check, payments others prepared); pooled applications are the queue's.
  const waiting = user.role === 'officer' ? await officerWaitingWork({ db: context.db, officerId: user.id }) : null;
  const [settings, stats, budget, work, conflicts, failed] = await Promise.all([
    getCurrentSettings(context.db),
    catalogueStats(context.db),
    budgetPosition(context.db),
    workload({ db: context.db, officerId: user.id }),
    listConflicts({ db: context.db, officerId: user.id }),
    failedDeliveries({ db: context.db }),
  ]);
  return json({ settings, stats, budget, work, conflicts, failed, isOfficer: user.role === 'officer', waiting });
}

// Retrying a failed delivery names its message; anything else declares a conflict of interest.
const schema = z.preprocess(
  (raw) => (raw && typeof raw === 'object' && 'intent' in raw && raw.intent === 'retry' ? raw : { ...(raw as object), intent: 'declare' }),
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('retry'), messageId: idSchema }),
    z.object({
      intent: z.literal('declare'),
      registrationNumber: requiredText({ max: 30, message: 'officer:registration_invalid' }).pipe(
        z.string().min(3, 'officer:registration_invalid'),
      ),
    }),
  ]),
);

const failures = {
  enterprise_not_found: { status: 400, message: 'officer:enterprise_not_found', field: 'registrationNumber' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer', 'admin');
  const submission = await readSubmission(request, context, schema);
  // Only an officer declares; an admin may only retry deliveries.
  if (officer.role !== 'officer' && !(submission.ok && submission.data.intent === 'retry'))
    throw new Response('forbidden', { status: 403 });
  if (!submission.ok) return submission.reply;
  const { data } = submission;
  if (data.intent === 'retry') {
    await retryFailed({ db: context.db, id: data.messageId });
    return redirect('/officer?retried=1');
  }
  const result = await declareConflict({ db: context.db, officerId: officer.id, registrationNumber: data.registrationNumber });
  if (!result.ok) return reply(submission.form, failures[result.code]);
  return redirect('/officer?declared=1');
}

export default function OfficerHome() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { settings, stats, budget, work, conflicts, failed, isOfficer, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('common:officerHome.title')}</h1>
      {isOfficer ? (
        <div className="actions-row">
          <Form method="post" action="/officer/applications">
            <CsrfInput />
            <button type="submit" className="button">
              {t('officer:nextInQueue')}
            </button>
          </Form>
          <AppLink to="/officer/applications?assigned=me" className="button button--secondary">
            {t('officer:myWork', { count: work.mine })}
          </AppLink>
          <AppLink to="/officer/applications?assigned=unassigned&status=submitted" className="button button--secondary">
            {t('officer:waiting', { count: work.unassigned })}
          </AppLink>
          {/* Answered cases stay with their officer: the status "submitted" among one's own cases is a reply waiting. */}
          <AppLink to="/officer/applications?assigned=me&status=submitted" className="button button--secondary">
            {t('officer:repliesOnMyCases', { count: work.replies })}
          </AppLink>
        </div>
      ) : null}
      {waiting ? <WaitingList items={waiting} /> : null}
      {params.get('retried') ? (
        <div className="notice notice--success" role="status">
          {t('officer:retried')}
        </div>
      ) : null}
      {failed.length > 0 ? (
        <section className="notice notice--error">
          <h2>{t('officer:failedTitle', { count: failed.length })}</h2>
          <ul className="plain-list">
            {failed.map((message) => (
              <li key={message.id}>
                {t(`officer:topics.${message.topic}`)} · {message.idempotencyKey} · {t('officer:attempts', { count: message.attempts })} ·{' '}
                {message.lastError}{' '}
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="messageId" value={message.id} />
                  <button type="submit" name="intent" value="retry" className="link-button">
                    {t('officer:retry')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="key-facts">
        <li>
          <strong>{formatMoney(budget.remainingCents)}</strong>
          <span>{t('officer:budgetRemaining', { budget: formatMoney(budget.budgetCents) })}</span>
        </li>
        <li>
          <strong>{formatMoney(budget.approvedCents)}</strong>
          <span>{t('officer:budgetApproved')}</span>
        </li>
        <li>
          <strong>{work.breached}</strong>
          <span>{t('officer:breachedCount', { days: settings.slaWorkingDays })}</span>
        </li>
      </ul>
      <dl className="summary-list">
        <div>
          <dt>{t('common:officerHome.round')}</dt>
          <dd>
            {settings.roundCode} ({formatDate(settings.opensAt, locale)} – {formatDate(settings.closesAt, locale)})
          </dd>
        </div>
        <div>
          <dt>{t('common:officerHome.cap')}</dt>
          <dd>{formatMoney(settings.capCents)}</dd>
        </div>
        <div>
          <dt>{t('common:officerHome.settingsVersion')}</dt>
          <dd>{settings.version}</dd>
        </div>
        <div>
          <dt>{t('common:officerHome.listed')}</dt>
          <dd>{t('common:officerHome.listedValue', { count: stats.listedCount, vendors: stats.vendorCount })}</dd>
        </div>
      </dl>
      {isOfficer ? (
        <section>
          <h2>{t('officer:conflictsTitle')}</h2>
          <p className="hint">{t('officer:conflictsLead')}</p>
          {params.get('declared') ? (
            <div className="notice notice--success" role="status">
              {t('officer:conflictDeclared')}
            </div>
          ) : null}
          {conflicts.length > 0 ? (
            <ul className="plain-list">
              {conflicts.map((c) => (
                <li key={`${c.brNumber ?? c.hawkerLicenceNo}`}>
                  {locale === 'en' ? c.legalNameEn : c.legalNameZh} ({c.brNumber ?? c.hawkerLicenceNo}) · {formatDate(c.declaredAt, locale)}
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" className="narrow" noValidate>
            <CsrfInput />
            <TextField
              name="registrationNumber"
              label={t('officer:registrationNumber')}
              hint={t('officer:registrationNumberHint')}
              maxLength={30}
              errors={actionData?.fieldErrors}
            />
            <button type="submit" className="button button--secondary">
              {t('officer:declareButton')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
