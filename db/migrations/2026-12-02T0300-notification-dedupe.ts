// One notification per (user, source event, template) (issue 12 §2): the source key names the event a notification
// comes from, and a unique index makes a second notification of the same event for the same person impossible.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table notifications add column source_key text;
    -- Notifications written before this change keep their own key: earlier duplicates stay as history.
    update notifications set source_key = 'notification:' || id;
    alter table notifications alter column source_key set not null;
    alter table notifications add constraint notifications_source_key_check check (octet_length(source_key) between 1 and 200);
    create unique index notifications_once_idx on notifications (user_id, source_key, template);
    -- The header's unread count on every page.
    create index notifications_unread_idx on notifications (user_id) where read_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index notifications_unread_idx;
    drop index notifications_once_idx;
    alter table notifications drop constraint notifications_source_key_check;
    alter table notifications drop column source_key;
  `.execute(db);
}
