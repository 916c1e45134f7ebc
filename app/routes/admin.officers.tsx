// Admin: staff accounts, and creating a new case officer.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { asReply, CsrfInput, FormErrorSummary, RadioGroup, TextField } from '../components/forms';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { refuseCommonPassword } from '../lib/common-passwords.server';
import { emailAddress, passwordSchema, requiredText } from '../lib/validation';
import { createStaffAccount, listStaff } from '../services/staff.server';
import { readPage } from '../lib/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:admin.officersTitle');

const schema = z
  .object({
    role: z.enum(['officer', 'admin'], { error: 'errors:choose_role' }),
    displayName: requiredText({ max: 100 }),
    email: emailAddress,
    password: passwordSchema,
  })
  // Called only when the action parses (on the server): the password list never reaches the browser bundle.
  .superRefine((value, ctx) => refuseCommonPassword('password', 'email')(value, ctx));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin');
  const page = readPage(request);
  return json(await listStaff({ db: context.db, page }));
}

const failures = {
  email_taken: { status: 400, message: 'auth:email_taken', field: 'email' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, context, 'admin');
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const result = await createStaffAccount({
    db: context.db,
    adminId: admin.id,
    input: { ...parsed.data, locale: 'zh-HK' },
  });
  if (!result.ok) return reply(parsed.form, failures[result.code]);
  return json({ created: result.user.email });
}

export default function AdminOfficers() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = asReply(answer);
  const created = answer && 'created' in answer ? answer.created : null;
  const busy = useNavigation().state === 'submitting';
  const errors = actionData?.fieldErrors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const labels = {
    role: t('auth:role'),
    displayName: t('auth:displayName'),
    email: t('auth:email'),
    password: t('common:admin.initialPassword'),
  };
  return (
    <div>
      <FormErrorSummary errors={errors} formErrors={actionData?.formErrors} />
      <h1>{t('common:admin.officersTitle')}</h1>
      <table className="table table--reflow">
        <thead>
          <tr>
            <th scope="col">{t('auth:displayName')}</th>
            <th scope="col">{t('auth:email')}</th>
            <th scope="col">{t('auth:role')}</th>
            <th scope="col">{t('common:admin.created')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id}>
              <td data-label={t('auth:displayName')}>{row.displayName}</td>
              <td data-label={t('auth:email')}>{row.email}</td>
              <td data-label={t('auth:role')}>{t(`common:roles.${row.role}`)}</td>
              <td data-label={t('common:admin.created')}>{formatDate(row.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={data.page} pageCount={data.pageCount} />

      <h2>{t('common:admin.createTitle')}</h2>
      {created ? (
        <div className="notice notice--success" role="status">
          {t('common:admin.createdNotice', { email: created })}
        </div>
      ) : null}
      <Form method="post" noValidate className="narrow" key={created ?? 'form'}>
        <CsrfInput />
        <RadioGroup
          name="role"
          legend={labels.role}
          errors={errors}
          defaultValue={values.role ?? 'officer'}
          options={[
            { value: 'officer', label: t('common:roles.officer') },
            { value: 'admin', label: t('common:roles.admin') },
          ]}
        />
        <TextField name="displayName" label={labels.displayName} defaultValue={values.displayName} errors={errors} />
        <TextField name="email" type="email" label={labels.email} defaultValue={values.email} errors={errors} />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t('auth:passwordHint')}
          autoComplete="new-password"
          errors={errors}
          maxLength={128}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('common:admin.createButton')}
        </button>
      </Form>
    </div>
  );
}
