// The officers' queries flat from 1,000 to 1,000,000 applications (issue 15 §5; docs/PERFORMANCE.md, 2026-12-01 later).
//
// 1. Totals per status from approval on (approved … paid: the statuses counted against the budget): how many
//    applications and their programme shares, kept by triggers in the same statement as each change, whoever writes.
//    The approved total (officer home, dashboard, and every approval under the programme lock) summed ≈ 0.3 s at a
//    million applications and the claims waiting to be checked ≈ 0.75 s; both are now a read of at most six rows.
//    Statement-level triggers with transition tables: one update per status per statement however many applications
//    it changes (a row trigger would pile up a row version per application in a bulk load). Only statements that move
//    an application into, out of or between these statuses, or change such an application's share, touch the rows:
//    approvals (already serialised by the programme lock), deployments, claims, payments, lapses — never a submission
//    or the queue's work. Rows are updated in status order, so two statements never wait on each other crosswise.
// 2. "Assigned to me" on the queue read the whole open queue in date order looking for the officer's few cases
//    (1.1 s at a million): an index of open applications by officer in queue order.
// 3. The claims lists page in (status, updated_at, id) order; payments awaiting release are found by index.
import { sql, type Kysely } from 'kysely';

// budgetStatuses in app/domain/application-lifecycle.ts (tests/services/budget-total.test.ts checks they agree).
const budgetStatuses = ['approved', 'deployment_reported', 'deployed', 'claim_submitted', 'claim_approved', 'paid'];
const list = sql.raw(`(${budgetStatuses.map((s) => `'${s}'`).join(', ')})`);

export async function up(db: Kysely<any>): Promise<void> {
  const statusList = `(${budgetStatuses.map((s) => `'${s}'`).join(', ')})`;
  const plusRows = (table: string) => `select status, 1 as n, programme_cents as c from ${table} where status in ${statusList}`;
  const minusRows = (table: string) => `select status, -1, -programme_cents from ${table} where status in ${statusList}`;
  const body = (rows: string) => `
    declare d record;
    begin
      for d in
        select status, sum(n) as n, sum(c) as c from (${rows}) x
        group by status having sum(n) <> 0 or sum(c) <> 0 order by status
      loop
        update budget_status_totals set applications = applications + d.n, programme_cents = programme_cents + d.c
          where status = d.status;
      end loop;
      return null;
    end`;
  await sql`
    create table budget_status_totals (
      status text primary key check (status in ${list}),
      applications bigint not null check (applications >= 0),
      programme_cents bigint not null check (programme_cents >= 0)
    );
    insert into budget_status_totals (status, applications, programme_cents)
      select s.status, count(a.id), coalesce(sum(a.programme_cents), 0)
      from unnest(array${sql.raw(`[${budgetStatuses.map((s) => `'${s}'`).join(', ')}]`)}::text[]) s(status) left join applications a on a.status = s.status
      group by s.status;
  `.execute(db);
  await sql
    .raw(
      `
    create function budget_status_totals_insert() returns trigger language plpgsql as $$${body(plusRows('inserted'))}$$;
    create function budget_status_totals_update() returns trigger language plpgsql as $$${body(`${plusRows('new_rows')} union all ${minusRows('old_rows')}`)}$$;
    create function budget_status_totals_delete() returns trigger language plpgsql as $$${body(minusRows('deleted'))}$$;
    create trigger applications_budget_totals_insert after insert on applications
      referencing new table as inserted for each statement execute function budget_status_totals_insert();
    create trigger applications_budget_totals_update after update on applications
      referencing old table as old_rows new table as new_rows for each statement execute function budget_status_totals_update();
    create trigger applications_budget_totals_delete after delete on applications
      referencing old table as deleted for each statement execute function budget_status_totals_delete();

    create index applications_open_assigned_idx on applications (assigned_officer_id, submitted_at, id)
      where status in ('submitted', 'under_review', 'info_requested');
    create index applications_claims_idx on applications (status, updated_at, id) where status in ('claim_submitted', 'claim_approved');
    create index payments_prepared_idx on payments (application_id) where status = 'prepared';
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index payments_prepared_idx;
    drop index applications_claims_idx;
    drop index applications_open_assigned_idx;
    drop trigger applications_budget_totals_delete on applications;
    drop trigger applications_budget_totals_update on applications;
    drop trigger applications_budget_totals_insert on applications;
    drop function budget_status_totals_delete();
    drop function budget_status_totals_update();
    drop function budget_status_totals_insert();
    drop table budget_status_totals;
  `.execute(db);
}
