// Passwords too common to allow (NIST SP 800-63B: refuse values from lists of commonly used or breached passwords).
// The list ships with the app (common-passwords.json, made from an npm package's ranked list; see its "source").
// To regenerate: `npm pack @zxcvbn-ts/language-common`, take src/passwords.json, keep its first 10,000 entries and
// every entry of 10 characters or more, lower-cased and de-duplicated, in rank order.
import list from './common-passwords.json';
import { passwordSchema } from './validation';

const common = new Set(list.passwords);

const normalise = (value: string) => value.normalize('NFKC').trim().toLowerCase();

/** Whether a new password is too easy to guess: on the list, one character repeated, or the account's own email. */
export function isCommonPassword(password: string, { email }: { email?: string } = {}): boolean {
  const value = normalise(password);
  if (common.has(value)) return true;
  if (/^(.)\1*$/u.test(value)) return true;
  if (email) {
    const address = normalise(email);
    if (value === address || value === address.split('@')[0]) return true;
  }
  return false;
}

export const COMMON_PASSWORD_COUNT = common.size;

/**
 * For a form schema's superRefine: flags `field` when it holds a common password (runs even when other fields failed,
 * so every problem shows at once). `emailField` names the form's email, when it has one.
 */
export function refuseCommonPassword(field: string, emailField?: string) {
  return (value: Record<string, unknown>, ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void }) => {
    const password = value[field];
    const email = emailField ? value[emailField] : undefined;
    // A password already refused for its length gets that one message only.
    if (
      typeof password === 'string' &&
      passwordSchema.safeParse(password).success &&
      isCommonPassword(password, { email: typeof email === 'string' ? email : undefined })
    ) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'errors:password_common' });
    }
  };
}
