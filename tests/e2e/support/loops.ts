// The hand-off loops' set-up, for handoffs-loops.spec.ts: a submitted application from a shop owner on a phone, and
// the claim form filled without the bank account.
import { type Page } from '@playwright/test';
import { PHONE } from './constants';
import { hongKongToday, randomBrNumber, uniqueStamp } from './values';
import { submitNewApplication, type Submitted } from './steps';
import { type People } from './fixtures';

export const PDF = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n`);

/** A new shop owner on a phone, with a noodle bar, applies for the demo package and submits. */
export function submitted(people: People): Promise<Submitted> {
  const stamp = uniqueStamp();
  const business = {
    nameEn: `E2E Loops Noodle Bar ${stamp}`,
    nameZh: `測試循環麵家 ${stamp}`,
    brNumber: randomBrNumber(),
    employees: '4',
    address: 'G/F, 12 Nathan Road, Jordan',
    district: 'Yau Tsim Mong',
    phone: '2388 5678',
  };
  return submitNewApplication(people, {
    label: 'Loops',
    emailPrefix: 'e2e-loops',
    business,
    message: 'One counter, please.',
    options: PHONE,
  });
}

export async function fillLoopClaim(page: Page, claim: { invoiceNumber: string; payer: string; amount: string }) {
  const main = page.getByRole('main');
  const today = hongKongToday();
  await main.getByLabel('Invoice number').fill(claim.invoiceNumber);
  await main.getByLabel('Invoice date').fill(today);
  await main.getByLabel('Invoiced amount (HK$)').fill(claim.amount);
  await main.getByLabel('Amount paid (HK$)').fill(claim.amount);
  await main.getByLabel('Date paid').fill(today);
  await main.getByLabel('Paid by', { exact: true }).fill(claim.payer);
  await main
    .getByLabel('Invoice', { exact: true })
    .setInputFiles({ name: `${claim.invoiceNumber}.pdf`, mimeType: 'application/pdf', buffer: PDF(claim.invoiceNumber) });
  await main
    .getByLabel('Proof of payment')
    .setInputFiles({ name: `slip-${claim.invoiceNumber}.pdf`, mimeType: 'application/pdf', buffer: PDF('slip') });
}
