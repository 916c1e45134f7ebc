// Funding applications: draft from a confirmed quotation, submit with the cap enforced under a row lock, withdraw.
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { committedStatuses, transition, type ApplicationStatus } from '../domain/application-lifecycle';
import { checkDocument } from '../domain/documents';
import { failedCodes, type EligibilityCode } from '../domain/eligibility';
import { fundingSplit, nothingToFund, type FundingSplit } from '../domain/funding';
import type { ApplicantDeclaration } from '../domain/reasons';
import { moveApplication } from './application-moves.server';
import { recordTransition } from './audit.server';
import { storeDocument, type UploadedDocument } from './documents.server';
import { fundingRules } from './catalogue.server';
import { committedCents, eligibility, ENTERPRISE_FACT_COLUMNS, ROUND_COLUMNS } from './enterprises.server';
import { countRows, paginateCounted } from './pagination.server';
import { ownedByShop } from './ownership.server';
import { getCurrentSettings } from './settings.server';

export const APPLICATION_PAGE_SIZE = 20;

export type CreateDraftResult =
  | { ok: true; reference: string; replayed: boolean }
  | {
      ok: false;
      code: 'not_found' | 'quotation_used' | 'idempotency_conflict' | 'document_missing' | 'document_too_large' | 'document_type';
    };

/** A draft commits no money; it keeps the quotation, the declarations and the quotation document together. */
export async function createDraftApplication({
  db,
  userId,
  input,
}: {
  db: DB;
  userId: number;
  input: { quotationId: number; idempotencyKey: string; declarations: Record<ApplicantDeclaration, true>; document: UploadedDocument };
}): Promise<CreateDraftResult> {
  const replay = async (): Promise<CreateDraftResult | undefined> => {
    const existing = await db
      .selectFrom('applications')
      .select(['reference', 'createdBy'])
      .where('idempotencyKey', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (!existing) return undefined;
    return existing.createdBy === userId
      ? { ok: true, reference: existing.reference, replayed: true }
      : { ok: false, code: 'idempotency_conflict' };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const check = checkDocument(input.document.bytes);
  if (!check.ok) return { ok: false, code: check.code };

  try {
    const result = await db.transaction().execute(async (trx): Promise<CreateDraftResult> => {
      const quotation = await trx
        .selectFrom('quotations as q')
        .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
        .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
        .innerJoin('solutions as s', 's.id', 'e.solutionId')
        .select(['q.id', 'q.eligibleCostCents', 'q.vendorId', 'e.enterpriseId', 's.category'])
        .where('q.id', '=', input.quotationId)
        .where((eb) => ownedByShop(eb, userId))
        .executeTakeFirst();
      if (!quotation) return { ok: false, code: 'not_found' };
      const used = await trx.selectFrom('applications').select('id').where('quotationId', '=', quotation.id).executeTakeFirst();
      if (used) return { ok: false, code: 'quotation_used' };

      const application = await trx
        .insertInto('applications')
        .values({
          reference: sql<string>`'DTS-' || to_char(now() at time zone 'Asia/Hong_Kong', 'YYYY') || '-' || lpad(nextval('application_reference_seq')::text, 6, '0')`,
          enterpriseId: quotation.enterpriseId,
          quotationId: quotation.id,
          vendorId: quotation.vendorId,
          category: quotation.category,
          status: 'draft',
          costCents: quotation.eligibleCostCents,
          declarations: JSON.stringify(input.declarations),
          idempotencyKey: input.idempotencyKey,
          createdBy: userId,
        })
        .returning(['id', 'reference'])
        .executeTakeFirstOrThrow();
      await storeDocument(trx, { applicationId: application.id, kind: 'quotation', document: input.document, userId });
      await recordTransition(trx, {
        applicationId: application.id,
        actorUserId: userId,
        actorRole: 'applicant',
        action: 'create',
        fromStatus: null,
        toStatus: 'draft',
      });
      return { ok: true, reference: application.reference, replayed: false };
    });
    // The same form may have been committed by a parallel request since the first look.
    if (!result.ok && result.code === 'quotation_used') return (await replay()) ?? result;
    return result;
  } catch (error) {
    // The same form posted twice at the same moment: the unique key lets one in; the other gets the same draft.
    if ((error as { code?: string }).code === '23505') {
      const again = await replay();
      if (again) return again;
      return { ok: false, code: 'quotation_used' };
    }
    throw error;
  }
}

export type SubmitResult =
  | { ok: true; reference: string; split: FundingSplit; replayed: false }
  | { ok: true; reference: string; replayed: true }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'invalid_transition'; status: ApplicationStatus }
  | { ok: false; code: 'not_eligible'; failures: EligibilityCode[] }
  | { ok: false; code: 'category_taken' }
  | { ok: false; code: 'cap_reached'; headroomCents: number }
  | { ok: false; code: 'no_programme_share'; costCents: number; matchBps: number };

// The submit's reads, compiled once and sent as named statements (ADR 027): the hot path of the programme.

/** The application if this user owns it, with its enterprise under lock (what the rules and the notice need) and the
 * owner's address; and the programme lock first (FOR KEY SHARE: submissions never wait for each other or for
 * approvals, only for a settings save, ADR 010). The programme row is locked while the join runs, the enterprise row
 * on top of it: programme before enterprise, the order everywhere. */
const ownedDraft = preparedQuery('submit_owned', (db, v: { reference: string; userId: number }) =>
  db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('users as owner', 'owner.id', 'ent.ownerUserId')
    .innerJoin(
      (eb) => eb.selectFrom('programmes').select('id').orderBy('id').limit(1).forKeyShare().as('p'),
      (join) => join.onTrue(),
    )
    .select(['a.id', ...ENTERPRISE_FACT_COLUMNS.map((column) => `ent.${column}` as const), 'ent.registrationKey', 'ent.ownerUserId'])
    .select(['ent.phone', 'ent.legalNameEn', 'ent.legalNameZh', 'owner.email as ownerEmail', 'owner.locale as ownerLocale'])
    .where('a.reference', '=', v.reference)
    .where((eb) => ownedByShop(eb, v.userId))
    .forUpdate('ent'),
);

/** The application and its package under lock; what the business already has live under its identity (BR number or
 * licence, whichever profile applied), read after the enterprise lock, which every commitment under this identity
 * takes first (the identity is unique to one profile); and the settings in force, read after the programme lock (no
 * save can commit while it is held). */
const lockedApplication = preparedQuery('submit_application', (db, v: { applicationId: number; registrationKey: string }) =>
  db
    .selectFrom('applications as a')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('programmeSettings')
          .select(['id', 'matchBps', 'capCents', 'maxSubscriptionMonths', ...ROUND_COLUMNS])
          .orderBy('version', 'desc')
          .limit(1)
          .as('round'),
      (join) => join.onTrue(),
    )
    .select(['a.id', 'a.status', 'a.costCents', 'a.category', 's.status as solutionStatus', 's.category as solutionCategory'])
    .select([
      'round.id as settingsId',
      'round.matchBps',
      'round.capCents',
      'round.maxSubscriptionMonths',
      ...ROUND_COLUMNS.map((column) => `round.${column}` as const),
    ])
    .select((eb) => [
      eb
        .selectFrom('applications as live')
        .select(sql<number>`coalesce(sum(live.programme_cents), 0)::bigint`.as('total'))
        .where('live.registrationKey', '=', v.registrationKey)
        .where('live.status', 'in', [...committedStatuses])
        .as('committedCents'),
      eb
        .exists(
          eb
            .selectFrom('applications as live')
            .select('live.id')
            .where('live.registrationKey', '=', v.registrationKey)
            .where('live.status', 'in', [...committedStatuses])
            .whereRef('live.category', '=', 'a.category'),
        )
        .as('categoryTaken'),
    ])
    .where('a.id', '=', v.applicationId)
    .forUpdate('a')
    .forShare('s'),
);

/**
 * Submits a draft. In one transaction: take the programme lock, read the settings in force after it, lock the
 * enterprise row (so parallel submissions of the same business queue up), lock the application and its package,
 * re-check eligibility and the round, compute the programme share against what the business already has committed
 * (read after the enterprise lock), commit it, and write the audit event with the owner's notification.
 *
 * Five statements (BEGIN, three, COMMIT), the three compiled once and prepared (ADR 027). Lock order as everywhere:
 * programme, enterprise, application. Each read that must see what others committed under a lock is a statement that
 * starts after that lock is held (PostgreSQL takes a statement's snapshot when the statement starts): the settings and
 * the committed money are read in the statement after the programme and enterprise locks. The enterprise's own row is
 * read under its lock (a locked row is read in its latest committed version).
 */
export async function submitApplication({
  db,
  userId,
  reference,
  now = new Date(),
}: {
  db: DB;
  userId: number;
  reference: string;
  now?: Date;
}): Promise<SubmitResult> {
  return db.transaction().execute(async (trx): Promise<SubmitResult> => {
    const owned = await ownedDraft.executeTakeFirst(trx, { reference, userId });
    if (!owned) return { ok: false, code: 'not_found' };

    const application = await lockedApplication.executeTakeFirst(trx, { applicationId: owned.id, registrationKey: owned.registrationKey });
    if (!application) throw new Error(`application ${reference} not found under lock`);
    const rules = fundingRules(application);
    const status = application.status;
    const move = transition({ status, action: 'submit', role: 'applicant' });
    if (!move.ok) {
      if (status === 'submitted') {
        // A second click on "Submit": the first one already did it, and its amounts stand.
        return { ok: true, reference, replayed: true };
      }
      return { ok: false, code: 'invalid_transition', status };
    }

    const results = eligibility({
      enterprise: owned,
      round: application,
      now,
      pkg: { listed: application.solutionStatus === 'listed', category: application.solutionCategory },
    });
    const failures = failedCodes(results);
    if (failures.length > 0) return { ok: false, code: 'not_eligible', failures };

    if (application.categoryTaken) return { ok: false, code: 'category_taken' };
    const committed = Number(application.committedCents ?? 0);
    const split = fundingSplit({ costCents: application.costCents, committedCents: committed, rules });
    const unfunded = nothingToFund(split);
    if (unfunded === 'cap_reached') return { ok: false, code: 'cap_reached', headroomCents: split.headroomBeforeCents };
    if (unfunded === 'no_programme_share')
      return { ok: false, code: 'no_programme_share', costCents: application.costCents, matchBps: rules.matchBps };

    const moved = await moveApplication(trx, {
      applicationId: application.id,
      from: status,
      action: 'submit',
      actor: { userId, role: 'applicant' },
      set: {
        programmeCents: split.programmeCents,
        shopCents: split.shopCents,
        settingsId: application.settingsId,
        registrationKey: owned.registrationKey,
        eligibilityAtSubmit: JSON.stringify(results),
        submittedAt: now,
      },
      ownerNotice: {
        userId: owned.ownerUserId,
        email: owned.ownerEmail,
        locale: owned.ownerLocale,
        phone: owned.phone,
        params: { reference, programmeCents: split.programmeCents, shopEn: owned.legalNameEn, shopZhHk: owned.legalNameZh },
      },
      now,
    });
    if (!moved.ok) return { ok: false, code: 'invalid_transition', status };
    return { ok: true, reference, split, replayed: false as const };
  });
}

export type WithdrawResult =
  { ok: true } | { ok: false; code: 'not_found' } | { ok: false; code: 'invalid_transition'; status: ApplicationStatus };

/** Withdrawing before a decision releases the committed money (it no longer counts as committed). */
export async function withdrawApplication({
  db,
  userId,
  reference,
  note,
}: {
  db: DB;
  userId: number;
  reference: string;
  note?: string;
}): Promise<WithdrawResult> {
  return db.transaction().execute(async (trx): Promise<WithdrawResult> => {
    const owned = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.enterpriseId'])
      .where('a.reference', '=', reference)
      .where((eb) => ownedByShop(eb, userId))
      .executeTakeFirst();
    if (!owned) return { ok: false, code: 'not_found' };
    await trx.selectFrom('enterprises').select('id').where('id', '=', owned.enterpriseId).forUpdate().execute();
    const application = await trx
      .selectFrom('applications')
      .select(['id', 'status'])
      .where('id', '=', owned.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const status = application.status;
    const move = transition({ status, action: 'withdraw', role: 'applicant' });
    if (!move.ok) return { ok: false, code: 'invalid_transition', status };
    const moved = await moveApplication(trx, {
      applicationId: application.id,
      from: status,
      action: 'withdraw',
      actor: { userId, role: 'applicant' },
      event: { note: note ?? null },
    });
    if (!moved.ok) return { ok: false, code: 'invalid_transition', status };
    return { ok: true };
  });
}

/** A page of a shop owner's applications, newest first, with the owner's total: built once (ADR 027), every page load. */
const applicantApplicationsPage = preparedQuery('applicant_applications_page', (db, v: { userId: number; limit: number; offset: number }) =>
  applicantApplications(db, v.userId)
    .select([
      'a.reference',
      'a.status',
      'a.costCents',
      'a.programmeCents',
      'a.shopCents',
      'a.createdAt',
      'a.submittedAt',
      'ent.legalNameEn',
      'ent.legalNameZh',
      'v.nameEn',
      'v.nameZhHk',
      'v.nameZhCn',
    ])
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('a.id', 'desc')
    .limit(v.limit)
    .offset(v.offset),
);

function applicantApplications(db: DB, userId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('solutionVersions as v', 'v.id', 'q.solutionVersionId')
    .where((eb) => ownedByShop(eb, userId));
}

export async function listApplicantApplications({ db, userId, page }: { db: DB; userId: number; page: number }) {
  // The count rides along with the page (a window over the owner's rows): one query, not two.
  return paginateCounted({
    page,
    pageSize: APPLICATION_PAGE_SIZE,
    count: () => countRows(applicantApplications(db, userId)),
    fetch: ({ limit, offset }) => applicantApplicationsPage.execute(db, { userId, limit, offset }),
  });
}

/** One application with everything its owner may see: quotation, documents outside claims (no content), timeline. */
export async function getApplicantApplication({ db, userId, reference }: { db: DB; userId: number; reference: string }) {
  const application = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.category',
      'a.costCents',
      'a.programmeCents',
      'a.shopCents',
      'a.declarations',
      'a.createdAt',
      'a.submittedAt',
      'a.deployBy',
      'a.enterpriseId',
      'ent.legalNameEn',
      'ent.legalNameZh',
      'q.items',
      'q.maxSubscriptionMonths',
      'e.solutionId',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.nameZhCn as vendorNameZhCn',
    ])
    .where('a.reference', '=', reference)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
  if (!application) return undefined;
  const [documents, events] = await Promise.all([
    db
      .selectFrom('documents')
      .select(['id', 'kind', 'filename', 'contentType', 'sizeBytes', 'createdAt'])
      .where('applicationId', '=', application.id)
      // A claim's invoice and proof of payment are listed with their claim attempt (getShopClaims), not here again.
      .where('claimId', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('applicationEvents')
      .select(['id', 'action', 'fromStatus', 'toStatus', 'actorRole', 'reasonCode', 'note', 'createdAt'])
      .where('applicationId', '=', application.id)
      .orderBy('id')
      .execute(),
  ]);
  return { ...application, documents, events };
}

/** A confirmed quotation the user may apply with, and the split it would get now. */
export async function getQuotationForApplying({ db, userId, quotationId }: { db: DB; userId: number; quotationId: number }) {
  const quotation = await db
    .selectFrom('quotations as q')
    .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
    .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 'q.vendorId')
    .leftJoin('applications as a', 'a.quotationId', 'q.id')
    .select([
      'q.id',
      'q.items',
      'q.eligibleCostCents',
      'q.maxSubscriptionMonths',
      'q.createdAt',
      'e.enterpriseId',
      'ent.legalNameEn',
      'ent.legalNameZh',
      's.category',
      's.status as solutionStatus',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.nameZhCn as vendorNameZhCn',
      'a.reference as existingReference',
    ])
    .where('q.id', '=', quotationId)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
  if (!quotation) return undefined;
  const [settings, committed] = await Promise.all([getCurrentSettings(db), committedCents({ db, enterpriseId: quotation.enterpriseId })]);
  const split = fundingSplit({ costCents: quotation.eligibleCostCents, committedCents: committed, rules: fundingRules(settings) });
  return { ...quotation, split };
}

export type RespondResult =
  | { ok: true }
  | { ok: false; code: 'not_found' | 'document_too_large' | 'document_type' }
  | { ok: false; code: 'invalid_transition'; status: ApplicationStatus };

/** The applicant answers an officer's request for information (optionally with a document); it goes back to the officer. */
export async function respondToInfoRequest({
  db,
  userId,
  reference,
  note,
  document,
}: {
  db: DB;
  userId: number;
  reference: string;
  note: string;
  document?: UploadedDocument;
}): Promise<RespondResult> {
  if (document) {
    const check = checkDocument(document.bytes);
    if (!check.ok && check.code !== 'document_missing') return { ok: false, code: check.code };
  }
  return db.transaction().execute(async (trx): Promise<RespondResult> => {
    const application = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.status'])
      .where('a.reference', '=', reference)
      .where((eb) => ownedByShop(eb, userId))
      .forUpdate('a')
      .executeTakeFirst();
    if (!application) return { ok: false, code: 'not_found' };
    const status = application.status;
    const move = transition({ status, action: 'resubmit', role: 'applicant' });
    if (!move.ok) return { ok: false, code: 'invalid_transition', status };
    const moved = await moveApplication(trx, {
      applicationId: application.id,
      from: status,
      action: 'resubmit',
      actor: { userId, role: 'applicant' },
      event: { note },
    });
    if (!moved.ok) return { ok: false, code: 'invalid_transition', status };
    if (document && document.bytes.length > 0) await storeDocument(trx, { applicationId: application.id, kind: 'other', document, userId });
    return { ok: true };
  });
}
