// Funding applications: draft from a confirmed quotation, submit with the cap enforced under a row lock, withdraw.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Trx } from '../../db/client';
import type { DocumentKind } from '../../db/schema';
import { committedStatuses, transition, type ApplicationStatus } from '../domain/application-lifecycle';
import { checkDocument, safeFilename } from '../domain/documents';
import { failedCodes, type EligibilityCode } from '../domain/eligibility';
import { fundingSplit, nothingToFund, type FundingSplit } from '../domain/funding';
import type { ApplicantDeclaration } from '../domain/reasons';
import { recordTransition } from './audit.server';
import { fundingRules, getCurrentSettings } from './catalogue.server';
import { committedCents, eligibilityOf } from './enterprises.server';
import { settingsInForce } from './settings.server';

export const APPLICATION_PAGE_SIZE = 20;

export type UploadedDocument = { bytes: Uint8Array; filename: string };

export async function storeDocument(
  trx: Trx,
  { applicationId, kind, document, userId }: { applicationId: number; kind: DocumentKind; document: UploadedDocument; userId: number },
) {
  const check = checkDocument(document.bytes);
  if (!check.ok) throw new Error(`storeDocument called with an unchecked file: ${check.code}`);
  await trx
    .insertInto('documents')
    .values({
      applicationId,
      kind,
      filename: safeFilename(document.filename, check.contentType),
      contentType: check.contentType,
      sizeBytes: document.bytes.byteLength,
      sha256: crypto.createHash('sha256').update(document.bytes).digest('hex'),
      content: Buffer.from(document.bytes),
      uploadedBy: userId,
    })
    .execute();
}

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
        .where('ent.ownerUserId', '=', userId)
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

/**
 * Submits a draft. In one transaction: read the settings in force under the programme lock, lock the enterprise row
 * (so parallel submissions of the same enterprise queue up), re-check eligibility and the round, compute the
 * programme share against what the enterprise already has committed, commit it, and write the audit event.
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
    const owned = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.enterpriseId'])
      .where('a.reference', '=', reference)
      .where('ent.ownerUserId', '=', userId)
      .executeTakeFirst();
    if (!owned) return { ok: false, code: 'not_found' };

    // Lock order everywhere: programme, enterprise, application. The cap and the match are read under the
    // programme lock, so a settings save either waits for this submission or binds it.
    const settings = await settingsInForce(trx, { purpose: 'rules' });
    const rules = fundingRules(settings);
    const enterprise = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', owned.enterpriseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const application = await trx
      .selectFrom('applications as a')
      .innerJoin('quotations as q', 'q.id', 'a.quotationId')
      .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
      .select(['a.id', 'a.status', 'a.costCents', 'a.category', 'a.programmeCents', 'a.shopCents', 'e.solutionId'])
      .where('a.id', '=', owned.id)
      .forUpdate('a')
      .executeTakeFirstOrThrow();
    const status = application.status;
    const move = transition({ status, action: 'submit', role: 'applicant' });
    if (!move.ok) {
      if (status === 'submitted') {
        // A second click on "Submit": the first one already did it, and its amounts stand.
        return { ok: true, reference, replayed: true };
      }
      return { ok: false, code: 'invalid_transition', status };
    }

    const solution = await trx
      .selectFrom('solutions')
      .select(['status', 'category'])
      .where('id', '=', application.solutionId)
      .forShare()
      .executeTakeFirstOrThrow();
    const results = await eligibilityOf({
      db: trx,
      enterprise,
      settings,
      now,
      pkg: { listed: solution.status === 'listed', category: solution.category },
    });
    const failures = failedCodes(results);
    if (failures.length > 0) return { ok: false, code: 'not_eligible', failures };

    // What the business already has live, under its identity (BR number or licence) whichever profile applied.
    const live = await trx
      .selectFrom('applications')
      .select(['id', 'category', 'programmeCents'])
      .where('registrationKey', '=', enterprise.registrationKey)
      .where('status', 'in', [...committedStatuses])
      .execute();
    if (live.some((other) => other.category === application.category)) return { ok: false, code: 'category_taken' };
    const committed = live.reduce((sum, other) => sum + other.programmeCents, 0);
    const split = fundingSplit({ costCents: application.costCents, committedCents: committed, rules });
    const unfunded = nothingToFund(split);
    if (unfunded === 'cap_reached') return { ok: false, code: 'cap_reached', headroomCents: split.headroomBeforeCents };
    if (unfunded === 'no_programme_share')
      return { ok: false, code: 'no_programme_share', costCents: application.costCents, matchBps: rules.matchBps };

    const updated = await trx
      .updateTable('applications')
      .set({
        status: move.next,
        programmeCents: split.programmeCents,
        shopCents: split.shopCents,
        settingsId: settings.id,
        registrationKey: enterprise.registrationKey,
        eligibilityAtSubmit: JSON.stringify(results),
        submittedAt: now,
        updatedAt: now,
      })
      .where('id', '=', application.id)
      .where('status', '=', status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'invalid_transition', status };
    await recordTransition(trx, {
      applicationId: application.id,
      actorUserId: userId,
      actorRole: 'applicant',
      action: 'submit',
      fromStatus: status,
      toStatus: move.next,
    });
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
      .where('ent.ownerUserId', '=', userId)
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
    await trx
      .updateTable('applications')
      .set({ status: move.next, updatedAt: new Date() })
      .where('id', '=', application.id)
      .where('status', '=', status)
      .execute();
    await recordTransition(trx, {
      applicationId: application.id,
      actorUserId: userId,
      actorRole: 'applicant',
      action: 'withdraw',
      fromStatus: status,
      toStatus: move.next,
      note: note ?? null,
    });
    return { ok: true };
  });
}

export async function listApplicantApplications({ db, userId, page }: { db: DB; userId: number; page: number }) {
  const base = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('solutionVersions as v', 'v.id', 'q.solutionVersionId')
    .where('ent.ownerUserId', '=', userId);
  // The count rides along with the page (a window over the owner's rows): one query, not two.
  const pageOf = (page: number) =>
    base
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
      .limit(APPLICATION_PAGE_SIZE)
      .offset((page - 1) * APPLICATION_PAGE_SIZE)
      .execute();
  let current = Math.max(1, page);
  let found = await pageOf(current);
  let total = Number(found[0]?.total ?? 0);
  if (found.length === 0 && current > 1) {
    // Past the last page (a stale link): count, then show the last page.
    const counted = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
    total = Number(counted.total);
    current = Math.max(1, Math.ceil(total / APPLICATION_PAGE_SIZE));
    found = total > 0 ? await pageOf(current) : [];
  }
  const pageCount = Math.max(1, Math.ceil(total / APPLICATION_PAGE_SIZE));
  const rows = found.map(({ total: _total, ...row }) => row);
  return { rows, page: current, pageCount };
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
    .where('ent.ownerUserId', '=', userId)
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

/** A document's bytes, for its owner only. */
export async function getApplicantDocument({
  db,
  userId,
  reference,
  documentId,
}: {
  db: DB;
  userId: number;
  reference: string;
  documentId: number;
}) {
  return db
    .selectFrom('documents as d')
    .innerJoin('applications as a', 'a.id', 'd.applicationId')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .select(['d.filename', 'd.contentType', 'd.content', 'd.sizeBytes'])
    .where('d.id', '=', documentId)
    .where('a.reference', '=', reference)
    .where('ent.ownerUserId', '=', userId)
    .executeTakeFirst();
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
    .where('ent.ownerUserId', '=', userId)
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
      .where('ent.ownerUserId', '=', userId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!application) return { ok: false, code: 'not_found' };
    const status = application.status;
    const move = transition({ status, action: 'resubmit', role: 'applicant' });
    if (!move.ok) return { ok: false, code: 'invalid_transition', status };
    await trx
      .updateTable('applications')
      .set({ status: move.next, updatedAt: new Date() })
      .where('id', '=', application.id)
      .where('status', '=', status)
      .execute();
    if (document && document.bytes.length > 0) await storeDocument(trx, { applicationId: application.id, kind: 'other', document, userId });
    await recordTransition(trx, {
      applicationId: application.id,
      actorUserId: userId,
      actorRole: 'applicant',
      action: 'resubmit',
      fromStatus: status,
      toStatus: move.next,
      note,
    });
    return { ok: true };
  });
}
