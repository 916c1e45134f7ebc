// One of the vendor's packages: the listed version, the draft or version under review, edit, submit, delist.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary } from '../../components/forms';
import { ListingForm } from '../../components/listing-form';
import { listingSchema, listingValues, ruleErrors } from '../../components/listing-schema';
import { vendorListingActions } from '../../domain/listing-lifecycle';
import { formatDateTime } from '../../lib/format';
import { failureTable } from '../../lib/failures';
import { notFound, readSubmission, reply, replyFieldErrors } from '../../lib/forms.server';
import { pageTitle } from '../../lib/meta';
import { useRootData } from '../../lib/root-data';
import { parseId } from '../../lib/validation';
import { delistListing, getVendorListing, submitListingForReview, updateListing } from '../../services/listings.server';
import { requireRole } from '../../services/session.server';
import { getCurrentSettings } from '../../services/settings.server';
import { VersionSummary } from './version-summary';
import { AppLink } from '../../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:listingTitle');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const listing = await getVendorListing({ db: context.db, userId: user.id, solutionId: parseId(params.id) });
  if (!listing) throw notFound();
  const settings = await getCurrentSettings(context.db);
  const editable = listing.open ?? listing.listed;
  return json({
    listing,
    months: settings.maxSubscriptionMonths,
    values: editable ? listingValues(listing.category, listing.sector, editable) : {},
  });
}

// The page's three forms: send for vetting, delist, and the package form (which posts no intent).
const schema = z.looseObject({ intent: z.enum(['submit', 'delist']).optional() }).transform((raw, ctx) => {
  if (raw.intent) return { intent: raw.intent };
  const listing = listingSchema.safeParse(raw);
  if (listing.success) return { intent: 'save' as const, ...listing.data };
  for (const issue of listing.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

// Built at module level, so from lib/failures (this code also runs in the browser bundle, where .server imports are empty).
const conflict = failureTable<string>({}, (code) => ({ status: 409, message: `vendor:${code}` }));

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const solutionId = parseId(params.id);
  // Someone else's package is not found, whatever the form says (checked before the form is read field by field).
  if (!(await getVendorListing({ db: context.db, userId: user.id, solutionId }))) throw notFound();
  const submission = await readSubmission(request, context, schema);
  if (!submission.ok) return submission.reply;
  const { form, data } = submission;
  const db = context.db;
  if (data.intent !== 'save') {
    const result =
      data.intent === 'submit'
        ? await submitListingForReview({ db, userId: user.id, solutionId })
        : await delistListing({ db, userId: user.id, solutionId });
    if (!result.ok) {
      if (result.code === 'not_found') throw notFound();
      return reply(form, conflict(result.code));
    }
    return redirect(`/vendor/listings?done=${data.intent}`);
  }
  const result = await updateListing({ db, userId: user.id, solutionId, input: data.input });
  if (result.ok) return redirect(`/vendor/listings/${solutionId}?done=draft`);
  if (result.code === 'not_found') throw notFound();
  if (result.code === 'rules') return replyFieldErrors(form, ruleErrors(result.problems, data.featureRows));
  return reply(form, conflict(result.code));
}

export default function VendorListing() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { listing, months, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const open = listing.open;
  const may = vendorListingActions({ status: listing.status, openStatus: open?.status ?? null });
  return (
    <div>
      <p>
        <AppLink to="/vendor/listings">{t('vendor:listingsTitle')}</AppLink>
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
              <AppLink to={`/solutions/${listing.id}`}>{t('vendor:seeInCatalogue')}</AppLink>
            </p>
          ) : null}
        </section>
      ) : null}

      {open ? (
        <section className="panel">
          <h2>{t('vendor:openVersion', { version: open.version, status: t(`vendor:versionStatus.${open.status}`) })}</h2>
          <VersionSummary version={open} months={months} />
          {may.submit ? (
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

      {may.edit ? (
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

      {may.delist ? (
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
