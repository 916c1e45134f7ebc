// Shared zod pieces for forms and URLs; messages are i18n keys.
import { z } from 'zod';

export const passwordSchema = z
  .string({ error: 'errors:required' })
  .min(10, 'errors:password_too_short')
  .max(128, 'errors:password_too_long');

/** A database id in a URL or form; anything else is treated as not found. */
export const idSchema = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^[1-9]\d{0,14}$/))
  .transform(Number);

export function parseId(value: unknown): number {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new Response('not found', { status: 404 });
  return parsed.data;
}
