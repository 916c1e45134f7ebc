// The seeded demo accounts and data the specs rely on, and the programme's rules as the specs state them.
// Shared by the e2e specs (support/*.ts is not a spec: Playwright runs only *.spec.ts).

/** The password of every account the specs register. */
export const PASSWORD = 'Kowloon-tea-2026';
/** The password of every seeded demo account. */
export const DEMO_PASSWORD = 'Matchfund-demo-2026';
/** The seeded demo accounts' email addresses. */
export const DEMO = {
  applicant: 'applicant@demo.matchfund.hk',
  vendor: 'vendor@demo.matchfund.hk', // linked to the first seeded vendor, Harbour POS Ltd
  officer: 'officer@demo.matchfund.hk',
  officer2: 'officer2@demo.matchfund.hk',
  admin: 'admin@demo.matchfund.hk',
} as const;
/** officer@'s display name. */
export const OFFICER_NAME = 'Officer Wong';
/** officer2@'s display name. */
export const OFFICER2_NAME = 'Officer Lee';
/** A one-off Food and Beverage package of the demo vendor: one price, no monthly fees to count. */
export const DEMO_PACKAGE = 'Restaurant POS Starter Kit';
/** The demo vendor's company. */
export const DEMO_VENDOR_COMPANY = 'Harbour POS Ltd';

/** Subscriptions count at most 24 months of fees. */
export const MONTHS = 24;
/** The most the programme pays one enterprise across its live applications. */
export const CAP_CENTS = 50_000_00;

/** The declarations the application form asks the shop owner to tick, in the form's order. */
export const DECLARATIONS = [
  'The information I give is true and complete.',
  'The project has not received, and will not receive, other public funding.',
  'The business is not related to the solution provider.',
  'The solution will be in use within 6 months of approval.',
  "The programme may check the information and the business's records.",
] as const;

/** Browser options for a 390 × 844 phone screen. */
export const PHONE = { viewport: { width: 390, height: 844 } } as const;
