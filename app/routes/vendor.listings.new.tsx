// A new package: checked against the programme's price rules field by field, saved as a draft to submit for vetting.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../components/forms';
import { ListingForm } from '../components/listing-form';
import { listingSchema, ruleErrors } from '../components/listing-schema';
import { readSubmission, replyFieldErrors } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { createListing } from '../services/listings.server';
import { requireRole } from '../services/session.server';
import { getVendorForUser } from '../services/vendors.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:newListing');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const vendor = await getVendorForUser({ db: context.db, userId: user.id });
  if (vendor?.status !== 'enrolled') throw redirect('/vendor');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const submission = await readSubmission(request, context, listingSchema);
  if (!submission.ok) return submission.reply;
  const { input, featureRows } = submission.data;
  const result = await createListing({ db: context.db, userId: user.id, input });
  if (!result.ok) {
    if (result.code === 'rules') return replyFieldErrors(submission.form, ruleErrors(result.problems, featureRows));
    throw redirect('/vendor');
  }
  return redirect(`/vendor/listings/${result.solutionId}?done=draft`);
}

export default function NewListing() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div>
      <p>
        <AppLink to="/vendor/listings">{t('vendor:listingsTitle')}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('vendor:newListing')}</h1>
      <p className="lead">{t('vendor:rulesLead')}</p>
      <ListingForm values={actionData?.values} errors={actionData?.fieldErrors} isNew submitLabel={t('vendor:saveDraft')} busy={busy} />
    </div>
  );
}
