// Reading a list a page at a time by offset: count the rows, clamp the page number, fetch that page's window.
import type { SelectQueryBuilder } from 'kysely';
import { pageWindow, type Page } from '../lib/pagination';

/** How many rows `query` (its joins and conditions, without a select list) finds. */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .$castTo<{ total: string }>()
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * One page of a list: `count` says how many rows there are, `fetch` reads the window (its own order, then
 * `.limit(limit).offset(offset)`). A page past the end shows the last page.
 */
export async function paginate<Row>({
  page,
  pageSize,
  count,
  fetch,
}: {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  fetch: (window: { limit: number; offset: number }) => Promise<Row[]>;
}): Promise<Page<Row>> {
  const window = pageWindow({ total: await count(), page, pageSize });
  const rows = await fetch({ limit: window.limit, offset: window.offset });
  return { rows, page: window.page, pageCount: window.pageCount };
}

/**
 * Like paginate, in one query when the page exists: `fetch` selects `count(*) over ()` as `total` beside its columns, so
 * the count rides on the page. Only a page past the end (a stale link) costs a count and a second fetch.
 */
export async function paginateCounted<Row extends { total: string | number | bigint }>({
  page,
  pageSize,
  count,
  fetch,
}: {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  fetch: (window: { limit: number; offset: number }) => Promise<Row[]>;
}): Promise<Page<Omit<Row, 'total'>>> {
  const asked = pageWindow({ total: Number.MAX_SAFE_INTEGER, page, pageSize });
  let rows = await fetch({ limit: asked.limit, offset: asked.offset });
  let window = pageWindow({ total: Number(rows[0]?.total ?? 0), page: asked.page, pageSize });
  if (rows.length === 0 && asked.page > 1) {
    window = pageWindow({ total: await count(), page: asked.page, pageSize });
    rows = window.page === asked.page ? rows : await fetch({ limit: window.limit, offset: window.offset });
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), page: window.page, pageCount: window.pageCount };
}
