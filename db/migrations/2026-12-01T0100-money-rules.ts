// Money rules hardening (issue 10, ADR 010): the ceiling follows the business identity (BR number or hawker
// licence), identity changes are audited and frozen after a submission, and monthly items record their minimum contract.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A monthly item's minimum contract in months; funding counts it, at most the programme's months.
    alter table solution_versions
      add column min_contract_months integer check (min_contract_months between 1 and 120),
      add constraint solution_versions_contract_only_monthly check (pricing_model = 'monthly' or min_contract_months is null);
    alter table solution_features
      add column min_contract_months integer check (min_contract_months between 1 and 120),
      add constraint solution_features_contract_only_monthly check (pricing_model = 'monthly' or min_contract_months is null);
    -- Existing monthly items never stated a contract: they keep the months every figure already counted (the
    -- current settings' maximum, 24 at launch), so no price, quotation or share shown to anyone changes.
    update solution_versions
      set min_contract_months = coalesce((select max_subscription_months from programme_settings order by version desc limit 1), 24)
      where pricing_model = 'monthly';
    update solution_features
      set min_contract_months = coalesce((select max_subscription_months from programme_settings order by version desc limit 1), 24)
      where pricing_model = 'monthly';

    -- The identity the HK$50,000 ceiling follows. The same expression as app/domain/identity.ts registrationKey().
    create function registration_key_of(registration_type text, br_number text, hawker_licence_no text) returns text
      language sql immutable parallel safe
      return case registration_type when 'br' then 'br:' || coalesce(br_number, '') else 'hawker:' || upper(coalesce(hawker_licence_no, '')) end;
    alter table enterprises
      add column registration_key text generated always as (registration_key_of(registration_type, br_number, hawker_licence_no)) stored;

    -- The identity an application's money was committed under, set at submission: committed money is summed per
    -- identity, whichever profile carries it now. Existing submissions take their profile's identity of today.
    alter table applications add column registration_key text;
    update applications a set registration_key = e.registration_key
      from enterprises e where e.id = a.enterprise_id and a.submitted_at is not null;
    create index applications_registration_key_idx on applications (registration_key, status) where registration_key is not null;

    -- Once an application was submitted under an identity (by this profile, or by any profile under that identity),
    -- the profile cannot move to another identity: even a bug in the app cannot carry the money elsewhere.
    create function enterprise_identity_locked() returns trigger language plpgsql as $$
    declare
      old_key text := registration_key_of(old.registration_type, old.br_number, old.hawker_licence_no);
    begin
      if registration_key_of(new.registration_type, new.br_number, new.hawker_licence_no) is distinct from old_key
         and exists (select 1 from applications
                     where (enterprise_id = old.id or registration_key = old_key) and submitted_at is not null) then
        raise exception 'enterprise %: its identity (%) is locked: an application was submitted under it', old.id, old_key
          using errcode = 'P0001';
      end if;
      return new;
    end;
    $$;
    create trigger enterprises_identity_locked before update on enterprises
      for each row execute function enterprise_identity_locked();

    -- Identity changes of business profiles go to the append-only audit log.
    alter table audit_log drop constraint audit_log_entity_type_check;
    alter table audit_log add constraint audit_log_entity_type_check check (entity_type in ('vendor', 'solution', 'enterprise'));
    create index registration_conflicts_existing_idx on registration_conflicts (existing_enterprise_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index registration_conflicts_existing_idx;
    alter table audit_log drop constraint audit_log_entity_type_check;
    alter table audit_log add constraint audit_log_entity_type_check check (entity_type in ('vendor', 'solution'));
    drop trigger enterprises_identity_locked on enterprises;
    drop function enterprise_identity_locked();
    alter table applications drop column registration_key;
    alter table enterprises drop column registration_key;
    drop function registration_key_of(text, text, text);
    alter table solution_features drop column min_contract_months;
    alter table solution_versions drop column min_contract_months;
  `.execute(db);
}
