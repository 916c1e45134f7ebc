// Kysely's view of the database (camelCase; the CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ApplicationStatus } from '../app/domain/application-lifecycle';
import type { PricingModel } from '../app/domain/funding';
import type { Locale, Role } from '../app/domain/programme';

// One vocabulary (ADR 008): the domain's lists are the source; tests/db/vocabulary.test.ts compares them with the
// CHECK constraints of a freshly migrated database.
export type { Locale, Role };

type Id = Generated<number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface UsersTable {
  id: Id;
  email: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  createdBy: number | null;
  createdAt: CreatedAt;
  passwordChangedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  id: string;
  userId: number;
  createdAt: CreatedAt;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

/** A browser that signed in to an account: exempt from that account's account-wide login wait (ADR 020). */
export interface LoginDevicesTable {
  /** sha256 (hex) of the token in the browser's mf_device cookie. */
  id: string;
  /** The account, as the login throttle keys it (lower-cased e-mail). */
  email: string;
  createdAt: CreatedAt;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

export interface LoginAttemptsTable {
  id: Id;
  email: string;
  ip: string;
  /** null while the password is being checked (counts as a failure for the throttle). */
  succeeded: boolean | null;
  createdAt: CreatedAt;
}

export interface ProgrammesTable {
  id: Id;
  code: string;
  createdAt: CreatedAt;
}

export interface ProgrammeSettingsTable {
  id: Id;
  programmeId: number;
  version: number;
  roundCode: string;
  budgetCents: number;
  capCents: number;
  matchBps: number;
  maxOneOffCents: number;
  maxSubscriptionMonths: number;
  maxSubscriptionTotalCents: number;
  deploymentMonths: number;
  maxEmployees: number;
  openSectors: string[];
  openCategories: string[];
  opensAt: ColumnType<Date, Date | string, Date | string>;
  closesAt: ColumnType<Date, Date | string, Date | string>;
  slaWorkingDays: ColumnType<number, number | undefined, number>;
  createdBy: number | null;
  createdAt: CreatedAt;
}

export type VendorStatus = 'draft' | 'pending' | 'enrolled' | 'rejected';

export interface VendorsTable {
  id: Id;
  userId: number | null;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  brNumber: string;
  contactEmail: string;
  phone: string;
  website: string | null;
  district: string | null;
  status: ColumnType<VendorStatus, VendorStatus | undefined, VendorStatus>;
  contactName: string | null;
  trackRecord: string | null;
  referenceCustomers: string | null;
  netEquityPositive: boolean | null;
  submittedAt: Date | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  createdAt: CreatedAt;
}

export interface SolutionCategoriesTable {
  code: string;
  sortOrder: number;
}

export type SolutionStatus = 'draft' | 'pending_review' | 'listed' | 'rejected' | 'delisted';
export type VersionStatus = 'draft' | 'pending_review' | 'approved' | 'rejected' | 'superseded' | 'returned';
export type PricingModelColumn = PricingModel;

export interface SolutionsTable {
  id: Id;
  vendorId: number;
  category: string;
  sector: string;
  status: ColumnType<SolutionStatus, SolutionStatus | undefined, SolutionStatus>;
  listedVersionId: number | null;
  createdAt: CreatedAt;
}

export interface SolutionVersionsTable {
  id: Id;
  solutionId: number;
  version: number;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  pricingModel: PricingModelColumn;
  priceCents: number;
  /** A monthly package's minimum contract in months; null for a one-off price. */
  minContractMonths: ColumnType<number | null, number | null | undefined, number | null>;
  deploymentDays: number;
  status: ColumnType<VersionStatus, VersionStatus | undefined, VersionStatus>;
  deliverablesEn: ColumnType<string, string | undefined, string>;
  deliverablesZhHk: ColumnType<string, string | undefined, string>;
  deliverablesZhCn: ColumnType<string, string | undefined, string>;
  /** What the version states for the matcher (null = not stated; support districts null = all of Hong Kong). */
  needsMet: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  paymentMethods: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  maxOutlets: ColumnType<number | null, number | null | undefined, number | null>;
  minSeats: ColumnType<number | null, number | null | undefined, number | null>;
  maxSeats: ColumnType<number | null, number | null | undefined, number | null>;
  supportDistricts: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  reviewNote: string | null;
  submittedAt: Date | null;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  createdAt: CreatedAt;
}

export interface SolutionFeaturesTable {
  id: Id;
  versionId: number;
  position: number;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: PricingModelColumn;
  priceCents: number;
  /** A monthly feature's minimum contract in months; null for a one-off price. */
  minContractMonths: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EnterprisesTable {
  id: Id;
  ownerUserId: number;
  legalNameEn: string;
  legalNameZh: string;
  registrationType: 'br' | 'hawker';
  brNumber: string | null;
  /** A calendar day, 'YYYY-MM-DD'. */
  brExpiry: string | null;
  hawkerLicenceNo: string | null;
  sector: string;
  fullTimeEmployees: number;
  isGroupMember: ColumnType<boolean, boolean | undefined, boolean>;
  groupFullTimeEmployees: number | null;
  address: string;
  district: string;
  phone: string;
  hasSubstantiveBusiness: boolean;
  isListedCompany: boolean;
  isStatutoryBody: boolean;
  isSubvented: boolean;
  /** 'br:<BR number>' or 'hawker:<LICENCE>', generated by the database: the identity the ceiling follows. */
  registrationKey: ColumnType<string, never, never>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RegistrationConflictsTable {
  id: Id;
  brNumber: string | null;
  hawkerLicenceNo: string | null;
  claimedBy: number;
  existingEnterpriseId: number;
  createdAt: CreatedAt;
}

export type EnquiryStatus = 'sent' | 'confirmed' | 'declined';

export interface EnquiriesTable {
  id: Id;
  enterpriseId: number;
  solutionId: number;
  solutionVersionId: number;
  featureIds: ColumnType<number[], number[] | undefined, number[]>;
  message: ColumnType<string, string | undefined, string>;
  status: ColumnType<EnquiryStatus, EnquiryStatus | undefined, EnquiryStatus>;
  declineReason: string | null;
  respondedBy: number | null;
  respondedAt: Date | null;
  createdBy: number;
  createdAt: CreatedAt;
  /** Why the matcher recommended the package (app/domain/match-reason.ts); null for an enquiry sent by hand. */
  matchReason: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export type QuotationItem = {
  kind: 'package' | 'feature';
  featureId: number | null;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: PricingModelColumn;
  priceCents: number;
  /** The item's minimum contract when the vendor confirmed (absent on quotations from before it was recorded). */
  minContractMonths?: number | null;
};

export interface QuotationsTable {
  id: Id;
  enquiryId: number;
  vendorId: number;
  solutionVersionId: number;
  items: ColumnType<QuotationItem[], string, never>;
  maxSubscriptionMonths: number;
  eligibleCostCents: number;
  createdBy: number;
  createdAt: CreatedAt;
}

export type ApplicationStatusColumn = ApplicationStatus;

export type Declarations = Record<string, boolean>;

export interface ApplicationsTable {
  id: Id;
  reference: string;
  enterpriseId: number;
  quotationId: number;
  vendorId: number;
  category: string;
  settingsId: number | null;
  status: ApplicationStatusColumn;
  costCents: number;
  programmeCents: ColumnType<number, number | undefined, number>;
  shopCents: ColumnType<number, number | undefined, number>;
  /** The enterprise's identity when the application was submitted (null for a draft): its money counts there. */
  registrationKey: ColumnType<string | null, string | null | undefined, string | null>;
  declarations: ColumnType<Declarations, string, string>;
  idempotencyKey: string;
  createdBy: number;
  assignedOfficerId: number | null;
  assignedAt: Date | null;
  eligibilityAtSubmit: ColumnType<unknown, string | null, string | null> | null;
  decisionReason: string | null;
  infoRound: ColumnType<number, number | undefined, number>;
  approvedAt: Date | null;
  /** The match ratio (basis points) the approval was judged under: the claim pays by it. */
  approvedMatchBps: ColumnType<number | null, number | null | undefined, number | null>;
  deployBy: Date | null;
  deploymentReportedAt: Date | null;
  deployedAt: Date | null;
  lapsedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The enterprise's district and sector, copied by triggers (migration 2026-12-02T0101) for the queue's filters. */
  entDistrict: ColumnType<string | null, never, never>;
  entSector: ColumnType<string | null, never, never>;
}

export type DocumentKind = 'quotation' | 'invoice' | 'payment_proof' | 'other';

export interface DocumentsTable {
  id: Id;
  applicationId: number;
  kind: DocumentKind;
  filename: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  claimId: number | null;
  uploadedBy: number;
  createdAt: CreatedAt;
}

export interface ApplicationEventsTable {
  id: Id;
  applicationId: number;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reasonCode: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface OfficerConflictsTable {
  officerId: number;
  enterpriseId: number;
  declaredAt: CreatedAt;
}

export interface NotificationsTable {
  id: Id;
  userId: number;
  applicationId: number | null;
  template: string;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  /** The event it comes from ('event:12', 'application:3', 'enquiry:7', …): unique with the user and the template. */
  sourceKey: string;
  readAt: Date | null;
  createdAt: CreatedAt;
}

export type OutboxTopic = 'notification' | 'payment';
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'held';

export interface OutboxTable {
  id: Id;
  topic: OutboxTopic;
  idempotencyKey: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: ColumnType<Date, Date | string | undefined, Date | string>;
  leaseUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: CreatedAt;
}

export interface AuditLogTable {
  id: Id;
  entityType: 'vendor' | 'solution' | 'enterprise' | 'holiday' | 'enquiry';
  entityId: number;
  action: string;
  actorUserId: number | null;
  actorRole: string;
  note: string | null;
  createdAt: CreatedAt;
}

/** A Hong Kong general holiday (weekdays only matter): service standards skip it. */
export interface PublicHolidaysTable {
  id: Id;
  /** Hong Kong calendar day, 'YYYY-MM-DD'. */
  day: string;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  createdAt: CreatedAt;
}

export type ClaimCheck = { check: string; passed: boolean };

export interface ClaimsTable {
  id: Id;
  applicationId: number;
  invoiceNumber: string;
  /** Calendar days, 'YYYY-MM-DD'. */
  invoiceDate: string;
  invoicedCents: number;
  paidCents: number;
  paidOn: string;
  payerName: string;
  payeeVendorBr: string;
  payableCents: number;
  status: ColumnType<
    'submitted' | 'approved' | 'returned',
    'submitted' | 'approved' | 'returned' | undefined,
    'submitted' | 'approved' | 'returned'
  >;
  checks: ColumnType<ClaimCheck[], string, string>;
  submittedBy: number;
  decidedBy: number | null;
  decidedAt: Date | null;
  createdAt: CreatedAt;
  /** Why the officer returned the claim (shown to the shop at the top of its page). */
  decisionNote: ColumnType<string | null, string | null | undefined, string | null>;
  /** The business's bank account when this was made (see docs/decisions/018-bank-account-for-payment.md). */
  payeeBankCode: ColumnType<string | null, string | null | undefined, string | null>;
  payeeBranchCode: ColumnType<string | null, string | null | undefined, string | null>;
  payeeAccountNumber: ColumnType<string | null, string | null | undefined, string | null>;
  payeeAccountName: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PaymentsTable {
  id: Id;
  applicationId: number;
  claimId: number;
  amountCents: number;
  payeeName: string;
  preparedBy: number;
  preparedAt: CreatedAt;
  releasedBy: number | null;
  releasedAt: Date | null;
  status: ColumnType<'prepared' | 'released', 'prepared' | 'released' | undefined, 'prepared' | 'released'>;
  /** The business's bank account when this was made (see docs/decisions/018-bank-account-for-payment.md). */
  payeeBankCode: ColumnType<string | null, string | null | undefined, string | null>;
  payeeBranchCode: ColumnType<string | null, string | null | undefined, string | null>;
  payeeAccountNumber: ColumnType<string | null, string | null | undefined, string | null>;
  payeeAccountName: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnterpriseBankAccountsTable {
  enterpriseId: number;
  bankCode: string;
  /** Three digits; null for a bank whose account numbers carry no branch. */
  branchCode: string | null;
  accountNumber: string;
  accountName: string;
  updatedBy: number;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** One row: the version of what the public pages show, bumped at commit by triggers (migration 2026-12-02T0100). */
export interface PublicVersionTable {
  id: ColumnType<number, number | undefined, never>;
  version: ColumnType<string, never, never>;
}

/**
 * Per status from approval on (the budget statuses): how many applications and their programme shares, kept by
 * statement triggers on applications in the same statement as each change (migration 2026-12-03T0400).
 */
export interface BudgetStatusTotalsTable {
  status: ColumnType<ApplicationStatus, never, never>;
  applications: ColumnType<string, never, never>;
  programmeCents: ColumnType<string, never, never>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  loginDevices: LoginDevicesTable;
  programmes: ProgrammesTable;
  programmeSettings: ProgrammeSettingsTable;
  vendors: VendorsTable;
  solutionCategories: SolutionCategoriesTable;
  solutions: SolutionsTable;
  solutionVersions: SolutionVersionsTable;
  solutionFeatures: SolutionFeaturesTable;
  enterprises: EnterprisesTable;
  registrationConflicts: RegistrationConflictsTable;
  enquiries: EnquiriesTable;
  quotations: QuotationsTable;
  applications: ApplicationsTable;
  documents: DocumentsTable;
  applicationEvents: ApplicationEventsTable;
  officerConflicts: OfficerConflictsTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  auditLog: AuditLogTable;
  claims: ClaimsTable;
  payments: PaymentsTable;
  enterpriseBankAccounts: EnterpriseBankAccountsTable;
  publicHolidays: PublicHolidaysTable;
  publicVersion: PublicVersionTable;
  budgetStatusTotals: BudgetStatusTotalsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ProgrammeSettings = Selectable<ProgrammeSettingsTable>;
