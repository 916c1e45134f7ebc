// One vocabulary (ADR 008): sectors, districts and categories were free text in the database while every other code
// list had a CHECK. The lists are written out here (a migration never changes); tests/db/vocabulary.test.ts compares
// every CHECK list of a freshly migrated database with app/domain's.
import { sql, type Kysely } from 'kysely';

const sectors = sql.raw(`'fnb', 'retail', 'tourism', 'personal_services'`);
const districts = sql.raw(
  `'central_western', 'wan_chai', 'eastern', 'southern', 'yau_tsim_mong', 'sham_shui_po', 'kowloon_city', 'wong_tai_sin', ` +
    `'kwun_tong', 'kwai_tsing', 'tsuen_wan', 'tuen_mun', 'yuen_long', 'north', 'tai_po', 'sha_tin', 'sai_kung', 'islands'`,
);
const categories = sql.raw(`'e_payment_pos', 'online_promotion', 'customer_management'`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table enterprises add constraint enterprises_sector_check check (sector in (${sectors}));
    alter table enterprises add constraint enterprises_district_check check (district in (${districts}));
    alter table vendors add constraint vendors_district_check check (district is null or district in (${districts}));
    alter table solutions add constraint solutions_sector_check check (sector in (${sectors}));
    alter table applications add constraint applications_category_check check (category in (${categories}));
    alter table solution_categories add constraint solution_categories_code_check check (code in (${categories}));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table enterprises drop constraint enterprises_sector_check;
    alter table enterprises drop constraint enterprises_district_check;
    alter table vendors drop constraint vendors_district_check;
    alter table solutions drop constraint solutions_sector_check;
    alter table applications drop constraint applications_category_check;
    alter table solution_categories drop constraint solution_categories_code_check;
  `.execute(db);
}
