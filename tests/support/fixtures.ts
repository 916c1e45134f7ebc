// Test data made through the same services the app uses (plus a few direct inserts for catalogue fixtures).
import crypto from 'node:crypto';
import type { DB } from '../../db/client';
import { registerUser } from '../../app/services/auth.server';
import type { ApplicantDeclaration } from '../../app/domain/reasons';
import { createDraftApplication } from '../../app/services/applications.server';
import { createEnterprise, type EnterpriseInput } from '../../app/services/enterprises.server';
import { confirmEnquiry, sendEnquiry } from '../../app/services/enquiries.server';
import { randomBrNumber, uniqueStamp as unique } from './unique';

export { randomBrNumber };

export async function makeUser(db: DB, role: 'applicant' | 'vendor' | 'officer' | 'admin' = 'applicant') {
  const email = `${role}-${unique()}@example.com`;
  const result = await registerUser({
    db,
    input: { email, password: 'test password 123', displayName: `Test ${role}`, role, locale: 'en' },
  });
  if (!result.ok) throw new Error('makeUser failed');
  return result.user;
}

export function enterpriseInput(overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return {
    legalNameEn: 'Lucky Noodle House Ltd',
    legalNameZh: '好運麵家有限公司',
    registrationType: 'br',
    brNumber: randomBrNumber(),
    brExpiry: '2030-12-31',
    hawkerLicenceNo: null,
    sector: 'fnb',
    fullTimeEmployees: 8,
    isGroupMember: false,
    groupFullTimeEmployees: null,
    address: '12 Fuk Wing Street',
    district: 'sham_shui_po',
    phone: '2345 6789',
    hasSubstantiveBusiness: true,
    isListedCompany: false,
    isStatutoryBody: false,
    isSubvented: false,
    ...overrides,
  };
}

export async function makeEnterprise(db: DB, userId: number, overrides: Partial<EnterpriseInput> = {}) {
  const result = await createEnterprise({ db, userId, input: enterpriseInput(overrides) });
  if (!result.ok) throw new Error(`makeEnterprise failed: ${result.code}`);
  return result.id;
}

/** A new enrolled vendor (with its own user) listing one package at the given price. */
export async function makeListedSolution(
  db: DB,
  {
    category = 'e_payment_pos',
    sector = 'fnb',
    pricingModel = 'one_off',
    priceCents,
    minContractMonths = null,
    features = [],
  }: {
    category?: string;
    sector?: string;
    pricingModel?: 'one_off' | 'monthly';
    priceCents: number;
    /** A monthly package's minimum contract (null: not stated, as on listings from before it was recorded). */
    minContractMonths?: number | null;
    features?: { pricingModel: 'one_off' | 'monthly'; priceCents: number; minContractMonths?: number | null }[];
  },
) {
  const vendorUser = await makeUser(db, 'vendor');
  const vendor = await db
    .insertInto('vendors')
    .values({
      userId: vendorUser.id,
      nameEn: `Vendor ${unique()}`,
      nameZhHk: '測試供應商',
      nameZhCn: '测试供应商',
      brNumber: randomBrNumber(),
      contactEmail: 'sales@vendor.example.hk',
      phone: '2222 3333',
      status: 'enrolled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const solution = await db
    .insertInto('solutions')
    .values({ vendorId: vendor.id, category, sector, status: 'listed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('solutionVersions')
    .values({
      solutionId: solution.id,
      version: 1,
      nameEn: `Package ${unique()}`,
      nameZhHk: '測試套餐',
      nameZhCn: '测试套餐',
      descriptionEn: 'Test package.',
      descriptionZhHk: '測試套餐。',
      descriptionZhCn: '测试套餐。',
      pricingModel,
      priceCents,
      minContractMonths,
      deploymentDays: 30,
      status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const featureIds: number[] = [];
  for (const [position, feature] of features.entries()) {
    const row = await db
      .insertInto('solutionFeatures')
      .values({ versionId: version.id, position, nameEn: `Feature ${position}`, nameZhHk: '功能', nameZhCn: '功能', ...feature })
      .returning('id')
      .executeTakeFirstOrThrow();
    featureIds.push(row.id);
  }
  await db.updateTable('solutions').set({ listedVersionId: version.id }).where('id', '=', solution.id).execute();
  return { solutionId: solution.id, vendorId: vendor.id, vendorUserId: vendorUser.id, versionId: version.id, featureIds };
}

/** Enquiry sent by the shop and confirmed by the vendor: returns the quotation id. */
export async function makeQuotation(
  db: DB,
  {
    userId,
    enterpriseId,
    solutionId,
    vendorUserId,
    featureIds = [],
  }: { userId: number; enterpriseId: number; solutionId: number; vendorUserId: number; featureIds?: number[] },
) {
  const enquiry = await sendEnquiry({ db, userId, input: { enterpriseId, solutionId, featureIds, message: '' } });
  if (!enquiry.ok) throw new Error(`sendEnquiry failed: ${enquiry.code}`);
  const confirmed = await confirmEnquiry({ db, userId: vendorUserId, enquiryId: enquiry.id });
  if (!confirmed.ok || !confirmed.quotationId) throw new Error(`confirmEnquiry failed: ${JSON.stringify(confirmed)}`);
  return confirmed.quotationId;
}

export const allDeclarations = {
  information_true: true,
  no_other_public_funding: true,
  not_related_to_vendor: true,
  deploy_within_six_months: true,
  consent_to_checks: true,
} as const satisfies Record<ApplicantDeclaration, true>;

export const pdf = () => ({ bytes: new TextEncoder().encode('%PDF-1.7\n% test quotation\n'), filename: 'quotation.pdf' });

export async function makeDraft(
  db: DB,
  { userId, quotationId, idempotencyKey = crypto.randomUUID() }: { userId: number; quotationId: number; idempotencyKey?: string },
) {
  const draft = await createDraftApplication({
    db,
    userId,
    input: { quotationId, idempotencyKey, declarations: allDeclarations, document: pdf() },
  });
  if (!draft.ok) throw new Error(`createDraftApplication failed: ${draft.code}`);
  return draft.reference;
}
