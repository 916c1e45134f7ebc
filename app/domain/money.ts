// Reading money typed by people ("12,000", "12000.5", "HK$12,000.50") into integer cents, exactly.
export type ParsedMoney =
  { ok: true; cents: number } | { ok: false; code: 'money_invalid' | 'money_too_many_decimals' | 'money_negative' | 'money_too_large' };

const MAX_CENTS = 10_000_000_000_00; // HK$10 billion: far above any programme figure

export function parseMoneyToCents(input: string): ParsedMoney {
  const cleaned = input
    .trim()
    .replace(/^HK\$\s*/i, '')
    .replace(/,/g, '');
  if (cleaned.startsWith('-')) return { ok: false, code: 'money_negative' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, code: 'money_invalid' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2) return { ok: false, code: 'money_too_many_decimals' };
  if (whole!.length > 13) return { ok: false, code: 'money_too_large' };
  // String arithmetic: no binary floating point anywhere near the amount.
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, code: 'money_too_large' };
  return { ok: true, cents };
}

/** Cents as a plain decimal for a form field: 1234567 → "12345.67", 500 → "5.00". */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
