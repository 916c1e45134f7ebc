// The fixed lists people choose from: the applicant's declarations and the officers' reason codes.
export const applicantDeclarations = [
  'information_true',
  'no_other_public_funding',
  'not_related_to_vendor',
  'deploy_within_six_months',
  'consent_to_checks',
] as const;
export type ApplicantDeclaration = (typeof applicantDeclarations)[number];

export const rejectionReasons = [
  'not_eligible_enterprise',
  'sector_not_covered',
  'documents_incomplete',
  'quotation_not_acceptable',
  'duplicate_funding',
  'related_to_vendor',
  'no_response',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
