// The lived-in demo, planned in memory: about three months of a programme in full swing, simulated step by step
// with the same domain rules the services apply (lifecycle, eligibility, 1:1 match and cap, budget, claim checks,
// who is notified), so that db/demo-activity.ts only has to write the rows. No database access, no clock of its own.
import type { ProgrammeSettings, QuotationItem, Role } from './schema';
import {
  budgetStatuses,
  committedStatuses,
  transition,
  type ActorRole,
  type ApplicationAction,
  type ApplicationStatus,
} from '../app/domain/application-lifecycle';
import { hongKongBanks, type BankAccount, type BankCode } from '../app/domain/bank-account';
import { allPassed, checkClaim, payableCents, type ClaimCheckResult } from '../app/domain/claims';
import { hongKongDay } from '../app/domain/dates';
import { checkEligibility, failedCodes, type RuleResult } from '../app/domain/eligibility';
import { eligibleCostCents, fundingSplit, type PricingModel } from '../app/domain/funding';
import { checkListing } from '../app/domain/listing-rules';
import { isOncePerApplication, notificationsFor, type NotificationTemplate } from '../app/domain/notifications';
import { categories, type Category, type District } from '../app/domain/programme';
import { applicantDeclarations } from '../app/domain/reasons';
import { seededRandom, type Random } from './demo-random';
import {
  claimReturns,
  declineReasons,
  deploymentNotes,
  districtNames,
  enquiryMessages,
  enrolments,
  givenNames,
  infoAnswers,
  infoRequests,
  pendingListings,
  rejections,
  shopKinds,
  streets,
  surnames,
  tradeNames,
  withdrawNotes,
  type ClaimFlaw,
  type Lang,
  type Said,
} from './demo-text';

export const DEMO_SEED = 20_261_201;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const HK_OFFSET = 8 * HOUR;

// ——— What the planner is given ————————————————————————————————————————————————————————————————————————————

export type DemoSettings = Pick<
  ProgrammeSettings,
  | 'id'
  | 'budgetCents'
  | 'capCents'
  | 'matchBps'
  | 'maxSubscriptionMonths'
  | 'maxSubscriptionTotalCents'
  | 'maxOneOffCents'
  | 'deploymentMonths'
  | 'maxEmployees'
  | 'openSectors'
  | 'openCategories'
  | 'opensAt'
  | 'closesAt'
>;

export type CatalogueVendor = { id: number; key: string; brNumber: string; nameEn: string; contactEmail: string; userId: number | null };

export type CatalogueFeature = {
  id: number;
  position: number;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
};

export type CatalogueSolution = {
  id: number;
  vendorId: number;
  category: string;
  sector: string;
  versionId: number;
  version: number;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
  deploymentDays: number;
  features: CatalogueFeature[];
};

export type DemoContext = {
  now: Date;
  seed?: number;
  settings: DemoSettings;
  vendors: CatalogueVendor[];
  solutions: CatalogueSolution[];
  /** The seeded demo accounts. */
  people: { applicant: number; vendor: number; officer: number; officer2: number };
};

// ——— What the planner makes ——————————————————————————————————————————————————————————————————————————————

/** A person; `id` is set for accounts that exist already and by the writer for the new ones. */
export type PlanUser = { id?: number; email: string; displayName: string; role: Role; locale: Lang; createdAt: Date };

export type PlanEnterprise = {
  id?: number;
  owner: PlanUser;
  legalNameEn: string;
  legalNameZh: string;
  registrationType: 'br' | 'hawker';
  brNumber: string | null;
  brExpiry: string | null;
  hawkerLicenceNo: string | null;
  sector: 'fnb' | 'retail';
  fullTimeEmployees: number;
  isGroupMember: boolean;
  groupFullTimeEmployees: number | null;
  address: string;
  district: District;
  phone: string;
  hasSubstantiveBusiness: boolean;
  isListedCompany: boolean;
  isStatutoryBody: boolean;
  isSubvented: boolean;
  createdAt: Date;
};

export type PlanEnquiry = {
  id?: number;
  enterprise: PlanEnterprise;
  solution: CatalogueSolution;
  featureIds: number[];
  message: string;
  status: 'sent' | 'confirmed' | 'declined';
  declineReason: string | null;
  respondedBy: PlanUser | null;
  respondedAt: Date | null;
  createdAt: Date;
};

export type PlanQuotation = {
  id?: number;
  enquiry: PlanEnquiry;
  vendorId: number;
  versionId: number;
  items: QuotationItem[];
  maxSubscriptionMonths: number;
  eligibleCostCents: number;
  createdBy: PlanUser;
  createdAt: Date;
};

export type PlanClaim = {
  id?: number;
  app: PlanApplication;
  invoiceNumber: string;
  invoiceDate: string;
  invoicedCents: number;
  paidCents: number;
  paidOn: string;
  payerName: string;
  payeeVendorBr: string;
  /** The business's bank account when the claim was made (as submitClaim snapshots it). */
  payee: BankAccount;
  payableCents: number;
  status: 'submitted' | 'approved' | 'returned';
  /** The officer's reason when the claim came back. */
  decisionNote: string | null;
  checks: ClaimCheckResult[];
  submittedBy: PlanUser;
  decidedBy: PlanUser | null;
  decidedAt: Date | null;
  createdAt: Date;
};

export type PlanDocument = {
  app: PlanApplication;
  kind: 'quotation' | 'invoice' | 'payment_proof' | 'other';
  filename: string;
  /** What the one-page PDF says. */
  lines: string[];
  claim: PlanClaim | null;
  uploadedBy: PlanUser;
  createdAt: Date;
};

export type PlanPayment = {
  app: PlanApplication;
  claim: PlanClaim;
  amountCents: number;
  payeeName: string;
  /** The claim's payee account, copied when the payment is prepared (as preparePayment does). */
  payee: BankAccount;
  preparedBy: PlanUser;
  preparedAt: Date;
  releasedBy: PlanUser | null;
  releasedAt: Date | null;
  status: 'prepared' | 'released';
};

/** A business's account for payment (enterprise_bank_accounts): given with its first claim. */
export type PlanBankAccount = { enterprise: PlanEnterprise; account: BankAccount; updatedBy: PlanUser; updatedAt: Date };

export type PlanEvent = {
  app: PlanApplication;
  actor: PlanUser | null;
  actorRole: ActorRole;
  action: ApplicationAction | 'create';
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  reasonCode: string | null;
  note: string | null;
  createdAt: Date;
};

export type PlanNotification = {
  user: PlanUser;
  app: PlanApplication;
  template: NotificationTemplate;
  /** The programme's share as it stood when the message was written (the services read it after the change). */
  programmeCents: number;
  reasonCode: string | null;
  note: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** The plan's event it comes from (its position in `events`). */
  eventIndex: number;
};

export type PlanApplication = {
  id?: number;
  /** Set by the writer from the reference sequence. */
  reference?: string;
  enterprise: PlanEnterprise;
  quotation: PlanQuotation;
  vendorId: number;
  category: string;
  idempotencyKey: string;
  createdBy: PlanUser;
  status: ApplicationStatus;
  settingsId: number | null;
  costCents: number;
  programmeCents: number;
  shopCents: number;
  assignedOfficer: PlanUser | null;
  assignedAt: Date | null;
  eligibilityAtSubmit: RuleResult[] | null;
  decisionReason: string | null;
  infoRound: number;
  approvedAt: Date | null;
  deployBy: Date | null;
  deploymentReportedAt: Date | null;
  deployedAt: Date | null;
  lapsedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PlanVendorEnrolment = {
  user: PlanUser;
  vendor: (typeof enrolments)['pending']['vendor'] | (typeof enrolments)['rejected']['vendor'];
  status: 'pending' | 'rejected';
  submittedAt: Date;
  decidedBy: PlanUser | null;
  decidedAt: Date | null;
  decisionReason: string | null;
};

export type PlanListing =
  | {
      kind: 'new_package';
      solution: null;
      vendorId: number;
      vendorUser: PlanUser;
      createdAt: Date;
      submittedAt: Date;
      input: typeof pendingListings.newPackage;
    }
  | {
      kind: 'new_version';
      solution: CatalogueSolution;
      vendorId: number;
      vendorUser: PlanUser;
      createdAt: Date;
      submittedAt: Date;
      priceCents: number;
    };

export type DemoPlan = {
  now: Date;
  /** When the catalogue and the demo accounts are dated: a while before the first shop registered. */
  programmeStartedAt: Date;
  users: PlanUser[];
  /** Seed vendors that get a portal account of their own (the demo vendor already has one). */
  vendorAccounts: { vendorId: number; user: PlanUser }[];
  enterprises: PlanEnterprise[];
  enquiries: PlanEnquiry[];
  quotations: PlanQuotation[];
  applications: PlanApplication[];
  documents: PlanDocument[];
  claims: PlanClaim[];
  payments: PlanPayment[];
  bankAccounts: PlanBankAccount[];
  events: PlanEvent[];
  notifications: PlanNotification[];
  enrolments: PlanVendorEnrolment[];
  listings: PlanListing[];
  existing: { applicant: PlanUser; vendor: PlanUser; officer: PlanUser; officer2: PlanUser };
  /** Scripts a rule stopped before their end (a submission over the cap, say): the application stays where it got. */
  stalled: { target: Target; reached: ApplicationStatus | 'no application'; step: string }[];
};

// ——— Small helpers ———————————————————————————————————————————————————————————————————————————————————————————

/** Same arithmetic as the services' deadline (officer.server.ts): calendar months in UTC. */
function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

type Who = 'applicant' | 'vendor' | 'officer' | 'system';

/** Moves an instant forward into the hours when this kind of person acts (officers and vendors: weekdays, office hours). */
function snap(time: number, who: Who, jitter: number): number {
  if (who === 'system') return time;
  const [open, close, weekdaysOnly] = who === 'applicant' ? [8, 22.5, false] : [9, 18.5, true];
  const local = time + HK_OFFSET;
  let day = Math.floor(local / DAY);
  const hour = (local - day * DAY) / HOUR;
  const workday = (d: number) => {
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return !weekdaysOnly || (weekday !== 0 && weekday !== 6);
  };
  if (workday(day) && hour >= open && hour < close) return time;
  if (!workday(day) || hour >= close) {
    day++;
    while (!workday(day)) day++;
  }
  return day * DAY + (open + jitter * 2) * HOUR - HK_OFFSET;
}

/** "HK$12,345.00" for the demo's papers, in integer arithmetic (Intl formatting is slow when called per row). */
function formatCents(cents: number): string {
  const dollars = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `HK$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/** A version-4 UUID drawn from the seeded source, with a counter in it so two can never collide. */
function uuidFrom(random: Random, counter: number): string {
  const hex = (digits: number) =>
    Math.floor(random.next() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.int(0, 3)]}${hex(3)}-${counter.toString(16).padStart(4, '0')}${hex(8)}`;
}

// ——— Scripts: the steps an application goes through to reach its status today ——————————————————————————————

export type Target =
  | 'draft'
  | 'submitted'
  | 'submitted_back'
  | 'under_review'
  | 'info_requested'
  | 'approved'
  | 'deployment_reported'
  | 'deployed'
  | 'deployed_returned'
  | 'claim_submitted'
  | 'claim_approved'
  | 'claim_prepared'
  | 'paid'
  | 'rejected'
  | 'withdrawn'
  | 'lapsed';

type StepKind =
  | 'enquire'
  | 'quote'
  | 'create'
  | 'submit'
  | 'start_review'
  | 'request_info'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'report_deployment'
  | 'confirm_deployment'
  | 'submit_claim'
  | 'approve_claim'
  | 'return_claim'
  | 'prepare_payment'
  | 'release_payment'
  | 'lapse';

type Step = { kind: StepKind; who: Who; flaw?: ClaimFlaw | null };

const stepWho: Record<StepKind, Who> = {
  enquire: 'applicant',
  quote: 'vendor',
  create: 'applicant',
  submit: 'applicant',
  start_review: 'officer',
  request_info: 'officer',
  resubmit: 'applicant',
  approve: 'officer',
  reject: 'officer',
  withdraw: 'applicant',
  report_deployment: 'vendor',
  confirm_deployment: 'applicant',
  submit_claim: 'applicant',
  approve_claim: 'officer',
  return_claim: 'officer',
  prepare_payment: 'officer',
  release_payment: 'officer',
  lapse: 'system',
};

/** Hours before each step (after the previous one), as a range. */
const gapHours: Record<StepKind, readonly [number, number]> = {
  enquire: [0, 0],
  quote: [2, 40],
  create: [1, 96],
  submit: [0.2, 60],
  start_review: [6, 200],
  request_info: [4, 72],
  resubmit: [12, 150],
  approve: [4, 110],
  reject: [4, 110],
  withdraw: [2, 200],
  report_deployment: [120, 1000],
  confirm_deployment: [2, 90],
  submit_claim: [24, 400],
  approve_claim: [24, 170],
  return_claim: [24, 170],
  prepare_payment: [4, 90],
  release_payment: [2, 70],
  lapse: [0, 0],
};

/** Days an application has sat in its status by today. */
const dwellDays: Record<Target, readonly [number, number]> = {
  draft: [0, 25],
  submitted: [0, 27],
  submitted_back: [0, 4],
  under_review: [0, 8],
  info_requested: [0, 12],
  approved: [0, 45],
  deployment_reported: [0, 6],
  deployed: [0, 12],
  deployed_returned: [0, 6],
  claim_submitted: [0, 8],
  claim_approved: [0, 3],
  claim_prepared: [0, 2],
  paid: [0, 50],
  rejected: [0, 60],
  withdrawn: [0, 60],
  lapsed: [3, 25],
};

type AppSpec = {
  enterprise: PlanEnterprise;
  solution: CatalogueSolution;
  featureIds: number[];
  target: Target;
  officer: PlanUser;
  /** For payments: who prepares (the other demo officer releases). */
  preparer: PlanUser;
  infoCycle: boolean;
  returnedClaim: boolean;
  withdrawFrom: 'draft' | 'submitted' | 'under_review' | 'info_requested';
  dwell?: readonly [number, number];
  /** Invoice amount instead of the quotation's cost (a claim invoiced at exactly the cap's worth). */
  invoiceCents?: number;
  /** Invoiced at the quotation's cost exactly (no discount), so that the approved share stands. */
  fullInvoice?: boolean;
  /** Not before this instant (a second application after the first one in the category ended). */
  notBefore?: number;
};

function stepsFor(spec: AppSpec, random: Random): Step[] {
  const s = (kind: StepKind, flaw?: ClaimFlaw | null): Step => ({ kind, who: stepWho[kind], ...(flaw !== undefined ? { flaw } : {}) });
  const start = [s('enquire'), s('quote'), s('create')];
  const review = [s('submit'), s('start_review'), ...(spec.infoCycle ? [s('request_info'), s('resubmit'), s('start_review')] : [])];
  const flaw = (): ClaimFlaw => random.pick(['payer', 'amount', 'date'] as const);
  const toDeployed = [...review, s('approve'), s('report_deployment'), s('confirm_deployment')];
  const claimed = [...toDeployed, ...(spec.returnedClaim ? [s('submit_claim', flaw()), s('return_claim')] : []), s('submit_claim', null)];
  switch (spec.target) {
    case 'draft':
      return start;
    case 'submitted':
      return [...start, s('submit')];
    case 'submitted_back':
      return [...start, s('submit'), s('start_review'), s('request_info'), s('resubmit')];
    case 'under_review':
      return [...start, s('submit'), s('start_review')];
    case 'info_requested':
      return [...start, s('submit'), s('start_review'), s('request_info')];
    case 'approved':
      return [...start, ...review, s('approve')];
    case 'deployment_reported':
      return [...start, ...review, s('approve'), s('report_deployment')];
    case 'deployed':
      return [...start, ...toDeployed];
    case 'deployed_returned':
      return [...start, ...toDeployed, s('submit_claim', flaw()), s('return_claim')];
    case 'claim_submitted':
      return [...start, ...claimed];
    case 'claim_approved':
      return [...start, ...claimed, s('approve_claim')];
    case 'claim_prepared':
      return [...start, ...claimed, s('approve_claim'), s('prepare_payment')];
    case 'paid':
      return [...start, ...claimed, s('approve_claim'), s('prepare_payment'), s('release_payment')];
    case 'rejected':
      return [...start, ...review, s('reject')];
    case 'withdrawn': {
      const before = {
        draft: [],
        submitted: [s('submit')],
        under_review: [s('submit'), s('start_review')],
        info_requested: [s('submit'), s('start_review'), s('request_info')],
      }[spec.withdrawFrom];
      return [...start, ...before, s('withdraw')];
    }
    case 'lapsed':
      return [...start, ...review, s('approve'), s('lapse')];
  }
}

/**
 * Places the steps in time so that the last one happened `dwell` before now: each step a drawn gap after the one
 * before, moved into the hours its actor works, and no earlier than the window opens (gaps shrink when they must).
 */
function schedule(
  steps: Step[],
  { random, now, windowStart, dwell, months }: { random: Random; now: number; windowStart: number; dwell: number; months: number },
): number[] {
  const gaps = steps.map((step) => random.between(gapHours[step.kind][0], gapHours[step.kind][1]) * HOUR);
  const jitters = steps.map(() => random.next());
  const lapsing = steps.at(-1)?.kind === 'lapse';
  const body = lapsing ? steps.slice(0, -1) : steps;
  // A lapse comes with the hourly job just after the deadline: the approval was `months` before that.
  const end = lapsing ? addMonths(new Date(now - dwell), -months).getTime() - 2 * DAY : now - dwell;
  const layout = (start: number, scale: number, snapped: boolean) => {
    const times: number[] = [];
    body.forEach((step, i) => {
      const raw = i === 0 ? start : times[i - 1]! + gaps[i]! * scale;
      times.push(snapped ? snap(raw, step.who, jitters[i]!) : raw);
    });
    return times;
  };
  const total = gaps.slice(1, body.length).reduce((sum, gap) => sum + gap, 0);
  let scale = 1;
  let start = end - total;
  let times = layout(start, scale, true);
  for (let attempt = 0; attempt < 40; attempt++) {
    times = layout(start, scale, true);
    const over = times.at(-1)! - end;
    if (start < windowStart) {
      scale *= 0.8;
      start = Math.max(windowStart, end - total * scale);
    } else if (over > 0) start -= over + 60_000;
    else break;
  }
  if (times.at(-1)! > end || start < windowStart) {
    // Could not fit with office hours: keep the order, spread evenly.
    scale = Math.max(0, (end - windowStart) / Math.max(total, 1));
    times = layout(windowStart, scale, false);
  }
  if (lapsing) {
    const approvedAt = times.at(-1)!;
    times.push(addMonths(new Date(approvedAt), months).getTime() + random.between(0.1, 0.95) * HOUR);
  }
  return times;
}

// ——— The plan ———————————————————————————————————————————————————————————————————————————————————————————————

export function planDemo(ctx: DemoContext): DemoPlan {
  const random = seededRandom(ctx.seed ?? DEMO_SEED);
  // Bank accounts draw from a source of their own, so adding them left every other draw (and the history) as it was.
  const bankRandom = seededRandom((ctx.seed ?? DEMO_SEED) ^ 0x5bd1e995);
  const now = ctx.now.getTime();
  const settings = ctx.settings;
  const opensAt = new Date(settings.opensAt).getTime();
  const windowStart = Math.max(opensAt + DAY, now - 92 * DAY);
  // Approvals lapse six months after they were given: those few came in the round's first weeks.
  const lapseWindowStart = Math.max(opensAt + DAY, now - 250 * DAY);
  const rules = { matchBps: settings.matchBps, capCents: settings.capCents, maxSubscriptionMonths: settings.maxSubscriptionMonths };

  const existing = {
    applicant: {
      id: ctx.people.applicant,
      email: 'applicant@demo.matchfund.hk',
      displayName: 'Chan Tai Man',
      role: 'applicant',
      locale: 'en',
      createdAt: new Date(now),
    },
    vendor: {
      id: ctx.people.vendor,
      email: 'vendor@demo.matchfund.hk',
      displayName: 'Harbour POS sales',
      role: 'vendor',
      locale: 'en',
      createdAt: new Date(now),
    },
    officer: {
      id: ctx.people.officer,
      email: 'officer@demo.matchfund.hk',
      displayName: 'Officer Wong',
      role: 'officer',
      locale: 'en',
      createdAt: new Date(now),
    },
    officer2: {
      id: ctx.people.officer2,
      email: 'officer2@demo.matchfund.hk',
      displayName: 'Officer Lee',
      role: 'officer',
      locale: 'en',
      createdAt: new Date(now),
    },
  } satisfies Record<string, PlanUser>;
  const officers = [existing.officer, existing.officer2] as const;
  const otherOfficer = (officer: PlanUser) => (officer === existing.officer ? existing.officer2 : existing.officer);

  const users: PlanUser[] = [];
  const enterprises: PlanEnterprise[] = [];
  const enquiries: PlanEnquiry[] = [];
  const quotations: PlanQuotation[] = [];
  const applications: PlanApplication[] = [];
  const documents: PlanDocument[] = [];
  const claims: PlanClaim[] = [];
  const payments: PlanPayment[] = [];
  const bankAccounts: PlanBankAccount[] = [];
  const events: PlanEvent[] = [];

  /** A business's account in its bank's format (checkBankAccount accepts it), in the business's English name. */
  const newBankAccount = (enterprise: PlanEnterprise): BankAccount => {
    const bankCode = bankRandom.weighted<BankCode>([
      ['004', 30],
      ['024', 22],
      ['012', 18],
      ['003', 8],
      ['015', 7],
      ['040', 5],
      ['387', 5],
      ['390', 5],
    ]);
    const format = hongKongBanks[bankCode];
    const [min, max] = format.digits;
    const length = bankRandom.int(min, Math.max(min, Math.min(max, 12)));
    let accountNumber = String(bankRandom.int(1, 9));
    while (accountNumber.length < length) accountNumber += String(bankRandom.int(0, 9));
    return {
      bankCode,
      branchCode: format.branch === 'required' ? String(bankRandom.int(1, 999)).padStart(3, '0') : null,
      accountNumber,
      accountName: enterprise.legalNameEn,
    };
  };
  /** The account a business pays from: given with its first claim, the same on every later one. */
  const bankAccountOf = (enterprise: PlanEnterprise, owner: PlanUser, at: Date): BankAccount => {
    const known = bankAccounts.find((b) => b.enterprise === enterprise);
    if (known) return known.account;
    const account = newBankAccount(enterprise);
    bankAccounts.push({ enterprise, account, updatedBy: owner, updatedAt: at });
    return account;
  };
  const notifications: PlanNotification[] = [];

  // ——— Vendors: every seed vendor answers enquiries from a portal account of its own ———
  const vendorById = new Map(ctx.vendors.map((v) => [v.id, v]));
  const vendorByKey = new Map(ctx.vendors.map((v) => [v.key, v]));
  const vendorUsers = new Map<number, PlanUser>();
  const vendorAccounts: DemoPlan['vendorAccounts'] = [];
  ctx.vendors.forEach((vendor, index) => {
    if (vendor.userId === ctx.people.vendor) {
      vendorUsers.set(vendor.id, existing.vendor);
      return;
    }
    const user: PlanUser = {
      email: vendor.contactEmail,
      displayName: vendor.nameEn,
      role: 'vendor',
      locale: index % 3 === 0 ? 'en' : 'zh-HK',
      createdAt: new Date(now),
    };
    vendorUsers.set(vendor.id, user);
    vendorAccounts.push({ vendorId: vendor.id, user });
  });
  const solutionsFor = (sector: string, category: string) => ctx.solutions.filter((s) => s.sector === sector && s.category === category);
  const vendorOf = (solution: CatalogueSolution) => vendorById.get(solution.vendorId)!;
  const solutionOf = (vendorKey: string, category: string, sector: string) => {
    const vendor = vendorByKey.get(vendorKey);
    const found = vendor && ctx.solutions.find((s) => s.vendorId === vendor.id && s.category === category && s.sector === sector);
    if (!found) throw new Error(`The demo needs the seed package ${vendorKey} ${category} ${sector}`);
    return found;
  };

  // ——— People and their shops ———
  const usedEmails = new Set<string>([...Object.values(existing).map((u) => u.email), ...vendorAccounts.map((a) => a.user.email)]);
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const usedBr = new Set<string>([
    ...ctx.vendors.map((v) => v.brNumber),
    enrolments.pending.vendor.brNumber,
    enrolments.rejected.vendor.brNumber,
  ]);

  const newOwner = (): PlanUser => {
    for (;;) {
      const surname = random.pick(surnames);
      const given = random.pick(givenNames);
      const email = `${given.replace(/ /g, '').toLowerCase()}.${surname.toLowerCase()}${random.int(1, 99)}@shop.example.hk`;
      if (usedEmails.has(email)) continue;
      usedEmails.add(email);
      const locale = random.weighted<Lang>([
        ['zh-HK', 55],
        ['en', 35],
        ['zh-CN', 10],
      ]);
      const user: PlanUser = { email, displayName: `${surname} ${given}`, role: 'applicant', locale, createdAt: new Date(now) };
      users.push(user);
      return user;
    }
  };
  const districtWeights: [District, number][] = [
    ['yau_tsim_mong', 14],
    ['sham_shui_po', 12],
    ['kwun_tong', 11],
    ['wan_chai', 8],
    ['central_western', 8],
    ['kowloon_city', 8],
    ['eastern', 7],
    ['tsuen_wan', 6],
    ['yuen_long', 6],
    ['sha_tin', 6],
    ['wong_tai_sin', 5],
    ['kwai_tsing', 5],
    ['tuen_mun', 5],
    ['tai_po', 4],
    ['north', 4],
    ['southern', 3],
    ['sai_kung', 3],
    ['islands', 2],
  ];
  const newPhone = (): string => {
    for (;;) {
      const first = random.weighted([
        ['2', 40],
        ['3', 20],
        ['5', 10],
        ['6', 15],
        ['9', 15],
      ] as const);
      const phone = `${first}${random.int(100, 999)} ${random.int(1000, 9999)}`;
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };
  const newBr = (): string => {
    for (;;) {
      const br = String(random.int(10_000_000, 99_999_999));
      if (!usedBr.has(br)) {
        usedBr.add(br);
        return br;
      }
    }
  };
  const addressIn = (district: District, lang: Lang): string => {
    const [streetEn, streetZh] = random.pick(streets[district]);
    const [placeEn, placeZh] = districtNames[district];
    const number = random.int(1, 320);
    const shop = random.int(1, 24);
    if (lang === 'en') return `Shop ${shop}, G/F, ${number} ${streetEn}, ${placeEn}`;
    return `${placeZh}${streetZh}${number}號地下${shop}號舖`;
  };

  const newEnterprise = (owner: PlanUser, overrides: Partial<PlanEnterprise> = {}): PlanEnterprise => {
    const sector =
      overrides.sector ??
      random.weighted<'fnb' | 'retail'>([
        ['fnb', 58],
        ['retail', 42],
      ]);
    const hawker = random.chance(0.06);
    let legalNameEn = '';
    let legalNameZh = '';
    for (;;) {
      const [tradeEn, tradeZh] = random.pick(tradeNames);
      const [kindEn, kindZh] = random.pick(shopKinds[sector]);
      const limited = !hawker && random.chance(0.7);
      legalNameEn = `${tradeEn} ${kindEn}${hawker ? '' : limited ? ' Limited' : ' Company'}`;
      legalNameZh = `${tradeZh}${kindZh}${limited ? '有限公司' : hawker ? '' : '公司'}`;
      if (!usedNames.has(legalNameEn)) break;
    }
    usedNames.add(legalNameEn);
    const district = overrides.district ?? random.weighted(districtWeights);
    const employees = random.weighted([
      [[1, 5], 45],
      [[6, 15], 35],
      [[16, 35], 15],
      [[36, 48], 5],
    ] as const);
    const fullTimeEmployees = random.int(employees[0], employees[1]);
    const group = random.chance(0.05);
    const expiry = new Date(now + random.int(120, 900) * DAY);
    const enterprise: PlanEnterprise = {
      owner,
      legalNameEn,
      legalNameZh,
      registrationType: hawker ? 'hawker' : 'br',
      brNumber: hawker ? null : newBr(),
      brExpiry: hawker ? null : hongKongDay(expiry),
      hawkerLicenceNo: hawker ? `FP/${random.int(10_000, 99_999)}` : null,
      sector,
      fullTimeEmployees,
      isGroupMember: group,
      groupFullTimeEmployees: group ? Math.min(49, fullTimeEmployees + random.int(3, 20)) : null,
      address: addressIn(district, owner.locale),
      district,
      phone: newPhone(),
      hasSubstantiveBusiness: true,
      isListedCompany: false,
      isStatutoryBody: false,
      isSubvented: false,
      createdAt: new Date(now),
      ...overrides,
    };
    if (overrides.legalNameEn) usedNames.add(overrides.legalNameEn);
    enterprises.push(enterprise);
    return enterprise;
  };

  // ——— Choosing packages ———
  // Lion Rock's packages only come from the enterprises below that use the whole cap: its quotations then cluster
  // just under the one-off ceiling, which is what the officers' "quotes near the ceiling" signal is for.
  const clusterVendor = vendorByKey.get('lionrock');
  const categoryWeights: [Category, number][] = [
    ['e_payment_pos', 45],
    ['online_promotion', 30],
    ['customer_management', 25],
  ];
  const pickPackage = (sector: string, category: string): { solution: CatalogueSolution; featureIds: number[] } => {
    const candidates = solutionsFor(sector, category).filter((s) => s.vendorId !== clusterVendor?.id);
    const solution = random.weighted(candidates.map((s) => [s, vendorById.get(s.vendorId)?.userId === ctx.people.vendor ? 3 : 2] as const));
    const featureIds = solution.features.filter(() => random.chance(0.3)).map((f) => f.id);
    return { solution, featureIds };
  };

  const specs: AppSpec[] = [];
  const spec = (enterprise: PlanEnterprise, target: Target, options: Partial<AppSpec> & { category?: string } = {}): AppSpec => {
    const chosen = options.solution
      ? { solution: options.solution, featureIds: options.featureIds ?? [] }
      : pickPackage(enterprise.sector, options.category ?? random.weighted(categoryWeights));
    const officer = options.officer ?? random.pick(officers);
    const made: AppSpec = {
      enterprise,
      target,
      officer,
      preparer: options.preparer ?? random.pick(officers),
      infoCycle: random.chance(0.22),
      returnedClaim: target === 'paid' && random.chance(0.08),
      withdrawFrom: random.weighted([
        ['draft', 2],
        ['submitted', 4],
        ['under_review', 3],
        ['info_requested', 3],
      ] as const),
      ...options,
      ...chosen,
    };
    specs.push(made);
    return made;
  };

  // ——— The demo accounts' own stories ———
  const demoShop = newEnterprise(existing.applicant, {
    legalNameEn: 'Chan Kee Noodle House Limited',
    legalNameZh: '陳記麵家有限公司',
    sector: 'fnb',
    district: 'sham_shui_po',
    address: 'Shop 3, G/F, 45 Fuk Wing Street, Sham Shui Po',
    registrationType: 'br',
    brNumber: newBr(),
    brExpiry: hongKongDay(new Date(now + 400 * DAY)),
    hawkerLicenceNo: null,
    fullTimeEmployees: 8,
    isGroupMember: false,
    groupFullTimeEmployees: null,
  });
  const harbourFnbPos = solutionOf('harbourpos', 'e_payment_pos', 'fnb');
  const qrOrdering = harbourFnbPos.features.find((f) => f.pricingModel === 'monthly');
  spec(demoShop, 'paid', {
    solution: harbourFnbPos,
    featureIds: qrOrdering ? [qrOrdering.id] : [],
    officer: existing.officer,
    preparer: existing.officer,
    infoCycle: false,
    returnedClaim: false,
    dwell: [2, 3],
  });
  spec(demoShop, 'info_requested', {
    solution: solutionOf('dimsumdigital', 'online_promotion', 'fnb'),
    featureIds: [],
    officer: existing.officer,
    dwell: [1, 2],
  });

  // Each officer: reviews under way (one well past the service standard), a question out, an answer back, and a
  // payment prepared that only the other officer may release.
  const officerStories: { target: Target; dwell: readonly [number, number] }[] = [
    { target: 'under_review', dwell: [0, 2] },
    { target: 'under_review', dwell: [2, 6] },
    { target: 'under_review', dwell: [19, 22] },
    { target: 'info_requested', dwell: [1, 5] },
    { target: 'submitted_back', dwell: [0, 2] },
    { target: 'claim_prepared', dwell: [0, 2] },
  ];
  for (const officer of officers) {
    for (const story of officerStories) {
      spec(newEnterprise(newOwner()), story.target, { officer, preparer: officer, dwell: story.dwell, infoCycle: false });
    }
  }

  // The demo vendor: approvals whose deployment it must report, and one reported that waits for the shop.
  for (const [target, dwell] of [
    ['approved', [1, 6]],
    ['approved', [3, 12]],
    ['deployment_reported', [0, 3]],
  ] as const) {
    const enterprise = newEnterprise(newOwner());
    spec(enterprise, target, {
      solution: solutionOf('harbourpos', 'e_payment_pos', enterprise.sector),
      featureIds: [],
      dwell,
      infoCycle: false,
    });
  }

  // ——— Risk signals that fire ———
  // Two shops of different owners give the same phone number; both applied.
  const sharedPhone = newPhone();
  spec(newEnterprise(newOwner(), { phone: sharedPhone }), 'under_review', { officer: existing.officer, dwell: [1, 4] });
  spec(newEnterprise(newOwner(), { phone: sharedPhone.replace(' ', '') }), 'approved', { dwell: [5, 20] });
  // Three enterprises at one address, written three ways.
  const [streetEn] = streets.sham_shui_po[1]!;
  for (const [address, target, officer] of [
    [`Flat B, 2/F, 18 ${streetEn}, Sham Shui Po`, 'under_review', existing.officer2],
    [`FLAT B 2/F 18 ${streetEn.toUpperCase()} SHAM SHUI PO`, 'submitted', existing.officer],
    [`Room B, 2/F., 18 ${streetEn}, Sham Shui Po`, 'deployed', existing.officer2],
  ] as const) {
    spec(newEnterprise(newOwner(), { address, district: 'sham_shui_po', sector: 'retail' }), target, { officer, dwell: [1, 8] });
  }
  // Owners of more than one shop.
  for (let i = 0; i < 6; i++) {
    const owner = newOwner();
    for (const target of [
      random.pick(['approved', 'paid', 'deployed'] as const),
      random.pick(['under_review', 'submitted', 'paid'] as const),
    ]) {
      spec(newEnterprise(owner), target);
    }
  }
  // Enterprises that use the whole HK$50,000: a package near the HK$100,000 ceiling and a second one besides.
  for (const [sector, first, second] of [
    ['fnb', 'paid', 'approved'],
    ['fnb', 'deployed', 'paid'],
    ['fnb', 'under_review', 'paid'],
    ['retail', 'approved', 'submitted'],
    ['retail', 'paid', 'deployed'],
  ] as const) {
    const enterprise = newEnterprise(newOwner(), { sector });
    const big = sector === 'fnb' ? solutionOf('lionrock', 'e_payment_pos', 'fnb') : solutionOf('peakcommerce', 'e_payment_pos', 'retail');
    spec(enterprise, first, {
      solution: big,
      featureIds: [],
      fullInvoice: true,
      officer: first === 'under_review' ? existing.officer2 : random.pick(officers),
    });
    spec(enterprise, second, { category: random.pick(['online_promotion', 'customer_management']), fullInvoice: true });
  }
  // A claim invoiced at exactly twice the cap: its 1:1 share is the whole cap.
  {
    const lionPos = solutionOf('lionrock', 'e_payment_pos', 'fnb');
    const kitchen = lionPos.features.find((f) => f.pricingModel === 'monthly');
    spec(newEnterprise(newOwner(), { sector: 'fnb' }), 'claim_submitted', {
      solution: lionPos,
      featureIds: kitchen ? [kitchen.id] : [],
      invoiceCents: Math.floor((settings.capCents * 10_000) / settings.matchBps),
      returnedClaim: false,
      dwell: [0, 3],
    });
  }

  // ——— Everyone else ———
  const generalTargets: [Target, number][] = [
    ['draft', 13],
    ['submitted', 16],
    ['under_review', 4],
    ['info_requested', 5],
    ['approved', 20],
    ['deployment_reported', 7],
    ['deployed', 9],
    ['deployed_returned', 3],
    ['claim_submitted', 7],
    ['claim_approved', 4],
    ['paid', 52],
    ['rejected', 26],
    ['withdrawn', 16],
    ['lapsed', 6],
  ];
  const targets = random.shuffle(generalTargets.flatMap(([target, count]) => Array.from({ length: count }, () => target)));
  const withFreeCategory = (enterprise: PlanEnterprise) => {
    const taken = new Set(specs.filter((s) => s.enterprise === enterprise).map((s) => s.solution.category));
    return categories.filter((c) => !taken.has(c));
  };
  const generalEnterprises: PlanEnterprise[] = [];
  while (targets.length > 0) {
    const enterprise = newEnterprise(newOwner());
    generalEnterprises.push(enterprise);
    const count = random.weighted([
      [1, 70],
      [2, 24],
      [3, 6],
    ] as const);
    for (let i = 0; i < count && targets.length > 0; i++) {
      const free = withFreeCategory(enterprise);
      if (free.length === 0) break;
      spec(enterprise, targets.pop()!, { category: random.weighted(categoryWeights.filter(([c]) => free.includes(c))) });
    }
  }
  // Some tried again in the same category after a refusal or a withdrawal.
  for (const enterprise of generalEnterprises.slice(0, 40)) {
    const ended = specs.find((s) => s.enterprise === enterprise && (s.target === 'rejected' || s.target === 'withdrawn'));
    if (!ended) continue;
    ended.dwell = [40, 60];
    spec(enterprise, random.pick(['submitted', 'under_review', 'approved'] as const), {
      solution: ended.solution,
      featureIds: [],
      dwell: [0, 6],
      infoCycle: false,
      notBefore: now - 38 * DAY,
    });
  }
  // Registered, but not applied yet (two of them could not: too many staff).
  for (let i = 0; i < 22; i++)
    newEnterprise(newOwner(), i < 2 ? { fullTimeEmployees: 55 + i * 12, isGroupMember: false, groupFullTimeEmployees: null } : {});
  const idle = enterprises.filter((e) => !specs.some((s) => s.enterprise === e));
  spec(idle[0]!, 'draft', { category: 'e_payment_pos' }); // the shop with 55 staff saved a draft it cannot submit

  // ——— The simulation: every step of every application, in time order, judged like the services judge it ———
  const budget = settings.budgetCents;
  type Running = {
    spec: AppSpec;
    steps: Step[];
    times: number[];
    app?: PlanApplication;
    enquiry?: PlanEnquiry;
    quotation?: PlanQuotation;
    halted: boolean;
  };
  const runs: Running[] = specs.map((s) => {
    const steps = stepsFor(s, random);
    const dwellRange = s.dwell ?? dwellDays[s.target];
    const times = schedule(steps, {
      random,
      now,
      windowStart: Math.max(s.notBefore ?? 0, s.target === 'lapsed' ? lapseWindowStart : windowStart),
      dwell: random.between(dwellRange[0], dwellRange[1]) * DAY,
      months: settings.deploymentMonths,
    });
    return { spec: s, steps, times, halted: false };
  });

  const committedOf = (enterprise: PlanEnterprise, except?: PlanApplication) =>
    applications
      .filter((a) => a.enterprise === enterprise && a !== except && committedStatuses.includes(a.status))
      .reduce((sum, a) => sum + a.programmeCents, 0);
  const approvedTotal = () =>
    applications.filter((a) => (budgetStatuses as readonly string[]).includes(a.status)).reduce((sum, a) => sum + a.programmeCents, 0);
  const langOf = (user: PlanUser): Lang => user.locale;
  const say = (said: Said, user: PlanUser) => said[langOf(user)];

  const round = {
    openSectors: settings.openSectors,
    openCategories: settings.openCategories,
    maxEmployees: settings.maxEmployees,
    opensAt: new Date(settings.opensAt),
    closesAt: new Date(settings.closesAt),
  };
  const eligibilityAt = (app: PlanApplication, at: Date) =>
    checkEligibility({
      enterprise: {
        registrationType: app.enterprise.registrationType,
        brNumber: app.enterprise.brNumber,
        brExpiry: app.enterprise.brExpiry,
        hawkerLicenceNo: app.enterprise.hawkerLicenceNo,
        sector: app.enterprise.sector,
        fullTimeEmployees: app.enterprise.fullTimeEmployees,
        isGroupMember: app.enterprise.isGroupMember,
        groupFullTimeEmployees: app.enterprise.groupFullTimeEmployees,
        hasSubstantiveBusinessInHk: app.enterprise.hasSubstantiveBusiness,
        isListedCompany: app.enterprise.isListedCompany,
        isStatutoryBody: app.enterprise.isStatutoryBody,
        isSubventedOrganisation: app.enterprise.isSubvented,
      },
      round,
      today: hongKongDay(at),
      now: at,
      package: { listed: true, category: app.category },
    });

  /** The services' guarded move: the pure transition decides, then the event and the notifications follow. */
  const move = (
    app: PlanApplication,
    {
      action,
      role,
      actor,
      at,
      changes = {},
      reasonCode = null,
      note = null,
    }: {
      action: ApplicationAction;
      role: ActorRole;
      actor: PlanUser | null;
      at: Date;
      changes?: Partial<PlanApplication>;
      reasonCode?: string | null;
      note?: string | null;
    },
  ): boolean => {
    const next = transition({ status: app.status, action, role });
    if (!next.ok) return false;
    const fromStatus = app.status;
    Object.assign(app, changes, { status: next.next, updatedAt: at });
    events.push({ app, actor, actorRole: role, action, fromStatus, toStatus: next.next, reasonCode, note, createdAt: at });
    for (const { to, template } of notificationsFor(action)) {
      const user =
        to === 'applicant' ? app.enterprise.owner : to === 'vendor' ? vendorUsers.get(app.vendorId) : (app.assignedOfficer ?? undefined);
      if (!user) continue;
      // The services write a once-in-a-life notification (e.g. "under review") once per person: so does the demo.
      if (isOncePerApplication(template) && notifications.some((n) => n.app === app && n.user === user && n.template === template))
        continue;
      notifications.push({
        user,
        app,
        template,
        programmeCents: app.programmeCents,
        reasonCode,
        note,
        createdAt: at,
        readAt: null,
        eventIndex: events.length - 1,
      });
    }
    return true;
  };

  let refusal = '';
  const refuse = (code: string) => {
    refusal = code;
    return false;
  };
  let invoiceCounter = 0;
  const openClaim = (app: PlanApplication) => claims.find((c) => c.app === app && c.status === 'submitted');

  const perform = (run: Running, step: Step, at: Date): boolean => {
    const { spec: s } = run;
    const owner = s.enterprise.owner;
    const vendor = vendorOf(s.solution);
    const vendorUser = vendorUsers.get(vendor.id)!;
    const app = run.app;
    switch (step.kind) {
      case 'enquire': {
        const message = random.pick(enquiryMessages);
        run.enquiry = {
          enterprise: s.enterprise,
          solution: s.solution,
          featureIds: [...s.featureIds].sort((a, b) => a - b),
          message: say(message, owner),
          status: 'sent',
          declineReason: null,
          respondedBy: null,
          respondedAt: null,
          createdAt: at,
        };
        enquiries.push(run.enquiry);
        return true;
      }
      case 'quote': {
        const enquiry = run.enquiry!;
        run.quotation = quoteFor(enquiry, vendorUser, at);
        return true;
      }
      case 'create': {
        const quotation = run.quotation!;
        const created: PlanApplication = {
          enterprise: s.enterprise,
          quotation,
          vendorId: quotation.vendorId,
          category: s.solution.category,
          idempotencyKey: uuidFrom(random, applications.length + 1),
          createdBy: owner,
          status: 'draft',
          settingsId: null,
          costCents: quotation.eligibleCostCents,
          programmeCents: 0,
          shopCents: 0,
          assignedOfficer: null,
          assignedAt: null,
          eligibilityAtSubmit: null,
          decisionReason: null,
          infoRound: 0,
          approvedAt: null,
          deployBy: null,
          deploymentReportedAt: null,
          deployedAt: null,
          lapsedAt: null,
          submittedAt: null,
          decidedAt: null,
          createdAt: at,
          updatedAt: at,
        };
        run.app = created;
        applications.push(created);
        events.push({
          app: created,
          actor: owner,
          actorRole: 'applicant',
          action: 'create',
          fromStatus: null,
          toStatus: 'draft',
          reasonCode: null,
          note: null,
          createdAt: at,
        });
        documents.push({
          app: created,
          kind: 'quotation',
          filename: `quotation-${vendor.key}.pdf`,
          lines: [
            'QUOTATION',
            vendor.nameEn,
            `For: ${s.enterprise.legalNameEn}`,
            `${s.solution.nameEn}`,
            `Eligible cost: ${formatCents(quotation.eligibleCostCents)}`,
            `Date: ${hongKongDay(quotation.createdAt)}`,
          ],
          claim: null,
          uploadedBy: owner,
          createdAt: at,
        });
        return true;
      }
      case 'submit': {
        if (!app) return false;
        const results = eligibilityAt(app, at);
        if (failedCodes(results).length > 0) return refuse(failedCodes(results).join(' '));
        const live = applications.filter((a) => a.enterprise === app.enterprise && a !== app && committedStatuses.includes(a.status));
        if (live.some((a) => a.category === app.category)) return refuse('category_taken');
        const split = fundingSplit({ costCents: app.costCents, committedCents: committedOf(app.enterprise, app), rules });
        if (split.programmeCents === 0) return refuse('cap_reached');
        return move(app, {
          action: 'submit',
          role: 'applicant',
          actor: owner,
          at,
          changes: {
            programmeCents: split.programmeCents,
            shopCents: split.shopCents,
            settingsId: settings.id,
            eligibilityAtSubmit: results,
            submittedAt: at,
          },
        });
      }
      case 'start_review': {
        if (!app || (app.assignedOfficer !== null && app.assignedOfficer !== s.officer)) return false;
        return move(app, {
          action: 'start_review',
          role: 'officer',
          actor: s.officer,
          at,
          changes: { assignedOfficer: s.officer, assignedAt: at },
        });
      }
      case 'request_info': {
        if (!app || app.assignedOfficer !== s.officer) return false;
        return move(app, {
          action: 'request_info',
          role: 'officer',
          actor: s.officer,
          at,
          note: say(random.pick(infoRequests), owner),
          changes: { decidedAt: null, infoRound: app.infoRound + 1 },
        });
      }
      case 'resubmit': {
        if (!app) return false;
        const answer = random.int(0, infoAnswers.length - 1);
        const moved = move(app, { action: 'resubmit', role: 'applicant', actor: owner, at, note: say(infoAnswers[answer]!, owner) });
        if (moved && answer !== 2) {
          documents.push({
            app,
            kind: 'other',
            filename: ['shop-front', 'br-certificate', 'mpf-record', 'quotation-stamped'][answer] + '.pdf',
            lines: [infoAnswers[answer]!.en, s.enterprise.legalNameEn],
            claim: null,
            uploadedBy: owner,
            createdAt: at,
          });
        }
        return moved;
      }
      case 'approve': {
        if (!app || app.assignedOfficer !== s.officer) return false;
        const failures = failedCodes(eligibilityAt(app, at)).filter((code) => code !== 'round_closed');
        if (failures.length > 0) return false;
        const split = fundingSplit({ costCents: app.costCents, committedCents: committedOf(app.enterprise, app), rules });
        const programmeCents = Math.min(app.programmeCents, split.programmeCents);
        if (programmeCents === 0 || approvedTotal() + programmeCents > budget) return false;
        return move(app, {
          action: 'approve',
          role: 'officer',
          actor: s.officer,
          at,
          changes: {
            programmeCents,
            shopCents: app.costCents - programmeCents,
            decisionReason: null,
            decidedAt: at,
            approvedAt: at,
            deployBy: addMonths(at, settings.deploymentMonths),
          },
        });
      }
      case 'reject': {
        if (!app || app.assignedOfficer !== s.officer) return false;
        const rejection = random.pick(rejections);
        return move(app, {
          action: 'reject',
          role: 'officer',
          actor: s.officer,
          at,
          reasonCode: rejection.reason,
          note: say(rejection.note, owner),
          changes: { decisionReason: rejection.reason, decidedAt: at },
        });
      }
      case 'withdraw': {
        if (!app) return false;
        const note = random.pick(withdrawNotes);
        return move(app, { action: 'withdraw', role: 'applicant', actor: owner, at, note: note ? say(note, owner) : null });
      }
      case 'report_deployment':
        return (
          !!app &&
          move(app, {
            action: 'report_deployment',
            role: 'vendor',
            actor: vendorUser,
            at,
            note: random.pick(deploymentNotes),
            changes: { deploymentReportedAt: at },
          })
        );
      case 'confirm_deployment':
        return !!app && move(app, { action: 'confirm_deployment', role: 'applicant', actor: owner, at, changes: { deployedAt: at } });
      case 'submit_claim': {
        if (!app || !app.approvedAt) return false;
        const flaw = step.flaw ?? null;
        const approvedOn = hongKongDay(app.approvedAt);
        const quoted = app.quotation.eligibleCostCents;
        const invoiced =
          s.invoiceCents ?? (s.fullInvoice || random.chance(0.85) ? quoted : Math.round((quoted * random.between(0.9, 0.98)) / 100) * 100);
        const invoiceDate =
          flaw === 'date' ? hongKongDay(new Date(app.approvedAt.getTime() - 3 * DAY)) : hongKongDay(app.deploymentReportedAt ?? at);
        const paidCents = flaw === 'amount' ? invoiced - 50_000 : invoiced;
        const payerName =
          flaw === 'payer' ? owner.displayName : owner.locale === 'en' ? s.enterprise.legalNameEn : s.enterprise.legalNameZh;
        const facts = {
          approvedOn,
          approvedProgrammeCents: app.programmeCents,
          quotedCostCents: quoted,
          quotedVendorBr: vendor.brNumber,
          enterpriseNames: [s.enterprise.legalNameEn, s.enterprise.legalNameZh],
          invoice: { date: invoiceDate, amountCents: invoiced, vendorBr: vendor.brNumber },
          payment: { amountCents: paidCents, payerName },
          matchBps: settings.matchBps,
        };
        if (!move(app, { action: 'submit_claim', role: 'applicant', actor: owner, at })) return false;
        invoiceCounter++;
        const claim: PlanClaim = {
          app,
          invoiceNumber: `${vendor.key.slice(0, 3).toUpperCase()}-INV-${String(4000 + invoiceCounter)}`,
          invoiceDate,
          invoicedCents: invoiced,
          paidCents,
          paidOn: hongKongDay(app.deployedAt ?? at),
          payerName,
          payeeVendorBr: vendor.brNumber,
          payee: bankAccountOf(s.enterprise, owner, at),
          payableCents: payableCents(facts),
          status: 'submitted',
          decisionNote: null,
          checks: checkClaim(facts),
          submittedBy: owner,
          decidedBy: null,
          decidedAt: null,
          createdAt: at,
        };
        claims.push(claim);
        documents.push(
          {
            app,
            kind: 'invoice',
            filename: `invoice-${claim.invoiceNumber}.pdf`,
            lines: [
              'INVOICE',
              claim.invoiceNumber,
              vendor.nameEn,
              `BR ${vendor.brNumber}`,
              `To: ${s.enterprise.legalNameEn}`,
              `Amount: ${formatCents(invoiced)}`,
              `Date: ${invoiceDate}`,
            ],
            claim,
            uploadedBy: owner,
            createdAt: at,
          },
          {
            app,
            kind: 'payment_proof',
            filename: 'bank-slip.pdf',
            lines: [
              'PAYMENT RECORD',
              `Paid by: ${payerName}`,
              `To: ${vendor.nameEn}`,
              `Amount: ${formatCents(paidCents)}`,
              `Date: ${claim.paidOn}`,
            ],
            claim,
            uploadedBy: owner,
            createdAt: at,
          },
        );
        return true;
      }
      case 'approve_claim':
      case 'return_claim': {
        if (!app) return false;
        const claim = openClaim(app);
        const approve = step.kind === 'approve_claim';
        if (approve && claim && !allPassed(claim.checks)) return false;
        const failed = claim?.checks.find((c) => !c.passed)?.check;
        const flawNote =
          failed === 'paid_by_enterprise'
            ? claimReturns.payer
            : failed === 'payment_matches_invoice'
              ? claimReturns.amount
              : claimReturns.date;
        const note = approve ? null : say(flawNote, owner);
        const moved = move(app, {
          action: step.kind,
          role: 'officer',
          actor: s.officer,
          at,
          note,
          changes: approve && claim ? { programmeCents: claim.payableCents, shopCents: app.costCents - claim.payableCents } : {},
        });
        if (moved && claim) {
          Object.assign(claim, { status: approve ? 'approved' : 'returned', decidedBy: s.officer, decidedAt: at, decisionNote: note });
        }
        return moved;
      }
      case 'prepare_payment': {
        if (!app || app.status !== 'claim_approved' || payments.some((p) => p.app === app)) return false;
        const claim = [...claims].reverse().find((c) => c.app === app && c.status === 'approved');
        if (!claim) return false;
        payments.push({
          app,
          claim,
          amountCents: claim.payableCents,
          payeeName: s.enterprise.legalNameEn,
          payee: claim.payee,
          preparedBy: s.preparer,
          preparedAt: at,
          releasedBy: null,
          releasedAt: null,
          status: 'prepared',
        });
        return true;
      }
      case 'release_payment': {
        const payment = payments.find((p) => p.app === app);
        const checker = otherOfficer(s.preparer);
        if (!app || !payment || payment.status !== 'prepared' || payment.preparedBy === checker) return false;
        Object.assign(payment, { status: 'released', releasedBy: checker, releasedAt: at });
        return move(app, { action: 'release_payment', role: 'officer', actor: checker, at });
      }
      case 'lapse':
        return (
          !!app &&
          !!app.deployBy &&
          app.deployBy.getTime() < at.getTime() &&
          move(app, { action: 'lapse', role: 'system', actor: null, at, changes: { lapsedAt: at } })
        );
    }
  };

  /** The vendor's quotation at the catalogue price of the version asked about (as confirmEnquiry writes it). */
  const quoteFor = (enquiry: PlanEnquiry, vendorUser: PlanUser, at: Date): PlanQuotation => {
    const solution = enquiry.solution;
    const features = solution.features.filter((f) => enquiry.featureIds.includes(f.id)).sort((a, b) => a.position - b.position);
    const items: QuotationItem[] = [
      {
        kind: 'package',
        featureId: null,
        nameEn: solution.nameEn,
        nameZhHk: solution.nameZhHk,
        nameZhCn: solution.nameZhCn,
        pricingModel: solution.pricingModel,
        priceCents: solution.priceCents,
      },
      ...features.map((f) => ({
        kind: 'feature' as const,
        featureId: f.id,
        nameEn: f.nameEn,
        nameZhHk: f.nameZhHk,
        nameZhCn: f.nameZhCn,
        pricingModel: f.pricingModel,
        priceCents: f.priceCents,
      })),
    ];
    const quotation: PlanQuotation = {
      enquiry,
      vendorId: solution.vendorId,
      versionId: solution.versionId,
      items,
      maxSubscriptionMonths: settings.maxSubscriptionMonths,
      eligibleCostCents: eligibleCostCents(items, settings.maxSubscriptionMonths),
      createdBy: vendorUser,
      createdAt: at,
    };
    Object.assign(enquiry, { status: 'confirmed', respondedBy: vendorUser, respondedAt: at });
    quotations.push(quotation);
    return quotation;
  };

  const queue = runs
    .flatMap((run, runIndex) => run.steps.map((step, stepIndex) => ({ run, runIndex, step, stepIndex, at: run.times[stepIndex]! })))
    .sort((a, b) => a.at - b.at || a.runIndex - b.runIndex || a.stepIndex - b.stepIndex);
  const stalled: DemoPlan['stalled'] = [];
  for (const { run, step, at } of queue) {
    if (run.halted) continue;
    refusal = '';
    if (at > now || !perform(run, step, new Date(at))) {
      run.halted = true;
      stalled.push({
        target: run.spec.target,
        reached: run.app?.status ?? 'no application',
        step: at > now ? `${step.kind} (after now)` : `${step.kind}${refusal ? `: ${refusal}` : ''}`,
      });
    }
  }

  /** An instant in the actor's hours, moved a day back at a time when office hours would put it after now. */
  const past = (time: number, who: Who): number => {
    let at = time;
    let snapped = snap(at, who, random.next());
    while (snapped > now - 5 * 60_000) {
      at -= DAY;
      snapped = snap(at, who, random.next());
    }
    return snapped;
  };

  // ——— Enquiries that did not become applications (yet) ———
  const standaloneEnquiry = (enterprise: PlanEnterprise, solution: CatalogueSolution, status: PlanEnquiry['status'], createdAt: number) => {
    const owner = enterprise.owner;
    const vendorUser = vendorUsers.get(solution.vendorId)!;
    const enquiry: PlanEnquiry = {
      enterprise,
      solution,
      featureIds: solution.features.filter(() => random.chance(0.25)).map((f) => f.id),
      message: say(random.pick(enquiryMessages), owner),
      status: 'sent',
      declineReason: null,
      respondedBy: null,
      respondedAt: null,
      createdAt: new Date(past(createdAt, 'applicant')),
    };
    enquiries.push(enquiry);
    const answeredAt = new Date(snap(enquiry.createdAt.getTime() + random.between(2, 30) * HOUR, 'vendor', random.next()));
    if (status === 'sent' || answeredAt.getTime() > now) return;
    if (status === 'confirmed') quoteFor(enquiry, vendorUser, answeredAt);
    else
      Object.assign(enquiry, {
        status: 'declined',
        declineReason: say(random.pick(declineReasons), vendorUser),
        respondedBy: vendorUser,
        respondedAt: answeredAt,
      });
  };
  const harbour = ctx.vendors.find((v) => v.userId === ctx.people.vendor);
  const freeSolution = (enterprise: PlanEnterprise, vendorId?: number) => {
    const usedCategories = new Set(applications.filter((a) => a.enterprise === enterprise).map((a) => a.category));
    const asked = new Set(enquiries.filter((e) => e.enterprise === enterprise && e.status === 'sent').map((e) => e.solution.id));
    const options = ctx.solutions.filter(
      (s) =>
        s.sector === enterprise.sector &&
        !usedCategories.has(s.category) &&
        !asked.has(s.id) &&
        (vendorId === undefined || s.vendorId === vendorId) &&
        s.vendorId !== clusterVendor?.id,
    );
    return options.length > 0 ? random.pick(options) : undefined;
  };
  // The demo shop owner asked the demo vendor for a loyalty package yesterday.
  standaloneEnquiry(demoShop, solutionOf('harbourpos', 'customer_management', 'fnb'), 'sent', now - 26 * HOUR);
  const eligibleIdle = random.shuffle(enterprises.filter((e) => e.fullTimeEmployees < settings.maxEmployees && e !== demoShop));
  let made = 0;
  for (const enterprise of eligibleIdle) {
    if (made >= 26) break;
    const toHarbour = made < 3 && harbour !== undefined;
    const solution = freeSolution(enterprise, toHarbour ? harbour.id : undefined);
    if (!solution) continue;
    const status = made < 10 ? 'sent' : made < 17 ? 'declined' : 'confirmed';
    const age = status === 'sent' ? random.between(0.2, 5) : random.between(1, 40);
    standaloneEnquiry(enterprise, solution, status, now - age * DAY);
    made++;
  }

  // ——— Who registered when: each account a little before its first enquiry ———
  const firstActivity = new Map<PlanEnterprise, number>();
  for (const enquiry of enquiries) {
    const t = enquiry.createdAt.getTime();
    firstActivity.set(enquiry.enterprise, Math.min(firstActivity.get(enquiry.enterprise) ?? Infinity, t));
  }
  for (const enterprise of enterprises) {
    const first = firstActivity.get(enterprise) ?? now - random.between(1, 80) * DAY;
    enterprise.createdAt = new Date(first - random.between(0.5, 72) * HOUR);
  }
  const ownerFirst = new Map<PlanUser, number>();
  for (const enterprise of enterprises)
    ownerFirst.set(enterprise.owner, Math.min(ownerFirst.get(enterprise.owner) ?? Infinity, enterprise.createdAt.getTime()));
  for (const user of users) user.createdAt = new Date((ownerFirst.get(user) ?? now - DAY) - random.between(0.1, 24) * HOUR);

  const earliest = Math.min(...users.map((u) => u.createdAt.getTime()), windowStart);
  const programmeStartedAt = new Date(Math.max(opensAt - 30 * DAY, earliest - 21 * DAY));
  for (const person of [...Object.values(existing), ...vendorAccounts.map((a) => a.user)])
    person.createdAt = new Date(programmeStartedAt.getTime() + random.between(1, 48) * HOUR);

  // ——— Notifications read long ago; the last week's are partly unread (the demo accounts' all unread) ———
  for (const notification of notifications) {
    const age = now - notification.createdAt.getTime();
    const demoAccount = notification.user.id !== undefined;
    if (age > 7 * DAY || (!demoAccount && random.chance(0.45))) {
      notification.readAt = new Date(Math.min(now - 60_000, notification.createdAt.getTime() + random.between(0.2, 48) * HOUR));
    }
  }

  // ——— Vendors waiting on officers: an enrolment and two package versions to vet ———
  const enrolmentPlan: PlanVendorEnrolment[] = [];
  {
    const pendingUser: PlanUser = { ...enrolments.pending.user, role: 'vendor', createdAt: new Date(past(now - 3.5 * DAY, 'vendor')) };
    const rejectedUser: PlanUser = { ...enrolments.rejected.user, role: 'vendor', createdAt: new Date(past(now - 41 * DAY, 'vendor')) };
    users.push(pendingUser, rejectedUser);
    enrolmentPlan.push(
      {
        user: pendingUser,
        vendor: enrolments.pending.vendor,
        status: 'pending',
        submittedAt: new Date(Math.min(now - 60_000, pendingUser.createdAt.getTime() + 40 * 60_000)),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      },
      {
        user: rejectedUser,
        vendor: enrolments.rejected.vendor,
        status: 'rejected',
        submittedAt: new Date(rejectedUser.createdAt.getTime() + 25 * 60_000),
        decidedBy: existing.officer2,
        decidedAt: new Date(snap(rejectedUser.createdAt.getTime() + 3 * DAY, 'officer', random.next())),
        decisionReason: enrolments.rejected.reason,
      },
    );
  }
  const listings: PlanListing[] = [];
  {
    const { newPackage, newVersion } = pendingListings;
    const pier = vendorByKey.get(newPackage.vendorKey);
    const ding = vendorByKey.get(newVersion.vendorKey);
    if (pier) {
      const others = ctx.solutions
        .filter((s) => s.vendorId === pier.id)
        .map((s) => ({ solutionId: s.id, category: s.category, sector: s.sector }));
      const problems = checkListing({
        draft: newPackage,
        rules: settings,
        otherListings: others,
        openCategories: settings.openCategories,
        openSectors: settings.openSectors,
      });
      if (problems.length > 0)
        throw new Error(`The demo's new package breaks the listing rules: ${problems.map((p) => p.code).join(', ')}`);
      const createdAt = new Date(past(now - 2.2 * DAY, 'vendor'));
      listings.push({
        kind: 'new_package',
        solution: null,
        vendorId: pier.id,
        vendorUser: vendorUsers.get(pier.id)!,
        createdAt,
        submittedAt: new Date(Math.min(now - 60_000, createdAt.getTime() + 50 * 60_000)),
        input: newPackage,
      });
    }
    const listed =
      ding && ctx.solutions.find((s) => s.vendorId === ding.id && s.category === newVersion.category && s.sector === newVersion.sector);
    if (ding && listed) {
      const problems = checkListing({
        draft: { ...listed, solutionId: listed.id, priceCents: newVersion.priceCents },
        rules: settings,
        otherListings: [],
        openCategories: settings.openCategories,
        openSectors: settings.openSectors,
      });
      if (problems.length > 0)
        throw new Error(`The demo's new version breaks the listing rules: ${problems.map((p) => p.code).join(', ')}`);
      const createdAt = new Date(past(now - 4.6 * DAY, 'vendor'));
      listings.push({
        kind: 'new_version',
        solution: listed,
        vendorId: ding.id,
        vendorUser: vendorUsers.get(ding.id)!,
        createdAt,
        submittedAt: new Date(Math.min(now - 60_000, createdAt.getTime() + 3 * HOUR)),
        priceCents: newVersion.priceCents,
      });
    }
  }

  return {
    now: ctx.now,
    programmeStartedAt,
    users,
    vendorAccounts,
    enterprises,
    enquiries,
    quotations,
    applications,
    documents,
    claims,
    payments,
    bankAccounts,
    events,
    notifications,
    enrolments: enrolmentPlan,
    listings,
    existing,
    stalled,
  };
}

/** Declarations as the application form sends them: every one ticked. */
export const allDeclarations = Object.fromEntries(applicantDeclarations.map((d) => [d, true])) as Record<
  (typeof applicantDeclarations)[number],
  true
>;
