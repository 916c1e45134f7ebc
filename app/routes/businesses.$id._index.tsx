// One business: its profile, editable by its owner only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EnterpriseForm, enterpriseSchema, enterpriseToValues, identityTaken } from '../components/enterprise-form';
import { FormErrorSummary } from '../components/forms';
import { requireRole } from '../services/session.server';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { parseId } from '../lib/validation';
import { getOwnEnterprise, isIdentityLocked, updateEnterprise } from '../services/enterprises.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'business:editTitle');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const enterprise = await getOwnEnterprise({ db: context.db, userId: user.id, enterpriseId: parseId(params.id) });
  if (!enterprise) throw notFound();
  return json({
    id: enterprise.id,
    values: enterpriseToValues(enterprise),
    identityLocked: await isIdentityLocked({ db: context.db, enterpriseId: enterprise.id }),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const enterpriseId = parseId(params.id);
  const submission = await readSubmission(request, context, enterpriseSchema);
  if (!submission.ok) return submission.reply;
  const result = await updateEnterprise({ db: context.db, userId: user.id, enterpriseId, input: submission.data });
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    if (result.code === 'identity_locked')
      return reply(submission.form, { status: 409, message: 'business:identity_locked', field: result.field });
    return reply(submission.form, identityTaken[result.code]);
  }
  return redirect('/businesses?saved=1');
}

export default function EditBusiness() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div>
      <p>
        <AppLink to="/businesses">{t('business:backToList')}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('business:editTitle')}</h1>
      <p>
        <AppLink to={`/businesses/${data.id}/eligibility`}>{t('business:checkEligibility')}</AppLink>
      </p>
      <EnterpriseForm
        values={actionData?.values ?? data.values}
        errors={actionData?.fieldErrors}
        submitLabel={t('business:saveButton')}
        busy={busy}
        identityLocked={data.identityLocked}
      />
    </div>
  );
}
