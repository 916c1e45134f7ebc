// Whether an enterprise may apply in a round: each programme rule checked on its own, with a reason code per rule.
import { isCalendarDay } from './dates';
export type EligibilityCode =
  | 'br_valid'
  | 'br_expired'
  | 'br_missing'
  | 'hawker_licence_to_verify'
  | 'hawker_licence_missing'
  | 'sector_open'
  | 'sector_not_open'
  | 'substantive_business'
  | 'no_substantive_business'
  | 'employees_ok'
  | 'too_many_employees'
  | 'not_listed'
  | 'listed_company'
  | 'not_statutory'
  | 'statutory_body'
  | 'not_subvented'
  | 'subvented_organisation'
  | 'round_open'
  | 'round_not_open'
  | 'round_closed'
  | 'package_listed'
  | 'package_not_listed'
  | 'category_open'
  | 'category_not_open';

export type EligibilityRule =
  | 'registration'
  | 'sector'
  | 'substantive_business'
  | 'employees'
  | 'listed_company'
  | 'statutory_body'
  | 'subvented'
  | 'round'
  | 'package'
  | 'category';

export type RuleOutcome = 'passed' | 'failed' | 'needs_evidence';

export type RuleResult = { rule: EligibilityRule; outcome: RuleOutcome; code: EligibilityCode };

export type EnterpriseFacts = {
  registrationType: 'br' | 'hawker';
  /** 8 digits when registrationType is 'br'. */
  brNumber: string | null;
  /** 'YYYY-MM-DD', a calendar day in Hong Kong. */
  brExpiry: string | null;
  hawkerLicenceNo: string | null;
  sector: string;
  fullTimeEmployees: number;
  isGroupMember: boolean;
  /** Counted across the group when isGroupMember. */
  groupFullTimeEmployees: number | null;
  hasSubstantiveBusinessInHk: boolean;
  isListedCompany: boolean;
  isStatutoryBody: boolean;
  isSubventedOrganisation: boolean;
};

export type RoundFacts = {
  openSectors: readonly string[];
  openCategories: readonly string[];
  /** Enterprises must have strictly fewer full-time employees than this. */
  maxEmployees: number;
  opensAt: Date;
  closesAt: Date;
};

export type PackageFacts = { listed: boolean; category: string };

const BR_NUMBER = /^\d{8}$/;

function result(rule: EligibilityRule, outcome: RuleOutcome, code: EligibilityCode): RuleResult {
  return { rule, outcome, code };
}

function declaration(rule: EligibilityRule, ok: boolean, passCode: EligibilityCode, failCode: EligibilityCode): RuleResult {
  return ok ? result(rule, 'passed', passCode) : result(rule, 'failed', failCode);
}

function registration(enterprise: EnterpriseFacts, today: string): RuleResult {
  if (enterprise.registrationType === 'hawker') {
    // A licence number can only be checked against the licence itself, so an officer verifies it.
    return enterprise.hawkerLicenceNo?.trim()
      ? result('registration', 'needs_evidence', 'hawker_licence_to_verify')
      : result('registration', 'failed', 'hawker_licence_missing');
  }
  const { brNumber, brExpiry } = enterprise;
  if (brNumber === null || !BR_NUMBER.test(brNumber) || brExpiry === null || !isCalendarDay(brExpiry)) {
    return result('registration', 'failed', 'br_missing');
  }
  // A certificate expiring today is still valid today.
  return brExpiry >= today ? result('registration', 'passed', 'br_valid') : result('registration', 'failed', 'br_expired');
}

function employeeCount(enterprise: EnterpriseFacts): number {
  return enterprise.isGroupMember ? (enterprise.groupFullTimeEmployees ?? enterprise.fullTimeEmployees) : enterprise.fullTimeEmployees;
}

function roundWindow(round: RoundFacts, now: Date): RuleResult {
  const time = now.getTime();
  if (time < round.opensAt.getTime()) return result('round', 'failed', 'round_not_open');
  if (time > round.closesAt.getTime()) return result('round', 'failed', 'round_closed');
  return result('round', 'passed', 'round_open');
}

/**
 * Checks every rule and returns one result per rule, in a fixed order, so the applicant and the officer see each
 * reason on its own. 'package' and 'category' are checked only when a package is given.
 */
export function checkEligibility({
  enterprise,
  round,
  today,
  now,
  package: chosenPackage,
}: {
  enterprise: EnterpriseFacts;
  round: RoundFacts;
  /** 'YYYY-MM-DD' in Hong Kong; see hongKongDay. */
  today: string;
  now: Date;
  package?: PackageFacts;
}): RuleResult[] {
  if (!isCalendarDay(today)) throw new RangeError(`today must be a calendar day written YYYY-MM-DD, got ${today}`);

  const results: RuleResult[] = [
    registration(enterprise, today),
    declaration('sector', round.openSectors.includes(enterprise.sector), 'sector_open', 'sector_not_open'),
    declaration('substantive_business', enterprise.hasSubstantiveBusinessInHk, 'substantive_business', 'no_substantive_business'),
    declaration('employees', employeeCount(enterprise) < round.maxEmployees, 'employees_ok', 'too_many_employees'),
    declaration('listed_company', !enterprise.isListedCompany, 'not_listed', 'listed_company'),
    declaration('statutory_body', !enterprise.isStatutoryBody, 'not_statutory', 'statutory_body'),
    declaration('subvented', !enterprise.isSubventedOrganisation, 'not_subvented', 'subvented_organisation'),
    roundWindow(round, now),
  ];
  if (chosenPackage) {
    results.push(
      declaration('package', chosenPackage.listed, 'package_listed', 'package_not_listed'),
      declaration('category', round.openCategories.includes(chosenPackage.category), 'category_open', 'category_not_open'),
    );
  }
  return results;
}

/** True when no rule failed; a rule that needs evidence does not block, an officer settles it. */
export function isEligible(results: readonly RuleResult[]): boolean {
  return results.every((r) => r.outcome !== 'failed');
}

/** The reason codes of the failed rules, in rule order. */
export function failedCodes(results: readonly RuleResult[]): EligibilityCode[] {
  return results.filter((r) => r.outcome === 'failed').map((r) => r.code);
}
