// Reading a posted form: size limit, CSRF check, then zod; errors come back as i18n keys per field.
import { json, type AppLoadContext, type TypedResponse } from '@remix-run/node';
import type { z } from 'zod';
import { assertCsrf } from './csrf.server';
import type { Failure } from './failures';

export { failureTable, type Failure } from './failures';
export { notFound } from './responses';

const MAX_FORM_BYTES = 256 * 1024;

export type FieldErrors = Record<string, string[]>;

// Refusing a body part-way: answer, then close the connection (the rest of the body is never read). Cancelling the
// stream instead would destroy the socket under the answer, and a client that had already read the answer and
// reused the keep-alive connection would see its next request reset.
const tooLarge = () => new Response('too large', { status: 413, headers: { Connection: 'close' } });

/** Reads the body, stopping at maxBytes whatever Content-Length claims (a chunked body has none). */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const URL_ENCODED = 'application/x-www-form-urlencoded';
const URL_ENCODED_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** A URL-encoded body as the fetch API reads it (UTF-8, `+` as a space), without a Response and its stream around it. */
function urlEncodedForm(body: Uint8Array): FormData {
  const formData = new FormData();
  for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) formData.append(name, value);
  return formData;
}

/** Reads a posted form (urlencoded or multipart) within a size limit, then checks its CSRF token. */
export async function readForm(
  request: Request,
  context: AppLoadContext,
  { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {},
): Promise<FormData> {
  const body = await readBodyLimited(request, maxBytes);
  let formData: FormData;
  try {
    const contentType = request.headers.get('Content-Type') ?? URL_ENCODED;
    formData = URL_ENCODED_TYPE.test(contentType)
      ? urlEncodedForm(body)
      : await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new Response('bad form', { status: 400 });
  }
  await assertCsrf(request, context, formData);
  return formData;
}

/**
 * The form's text fields as a plain object (what the user typed, to put back into the form). A field posted several
 * times (a group of ticked boxes) keeps every value, comma-separated.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('_') || /password/i.test(key)) continue;
    values[key] = (key in values ? `${values[key]},${value}` : value).slice(0, 2000);
  }
  return values;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: toFieldErrors(result.error.issues), values: formValues(formData) };
}

// zod's issue codes that have a generic message in locales/*/errors.json; any other (a union no branch of which fits,
// an unknown key) reads "Choose one of the options".
const genericCodes = new Set<string>(['invalid_type', 'invalid_value', 'invalid_format', 'too_small', 'too_big', 'custom']);

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    // Our schemas give i18n keys as messages; zod's own English defaults are mapped to generic keys.
    const key = issue.message.includes(':')
      ? issue.message
      : genericCodes.has(issue.code)
        ? `errors:${issue.code}`
        : 'errors:invalid_value';
    const keys = (errors[field] ??= []);
    if (!keys.includes(key)) keys.push(key);
  }
  return errors;
}

/**
 * What every form action answers when it cannot go on (ADR 008): field errors and form errors as message keys, and
 * the values as typed (never passwords) to put back into the form. `ErrorSummary` and the inline errors render it.
 */
export type FormReply = { fieldErrors: FieldErrors; formErrors: string[]; values: Record<string, string> };

/** The reply's body for a failure, keeping what was typed (for a route that adds to the one shape). */
export function replyBody(form: FormData | null, { message, field }: Failure): FormReply {
  return { fieldErrors: field ? { [field]: [message] } : {}, formErrors: field ? [] : [message], values: form ? formValues(form) : {} };
}

/** The reply when a service refused several fields at once (each with its message key), keeping what was typed. */
export function replyFieldErrors(form: FormData, fieldErrors: FieldErrors, status = 400): TypedResponse<FormReply> {
  return json<FormReply>({ fieldErrors, formErrors: [], values: formValues(form) }, { status });
}

/** The reply for a failure, keeping what was typed; `headers` for an answer such as a throttle's Retry-After. */
export function reply(form: FormData | null, failure: Failure, headers?: HeadersInit): TypedResponse<FormReply> {
  return json<FormReply>(replyBody(form, failure), { status: failure.status, headers });
}

export type Submission<T> = { ok: true; data: T; form: FormData } | { ok: false; reply: TypedResponse<FormReply>; form: FormData };

/**
 * The one way to read a posted form: within a size limit, CSRF checked, then the schema (uploads included: a file
 * field arrives as a File for the schema to bound). A bad submission gives a 400 reply of the one shape.
 */
export async function readSubmission<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<Submission<z.infer<S>>> {
  const form = await readForm(request, context, options);
  const parsed = parseForm(schema, form);
  if (parsed.ok) return { ok: true, data: parsed.data, form };
  const { form: formLevel = [], ...fieldErrors } = parsed.fieldErrors;
  return { ok: false, reply: json<FormReply>({ fieldErrors, formErrors: formLevel, values: parsed.values }, { status: 400 }), form };
}
