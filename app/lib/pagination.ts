// Lists read a page at a time: the page number a link asks for, the window of rows a page number means, and the
// "is there a next page" of keyset lists. Pure; the services count and fetch (app/services/pagination.server.ts).
import { z } from 'zod';

/** The highest page number a link may ask for; anything else (missing, 0, "abc", 10^9) reads as page 1. */
export const MAX_PAGE = 100_000;

/** A page number from a query string: a whole number from 1 to `max`, page 1 for anything else. */
export function pageNumber(max = MAX_PAGE) {
  return z.coerce.number().int().min(1).max(max).catch(1);
}

// Building a zod schema costs more than parsing with it (≈ 2% of a list page's CPU when readPage built one per
// request): one per `max`, and lists use only a handful.
const pageSchemas = new Map<number, ReturnType<typeof pageNumber>>();

/** The page number in `?name=` of the request's URL (see pageNumber). */
export function readPage(request: Request, { name = 'page', max = MAX_PAGE }: { name?: string; max?: number } = {}): number {
  let schema = pageSchemas.get(max);
  if (!schema) pageSchemas.set(max, (schema = pageNumber(max)));
  return schema.parse(new URL(request.url).searchParams.get(name));
}

/** One page of a list read by offset: its rows, its number (1-based, within 1…pageCount) and how many pages there are. */
export type Page<Row> = { rows: Row[]; page: number; pageCount: number };

/**
 * The rows a page number means when `total` rows are `pageSize` to a page: a page past the end shows the last page,
 * an empty list has one (empty) page.
 */
export function pageWindow({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  return { page: current, pageCount, limit: pageSize, offset: (current - 1) * pageSize };
}

/**
 * One page of a list read by keyset (after a cursor, never by offset): the caller fetched `limit + 1` rows in cursor
 * order; the extra row only says there is a next page, which starts after the cursor of the last row shown.
 */
export function keysetPage<Row, Cursor>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
): { rows: Row[]; next: Cursor | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
