// The officer's decision forms on the review page: approve (asks first), request information, do not approve.
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectionReasons } from '../domain/reasons';
import { ConfirmAction } from './confirm-action';
import { ApproveApplicationFields } from './confirm-messages';
import { CsrfInput } from './forms';

type Props = {
  reference: string;
  status: string;
  can: (action: string) => boolean;
  busy: boolean;
  approveMessage: ReactNode;
  error?: { intent: string; field: string; message: string };
};

export function ReviewDecisions({ reference, status, can, busy, approveMessage, error }: Props) {
  const { t } = useTranslation();
  const fieldError = (intent: string, field: string) => error?.intent === intent && error.field === field;
  const app = { reference, status };
  if (!(can('approve') || can('reject') || can('request_info'))) return null;
  return (
    <section>
      <h2>{t('officer:decisionTitle')}</h2>
      <div className="decisions">
        {can('approve') ? (
          <div className="decision">
            <h3>{t('officer:approveTitle')}</h3>
            <ConfirmAction
              id="approve"
              confirmPath={`/officer/applications/${app.reference}/approve`}
              label={t('officer:approveButton')}
              action={`/officer/applications/${app.reference}`}
              title={t('officer:confirmApproveTitle', {
                reference: app.reference,
              })}
              message={approveMessage}
              confirmLabel={t('officer:confirmApproveButton')}
              busy={busy}
            >
              <ApproveApplicationFields status={app.status} idPrefix="dialog" />
            </ConfirmAction>
          </div>
        ) : null}
        {can('request_info') ? (
          <Form method="post" className="decision">
            <CsrfInput />
            <input type="hidden" name="expectedStatus" value={app.status} />
            <h3>{t('officer:requestInfoTitle')}</h3>
            <div className={fieldError('request_info', 'note') ? 'field field--error' : 'field'}>
              <label htmlFor="request_info-note">{t('officer:messageToApplicant')}</label>
              {fieldError('request_info', 'note') ? (
                <p className="field-error" id="request_info-note-error">
                  {t(error!.message)}
                </p>
              ) : null}
              <textarea
                id="request_info-note"
                name="note"
                rows={3}
                maxLength={2000}
                aria-invalid={fieldError('request_info', 'note') || undefined}
                aria-describedby={fieldError('request_info', 'note') ? 'request_info-note-error' : undefined}
              />
            </div>
            <button type="submit" name="intent" value="request_info" className="button button--secondary" disabled={busy}>
              {t('officer:requestInfoButton')}
            </button>
          </Form>
        ) : null}
        {can('reject') ? (
          <Form method="post" className="decision">
            <CsrfInput />
            <input type="hidden" name="expectedStatus" value={app.status} />
            <h3>{t('officer:rejectTitle')}</h3>
            <div className={fieldError('reject', 'reasonCode') ? 'field field--error' : 'field'}>
              <label htmlFor="reject-reasonCode">{t('officer:reason')}</label>
              {fieldError('reject', 'reasonCode') ? (
                <p className="field-error" id="reject-reasonCode-error">
                  {t(error!.message)}
                </p>
              ) : null}
              <select
                id="reject-reasonCode"
                name="reasonCode"
                defaultValue=""
                aria-invalid={fieldError('reject', 'reasonCode') || undefined}
                aria-describedby={fieldError('reject', 'reasonCode') ? 'reject-reasonCode-error' : undefined}
              >
                <option value="">{t('officer:chooseReason')}</option>
                {rejectionReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`applications:reasons.${reason}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="reject-note">{t('officer:noteToApplicant')}</label>
              <textarea id="reject-note" name="note" rows={2} maxLength={2000} />
            </div>
            <button type="submit" name="intent" value="reject" className="button button--warning" disabled={busy}>
              {t('officer:rejectButton')}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
