import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysetPage, MAX_PAGE, pageNumber, pageWindow, readPage } from '../../app/lib/pagination';

describe('page numbers from a link', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['1', 1],
    ['7', 7],
    [' 3 ', 3],
    ['0', 1],
    ['-2', 1],
    ['2.5', 1],
    ['abc', 1],
    ['1e3', 1000],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), 1],
    ['99999999999999999999', 1],
  ])('%j reads as page %i', (value, expected) => {
    expect(pageNumber().parse(value)).toBe(expected);
  });

  it('a smaller maximum is kept (the catalogue allows 10,000)', () => {
    expect(pageNumber(10_000).parse('10000')).toBe(10_000);
    expect(pageNumber(10_000).parse('10001')).toBe(1);
  });

  it('reads ?page= or a named parameter from the request', () => {
    expect(readPage(new Request('http://x/list?page=4'))).toBe(4);
    expect(readPage(new Request('http://x/list?checkPage=3&page=9'), { name: 'checkPage' })).toBe(3);
    expect(readPage(new Request('http://x/list?page=oops'))).toBe(1);
  });
});

describe('pageWindow', () => {
  it.each([
    // total, asked, size → page, pageCount, offset
    [0, 1, 20, 1, 1, 0],
    [0, 5, 20, 1, 1, 0],
    [20, 1, 20, 1, 1, 0],
    [21, 2, 20, 2, 2, 20],
    [45, 9, 20, 3, 3, 40],
    [45, 0, 20, 1, 3, 0],
  ])('%i rows, page %i of %i a page → page %i of %i, offset %i', (total, page, pageSize, current, pageCount, offset) => {
    expect(pageWindow({ total, page, pageSize })).toEqual({ page: current, pageCount, limit: pageSize, offset });
  });

  it('every row is on exactly one page, and every page asked for shows a real page', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -5, max: 1000 }), (total, pageSize, asked) => {
        const window = pageWindow({ total, page: asked, pageSize });
        expect(window.page).toBeGreaterThanOrEqual(1);
        expect(window.page).toBeLessThanOrEqual(window.pageCount);
        expect(window.offset).toBeGreaterThanOrEqual(0);
        // The page shown is never empty unless the whole list is.
        if (total > 0) expect(window.offset).toBeLessThan(total);
        const seen = new Array<number>(total).fill(0);
        for (let page = 1; page <= window.pageCount; page++) {
          const { offset, limit } = pageWindow({ total, page, pageSize });
          for (let row = offset; row < Math.min(total, offset + limit); row++) seen[row]!++;
        }
        expect(seen.every((times) => times === 1)).toBe(true);
      }),
    );
  });
});

describe('keysetPage', () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));

  it('shows `limit` rows and gives the cursor of the last one when an extra row was fetched', () => {
    expect(keysetPage(rows.slice(0, 4), 3, (row) => row.id)).toEqual({ rows: rows.slice(0, 3), next: 3 });
  });

  it('has no next page when no extra row came back', () => {
    expect(keysetPage(rows.slice(0, 3), 3, (row) => row.id)).toEqual({ rows: rows.slice(0, 3), next: null });
    expect(keysetPage([], 3, (row: { id: number }) => row.id)).toEqual({ rows: [], next: null });
  });

  it('walking the pages by cursor visits every row once, in order', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.integer({ min: 1, max: 10 }), (count, limit) => {
        const all = Array.from({ length: count }, (_, i) => i * 2 + 1);
        const visited: number[] = [];
        let after: number | null = null;
        for (let guard = 0; guard <= count + 1; guard++) {
          const fetched = all.filter((value) => after === null || value > after).slice(0, limit + 1);
          const page = keysetPage(fetched, limit, (value) => value);
          visited.push(...page.rows);
          if (page.next === null) break;
          after = page.next;
        }
        expect(visited).toEqual(all);
      }),
    );
  });
});
