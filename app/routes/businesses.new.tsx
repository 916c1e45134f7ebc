// Add a business: the profile that eligibility and applications are judged on.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EnterpriseForm, enterpriseSchema, identityTaken } from '../components/enterprise-form';
import { FormErrorSummary } from '../components/forms';
import { requireRole, safeRedirect } from '../services/session.server';
import { readSubmission, reply } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { createEnterprise } from '../services/enterprises.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'business:newTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'applicant');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const submission = await readSubmission(request, context, enterpriseSchema);
  if (!submission.ok) return submission.reply;
  const result = await createEnterprise({ db: context.db, userId: user.id, input: submission.data });
  if (!result.ok) return reply(submission.form, identityTaken[result.code]);
  // Sent here from somewhere that needs a business (a matcher result): go back there; otherwise see eligibility.
  const back = new URL(request.url).searchParams.get('redirectTo');
  return redirect(
    back
      ? safeRedirect(back.slice(0, 2000), `/businesses/${result.id}/eligibility?created=1`)
      : `/businesses/${result.id}/eligibility?created=1`,
  );
}

export default function NewBusiness() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  return (
    <div>
      {params.get('welcome') === '1' && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t('business:welcome')}</p>
          <p>
            <AppLink to="/account">{t('business:welcomeTasks')}</AppLink>
          </p>
        </div>
      ) : null}
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('business:newTitle')}</h1>
      <p className="lead">{t('business:newLead')}</p>
      <EnterpriseForm values={actionData?.values} errors={actionData?.fieldErrors} submitLabel={t('business:saveButton')} busy={busy} />
    </div>
  );
}
