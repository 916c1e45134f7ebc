// Indexes for the officers' risk signals: enterprises sharing a phone number or an address (normalised keys).
// The expressions must stay identical to phoneKeySql / addressKeySql in app/services/risk.server.ts.
import { sql, type Kysely } from 'kysely';

const phoneKey = String.raw`regexp_replace("phone", '[^0-9]', '', 'g')`;
const addressKey = String.raw`regexp_replace(regexp_replace(regexp_replace(translate(normalize("address", NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '(?<![a-z])(?:flat|flt|room|rm|unit)(?![a-z])', '', 'g'), '[\x01-\x2F\x3A-\x40\x5B-\x60\x7B-\x7F\u00A0-\u00BF\u2010-\u2027\u3000-\u3003\u3008-\u3011\u3014-\u301F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]', '', 'g'), '(?<![a-z])(?:flat|flt|room|rm|unit)(?![a-z])', '', 'g')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`create index enterprises_phone_key_idx on enterprises ((${phoneKey}))`).execute(db);
  await sql.raw(`create index enterprises_address_key_idx on enterprises ((${addressKey}))`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index enterprises_phone_key_idx; drop index enterprises_address_key_idx;`.execute(db);
}
