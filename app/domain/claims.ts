// The three-way match of a claim: the quotation, the invoice and the payment must agree, and the payable share is
// recomputed from what was really invoiced and paid — never more than was approved.
export const claimChecks = [
  'invoice_within_quotation',
  'payment_matches_invoice',
  'invoice_after_approval',
  'paid_by_enterprise',
  'vendor_is_quoted',
] as const;
export type ClaimCheckCode = (typeof claimChecks)[number];
export type ClaimCheckResult = { check: ClaimCheckCode; passed: boolean };

export type ClaimFacts = {
  /** The Hong Kong calendar day of approval, 'YYYY-MM-DD'. */
  approvedOn: string;
  approvedProgrammeCents: number;
  quotedCostCents: number;
  quotedVendorBr: string;
  enterpriseNames: readonly string[];
  invoice: { date: string; amountCents: number; vendorBr: string };
  payment: { amountCents: number; payerName: string };
  matchBps: number;
};

/** Names compared without case, spaces or punctuation ("Lucky Noodle House Ltd." = "LUCKY NOODLE HOUSE LTD"). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s.,'’()（）-]/g, '')
      .replace(/limited$/, 'ltd');
  return norm(a) !== '' && norm(a) === norm(b);
}

export function checkClaim(facts: ClaimFacts): ClaimCheckResult[] {
  return [
    { check: 'invoice_within_quotation', passed: facts.invoice.amountCents > 0 && facts.invoice.amountCents <= facts.quotedCostCents },
    { check: 'payment_matches_invoice', passed: facts.payment.amountCents === facts.invoice.amountCents },
    { check: 'invoice_after_approval', passed: facts.invoice.date >= facts.approvedOn },
    { check: 'paid_by_enterprise', passed: facts.enterpriseNames.some((name) => sameName(name, facts.payment.payerName)) },
    { check: 'vendor_is_quoted', passed: facts.invoice.vendorBr === facts.quotedVendorBr },
  ];
}

export function allPassed(results: readonly Pick<ClaimCheckResult, 'passed'>[]): boolean {
  return results.every((r) => r.passed);
}

/** An officer may approve a claim when it waits for a decision, every check is green and they have no link to the shop. */
export function claimReadyToApprove(review: {
  applicationStatus: string;
  claim: { status: string; checks: readonly Pick<ClaimCheckResult, 'passed'>[] } | null;
  conflicted: boolean;
}): boolean {
  const { applicationStatus, claim, conflicted } = review;
  return applicationStatus === 'claim_submitted' && !conflicted && claim?.status === 'submitted' && allPassed(claim.checks);
}

/** Maker-checker (ADR 006): a prepared payment is released by another officer with no link to the shop. */
export function mayReleasePayment(review: {
  payment: { status: string; preparedBy: number } | null;
  officerId: number;
  conflicted: boolean;
}): boolean {
  const { payment, officerId, conflicted } = review;
  return payment !== null && payment.status === 'prepared' && payment.preparedBy !== officerId && !conflicted;
}

/** What the programme pays on this claim: its share of what was both invoiced and paid, capped at the approved amount. */
export function payableCents(facts: Pick<ClaimFacts, 'approvedProgrammeCents' | 'invoice' | 'payment' | 'matchBps'>): number {
  const base = Math.max(0, Math.min(facts.invoice.amountCents, facts.payment.amountCents));
  const share = Number((BigInt(base) * BigInt(facts.matchBps)) / 10_000n);
  return Math.min(share, facts.approvedProgrammeCents);
}
