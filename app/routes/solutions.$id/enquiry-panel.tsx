// Asking the vendor for a quotation: log in first, add a business first, or choose the business and send.
import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ErrorMessages } from '../../components/error-summary';
import { CsrfInput } from '../../components/forms';
import type { FormReply } from '../../lib/forms.server';
import { bracketed, businessNames, withGap } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import { AppLink } from '../../components/app-link';

/** The enquiry's errors as the page's one summary lists them (the same words as beside the fields). */
export function enquiryErrors(reply: FormReply | undefined, t: (key: string) => string): ErrorMessages {
  const first = (field: string) => reply?.fieldErrors[field]?.[0];
  const message = (key: string | undefined) => (key ? t(key) : undefined);
  return { enterpriseId: message(first('enterpriseId')), message: message(first('message')), form: message(reply?.formErrors[0]) };
}

type PanelData = {
  isApplicant: boolean;
  loggedIn: boolean;
  enterprises: { id: number; name: string; nameZh: string }[];
  chosenIds: number[];
};

export function EnquiryPanel({ data, reply, busy }: { data: PanelData; reply: FormReply | undefined; busy: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { locale } = useRootData();
  if (!data.loggedIn) {
    // The login (or the registration it offers) comes back to this package, with the features chosen so far.
    return (
      <p>
        <AppLink to={`/login?${new URLSearchParams({ redirectTo: location.pathname + location.search })}`}>
          {t('enquiries:loginToEnquire')}
        </AppLink>
      </p>
    );
  }
  if (!data.isApplicant) return null;
  if (data.enterprises.length === 0) {
    return (
      <p>
        {withGap(t('enquiries:needBusiness'))}
        <AppLink to="/businesses/new">{t('business:addButton')}</AppLink>
      </p>
    );
  }
  const errorOf = (field: string) => {
    const key = reply?.fieldErrors[field]?.[0];
    return key ? t(key) : undefined;
  };
  const businessError = errorOf('enterpriseId');
  const messageError = errorOf('message');
  return (
    <Form method="post" className="narrow">
      <CsrfInput />
      {data.chosenIds.map((id) => (
        <input key={id} type="hidden" name="features" value={id} />
      ))}
      <div className={businessError ? 'field field--error' : 'field'}>
        <label htmlFor="enterpriseId">{t('enquiries:business')}</label>
        {businessError ? (
          <p className="field-error" id="enterpriseId-error">
            {businessError}
          </p>
        ) : null}
        <select
          id="enterpriseId"
          name="enterpriseId"
          defaultValue={reply?.values.enterpriseId ?? (data.enterprises.length === 1 ? data.enterprises[0]!.id : '')}
          aria-invalid={businessError ? true : undefined}
          aria-describedby={businessError ? 'enterpriseId-error' : undefined}
        >
          {data.enterprises.length > 1 ? <option value="">{t('enquiries:chooseBusiness')}</option> : null}
          {data.enterprises.map((e) => (
            <option key={e.id} value={e.id}>
              {businessNames({ en: e.name, zh: e.nameZh }, locale)
                .map((name, index) => (index === 0 ? name : bracketed(name, locale)))
                .join('')}
            </option>
          ))}
        </select>
      </div>
      <div className={messageError ? 'field field--error' : 'field'}>
        <label htmlFor="message">{t('enquiries:message')}</label>
        <p className="hint" id="message-hint">
          {t('enquiries:messageHint')}
        </p>
        {messageError ? (
          <p className="field-error" id="message-error">
            {messageError}
          </p>
        ) : null}
        <textarea
          id="message"
          name="message"
          rows={3}
          maxLength={1000}
          defaultValue={reply?.values.message}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={messageError ? 'message-hint message-error' : 'message-hint'}
        />
      </div>
      <p className="hint">{t('enquiries:featuresNote', { count: data.chosenIds.length })}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('enquiries:sendButton')}
      </button>
    </Form>
  );
}
