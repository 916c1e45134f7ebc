// One vocabulary per concept (ADR 008): app/domain's lists are the source, db/schema.ts takes its types from them, and
// the CHECK constraints of a freshly migrated database list exactly the same codes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import type { ApplicationStatusColumn, Database, Locale as LocaleColumn, PricingModelColumn, Role as RoleColumn } from '../../db/schema';
import { applicationStatuses, type ApplicationStatus } from '../../app/domain/application-lifecycle';
import { pricingModels, type PricingModel } from '../../app/domain/funding';
import { categories, districts, locales, roles, sectors, type Locale, type Role } from '../../app/domain/programme';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true, max: 2 });
  await migrateToLatest(t.db);
});
afterAll(async () => {
  await t.drop();
});

/** The quoted codes of every CHECK constraint on table.column, one list per constraint. */
async function checkLists(table: string, column: string): Promise<string[][]> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = any (c.conkey)
    where c.contype = 'c' and t.relname = ${table} and a.attname = ${column} and cardinality(c.conkey) = 1
  `.execute(t.db);
  return rows.map(({ definition }) => [...definition.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!).sort());
}

const sorted = (list: readonly string[]) => [...list].sort();

const columns: { table: string; column: string; codes: readonly string[] }[] = [
  { table: 'users', column: 'role', codes: roles },
  { table: 'users', column: 'locale', codes: locales },
  { table: 'applications', column: 'status', codes: applicationStatuses },
  { table: 'applications', column: 'category', codes: categories },
  { table: 'solution_categories', column: 'code', codes: categories },
  { table: 'solution_versions', column: 'pricing_model', codes: pricingModels },
  { table: 'solution_features', column: 'pricing_model', codes: pricingModels },
  { table: 'enterprises', column: 'sector', codes: sectors },
  { table: 'solutions', column: 'sector', codes: sectors },
  { table: 'enterprises', column: 'district', codes: districts },
  { table: 'vendors', column: 'district', codes: districts },
];

describe('the database and the domain speak one vocabulary', () => {
  it.each(columns)('$table.$column is checked against exactly the domain list', async ({ table, column, codes }) => {
    const lists = await checkLists(table, column);
    expect(lists.length, `no CHECK constraint on ${table}.${column}`).toBeGreaterThan(0);
    for (const list of lists) expect(list).toEqual(sorted(codes));
  });

  it('the category table holds exactly the domain categories', async () => {
    const rows = await t.db.selectFrom('solutionCategories').select('code').execute();
    // A fresh database has no rows until the seed; the seed writes the domain list (tests/services cover it).
    for (const { code } of rows) expect(categories).toContain(code);
  });

  it('the columns of information_schema are text where the codes live', async () => {
    // The CamelCasePlugin renames the result's columns.
    const { rows } = await sql<{ tableName: string; columnName: string; dataType: string }>`
      select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'
    `.execute(t.db);
    for (const { table, column } of columns) {
      expect(rows.find((r) => r.tableName === table && r.columnName === column)?.dataType, `${table}.${column}`).toBe('text');
    }
  });

  it("db/schema.ts's column types are the domain's types", () => {
    expectTypeOf<ApplicationStatusColumn>().toEqualTypeOf<ApplicationStatus>();
    expectTypeOf<PricingModelColumn>().toEqualTypeOf<PricingModel>();
    expectTypeOf<RoleColumn>().toEqualTypeOf<Role>();
    expectTypeOf<LocaleColumn>().toEqualTypeOf<Locale>();
    expectTypeOf<Database['applications']['status']>().toEqualTypeOf<ApplicationStatus>();
  });
});
