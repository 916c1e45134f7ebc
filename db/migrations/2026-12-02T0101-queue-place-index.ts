// The officers' queue filtered by district and sector, flat from 1k to 1M applications (issue 15 §5).
// At 100k the planner walked the open-queue index in date order and tested each row's enterprise (22,524 rows read for
// 26 shown, 72 ms): the filter is on another table, so no index can give matching rows in queue order. The enterprise's
// district and sector are now copied onto each application (kept by triggers, whoever writes), and a partial index
// (district, sector, submitted_at, id) over open applications returns a filtered page in order. Extended statistics
// tell the planner how district and sector go together.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications add column ent_district text, add column ent_sector text;
    update applications a set ent_district = e.district, ent_sector = e.sector from enterprises e where e.id = a.enterprise_id;

    create function applications_copy_place() returns trigger language plpgsql as $$
    begin
      select district, sector into new.ent_district, new.ent_sector from enterprises where id = new.enterprise_id;
      return new;
    end $$;
    create trigger applications_copy_place before insert or update of enterprise_id on applications
      for each row execute function applications_copy_place();

    create function enterprises_push_place() returns trigger language plpgsql as $$
    begin
      if new.district is distinct from old.district or new.sector is distinct from old.sector then
        update applications set ent_district = new.district, ent_sector = new.sector where enterprise_id = new.id;
      end if;
      return null;
    end $$;
    create trigger enterprises_push_place after update of district, sector on enterprises
      for each row execute function enterprises_push_place();

    create index applications_open_place_idx on applications (ent_district, ent_sector, submitted_at, id)
      where status in ('submitted', 'under_review', 'info_requested');
    create statistics enterprises_district_sector_stats (dependencies, mcv) on district, sector from enterprises;
    analyze enterprises;
    analyze applications;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop statistics enterprises_district_sector_stats;
    drop index applications_open_place_idx;
    drop trigger enterprises_push_place on enterprises;
    drop function enterprises_push_place();
    drop trigger applications_copy_place on applications;
    drop function applications_copy_place();
    alter table applications drop column ent_district, drop column ent_sector;
  `.execute(db);
}
