// A business profile as the owner enters it (the enterprise form and the enterprise service share it).

/** The profile fields, already parsed and bounded; the service keeps only the chosen registration type's number. */
export type EnterpriseInput = {
  legalNameEn: string;
  legalNameZh: string;
  registrationType: 'br' | 'hawker';
  brNumber: string | null;
  brExpiry: string | null;
  hawkerLicenceNo: string | null;
  sector: string;
  fullTimeEmployees: number;
  isGroupMember: boolean;
  groupFullTimeEmployees: number | null;
  address: string;
  district: string;
  phone: string;
  hasSubstantiveBusiness: boolean;
  isListedCompany: boolean;
  isStatutoryBody: boolean;
  isSubvented: boolean;
};
