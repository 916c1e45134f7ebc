// After approval: the vendor reports deployment, the shop confirms it, claims with a three-way match, payment by
// maker-checker (prepare, then a different officer releases), and the lapse of approvals never put to use.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Trx } from '../../db/client';
import type { ActorRole, ApplicationAction, ApplicationStatus } from '../domain/application-lifecycle';
import { checkBankAccount, maskAccount, type BankAccount, type BankAccountError } from '../domain/bank-account';
import { allPassed, checkClaim, payableCents } from '../domain/claims';
import { checkDocument } from '../domain/documents';
import { hongKongDay } from '../domain/dates';
import { pageWindow } from '../lib/pagination';
import { moveApplication, type MoveColumns } from './application-moves.server';
import { getCurrentSettings } from './settings.server';
import { storeDocument, type UploadedDocument } from './documents.server';
import { notifyPaymentPrepared } from './notifications.server';
import { countInBudgetStatus, isConflicted } from './officer.server';
import { ownedByShop, ownedByVendor } from './ownership.server';

type Moved = { ok: true } | { ok: false; code: 'not_found' } | { ok: false; code: 'invalid_transition'; status: ApplicationStatus };

/** Locks one application, reads its status and moves it by `action` (a guarded update with its event and notifications). */
async function move(
  trx: Trx,
  {
    applicationId,
    action,
    role,
    actorUserId,
    note,
    extra = {},
  }: {
    applicationId: number;
    action: ApplicationAction;
    role: ActorRole;
    actorUserId: number | null;
    note?: string | null;
    extra?: MoveColumns;
  },
): Promise<Moved> {
  const row = await trx.selectFrom('applications').select(['id', 'status']).where('id', '=', applicationId).forUpdate().executeTakeFirst();
  if (!row) return { ok: false, code: 'not_found' };
  const moved = await moveApplication(trx, {
    applicationId: row.id,
    from: row.status,
    action,
    actor: { userId: actorUserId, role },
    set: extra,
    event: { note: note ?? null },
  });
  return moved.ok ? { ok: true } : { ok: false, code: 'invalid_transition', status: row.status };
}

async function vendorApplicationId(db: DB | Trx, userId: number, reference: string) {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select('a.id')
    .where('a.reference', '=', reference)
    .where((eb) => ownedByVendor(eb, userId))
    .executeTakeFirst();
  return row?.id;
}

async function applicantApplicationId(db: DB | Trx, userId: number, reference: string) {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .select('a.id')
    .where('a.reference', '=', reference)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
  return row?.id;
}

export async function reportDeployment({
  db,
  vendorUserId,
  reference,
  note,
}: {
  db: DB;
  vendorUserId: number;
  reference: string;
  note?: string;
}): Promise<Moved> {
  return db.transaction().execute(async (trx) => {
    const id = await vendorApplicationId(trx, vendorUserId, reference);
    if (!id) return { ok: false, code: 'not_found' } as const;
    return move(trx, {
      applicationId: id,
      action: 'report_deployment',
      role: 'vendor',
      actorUserId: vendorUserId,
      note,
      extra: { deploymentReportedAt: new Date() },
    });
  });
}

/** One of this vendor's approved applications, for the "report deployed" confirm page (undefined for any other). */
export async function getDeploymentToReport({ db, vendorUserId, reference }: { db: DB; vendorUserId: number; reference: string }) {
  return db
    .selectFrom('applications as a')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select(['a.reference', 'a.status'])
    .where('a.reference', '=', reference)
    .where((eb) => ownedByVendor(eb, vendorUserId))
    .executeTakeFirst();
}

export async function confirmDeployment({ db, userId, reference }: { db: DB; userId: number; reference: string }): Promise<Moved> {
  return db.transaction().execute(async (trx) => {
    const id = await applicantApplicationId(trx, userId, reference);
    if (!id) return { ok: false, code: 'not_found' } as const;
    return move(trx, {
      applicationId: id,
      action: 'confirm_deployment',
      role: 'applicant',
      actorUserId: userId,
      extra: { deployedAt: new Date() },
    });
  });
}

export type ClaimInput = {
  invoiceNumber: string;
  invoiceDate: string;
  invoicedCents: number;
  paidCents: number;
  paidOn: string;
  payerName: string;
  /** The business's account the programme pays into; saved for the business and kept with this claim. */
  bankAccount: BankAccount;
  invoice: UploadedDocument;
  proofOfPayment: UploadedDocument;
};

export type ClaimResult =
  | Moved
  | { ok: false; code: 'invoice_document' | 'payment_document'; reason: string }
  | { ok: false; code: 'bank_account'; errors: Partial<Record<keyof BankAccount, BankAccountError>> };

export async function submitClaim({
  db,
  userId,
  reference,
  input,
}: {
  db: DB;
  userId: number;
  reference: string;
  input: ClaimInput;
}): Promise<ClaimResult> {
  for (const [doc, code] of [
    [input.invoice, 'invoice_document'],
    [input.proofOfPayment, 'payment_document'],
  ] as const) {
    const check = checkDocument(doc.bytes);
    if (!check.ok) return { ok: false, code, reason: check.code };
  }
  const bankErrors = checkBankAccount(input.bankAccount);
  if (Object.keys(bankErrors).length > 0) return { ok: false, code: 'bank_account', errors: bankErrors };
  const account = {
    ...input.bankAccount,
    accountName: input.bankAccount.accountName.trim(),
    branchCode: input.bankAccount.branchCode || null,
  };
  return db.transaction().execute(async (trx): Promise<ClaimResult> => {
    const id = await applicantApplicationId(trx, userId, reference);
    if (!id) return { ok: false, code: 'not_found' };
    const app = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .innerJoin('quotations as q', 'q.id', 'a.quotationId')
      .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
      .leftJoin('programmeSettings as ps', 'ps.id', 'a.settingsId')
      .select([
        'a.id',
        'a.enterpriseId',
        'a.approvedAt',
        'a.programmeCents',
        'a.approvedMatchBps',
        'ps.matchBps as submittedMatchBps',
        'q.eligibleCostCents',
        'vd.brNumber',
        'ent.legalNameEn',
        'ent.legalNameZh',
      ])
      .where('a.id', '=', id)
      .forUpdate('a')
      .executeTakeFirstOrThrow();
    const facts = {
      approvedOn: hongKongDay(app.approvedAt ?? new Date(0)),
      approvedProgrammeCents: app.programmeCents,
      quotedCostCents: app.eligibleCostCents,
      quotedVendorBr: app.brNumber,
      enterpriseNames: [app.legalNameEn, app.legalNameZh],
      // The invoice is checked against the quoted vendor: the shop is not asked for what the quotation already says.
      invoice: { date: input.invoiceDate, amountCents: input.invoicedCents, vendorBr: app.brNumber },
      payment: { amountCents: input.paidCents, payerName: input.payerName },
      // The ratio judged at approval (older approvals: the settings they were recorded under), never today's.
      matchBps: app.approvedMatchBps ?? app.submittedMatchBps ?? (await getCurrentSettings(trx)).matchBps,
    };
    const moved = await move(trx, { applicationId: id, action: 'submit_claim', role: 'applicant', actorUserId: userId });
    if (!moved.ok) return moved;
    const claim = await trx
      .insertInto('claims')
      .values({
        applicationId: id,
        invoiceNumber: input.invoiceNumber,
        invoiceDate: input.invoiceDate,
        invoicedCents: input.invoicedCents,
        paidCents: input.paidCents,
        paidOn: input.paidOn,
        payerName: input.payerName,
        payeeVendorBr: app.brNumber,
        payeeBankCode: account.bankCode,
        payeeBranchCode: account.branchCode,
        payeeAccountNumber: account.accountNumber,
        payeeAccountName: account.accountName,
        payableCents: payableCents(facts),
        checks: JSON.stringify(checkClaim(facts)),
        submittedBy: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, document] of [
      ['invoice', input.invoice],
      ['payment_proof', input.proofOfPayment],
    ] as const) {
      await storeDocument(trx, { applicationId: id, kind, document, userId });
    }
    await saveBankAccount(trx, { enterpriseId: app.enterpriseId, userId, account });
    await trx
      .updateTable('documents')
      .set({ claimId: claim.id })
      .where('applicationId', '=', id)
      .where('claimId', 'is', null)
      .where('kind', 'in', ['invoice', 'payment_proof'])
      .execute();
    return { ok: true };
  });
}

/** The business's account for payment: one per business, replaced by each claim that gives another (audited, never the number). */
async function saveBankAccount(
  trx: Trx,
  { enterpriseId, userId, account }: { enterpriseId: number; userId: number; account: BankAccount },
) {
  const before = await trx
    .selectFrom('enterpriseBankAccounts')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .forUpdate()
    .executeTakeFirst();
  const same =
    before &&
    before.bankCode === account.bankCode &&
    before.branchCode === account.branchCode &&
    before.accountNumber === account.accountNumber &&
    before.accountName === account.accountName;
  if (same) return;
  const values = {
    bankCode: account.bankCode,
    branchCode: account.branchCode,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    updatedBy: userId,
    updatedAt: new Date(),
  };
  await trx
    .insertInto('enterpriseBankAccounts')
    .values({ enterpriseId, ...values })
    .onConflict((oc) => oc.column('enterpriseId').doUpdateSet(values))
    .execute();
  await trx
    .insertInto('auditLog')
    .values({
      entityType: 'enterprise',
      entityId: enterpriseId,
      action: before ? 'bank_account_changed' : 'bank_account_added',
      actorUserId: userId,
      actorRole: 'applicant',
      note: maskAccount(account),
    })
    .execute();
}

export type DecideClaimResult = Moved | { ok: false; code: 'checks_failed' | 'note_required' | 'conflict_of_interest' };

/**
 * Approve (only when every check is green; the approved amount becomes the payable share) or return for correction.
 * An officer linked to the business does neither.
 */
export async function decideClaim({
  db,
  officerId,
  reference,
  approve,
  note,
}: {
  db: DB;
  officerId: number;
  reference: string;
  approve: boolean;
  note?: string;
}): Promise<DecideClaimResult> {
  if (!approve && !note) return { ok: false, code: 'note_required' };
  return db.transaction().execute(async (trx): Promise<DecideClaimResult> => {
    const app = await trx.selectFrom('applications').select(['id', 'enterpriseId']).where('reference', '=', reference).executeTakeFirst();
    if (!app) return { ok: false, code: 'not_found' };
    if (await isConflicted(trx, officerId, app.enterpriseId)) return { ok: false, code: 'conflict_of_interest' };
    await trx.selectFrom('applications').select('id').where('id', '=', app.id).forUpdate().execute();
    const claim = await trx
      .selectFrom('claims')
      .selectAll()
      .where('applicationId', '=', app.id)
      .where('status', '=', 'submitted')
      .forUpdate()
      .executeTakeFirst();
    if (approve && claim && !allPassed(claim.checks as never)) return { ok: false, code: 'checks_failed' };
    const moved = await move(trx, {
      applicationId: app.id,
      action: approve ? 'approve_claim' : 'return_claim',
      role: 'officer',
      actorUserId: officerId,
      note,
      extra: approve && claim ? { programmeCents: claim.payableCents, shopCents: sql<number>`cost_cents - ${claim.payableCents}` } : {},
    });
    if (!moved.ok) return moved;
    if (claim) {
      await trx
        .updateTable('claims')
        .set({ status: approve ? 'approved' : 'returned', decidedBy: officerId, decidedAt: new Date(), decisionNote: note ?? null })
        .where('id', '=', claim.id)
        .execute();
    }
    return { ok: true };
  });
}

export type PaymentResult =
  | { ok: true }
  | {
      ok: false;
      code: 'not_found' | 'not_ready' | 'already_prepared' | 'not_prepared' | 'same_officer' | 'already_released' | 'conflict_of_interest';
    };

/** The maker: records the payment to make from the approved claim (never an officer linked to the business). */
export async function preparePayment({
  db,
  officerId,
  reference,
}: {
  db: DB;
  officerId: number;
  reference: string;
}): Promise<PaymentResult> {
  return db.transaction().execute(async (trx): Promise<PaymentResult> => {
    const app = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.status', 'a.enterpriseId', 'ent.legalNameEn'])
      .where('a.reference', '=', reference)
      .forUpdate('a')
      .executeTakeFirst();
    if (!app) return { ok: false, code: 'not_found' };
    if (await isConflicted(trx, officerId, app.enterpriseId)) return { ok: false, code: 'conflict_of_interest' };
    if (app.status !== 'claim_approved') return { ok: false, code: 'not_ready' };
    const claim = await trx
      .selectFrom('claims')
      .select(['id', 'payableCents', 'payeeBankCode', 'payeeBranchCode', 'payeeAccountNumber', 'payeeAccountName'])
      .where('applicationId', '=', app.id)
      .where('status', '=', 'approved')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const { id: claimId, payableCents: amountCents, ...payee } = claim;
    const inserted = await trx
      .insertInto('payments')
      .values({ applicationId: app.id, claimId, amountCents, payeeName: app.legalNameEn, preparedBy: officerId, ...payee })
      .onConflict((oc) => oc.column('applicationId').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: false, code: 'already_prepared' };
    await notifyPaymentPrepared(trx, { paymentId: inserted.id });
    return { ok: true };
  });
}

/**
 * The checker: a different officer, not linked to the business, releases the payment. In one transaction the payment is marked released, the
 * application becomes paid and the payment instruction is written to the outbox; two releases at once pay once.
 */
export async function releasePayment({
  db,
  officerId,
  reference,
}: {
  db: DB;
  officerId: number;
  reference: string;
}): Promise<PaymentResult> {
  return db.transaction().execute(async (trx): Promise<PaymentResult> => {
    const app = await trx
      .selectFrom('applications')
      .select(['id', 'reference', 'enterpriseId'])
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!app) return { ok: false, code: 'not_found' };
    if (await isConflicted(trx, officerId, app.enterpriseId)) return { ok: false, code: 'conflict_of_interest' };
    const payment = await trx.selectFrom('payments').selectAll().where('applicationId', '=', app.id).forUpdate().executeTakeFirst();
    if (!payment) return { ok: false, code: 'not_prepared' };
    if (payment.status === 'released') return { ok: false, code: 'already_released' };
    if (payment.preparedBy === officerId) return { ok: false, code: 'same_officer' };
    await trx
      .updateTable('payments')
      .set({ status: 'released', releasedBy: officerId, releasedAt: new Date() })
      .where('id', '=', payment.id)
      .where('status', '=', 'prepared')
      .execute();
    const moved = await move(trx, { applicationId: app.id, action: 'release_payment', role: 'officer', actorUserId: officerId });
    if (!moved.ok) throw new Error(`payment ${payment.id} released on an application in the wrong state`);
    await trx
      .insertInto('outbox')
      .values({
        topic: 'payment',
        idempotencyKey: `payment-${payment.id}`,
        // The payee's account goes to the payment service only: never into logs, exports or officers' pages.
        payload: JSON.stringify({
          reference: app.reference,
          paymentId: payment.id,
          amountCents: payment.amountCents,
          currency: 'HKD',
          payee: payment.payeeName,
          payeeAccount: payment.payeeAccountNumber
            ? {
                bankCode: payment.payeeBankCode,
                branchCode: payment.payeeBranchCode,
                accountNumber: payment.payeeAccountNumber,
                accountName: payment.payeeAccountName,
              }
            : null,
        }),
      })
      .execute();
    return { ok: true };
  });
}

/**
 * Lapses approvals not put to use by their deadline, releasing their money. Safe to run from several processes at
 * once: rows are claimed with SKIP LOCKED and each move is a guarded update.
 */
export async function lapseOverdue({
  db,
  now = new Date(),
  limit = 200,
}: {
  db: DB;
  now?: Date;
  limit?: number;
}): Promise<{ lapsed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('applications')
      .select(['id', 'reference'])
      .where('status', 'in', ['approved', 'deployment_reported'])
      .where('deployBy', '<', now)
      .orderBy('deployBy')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const lapsed: string[] = [];
    for (const row of due) {
      const moved = await move(trx, {
        applicationId: row.id,
        action: 'lapse',
        role: 'system',
        actorUserId: null,
        extra: { lapsedAt: now },
      });
      if (moved.ok) lapsed.push(row.reference);
    }
    return { lapsed };
  });
}

export const newIdempotencyKey = () => crypto.randomUUID();

export const CLAIMS_PAGE_SIZE = 25;
export const claimLists = ['check', 'prepare', 'release'] as const;
export type ClaimList = (typeof claimLists)[number];

/** The officers' claims work, one list a page at a time: claims to check, approved claims to prepare, payments to release. */
export async function listClaims({ db, officerId, list, page }: { db: DB; officerId: number; list: ClaimList; page: number }) {
  const base = db.selectFrom('applications as a').leftJoin('payments as p', 'p.applicationId', 'a.id');
  const only = (query: typeof base, which: ClaimList) =>
    which === 'check'
      ? query.where('a.status', '=', 'claim_submitted')
      : which === 'prepare'
        ? query.where('a.status', '=', 'claim_approved').where('p.id', 'is', null)
        : query.where('a.status', '=', 'claim_approved').where('p.status', '=', 'prepared');
  // Counted without reading every claim (issue 15 §5): the claims waiting are a kept count (migration 2026-12-03T0400);
  // an approved claim has a payment from the moment it is prepared until its release moves it on (one transaction),
  // so the prepared payments split the approved claims into those to prepare and those to release.
  const prepared = async () =>
    Number(
      (
        await db
          .selectFrom('payments as p')
          .innerJoin('applications as a', 'a.id', 'p.applicationId')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('p.status', '=', 'prepared')
          .where('a.status', '=', 'claim_approved')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const total =
    list === 'check'
      ? await countInBudgetStatus(db, 'claim_submitted')
      : list === 'prepare'
        ? (await countInBudgetStatus(db, 'claim_approved')) - (await prepared())
        : await prepared();
  const { page: current, pageCount, limit, offset } = pageWindow({ total: Number(total), page, pageSize: CLAIMS_PAGE_SIZE });
  // The page's applications first, from the index alone, then their names: rows skipped by the offset are not joined.
  const pageIds = only(base, list).select('a.id').orderBy('a.updatedAt').orderBy('a.id').limit(limit).offset(offset);
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .leftJoin('payments as p', 'p.applicationId', 'a.id')
    .leftJoin('users as preparer', 'preparer.id', 'p.preparedBy')
    .select([
      'a.reference',
      'a.status',
      'a.programmeCents',
      'a.updatedAt',
      'ent.legalNameEn',
      'ent.legalNameZh',
      'p.preparedBy',
      'preparer.displayName as preparedByName',
    ])
    .where('a.id', 'in', pageIds)
    .orderBy('a.updatedAt')
    .orderBy('a.id')
    .execute();
  return { rows: rows.map((row) => ({ ...row, mine: row.preparedBy === officerId })), page: current, pageCount };
}

/**
 * A claim for an officer: the claim, its checks, quotation amount, documents and any payment; with `officerId`, also
 * whether that officer is linked to the business (and so may only read).
 */
export async function getClaimReview({ db, reference, officerId }: { db: DB; reference: string; officerId?: number }) {
  const app = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.costCents',
      'a.programmeCents',
      'a.approvedAt',
      'a.deployedAt',
      'a.enterpriseId',
      'q.eligibleCostCents as quotedCents',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.brNumber as vendorBr',
      'ent.legalNameEn',
      'ent.legalNameZh',
    ])
    .where('a.reference', '=', reference)
    .where('a.status', 'in', ['claim_submitted', 'claim_approved', 'paid', 'deployed'])
    .executeTakeFirst();
  if (!app) return undefined;
  const [claims, documents, payment, conflicted] = await Promise.all([
    db.selectFrom('claims').selectAll().where('applicationId', '=', app.id).orderBy('id').execute(),
    db.selectFrom('documents').select(['id', 'kind', 'filename', 'claimId']).where('applicationId', '=', app.id).orderBy('id').execute(),
    db
      .selectFrom('payments as p')
      .leftJoin('users as maker', 'maker.id', 'p.preparedBy')
      .leftJoin('users as checker', 'checker.id', 'p.releasedBy')
      .select([
        'p.id',
        'p.status',
        'p.amountCents',
        'p.preparedBy',
        'p.preparedAt',
        'p.releasedAt',
        'p.payeeBankCode',
        'p.payeeAccountNumber',
        'maker.displayName as preparedByName',
        'checker.displayName as releasedByName',
      ])
      .where('p.applicationId', '=', app.id)
      .executeTakeFirst()
      .then((row) => {
        if (!row) return undefined;
        const { payeeBankCode, payeeAccountNumber, ...rest } = row;
        return {
          ...rest,
          payeeAccount:
            payeeBankCode && payeeAccountNumber ? maskAccount({ bankCode: payeeBankCode, accountNumber: payeeAccountNumber }) : null,
        };
      }),
    officerId === undefined ? Promise.resolve(false) : isConflicted(db, officerId, app.enterpriseId),
  ]);
  const claim = claims.at(-1);
  // Every claim attempt with its own documents (as the shop sees them), so an earlier invoice is never taken for the latest.
  const attempts = claims.map((c, index) => ({
    id: c.id,
    attempt: index + 1,
    status: c.status,
    invoiceNumber: c.invoiceNumber,
    invoicedCents: c.invoicedCents,
    decisionNote: c.decisionNote,
    decidedAt: c.decidedAt,
    createdAt: c.createdAt,
    documents: documents.filter((d) => d.claimId === c.id),
  }));
  return { app, claim: claim ? maskedClaim(claim) : null, attempts, documents, payment: payment ?? null, conflicted };
}

/** A claim as officers see it: the payee's account masked ("024-***-***789"), never the number itself. */
function maskedClaim<
  C extends {
    payeeBankCode: string | null;
    payeeBranchCode: string | null;
    payeeAccountNumber: string | null;
    payeeAccountName: string | null;
  },
>(claim: C) {
  const { payeeBankCode, payeeBranchCode: _branch, payeeAccountNumber, ...rest } = claim;
  return {
    ...rest,
    payeeAccount: payeeBankCode && payeeAccountNumber ? maskAccount({ bankCode: payeeBankCode, accountNumber: payeeAccountNumber }) : null,
  };
}

/**
 * The claim side of one application for its owner: every claim attempt with its own documents and, when returned,
 * the officer's reason; the payment (date paid, account masked); the business's saved account to prefill the form;
 * and what the claim form must say first (approval day, quoted vendor).
 */
export async function getShopClaims({ db, userId, reference }: { db: DB; userId: number; reference: string }) {
  const app = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.approvedAt',
      'a.enterpriseId',
      'a.programmeCents',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.nameZhCn as vendorNameZhCn',
    ])
    .where('a.reference', '=', reference)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
  if (!app) return undefined;
  const [claims, documents, payment, account] = await Promise.all([
    db
      .selectFrom('claims')
      .select([
        'id',
        'status',
        'invoiceNumber',
        'invoiceDate',
        'invoicedCents',
        'paidCents',
        'paidOn',
        'payerName',
        'payableCents',
        'decisionNote',
        'decidedAt',
        'createdAt',
      ])
      .where('applicationId', '=', app.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'kind', 'filename', 'claimId'])
      .where('applicationId', '=', app.id)
      .where('claimId', 'is not', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('payments')
      .select(['status', 'amountCents', 'releasedAt', 'payeeBankCode', 'payeeAccountNumber'])
      .where('applicationId', '=', app.id)
      .executeTakeFirst(),
    db
      .selectFrom('enterpriseBankAccounts')
      .select(['bankCode', 'branchCode', 'accountNumber', 'accountName'])
      .where('enterpriseId', '=', app.enterpriseId)
      .executeTakeFirst(),
  ]);
  const attempts = claims.map((claim, index) => ({
    ...claim,
    attempt: index + 1,
    documents: documents.filter((d) => d.claimId === claim.id),
  }));
  const latest = attempts.at(-1);
  return {
    app,
    approvedOn: app.approvedAt ? hongKongDay(app.approvedAt) : null,
    attempts,
    returned: app.status === 'deployed' && latest?.status === 'returned' ? latest : null,
    payment: payment
      ? {
          status: payment.status,
          amountCents: payment.amountCents,
          releasedAt: payment.releasedAt,
          account:
            payment.payeeBankCode && payment.payeeAccountNumber
              ? maskAccount({ bankCode: payment.payeeBankCode, accountNumber: payment.payeeAccountNumber })
              : null,
        }
      : null,
    savedAccount: account ?? null,
  };
}
