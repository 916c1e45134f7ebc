// One of the vendor's packages: the listed version, the draft or version under review, edit, submit, delist.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput, FormErrorSummary } from '../components/forms';
import { ListingAttributesSummary } from '../components/listing-attributes';
import {
  attributeValues,
  ListingForm,
  listingFormValues,
  MAX_FEATURES,
  parseListingForm,
  ruleErrors,
  type ListingValues,
} from '../components/listing-form';
import { statedOrAssumed } from '../domain/listing-attributes';
import { PriceLine } from '../components/money';
import { centsToInput } from '../domain/money';
import { requireRole } from '../services/session.server';
import { formatDateTime } from '../lib/format';
import { formValues, notFound, readForm, reply, replyBody, type FormReply } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { parseId } from '../lib/validation';
import { getCurrentSettings } from '../services/settings.server';
import { delistListing, getVendorListing, submitListingForReview, updateListing } from '../services/listings.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:listingTitle');

type VersionLike = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  deliverablesEn: string;
  deliverablesZhHk: string;
  deliverablesZhCn: string;
  pricingModel: string;
  priceCents: number;
  minContractMonths: number | null;
  deploymentDays: number;
  features: { nameEn: string; nameZhHk: string; pricingModel: string; priceCents: number; minContractMonths: number | null }[];
  needsMet: string[] | null;
  paymentMethods: string[] | null;
  maxOutlets: number | null;
  minSeats: number | null;
  maxSeats: number | null;
  supportDistricts: string[] | null;
};

function toValues(category: string, sector: string, version: VersionLike): ListingValues {
  const values: ListingValues = {
    category,
    sector,
    nameEn: version.nameEn,
    nameZhHk: version.nameZhHk,
    // A Simplified text that only copies the Traditional one stays empty, so it keeps following the Traditional.
    nameZhCn: version.nameZhCn === version.nameZhHk ? '' : version.nameZhCn,
    descriptionEn: version.descriptionEn,
    descriptionZhHk: version.descriptionZhHk,
    descriptionZhCn: version.descriptionZhCn === version.descriptionZhHk ? '' : version.descriptionZhCn,
    deliverablesEn: version.deliverablesEn,
    deliverablesZhHk: version.deliverablesZhHk,
    deliverablesZhCn: version.deliverablesZhCn === version.deliverablesZhHk ? '' : version.deliverablesZhCn,
    pricingModel: version.pricingModel,
    price: centsToInput(version.priceCents),
    minContractMonths: version.minContractMonths === null ? '' : String(version.minContractMonths),
    deploymentDays: String(version.deploymentDays),
    // A version that states nothing yet opens with what the matcher assumes of it, for the vendor to confirm or correct.
    ...attributeValues(statedOrAssumed({ category, ...version })),
  };
  version.features.slice(0, MAX_FEATURES).forEach((feature, i) => {
    values[`featureNameEn${i}`] = feature.nameEn;
    values[`featureNameZh${i}`] = feature.nameZhHk;
    values[`featurePrice${i}`] = centsToInput(feature.priceCents);
    values[`featureModel${i}`] = feature.pricingModel;
    values[`featureContract${i}`] = feature.minContractMonths === null ? '' : String(feature.minContractMonths);
  });
  return values;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const listing = await getVendorListing({ db: context.db, userId: user.id, solutionId: parseId(params.id) });
  if (!listing) throw notFound();
  const settings = await getCurrentSettings(context.db);
  const editable = listing.open ?? listing.listed;
  return json({
    listing,
    months: settings.maxSubscriptionMonths,
    values: editable ? toValues(listing.category, listing.sector, editable) : {},
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const solutionId = parseId(params.id);
  const form = await readForm(request, context);
  // Someone else's package is not found, whatever the form says (checked before the form is read field by field).
  if (!(await getVendorListing({ db: context.db, userId: user.id, solutionId }))) throw notFound();
  const intent = form.get('intent');
  if (intent === 'submit' || intent === 'delist') {
    const result =
      intent === 'submit'
        ? await submitListingForReview({ db: context.db, userId: user.id, solutionId })
        : await delistListing({ db: context.db, userId: user.id, solutionId });
    if (!result.ok) {
      if (result.code === 'not_found') throw notFound();
      return reply(form, { status: 409, message: `vendor:${result.code}` });
    }
    return redirect(`/vendor/listings?done=${intent}`);
  }
  const parsed = parseListingForm(form);
  if (!parsed.ok)
    return json<FormReply>(
      { fieldErrors: parsed.fieldErrors as Record<string, string[]>, formErrors: [], values: listingFormValues(form, formValues(form)) },
      { status: 400 },
    );
  const { price, ...rest } = parsed.data;
  const result = await updateListing({ db: context.db, userId: user.id, solutionId, input: { ...rest, priceCents: price } });
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    if (result.code === 'rules')
      return json<FormReply>(
        {
          fieldErrors: ruleErrors(result.problems, parsed.featureRows) as Record<string, string[]>,
          formErrors: [],
          values: listingFormValues(form, formValues(form)),
        },
        { status: 400 },
      );
    return json<FormReply>(
      { ...replyBody(form, { status: 409, message: `vendor:${result.code}` }), values: listingFormValues(form, formValues(form)) },
      { status: 409 },
    );
  }
  return redirect(`/vendor/listings/${solutionId}?done=draft`);
}

function VersionSummary({ version, months }: { version: VersionLike; months: number }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('catalogue:package')}</dt>
        <dd>{pickText({ en: version.nameEn, zhHK: version.nameZhHk, zhCN: version.nameZhCn }, locale)}</dd>
      </div>
      <div>
        <dt>{t('catalogue:price')}</dt>
        <dd>
          <PriceLine
            pricingModel={version.pricingModel as 'one_off' | 'monthly'}
            priceCents={version.priceCents}
            months={months}
            contractMonths={version.minContractMonths}
          />
        </dd>
      </div>
      <div>
        <dt>{t('catalogue:deployment')}</dt>
        <dd>{t('catalogue:deploymentDays', { count: version.deploymentDays })}</dd>
      </div>
      <div>
        <dt>{t('catalogue:optionalFeatures')}</dt>
        <dd>{version.features.length === 0 ? t('catalogue:noFeatures') : version.features.map((f) => f.nameEn).join(' · ')}</dd>
      </div>
      <ListingAttributesSummary version={version} />
    </dl>
  );
}

export default function VendorListing() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { listing, months, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const open = listing.open;
  const canEdit = listing.status !== 'delisted' && open?.status !== 'pending_review';
  return (
    <div>
      <p>
        <Link to="/vendor/listings">{t('vendor:listingsTitle')}</Link>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('vendor:listingTitle')}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t('vendor:done.draft')}
        </div>
      ) : null}
      <p>
        {t(`common:categories.${listing.category}`)} · {t(`common:sectors.${listing.sector}`)} ·{' '}
        <strong>{t(`common:solutionStatus.${listing.status}`)}</strong>
      </p>
      {listing.latestReviewed?.reviewNote ? (
        <div className="notice">
          <strong>{t('vendor:officerNote')}</strong> {listing.latestReviewed.reviewNote}
        </div>
      ) : null}

      {listing.listed ? (
        <section>
          <h2>{t('vendor:listedVersion', { version: listing.listed.version })}</h2>
          <VersionSummary version={listing.listed} months={months} />
          {listing.status === 'listed' ? (
            <p>
              <Link to={`/solutions/${listing.id}`}>{t('vendor:seeInCatalogue')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {open ? (
        <section className="panel">
          <h2>{t('vendor:openVersion', { version: open.version, status: t(`vendor:versionStatus.${open.status}`) })}</h2>
          <VersionSummary version={open} months={months} />
          {open.status === 'draft' || open.status === 'returned' ? (
            <Form method="post">
              <CsrfInput />
              <p className="hint">{t('vendor:submitExplains')}</p>
              <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
                {t('vendor:submitForVetting')}
              </button>
            </Form>
          ) : (
            <p>{t('vendor:underReviewExplains')}</p>
          )}
        </section>
      ) : null}

      {canEdit ? (
        <section>
          <h2>{open ? t('vendor:editDraft') : t('vendor:editListed')}</h2>
          {!open && listing.listed ? <p className="hint">{t('vendor:newVersionExplains')}</p> : null}
          <ListingForm
            values={actionData?.values ?? values}
            errors={actionData?.fieldErrors}
            isNew={false}
            submitLabel={t('vendor:saveDraft')}
            busy={busy}
          />
        </section>
      ) : null}

      {listing.status !== 'delisted' ? (
        <details className="withdraw">
          <summary>{t('vendor:delistTitle')}</summary>
          <Form method="post" className="narrow">
            <CsrfInput />
            <p className="hint">{t('vendor:delistExplains')}</p>
            <button type="submit" name="intent" value="delist" className="button button--warning" disabled={busy}>
              {t('vendor:delistButton')}
            </button>
          </Form>
        </details>
      ) : null}

      <h2>{t('applications:timelineTitle')}</h2>
      <ol className="timeline">
        {listing.trail.map((entry) => (
          <li key={entry.id}>
            <time dateTime={String(entry.createdAt)}>{formatDateTime(entry.createdAt, locale)}</time>
            <strong>{t(`vendor:trail.${entry.action}`, { defaultValue: entry.action })}</strong>
            {entry.note ? <blockquote className="message">{entry.note}</blockquote> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
