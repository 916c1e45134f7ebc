// Vetting one package version: its texts in three languages, price against the ceiling and the category's median,
// what changed from the listed version, the category's basic requirements, and approve / send back / reject.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorSummary, type ErrorMessages } from '../../components/error-summary';
import { ListingAttributesReview } from '../../components/listing-attributes';
import { missingRequirements, priceSignals, requirementsOf } from '../../domain/category-requirements';
import { priceCeilingCents } from '../../domain/listing-rules';
import { notFound, readSubmission, reply, type FormReply } from '../../lib/forms.server';
import { pickText } from '../../lib/i18n';
import { pageTitle } from '../../lib/meta';
import { useRootData } from '../../lib/root-data';
import { optionalText, parseId, requiredText } from '../../lib/validation';
import { getCurrentSettings } from '../../services/settings.server';
import { getVersionForVetting, vetVersion } from '../../services/listings.server';
import { requireRole } from '../../services/session.server';
import { VettingChanges } from './changes';
import { VettingDecisions, type FailedDecision } from './decisions';
import { VettingPrice } from './price';
import { VettingSummary } from './summary';
import { VettingTexts } from './texts';
import { AppLink } from '../../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vetting:vetPageTitle');

/** A version an officer may open: anything sent for vetting; a vendor's unsent draft stays private (404). */
async function findVersion(context: LoaderFunctionArgs['context'], versionId: number) {
  const vetting = await getVersionForVetting({ db: context.db, versionId });
  if (!vetting || vetting.status === 'draft') throw notFound();
  return vetting;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer');
  const vetting = await findVersion(context, parseId(params.id));
  const ceilingCents = priceCeilingCents(vetting.detail.pricingModel, await getCurrentSettings(context.db));
  const { detail, listed, ...rest } = vetting;
  return json({
    ...rest,
    detail,
    // The listed version is what this one would replace; once this one is listed there is nothing to compare.
    listed: listed && listed.id !== detail.id ? listed : null,
    pending: vetting.status === 'pending_review',
    ceilingCents,
    signals: priceSignals({ costCents: vetting.costCents, ceilingCents, medianCents: vetting.categoryMedianCents }),
    requirements: requirementsOf(vetting.category),
  });
}

const note = (requiredKey: string) => requiredText({ max: 2000, multiline: true, message: requiredKey, tooLong: 'vetting:note_too_long' });

const decisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('approve'),
      requirement: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .pipe(z.array(z.string().max(60)).max(30)),
      note: optionalText({ max: 2000, multiline: true, tooLong: 'vetting:note_too_long' })
        .optional()
        .transform((value) => value || null),
    }),
    z.object({ intent: z.literal('return'), note: note('vetting:return_note_required') }),
    z.object({ intent: z.literal('reject'), note: note('vetting:reject_note_required') }),
  ],
  { error: 'vetting:choose_decision' },
);

/** The one reply shape, with what the checklist needs to show a refused approval again. */
type VetReply = FormReply & { ticked?: string[]; missing?: string[] };

const stale = { status: 409, message: 'vetting:stale' };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const versionId = parseId(params.id);
  const submission = await readSubmission(request, context, decisionSchema);
  const vetting = await findVersion(context, versionId);
  if (vetting.status !== 'pending_review') return reply(null, stale);
  if (!submission.ok) return submission.reply;
  const input = submission.data;

  if (input.intent === 'approve') {
    // The checklist is the officer's record that the basic requirements were checked: all ticked, or no approval.
    const missing = missingRequirements(vetting.category, input.requirement);
    if (missing.length > 0) {
      const fieldErrors = { requirement: ['vetting:requirements_incomplete'] };
      const values = { intent: input.intent, note: input.note ?? '' };
      return json<VetReply>({ fieldErrors, formErrors: [], values, ticked: input.requirement, missing }, { status: 400 });
    }
  }

  const result = await vetVersion({ db: context.db, officerId: officer.id, versionId, decision: input.intent, note: input.note });
  if (result.ok) return redirect(`/officer/listings?done=${input.intent}`);
  if (result.code === 'not_found') throw notFound();
  if (result.code === 'note_required') {
    return reply(submission.form, { status: 400, message: `vetting:${input.intent}_note_required`, field: 'note' });
  }
  return reply(null, stale);
}

export default function VetVersion() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as VetReply | undefined;
  const busy = useNavigation().state === 'submitting';
  const { detail } = data;
  const name = pickText({ en: detail.nameEn, zhHK: detail.nameZhHk, zhCN: detail.nameZhCn || detail.nameZhHk }, locale);
  const intent = actionData?.values.intent ?? '';
  const failed: FailedDecision | undefined = actionData
    ? {
        intent,
        fieldErrors: actionData.fieldErrors,
        note: actionData.values.note ?? '',
        ticked: actionData.ticked ?? (actionData.values.requirement ? actionData.values.requirement.split(',') : []),
        missing: actionData.missing ?? [],
      }
    : undefined;
  // Each summary link goes to the field of the form that was sent (three forms on the page each have a note).
  const anchorFor = (field: string) =>
    field === 'requirement' ? (data.requirements[0] ? `requirement-${data.requirements[0]}` : 'requirements') : `${intent}-${field}`;
  const errors: ErrorMessages = {};
  for (const [field, keys] of Object.entries(actionData?.fieldErrors ?? {}))
    errors[anchorFor(field)] = t(keys[0] ?? 'vetting:choose_decision');
  if (actionData?.formErrors[0]) errors.form = t(actionData.formErrors[0]);

  return (
    <div>
      <p>
        <AppLink to="/officer/listings">{t('vetting:backToQueue')}</AppLink>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('vetting:vetTitle', { name })}</h1>

      {!data.pending ? (
        <p className="notice" role="status">
          {t('vetting:decidedNotice', { status: t(`vetting:statuses.${data.status}`) })}
        </p>
      ) : null}

      <h2>{t('vetting:summaryTitle')}</h2>
      <VettingSummary data={data} />
      <VettingTexts detail={detail} />
      <VettingPrice data={data} />
      <ListingAttributesReview category={data.category} detail={detail} listed={data.listed} />
      {data.pending ? <VettingChanges data={data} /> : null}
      {data.pending ? <VettingDecisions category={data.category} requirements={data.requirements} failed={failed} busy={busy} /> : null}
    </div>
  );
}
