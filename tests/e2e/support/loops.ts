// The hand-off loops' set-up, for handoffs-loops.spec.ts: a submitted application from a shop owner on a phone, and
// the claim form filled without the bank account.
import { type Page } from '@playwright/test';
import { DEMO_PACKAGE, PHONE } from './constants';
import { hongKongToday, randomBrNumber, splitForNewShop, uniqueStamp } from './values';
import { registerApplicant } from './people';
import {
  addEligibleBusiness,
  confirmEnquiryAtListedPrice,
  followApplyForFunding,
  openDemoPackage,
  saveApplicationDraft,
  submitDraft,
  submitEnquiryForm,
} from './steps';
import { type People } from './fixtures';

export const PDF = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n`);

/** A new shop owner (on a phone) with a noodle bar applies for the demo package and submits. */
export async function submitted(people: People) {
  const applicant = await people.visitor(PHONE);
  const { page } = applicant;
  await registerApplicant(page, 'Loops', 'e2e-loops');
  const stamp = uniqueStamp();
  const business = { nameEn: `E2E Loops Noodle Bar ${stamp}`, nameZh: `測試循環麵家 ${stamp}`, brNumber: randomBrNumber() };
  await addEligibleBusiness(page, {
    ...business,
    employees: '4',
    address: 'G/F, 12 Nathan Road, Jordan',
    district: 'Yau Tsim Mong',
    phone: '2388 5678',
  });
  const cost = await openDemoPackage(page);
  await submitEnquiryForm(page, business, 'One counter, please.');
  const vendor = await people.vendor();
  await confirmEnquiryAtListedPrice(vendor.page, DEMO_PACKAGE, business.nameEn);
  await vendor.context.close();
  await followApplyForFunding(page, DEMO_PACKAGE);
  const ref = await saveApplicationDraft(page, { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: PDF('quotation') });
  await submitDraft(page, ref);
  return { applicant, business, ref, split: splitForNewShop(cost) };
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
