// One package: what the shop gets, its optional features, and the subsidy calculator.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorSummary } from '../../components/error-summary';
import { calculatorCommittedCents, countedMonths, itemCostCents, packageSplit } from '../../domain/funding';
import { notFound, readSubmission, reply, type FormReply } from '../../lib/forms.server';
import { pickText } from '../../lib/i18n';
import { pageTitle } from '../../lib/meta';
import { useRootData } from '../../lib/root-data';
import { idSchema, optionalText, parseId } from '../../lib/validation';
import { displaySettings, fundingRules, getListedSolutionAt, publicVersionOf } from '../../services/catalogue.server';
import { listEnterprisesWithCommitted } from '../../services/enterprises.server';
import { sendEnquiry } from '../../services/enquiries.server';
import { getSessionState, requireRole } from '../../services/session.server';
import { Calculator } from './calculator';
import { EnquiryPanel, enquiryErrors } from './enquiry-panel';
import { PackageDetails } from './package-details';
import { AppLink } from '../../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'en' | 'zh-HK' | 'zh-CN' } | undefined;
  return data ? pageTitle(matches, 'catalogue:detailTitle', { name: pickText(data.solution.name, root?.locale ?? 'en') }) : [];
};

const calculatorSchema = z.object({
  features: z.array(z.coerce.number().int().positive()).max(50).catch([]),
  // Funding the enterprise already has committed elsewhere, in dollars as typed ("45,000", "45000.50").
  used: z
    .string()
    .trim()
    .transform((value) => value.replace(/,/g, ''))
    .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/))
    .transform((value) => Math.round(Number(value) * 100))
    .optional()
    .catch(undefined),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  // The package and the settings from memory while the public version stands (a signed-in reader's session lookup
  // brings the version along): the same for every reader.
  const session = await getSessionState(request, context);
  const version = await publicVersionOf(context.db, session?.publicVersion);
  const solution = await getListedSolutionAt(version, { db: context.db, id });
  if (!solution) throw notFound();
  const settings = await displaySettings(context.db, version);
  const rules = fundingRules(settings);
  const url = new URL(request.url);
  const usedParam = url.searchParams.get('used');
  const query = calculatorSchema.parse({ features: url.searchParams.getAll('features'), used: usedParam ?? undefined });
  const usedInvalid = Boolean(usedParam?.trim()) && query.used === undefined;
  const chosen = solution.features.filter((feature) => query.features.includes(feature.id));
  const user = session?.user;
  // The businesses come with what each has committed (one query).
  const enterprises = user?.role === 'applicant' ? await listEnterprisesWithCommitted({ db: context.db, userId: user.id }) : [];
  // A shop owner with one business sees its real headroom; otherwise the amount typed in the calculator counts.
  const accountCommittedCents = enterprises.length === 1 ? enterprises[0]!.committedCents : null;
  const alreadyCommitted = calculatorCommittedCents({ capCents: rules.capCents, accountCommittedCents, typedCents: query.used });
  const split = packageSplit({ items: [solution, ...chosen], committedCents: alreadyCommitted, rules });
  return json({
    isApplicant: user?.role === 'applicant',
    loggedIn: Boolean(user),
    enterprises: enterprises.map((e) => ({ id: e.id, name: e.legalNameEn, nameZh: e.legalNameZh })),
    headroomFromAccount: enterprises.length === 1,
    solution,
    chosenIds: chosen.map((feature) => feature.id),
    usedDollars: usedInvalid ? (usedParam ?? '') : String(alreadyCommitted / 100),
    usedInvalid,
    split,
    basicCostCents: itemCostCents(solution, rules.maxSubscriptionMonths),
    // The months of the package's fees that count: its minimum contract, at most the round's months.
    countedMonths: countedMonths(solution, rules.maxSubscriptionMonths),
    months: rules.maxSubscriptionMonths,
    capCents: rules.capCents,
    matchBps: rules.matchBps,
  });
}

const enquirySchema = z.object({
  enterpriseId: idSchema.catch(0).pipe(z.number().positive('errors:choose_business')),
  features: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(idSchema).max(50)),
  message: optionalText({ max: 1000, multiline: true }).default(''),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const solutionId = parseId(params.id);
  const submission = await readSubmission(request, context, enquirySchema);
  if (!submission.ok) return submission.reply;
  const { enterpriseId, features, message } = submission.data;
  const result = await sendEnquiry({ db: context.db, userId: user.id, input: { enterpriseId, solutionId, featureIds: features, message } });
  if (result.ok) return redirect(`/enquiries?sent=${result.id}`);
  if (result.code === 'not_found') throw notFound();
  return reply(submission.form, { status: 409, message: `enquiries:${result.code}` });
}

export default function SolutionPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormReply | undefined;
  const busy = useNavigation().state === 'submitting';
  const { solution } = data;
  return (
    <div>
      <p>
        <AppLink to="/solutions">{t('catalogue:backToCatalogue')}</AppLink>
      </p>
      <ErrorSummary errors={enquiryErrors(actionData, t)} />
      <p className="card-tags">
        <span className="tag">{t(`common:categories.${solution.category}`)}</span>
        <span className="tag tag--muted">{t(`common:sectors.${solution.sector}`)}</span>
      </p>
      <h1>{pickText(solution.name, locale)}</h1>
      <p className="lead">{pickText(solution.description, locale)}</p>

      <div className="two-columns">
        <section aria-labelledby="package-heading">
          <PackageDetails data={data} />
        </section>
        <section aria-labelledby="calculator-heading" className="panel">
          <Calculator data={data} />
          <h2>{t('enquiries:panelTitle')}</h2>
          <EnquiryPanel data={data} reply={actionData} busy={busy} />
        </section>
      </div>
    </div>
  );
}
