// Shared zod pieces for forms and URLs; messages are i18n keys. Every field is bounded as the database bounds it, so
// that no input can reach PostgreSQL and fail there (a 500): text without control characters (PostgreSQL refuses NUL
// in text), numbers within the column's CHECK and type, days PostgreSQL can store.
import { z } from 'zod';
import { isRealDay } from '../domain/dates';
import { parseMoneyToCents } from '../domain/money';
import { notFound } from './responses';

// C0 controls except tab/LF/CR, DEL, C1 controls; and lone surrogate halves (not text at all).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
// A single-line field also refuses tab and line breaks (including the Unicode line and paragraph separators).
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/** Whether a typed text holds a character no form field may: control characters (single line: also breaks, tabs). */
export function hasForbiddenCharacters(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return CONTROL.test(value) || (!multiline && LINE_BREAK.test(value));
}

type TextOptions = { max: number; multiline?: boolean; tooLong?: string };

/** Text as typed, trimmed (line breaks kept as \n in multiline text), at most `max` characters; may be empty. */
export function optionalText({ max, multiline = false, tooLong = 'errors:too_long' }: TextOptions) {
  return z
    .string()
    .transform((value) => (multiline ? value.replace(/\r\n?/g, '\n') : value).trim())
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((value) => !hasForbiddenCharacters(value, { multiline }), 'errors:invalid_characters'),
    );
}

/** Like optionalText, but something must be typed. */
export function requiredText({
  max,
  multiline = false,
  tooLong = 'errors:too_long',
  message = 'errors:required',
}: TextOptions & { message?: string }) {
  return z
    .string({ error: message })
    .transform((value) => (multiline ? value.replace(/\r\n?/g, '\n') : value).trim())
    .pipe(
      z
        .string()
        .min(1, message)
        .max(max, tooLong)
        .refine((value) => !hasForbiddenCharacters(value, { multiline }), 'errors:invalid_characters'),
    );
}

/**
 * A field that may be posted several times (checkboxes): always given to `schema` as a list, however many came (the
 * reader gives one value as itself, several as a list, none as undefined).
 */
export function formList<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), schema);
}

/** A document a form uploads, required: the reader's size limit bounds it; an empty file input is no document. */
export function documentUpload(required: string) {
  return z.custom<File>((value) => value instanceof File && value.size > 0, { error: required });
}

/** A document a form may upload: an empty file input (or none) is undefined. */
export const optionalDocumentUpload = z.preprocess(
  (value) => (value instanceof File && value.size > 0 ? value : undefined),
  z.custom<File>((value) => value instanceof File).optional(),
);

/** An uploaded document as the services take it. */
export async function documentBytes(file: File): Promise<{ bytes: Uint8Array; filename: string }> {
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
}

/** An email address as PostgreSQL's text and our unique index can hold it. */
export const emailAddress = z
  .string({ error: 'errors:required' })
  .trim()
  .min(1, 'errors:required')
  .max(254, 'errors:too_long')
  .refine((value) => !hasForbiddenCharacters(value), 'errors:email_invalid')
  .pipe(z.email('errors:email_invalid'));

/** Typed digits only (an empty box must not quietly become 0), within [min, max] as the column's CHECK allows. */
export function wholeNumber({ min, max }: { min: number; max: number }) {
  return z
    .string({ error: 'errors:required' })
    .trim()
    .regex(/^\d{1,12}$/, 'errors:whole_number')
    .transform(Number)
    .pipe(z.number().min(min, 'errors:too_small').max(max, 'errors:too_big'));
}

/** An amount typed in HK$ ("12,000.50") as integer cents, within [minCents, maxCents]. */
export function moneyCents({
  minCents = 0,
  maxCents = 10_000_000_000_00,
  minMessage = 'errors:too_small',
}: { minCents?: number; maxCents?: number; minMessage?: string } = {}) {
  return z.string({ error: 'errors:required' }).transform((value, ctx) => {
    const parsed = parseMoneyToCents(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `errors:${parsed.code}` });
      return z.NEVER;
    }
    if (parsed.cents < minCents) {
      ctx.addIssue({ code: 'custom', message: minMessage });
      return z.NEVER;
    }
    if (parsed.cents > maxCents) {
      ctx.addIssue({ code: 'custom', message: 'errors:money_too_large' });
      return z.NEVER;
    }
    return parsed.cents;
  });
}

/** A calendar day 'YYYY-MM-DD' that exists (no 31 February), years 1900–2199. */
export const calendarDay = z.string({ error: 'errors:required' }).trim().refine(isRealDay, 'errors:date_invalid');

/** An instant written as ISO 8601 in UTC ('2026-12-01T02:00:00.000Z'), years 1970–9999: what PostgreSQL can store. */
export const isoInstant = z
  .string()
  .regex(/^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/)
  .refine((value) => !Number.isNaN(new Date(value).getTime()));

/** A search box in a URL: trimmed, cut to `max`, and ignored (no filter) when it holds control characters. */
export function searchText(max: number) {
  return z
    .string()
    .transform((value) => value.trim().slice(0, max))
    .refine((value) => !hasForbiddenCharacters(value))
    .optional();
}

export const passwordSchema = z
  .string({ error: 'errors:required' })
  .min(10, 'errors:password_too_short')
  .max(128, 'errors:password_too_long')
  // NUL cannot be hashed reliably by every argon2 binding and is never typed: treat like any other control character.
  .refine((value) => !CONTROL.test(value), 'errors:invalid_characters');

/** A database id as written in a URL or form: 1 to 15 digits, no leading zero. */
const ID = /^[1-9]\d{0,14}$/;

/** A database id in a URL or form; anything else is treated as not found. */
export const idSchema = z.union([z.number(), z.string()]).transform(String).pipe(z.string().regex(ID)).transform(Number);

/** An id from a URL (what idSchema accepts), or 404. Checked without zod: every page with an id in its path reads one. */
export function parseId(value: unknown): number {
  if ((typeof value !== 'string' && typeof value !== 'number') || !ID.test(String(value))) throw notFound();
  return Number(value);
}

/** An application reference from a URL ('DTS-2026-000123'), or 404. */
export function parseReference(value: string | undefined): string {
  if (value === undefined || !/^DTS-\d{4}-\d{6}$/.test(value)) throw notFound();
  return value;
}
