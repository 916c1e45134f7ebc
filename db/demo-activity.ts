// The lived-in demo's second step: after the programme, the catalogue and the demo accounts are seeded, about three
// months of shops, applications, claims and payments are planned (db/demo-plan.ts) and written in bulk, each row
// with the time it happened, in one transaction. The plan already kept every rule; this file only writes it down.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { maskAccount } from '../app/domain/bank-account';
import { hongKongDay } from '../app/domain/dates';
import { isOncePerApplication } from '../app/domain/notifications';
import type { Trx } from './client';
import { demoPdf } from './demo-pdf';
import { allDeclarations, DEMO_SEED, planDemo, type CatalogueSolution, type DemoPlan, type PlanUser } from './demo-plan';
import type { Database } from './schema';
import { demoAccounts } from './seed';
import { seedVendors } from './seed-data';

export type DemoActivitySummary = {
  enterprises: number;
  applications: number;
  events: number;
  notifications: number;
  byStatus: Record<string, number>;
};

/** Sorted by time, the plan's order breaking ties, so ids grow with time as they do in a live database. */
function byTime<T extends { createdAt: Date }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime() || a.index - b.index)
    .map(({ row }) => row);
}

const idOf = (thing: { id?: number }, what: string): number => {
  if (thing.id === undefined) throw new Error(`demo seed: ${what} was not written before it was referred to`);
  return thing.id;
};

/** A column of a bulk insert: its SQL type as read from JSON; 'hex' is bytea sent as a hex string. */
type ColumnType = 'bigint' | 'bigint[]' | 'integer' | 'text' | 'boolean' | 'date' | 'timestamptz' | 'jsonb' | 'hex';

/**
 * Inserts every row in one statement with a single JSON parameter (INSERT … SELECT FROM json_to_recordset):
 * hundreds of rows cost one round trip and no per-value parameters. Keys of `rows` are the snake_case columns.
 * `returning` names columns to read back (aliased to plain words, so no name mapping touches them).
 */
async function insertRows(
  trx: Trx,
  {
    table,
    columns,
    rows,
    returning = {},
  }: { table: string; columns: Record<string, ColumnType>; rows: Record<string, unknown>[]; returning?: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name] === 'hex' ? 'text' : columns[name]}`).join(', ');
  const selected = names.map((name) => (columns[name] === 'hex' ? `decode(${name}, 'hex')` : name)).join(', ');
  const back = Object.entries(returning)
    .map(([alias, column]) => `${column} as ${alias}`)
    .join(', ');
  const result = await sql<
    Record<string, unknown>
  >`insert into ${sql.raw(table)} (${sql.raw(names.join(', '))}) select ${sql.raw(selected)} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(definitions)})${sql.raw(back ? ` returning ${back}` : '')}`.execute(
    trx,
  );
  if (back && result.rows.length !== rows.length) throw new Error(`demo seed: ${table} wrote ${result.rows.length} of ${rows.length} rows`);
  return result.rows;
}

/** Gives each planned thing the id its row got, matched by a key the rows have (never by the order of RETURNING). */
function assignIds<T extends { id?: number }>({
  things,
  keyOf,
  rows,
  rowKey,
}: {
  things: readonly T[];
  keyOf: (thing: T) => string;
  rows: Record<string, unknown>[];
  rowKey: (row: Record<string, unknown>) => string;
}) {
  const ids = new Map(rows.map((row) => [rowKey(row), Number(row.id)]));
  for (const thing of things) {
    const id = ids.get(keyOf(thing));
    if (id === undefined) throw new Error(`demo seed: no row came back for ${keyOf(thing)}`);
    thing.id = id;
  }
}

/**
 * Seeds three months of demo activity into a freshly seeded demo database; does nothing (returns null) when the
 * database already has enterprises or applications, or has no demo accounts. Runs in the caller's transaction when
 * given one (the boot seeds the programme and this in one go), otherwise in its own; either way under the seed's
 * advisory lock, so processes starting together never both do it.
 */
export async function seedDemoActivity(
  db: Kysely<Database>,
  { now = new Date(), seed = DEMO_SEED }: { now?: Date; seed?: number } = {},
): Promise<DemoActivitySummary | null> {
  if (!db.isTransaction) return db.transaction().execute((trx) => seedDemoActivity(trx, { now, seed }));
  const trx = db as Trx;
  await sql`select pg_advisory_xact_lock(hashtext('matchfund-seed'))`.execute(trx);
  const busy =
    (await trx.selectFrom('enterprises').select('id').limit(1).executeTakeFirst()) ??
    (await trx.selectFrom('applications').select('id').limit(1).executeTakeFirst());
  if (busy) return null;

  const people = await trx
    .selectFrom('users')
    .select(['id', 'email', 'passwordHash'])
    .where(
      'email',
      'in',
      demoAccounts.map((a) => a.email),
    )
    .execute();
  const personId = (email: string) => people.find((p) => p.email === email)?.id;
  const [applicant, vendorUser, officer, officer2] = ['applicant', 'vendor', 'officer', 'officer2'].map((name) =>
    personId(`${name}@demo.matchfund.hk`),
  );
  const passwordHash = people.find((p) => p.id === applicant)?.passwordHash;
  if (!applicant || !vendorUser || !officer || !officer2 || !passwordHash) return null;

  const settings = await trx.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const vendorRows = await trx
    .selectFrom('vendors')
    .select(['id', 'brNumber', 'nameEn', 'contactEmail', 'userId'])
    .where('status', '=', 'enrolled')
    .orderBy('id')
    .execute();
  const keyOf = new Map(seedVendors.map((v) => [v.brNumber, v.key]));
  const vendors = vendorRows.map((v) => ({ ...v, key: keyOf.get(v.brNumber) ?? `vendor${v.id}` }));
  const solutionRows = await trx
    .selectFrom('solutions as s')
    .innerJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .select([
      's.id',
      's.vendorId',
      's.category',
      's.sector',
      'v.id as versionId',
      'v.version',
      'v.nameEn',
      'v.nameZhHk',
      'v.nameZhCn',
      'v.descriptionEn',
      'v.descriptionZhHk',
      'v.descriptionZhCn',
      'v.pricingModel',
      'v.priceCents',
      'v.deploymentDays',
    ])
    .where('s.status', '=', 'listed')
    .orderBy('s.id')
    .execute();
  const features = await trx
    .selectFrom('solutionFeatures')
    .select(['id', 'versionId', 'position', 'nameEn', 'nameZhHk', 'nameZhCn', 'pricingModel', 'priceCents'])
    .where('versionId', 'in', solutionRows.length > 0 ? solutionRows.map((s) => s.versionId) : [0])
    .orderBy('versionId')
    .orderBy('position')
    .execute();
  const solutions: CatalogueSolution[] = solutionRows.map((s) => ({ ...s, features: features.filter((f) => f.versionId === s.versionId) }));

  const plan = planDemo({ now, seed, settings, vendors, solutions, people: { applicant, vendor: vendorUser, officer, officer2 } });
  await writePlan(trx, plan, passwordHash);

  const byStatus: Record<string, number> = {};
  for (const app of plan.applications) byStatus[app.status] = (byStatus[app.status] ?? 0) + 1;
  return {
    enterprises: plan.enterprises.length,
    applications: plan.applications.length,
    events: plan.events.length,
    notifications: plan.notifications.length,
    byStatus,
  };
}

async function writePlan(trx: Trx, plan: DemoPlan, passwordHash: string): Promise<void> {
  const started = plan.programmeStartedAt;

  // The programme, its catalogue and the demo accounts were there before the first shop registered.
  await sql`update programmes set created_at = ${started}`.execute(trx);
  await sql`update programme_settings set created_at = ${started}`.execute(trx);
  await sql`update vendors set created_at = ${started}`.execute(trx);
  await sql`update solutions set created_at = ${started}`.execute(trx);
  await sql`update solution_versions set created_at = ${started}, reviewed_at = ${started} where reviewed_at is not null`.execute(trx);
  const demoEmails = demoAccounts.map((a) => a.email);
  await sql`update users set created_at = ${started}, password_changed_at = ${started} where email in (${sql.join(demoEmails)})`.execute(
    trx,
  );
  const dated = JSON.stringify(Object.values(plan.existing).map((person) => ({ id: idOf(person, person.email), at: person.createdAt })));
  await sql`update users u set created_at = x.at, password_changed_at = x.at from json_to_recordset(${dated}::json) as x(id bigint, at timestamptz) where u.id = x.id`.execute(
    trx,
  );

  // Accounts: the shops' owners, the seed vendors' sales desks, and the vendors applying to enrol.
  const newUsers = byTime([...plan.users, ...plan.vendorAccounts.map((a) => a.user)]);
  const userRows = await insertRows(trx, {
    table: 'users',
    columns: {
      email: 'text',
      password_hash: 'text',
      role: 'text',
      display_name: 'text',
      locale: 'text',
      created_at: 'timestamptz',
      password_changed_at: 'timestamptz',
    },
    rows: newUsers.map((u) => ({
      email: u.email,
      password_hash: passwordHash,
      role: u.role,
      display_name: u.displayName,
      locale: u.locale,
      created_at: u.createdAt,
      password_changed_at: u.createdAt,
    })),
    returning: { id: 'id', email: 'email' },
  });
  assignIds({ things: newUsers, keyOf: (u) => u.email, rows: userRows, rowKey: (row) => String(row.email) });
  const accounts = JSON.stringify(
    plan.vendorAccounts.map(({ vendorId, user }) => ({ vendor_id: vendorId, user_id: idOf(user, user.email) })),
  );
  await sql`update vendors v set user_id = x.user_id from json_to_recordset(${accounts}::json) as x(vendor_id bigint, user_id bigint) where v.id = x.vendor_id and v.user_id is null`.execute(
    trx,
  );
  for (const enrolment of plan.enrolments) {
    const { id } = await trx
      .insertInto('vendors')
      .values({
        ...enrolment.vendor,
        userId: idOf(enrolment.user, enrolment.user.email),
        status: enrolment.status,
        submittedAt: enrolment.submittedAt,
        decidedBy: enrolment.decidedBy ? idOf(enrolment.decidedBy, 'officer') : null,
        decidedAt: enrolment.decidedAt,
        decisionReason: enrolment.decisionReason,
        createdAt: enrolment.user.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('auditLog')
      .values([
        {
          entityType: 'vendor',
          entityId: id,
          action: 'submit_enrolment',
          actorUserId: idOf(enrolment.user, 'vendor'),
          actorRole: 'vendor',
          note: null,
          createdAt: enrolment.submittedAt,
        },
        ...(enrolment.decidedBy && enrolment.decidedAt
          ? [
              {
                entityType: 'vendor' as const,
                entityId: id,
                action: `${enrolment.status === 'rejected' ? 'reject' : 'approve'}_enrolment`,
                actorUserId: idOf(enrolment.decidedBy, 'officer'),
                actorRole: 'officer',
                note: enrolment.decisionReason,
                createdAt: enrolment.decidedAt,
              },
            ]
          : []),
      ])
      .execute();
  }

  // Each enterprise has its own BR number or hawker licence: that is how its row is found again.
  const registration = (e: { brNumber: string | null; hawkerLicenceNo: string | null }) => e.brNumber ?? `hawker:${e.hawkerLicenceNo}`;
  const enterprises = byTime(plan.enterprises);
  const enterpriseRows = await insertRows(trx, {
    table: 'enterprises',
    columns: {
      owner_user_id: 'bigint',
      legal_name_en: 'text',
      legal_name_zh: 'text',
      registration_type: 'text',
      br_number: 'text',
      br_expiry: 'date',
      hawker_licence_no: 'text',
      sector: 'text',
      full_time_employees: 'integer',
      is_group_member: 'boolean',
      group_full_time_employees: 'integer',
      address: 'text',
      district: 'text',
      phone: 'text',
      has_substantive_business: 'boolean',
      is_listed_company: 'boolean',
      is_statutory_body: 'boolean',
      is_subvented: 'boolean',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows: enterprises.map((e) => ({
      owner_user_id: idOf(e.owner, 'owner'),
      legal_name_en: e.legalNameEn,
      legal_name_zh: e.legalNameZh,
      registration_type: e.registrationType,
      br_number: e.brNumber,
      br_expiry: e.brExpiry,
      hawker_licence_no: e.hawkerLicenceNo,
      sector: e.sector,
      full_time_employees: e.fullTimeEmployees,
      is_group_member: e.isGroupMember,
      group_full_time_employees: e.groupFullTimeEmployees,
      address: e.address,
      district: e.district,
      phone: e.phone,
      has_substantive_business: e.hasSubstantiveBusiness,
      is_listed_company: e.isListedCompany,
      is_statutory_body: e.isStatutoryBody,
      is_subvented: e.isSubvented,
      created_at: e.createdAt,
      updated_at: e.createdAt,
    })),
    returning: { id: 'id', br: 'br_number', licence: 'hawker_licence_no' },
  });
  assignIds({
    things: enterprises,
    keyOf: registration,
    rows: enterpriseRows,
    rowKey: (row) => registration({ brNumber: row.br as string | null, hawkerLicenceNo: row.licence as string | null }),
  });

  // An enquiry is the enterprise asking about one package at one moment.
  const enquiryKey = (enterpriseId: number, solutionId: number, at: Date) => `${enterpriseId}/${solutionId}/${at.getTime()}`;
  const enquiries = byTime(plan.enquiries);
  const enquiryRows = await insertRows(trx, {
    table: 'enquiries',
    columns: {
      enterprise_id: 'bigint',
      solution_id: 'bigint',
      solution_version_id: 'bigint',
      feature_ids: 'bigint[]',
      message: 'text',
      status: 'text',
      decline_reason: 'text',
      responded_by: 'bigint',
      responded_at: 'timestamptz',
      created_by: 'bigint',
      created_at: 'timestamptz',
    },
    rows: enquiries.map((e) => ({
      enterprise_id: idOf(e.enterprise, 'enterprise'),
      solution_id: e.solution.id,
      solution_version_id: e.solution.versionId,
      feature_ids: e.featureIds,
      message: e.message,
      status: e.status,
      decline_reason: e.declineReason,
      responded_by: e.respondedBy ? idOf(e.respondedBy, 'vendor user') : null,
      responded_at: e.respondedAt,
      created_by: idOf(e.enterprise.owner, 'owner'),
      created_at: e.createdAt,
    })),
    returning: { id: 'id', enterprise: 'enterprise_id', solution: 'solution_id', at: 'created_at' },
  });
  assignIds({
    things: enquiries,
    keyOf: (e) => enquiryKey(idOf(e.enterprise, 'enterprise'), e.solution.id, e.createdAt),
    rows: enquiryRows,
    rowKey: (row) => enquiryKey(Number(row.enterprise), Number(row.solution), row.at as Date),
  });

  const quotations = byTime(plan.quotations);
  const quotationRows = await insertRows(trx, {
    table: 'quotations',
    columns: {
      enquiry_id: 'bigint',
      vendor_id: 'bigint',
      solution_version_id: 'bigint',
      items: 'jsonb',
      max_subscription_months: 'integer',
      eligible_cost_cents: 'bigint',
      created_by: 'bigint',
      created_at: 'timestamptz',
    },
    rows: quotations.map((q) => ({
      enquiry_id: idOf(q.enquiry, 'enquiry'),
      vendor_id: q.vendorId,
      solution_version_id: q.versionId,
      items: q.items,
      max_subscription_months: q.maxSubscriptionMonths,
      eligible_cost_cents: q.eligibleCostCents,
      created_by: idOf(q.createdBy, 'vendor user'),
      created_at: q.createdAt,
    })),
    returning: { id: 'id', enquiry: 'enquiry_id' },
  });
  assignIds({
    things: quotations,
    keyOf: (q) => String(idOf(q.enquiry, 'enquiry')),
    rows: quotationRows,
    rowKey: (row) => String(row.enquiry),
  });

  // References from the same sequence the service uses, numbered in the order the drafts were made.
  const applications = byTime(plan.applications);
  if (applications.length > 0) {
    const numbers = await sql<{
      n: number;
    }>`select nextval('application_reference_seq')::int as n from generate_series(1, ${applications.length})`.execute(trx);
    const sorted = numbers.rows.map((r) => Number(r.n)).sort((a, b) => a - b);
    applications.forEach(
      (app, i) => (app.reference = `DTS-${hongKongDay(app.createdAt).slice(0, 4)}-${String(sorted[i]).padStart(6, '0')}`),
    );
  }
  const applicationRows = await insertRows(trx, {
    table: 'applications',
    columns: {
      reference: 'text',
      enterprise_id: 'bigint',
      quotation_id: 'bigint',
      vendor_id: 'bigint',
      category: 'text',
      settings_id: 'bigint',
      status: 'text',
      cost_cents: 'bigint',
      programme_cents: 'bigint',
      shop_cents: 'bigint',
      declarations: 'jsonb',
      idempotency_key: 'text',
      created_by: 'bigint',
      assigned_officer_id: 'bigint',
      assigned_at: 'timestamptz',
      eligibility_at_submit: 'jsonb',
      decision_reason: 'text',
      info_round: 'integer',
      approved_at: 'timestamptz',
      deploy_by: 'timestamptz',
      deployment_reported_at: 'timestamptz',
      deployed_at: 'timestamptz',
      lapsed_at: 'timestamptz',
      submitted_at: 'timestamptz',
      decided_at: 'timestamptz',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows: applications.map((a) => ({
      reference: a.reference,
      enterprise_id: idOf(a.enterprise, 'enterprise'),
      quotation_id: idOf(a.quotation, 'quotation'),
      vendor_id: a.vendorId,
      category: a.category,
      settings_id: a.settingsId,
      status: a.status,
      cost_cents: a.costCents,
      programme_cents: a.programmeCents,
      shop_cents: a.shopCents,
      declarations: allDeclarations,
      idempotency_key: a.idempotencyKey,
      created_by: idOf(a.createdBy, 'owner'),
      assigned_officer_id: a.assignedOfficer ? idOf(a.assignedOfficer, 'officer') : null,
      assigned_at: a.assignedAt,
      eligibility_at_submit: a.eligibilityAtSubmit,
      decision_reason: a.decisionReason,
      info_round: a.infoRound,
      approved_at: a.approvedAt,
      deploy_by: a.deployBy,
      deployment_reported_at: a.deploymentReportedAt,
      deployed_at: a.deployedAt,
      lapsed_at: a.lapsedAt,
      submitted_at: a.submittedAt,
      decided_at: a.decidedAt,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })),
    returning: { id: 'id', reference: 'reference' },
  });
  assignIds({ things: applications, keyOf: (a) => a.reference!, rows: applicationRows, rowKey: (row) => String(row.reference) });

  const claims = byTime(plan.claims);
  const claimRows = await insertRows(trx, {
    table: 'claims',
    columns: {
      application_id: 'bigint',
      invoice_number: 'text',
      invoice_date: 'date',
      invoiced_cents: 'bigint',
      paid_cents: 'bigint',
      paid_on: 'date',
      payer_name: 'text',
      payee_vendor_br: 'text',
      payee_bank_code: 'text',
      payee_branch_code: 'text',
      payee_account_number: 'text',
      payee_account_name: 'text',
      payable_cents: 'bigint',
      status: 'text',
      decision_note: 'text',
      checks: 'jsonb',
      submitted_by: 'bigint',
      decided_by: 'bigint',
      decided_at: 'timestamptz',
      created_at: 'timestamptz',
    },
    rows: claims.map((c) => ({
      application_id: idOf(c.app, 'application'),
      invoice_number: c.invoiceNumber,
      invoice_date: c.invoiceDate,
      invoiced_cents: c.invoicedCents,
      paid_cents: c.paidCents,
      paid_on: c.paidOn,
      payer_name: c.payerName,
      payee_vendor_br: c.payeeVendorBr,
      payee_bank_code: c.payee.bankCode,
      payee_branch_code: c.payee.branchCode,
      payee_account_number: c.payee.accountNumber,
      payee_account_name: c.payee.accountName,
      payable_cents: c.payableCents,
      status: c.status,
      decision_note: c.decisionNote,
      checks: c.checks,
      submitted_by: idOf(c.submittedBy, 'owner'),
      decided_by: c.decidedBy ? idOf(c.decidedBy, 'officer') : null,
      decided_at: c.decidedAt,
      created_at: c.createdAt,
    })),
    returning: { id: 'id', invoice: 'invoice_number' },
  });
  assignIds({ things: claims, keyOf: (c) => c.invoiceNumber, rows: claimRows, rowKey: (row) => String(row.invoice) });

  // Each business's account for payment, given with its first claim, and the audit entry the claim service writes
  // for it (the masked account, never the number).
  const bankAccounts = byTime(plan.bankAccounts.map((b) => ({ ...b, createdAt: b.updatedAt })));
  await insertRows(trx, {
    table: 'enterprise_bank_accounts',
    columns: {
      enterprise_id: 'bigint',
      bank_code: 'text',
      branch_code: 'text',
      account_number: 'text',
      account_name: 'text',
      updated_by: 'bigint',
      updated_at: 'timestamptz',
    },
    rows: bankAccounts.map((b) => ({
      enterprise_id: idOf(b.enterprise, 'enterprise'),
      bank_code: b.account.bankCode,
      branch_code: b.account.branchCode,
      account_number: b.account.accountNumber,
      account_name: b.account.accountName,
      updated_by: idOf(b.updatedBy, 'owner'),
      updated_at: b.updatedAt,
    })),
  });
  await insertRows(trx, {
    table: 'audit_log',
    columns: {
      entity_type: 'text',
      entity_id: 'bigint',
      action: 'text',
      actor_user_id: 'bigint',
      actor_role: 'text',
      note: 'text',
      created_at: 'timestamptz',
    },
    rows: bankAccounts.map((b) => ({
      entity_type: 'enterprise',
      entity_id: idOf(b.enterprise, 'enterprise'),
      action: 'bank_account_added',
      actor_user_id: idOf(b.updatedBy, 'owner'),
      actor_role: 'applicant',
      note: maskAccount(b.account),
      created_at: b.updatedAt,
    })),
  });

  await insertRows(trx, {
    table: 'documents',
    columns: {
      application_id: 'bigint',
      kind: 'text',
      filename: 'text',
      content_type: 'text',
      size_bytes: 'integer',
      sha256: 'text',
      content: 'hex',
      claim_id: 'bigint',
      uploaded_by: 'bigint',
      created_at: 'timestamptz',
    },
    rows: byTime(plan.documents).map((d) => {
      const bytes = demoPdf([...d.lines, '', `Matchfund demo document for application ${d.app.reference}.`]);
      return {
        application_id: idOf(d.app, 'application'),
        kind: d.kind,
        filename: d.filename,
        content_type: 'application/pdf',
        size_bytes: bytes.byteLength,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        content: Buffer.from(bytes).toString('hex'),
        claim_id: d.claim ? idOf(d.claim, 'claim') : null,
        uploaded_by: idOf(d.uploadedBy, 'owner'),
        created_at: d.createdAt,
      };
    }),
  });

  await insertRows(trx, {
    table: 'payments',
    columns: {
      application_id: 'bigint',
      claim_id: 'bigint',
      amount_cents: 'bigint',
      payee_name: 'text',
      payee_bank_code: 'text',
      payee_branch_code: 'text',
      payee_account_number: 'text',
      payee_account_name: 'text',
      prepared_by: 'bigint',
      prepared_at: 'timestamptz',
      released_by: 'bigint',
      released_at: 'timestamptz',
      status: 'text',
    },
    rows: plan.payments.map((p) => ({
      application_id: idOf(p.app, 'application'),
      claim_id: idOf(p.claim, 'claim'),
      amount_cents: p.amountCents,
      payee_name: p.payeeName,
      payee_bank_code: p.payee.bankCode,
      payee_branch_code: p.payee.branchCode,
      payee_account_number: p.payee.accountNumber,
      payee_account_name: p.payee.accountName,
      prepared_by: idOf(p.preparedBy, 'officer'),
      prepared_at: p.preparedAt,
      released_by: p.releasedBy ? idOf(p.releasedBy, 'officer') : null,
      released_at: p.releasedAt,
      status: p.status,
    })),
  });

  // The append-only trail: INSERT is all it ever gets, each event with the moment it happened. One statement
  // inserts the rows in the order given, so ids grow with time.
  await insertRows(trx, {
    table: 'application_events',
    columns: {
      application_id: 'bigint',
      actor_user_id: 'bigint',
      actor_role: 'text',
      action: 'text',
      from_status: 'text',
      to_status: 'text',
      reason_code: 'text',
      note: 'text',
      created_at: 'timestamptz',
    },
    rows: byTime(plan.events).map((e) => ({
      application_id: idOf(e.app, 'application'),
      actor_user_id: e.actor ? idOf(e.actor, 'actor') : null,
      actor_role: e.actorRole,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      reason_code: e.reasonCode,
      note: e.note,
      created_at: e.createdAt,
    })),
  });

  // The portal's notification list. Their e-mails and SMS went out at the time: nothing is queued in the outbox.
  await insertRows(trx, {
    table: 'notifications',
    columns: {
      user_id: 'bigint',
      application_id: 'bigint',
      template: 'text',
      params: 'jsonb',
      source_key: 'text',
      read_at: 'timestamptz',
      created_at: 'timestamptz',
    },
    rows: byTime(plan.notifications).map((n) => ({
      user_id: idOf(n.user, 'recipient'),
      application_id: idOf(n.app, 'application'),
      template: n.template,
      // Never 'event:<id>' (a real event's key): the demo's events get their ids only when inserted.
      source_key: isOncePerApplication(n.template) ? `application:${idOf(n.app, 'application')}` : `demo-event:${n.eventIndex}`,
      params: {
        reference: n.app.reference,
        programmeCents: n.programmeCents,
        ...(n.reasonCode ? { reasonCode: n.reasonCode } : {}),
        ...(n.note ? { note: n.note } : {}),
      },
      read_at: n.readAt,
      created_at: n.createdAt,
    })),
  });

  await writeListings(trx, plan);
  await writeRegistrationConflict(trx);
}

/**
 * Another shop owner once tried to register the BR number of a business with an open case, an hour after the business
 * was registered: the officer reviewing that case sees the conflict among the risk signals. Chosen by id, so the
 * same every time.
 */
async function writeRegistrationConflict(trx: Trx): Promise<void> {
  await sql`
    insert into registration_conflicts (br_number, claimed_by, existing_enterprise_id, created_at)
    select e.br_number, other.id, e.id, e.created_at + interval '1 hour'
    from enterprises e
    join lateral (select min(a.id) as id from applications a where a.enterprise_id = e.id and a.status in ('submitted', 'under_review')) open on open.id is not null
    join lateral (select min(u.id) as id from users u where u.role = 'applicant' and u.id <> e.owner_user_id and u.created_at <= e.created_at) other on other.id is not null
    where e.br_number is not null
    order by open.id
    limit 1
  `.execute(trx);
}

/** A new package and a new version of a listed one, both sent for vetting (as the listing service leaves them). */
async function writeListings(trx: Trx, plan: DemoPlan): Promise<void> {
  const audit = (entityId: number, action: string, actor: PlanUser, createdAt: Date) =>
    trx
      .insertInto('auditLog')
      .values({
        entityType: 'solution',
        entityId,
        action,
        actorUserId: idOf(actor, 'vendor user'),
        actorRole: 'vendor',
        note: null,
        createdAt,
      })
      .execute();
  for (const listing of plan.listings) {
    if (listing.kind === 'new_package') {
      const { features, vendorKey: _key, category, sector, ...version } = listing.input;
      const solution = await trx
        .insertInto('solutions')
        .values({ vendorId: listing.vendorId, category, sector, status: 'pending_review', createdAt: listing.createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('solutionVersions')
        .values({
          ...version,
          solutionId: solution.id,
          version: 1,
          status: 'pending_review',
          submittedAt: listing.submittedAt,
          createdAt: listing.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('solutionFeatures')
        .values(features.map((f, position) => ({ ...f, versionId: row.id, position })))
        .execute();
      await audit(solution.id, 'create_draft', listing.vendorUser, listing.createdAt);
      await audit(solution.id, 'submit_for_vetting', listing.vendorUser, listing.submittedAt);
    } else {
      const listed = await trx
        .selectFrom('solutionVersions')
        .selectAll()
        .where('id', '=', listing.solution.versionId)
        .executeTakeFirstOrThrow();
      const {
        id: _id,
        reviewedBy: _by,
        reviewedAt: _at,
        reviewNote: _note,
        createdAt: _created,
        submittedAt: _submitted,
        status: _status,
        version,
        ...copy
      } = listed;
      const row = await trx
        .insertInto('solutionVersions')
        .values({
          ...copy,
          version: version + 1,
          priceCents: listing.priceCents,
          status: 'pending_review',
          submittedAt: listing.submittedAt,
          createdAt: listing.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const features = await trx
        .selectFrom('solutionFeatures')
        .selectAll()
        .where('versionId', '=', listed.id)
        .orderBy('position')
        .execute();
      if (features.length > 0) {
        await trx
          .insertInto('solutionFeatures')
          .values(features.map(({ id: _f, versionId: _v, ...f }) => ({ ...f, versionId: row.id })))
          .execute();
      }
      await audit(listing.solution.id, 'edit_draft', listing.vendorUser, listing.createdAt);
      await audit(listing.solution.id, 'submit_for_vetting', listing.vendorUser, listing.submittedAt);
    }
  }
}
