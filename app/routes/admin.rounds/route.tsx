// Admin: the programme's settings for the current round, and a new version of them.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../components/forms';
import { readSubmission, reply } from '../../lib/forms.server';
import { pageTitle } from '../../lib/meta';
import { budgetPosition } from '../../services/officer.server';
import { requireRole } from '../../services/session.server';
import { createSettingsVersion, listSettingsVersions } from '../../services/settings.server';
import { settingsFailures, settingsSchema } from './schema';
import { SettingsForm } from './settings-form';
import { VersionsTable } from './versions-table';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'officer:roundsTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin');
  const [versions, position] = await Promise.all([listSettingsVersions({ db: context.db }), budgetPosition(context.db)]);
  return json({ versions, approvedCents: position.approvedCents });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, context, 'admin');
  const submission = await readSubmission(request, context, settingsSchema);
  if (!submission.ok) return submission.reply;
  const saved = await createSettingsVersion({ db: context.db, adminId: admin.id, input: submission.data });
  if (!saved.ok) return reply(submission.form, settingsFailures[saved.code]);
  return redirect(`/admin/rounds?saved=${saved.version}`);
}

export default function Rounds() {
  const { t } = useTranslation();
  const { versions, approvedCents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  return (
    <div>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('officer:roundsTitle')}</h1>
      {params.get('saved') ? (
        <div className="notice notice--success" role="status">
          {t('officer:settingsSaved', { version: params.get('saved') })}
        </div>
      ) : null}
      <p className="lead">{t('officer:roundsLead')}</p>
      <SettingsForm
        current={versions[0]!}
        approvedCents={approvedCents}
        errors={actionData?.fieldErrors}
        typed={actionData?.values}
        busy={busy}
      />
      <h2>{t('officer:versionsTitle')}</h2>
      <VersionsTable versions={versions} />
    </div>
  );
}
