// The business's bank account for payment: Hong Kong bank codes (3-digit codes of licensed banks, names in the
// locales under claims:banks.<code>), the format each bank's account numbers take, and how an account is shown masked.

/** How a bank's account numbers look after the 3-digit bank code: with or without a 3-digit branch code, and how many digits follow. */
export type BankFormat = { branch: 'required' | 'none'; digits: readonly [min: number, max: number] };

const branchBank = (min: number, max = min): BankFormat => ({ branch: 'required', digits: [min, max] });
// Virtual banks keep no branches: the account number follows the bank code directly.
const virtualBank: BankFormat = { branch: 'none', digits: [8, 12] };

/** Licensed banks that hold business accounts, by Hong Kong clearing code (HKICL member codes). */
export const hongKongBanks = {
  '003': branchBank(8, 9), // Standard Chartered Bank (Hong Kong)
  '004': branchBank(9), // The Hongkong and Shanghai Banking Corporation: branch 3 + account 9
  '009': branchBank(6, 12), // China Construction Bank (Asia)
  '012': branchBank(6, 12), // Bank of China (Hong Kong)
  '015': branchBank(6, 12), // The Bank of East Asia
  '016': branchBank(6, 12), // DBS Bank (Hong Kong)
  '018': branchBank(6, 12), // China CITIC Bank International
  '020': branchBank(6, 12), // CMB Wing Lung Bank
  '024': branchBank(9), // Hang Seng Bank: branch 3 + account 9
  '025': branchBank(6, 12), // Shanghai Commercial Bank
  '028': branchBank(6, 12), // Public Bank (Hong Kong)
  '035': branchBank(6, 12), // OCBC Bank (Hong Kong)
  '038': branchBank(6, 12), // Tai Yau Bank
  '039': branchBank(6, 12), // Chiyu Banking Corporation
  '040': branchBank(6, 12), // Dah Sing Bank
  '041': branchBank(6, 12), // Chong Hing Bank
  '043': branchBank(6, 12), // Nanyang Commercial Bank
  '061': branchBank(6, 12), // Tai Sang Bank
  '072': branchBank(6, 12), // Industrial and Commercial Bank of China (Asia)
  '128': branchBank(6, 12), // Fubon Bank (Hong Kong)
  '250': branchBank(6, 12), // Citibank (Hong Kong)
  '382': branchBank(6, 12), // Bank of Communications (Hong Kong)
  '387': virtualBank, // ZA Bank
  '388': virtualBank, // livi bank
  '389': virtualBank, // Mox Bank
  '390': virtualBank, // WeLab Bank
  '391': virtualBank, // Fusion Bank
  '392': virtualBank, // PAObank
  '393': virtualBank, // Ant Bank (Hong Kong)
  '395': virtualBank, // Airstar Bank
} as const satisfies Record<string, BankFormat>;

export type BankCode = keyof typeof hongKongBanks;
export const bankCodes = Object.keys(hongKongBanks) as BankCode[];

export function isBankCode(code: string): code is BankCode {
  return Object.prototype.hasOwnProperty.call(hongKongBanks, code);
}

export type BankAccount = { bankCode: string; branchCode: string | null; accountNumber: string; accountName: string };

export type BankAccountError =
  'bank_unknown' | 'branch_required' | 'branch_invalid' | 'branch_not_used' | 'account_number_invalid' | 'account_name_required';

/** Digits only: people type "123-456789-001" or "123 456 789" as printed on their cheque book. */
export const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

/** Checks one account against its bank's format; returns the field errors keyed by field name (empty when valid). */
export function checkBankAccount(account: BankAccount): Partial<Record<keyof BankAccount, BankAccountError>> {
  const errors: Partial<Record<keyof BankAccount, BankAccountError>> = {};
  if (account.accountName.trim() === '') errors.accountName = 'account_name_required';
  if (!isBankCode(account.bankCode)) {
    errors.bankCode = 'bank_unknown';
    return errors;
  }
  const format: BankFormat = hongKongBanks[account.bankCode];
  if (format.branch === 'required') {
    if (!account.branchCode) errors.branchCode = 'branch_required';
    else if (!/^\d{3}$/.test(account.branchCode)) errors.branchCode = 'branch_invalid';
  } else if (account.branchCode) {
    errors.branchCode = 'branch_not_used';
  }
  const [min, max] = format.digits;
  if (!/^\d+$/.test(account.accountNumber) || account.accountNumber.length < min || account.accountNumber.length > max) {
    errors.accountNumber = 'account_number_invalid';
  }
  return errors;
}

/** What an officer or the shop sees: the bank code and the last three digits only, e.g. "024-***-***789". */
export function maskAccount({ bankCode, accountNumber }: Pick<BankAccount, 'bankCode' | 'accountNumber'>): string {
  return `${bankCode}-***-***${accountNumber.slice(-3)}`;
}
