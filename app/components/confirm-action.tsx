// Irreversible actions ask once, saying what will happen. Without JavaScript the button is a link to a confirm page
// (its own route); with JavaScript the same question opens in a dialog. Either way the form posts to the same action,
// and the server checks everything again under its locks.
import { Form } from '@remix-run/react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from './forms';
import { AppLink } from './app-link';
import type { SitePath } from '../domain/paths';

type ConfirmFormProps = {
  /** Where the confirmed form posts (the action that does the work). */
  action: string;
  title: string;
  /** What will happen, in plain words with the amounts ("HK$22,650 will be committed from the budget"). */
  message: ReactNode;
  confirmLabel: string;
  /** Hidden inputs and any optional fields (a note) the action takes. */
  children?: ReactNode;
  cancel: ReactNode;
  busy?: boolean;
  onSubmit?: () => void;
  headingId: string;
};

export function ConfirmForm({ action, title, message, confirmLabel, children, cancel, busy, onSubmit, headingId }: ConfirmFormProps) {
  return (
    <Form method="post" action={action} className="confirm" onSubmit={onSubmit}>
      <CsrfInput />
      <h2 id={headingId}>{title}</h2>
      <p className="confirm-message">{message}</p>
      {children}
      <div className="actions-row">
        <button type="submit" className="button" disabled={busy}>
          {confirmLabel}
        </button>
        {cancel}
      </div>
    </Form>
  );
}

/** The button that asks first: a link to `confirmPath` until JavaScript runs, then a dialog with the same form. */
export function ConfirmAction({
  confirmPath,
  label,
  className = 'button',
  id,
  ...form
}: Omit<ConfirmFormProps, 'cancel' | 'onSubmit' | 'headingId'> & { confirmPath: SitePath; label: string; className?: string; id: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <AppLink
        to={confirmPath}
        className={className}
        onClick={(event) => {
          if (!dialog.current?.showModal) return; // an old browser: the confirm page instead
          event.preventDefault();
          dialog.current.showModal();
        }}
      >
        {label}
      </AppLink>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`}>
        <ConfirmForm
          {...form}
          headingId={`${id}-title`}
          onSubmit={() => dialog.current?.close()}
          cancel={
            <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
              {t('common:confirmCancel')}
            </button>
          }
        />
      </dialog>
    </>
  );
}
