// The counted walk of handoffs-vendor-login.spec.ts: the Traditional Chinese texts as the app serves them, the walk
// that counts pages, clicks and inputs, and logging in having chosen 繁體中文 first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { PHONE } from './constants';
import type ApplicationsTexts from '../../../locales/zh-HK/applications.json';
import type AuthTexts from '../../../locales/zh-HK/auth.json';
import type BusinessTexts from '../../../locales/zh-HK/business.json';
import type CatalogueTexts from '../../../locales/zh-HK/catalogue.json';
import type CommonTexts from '../../../locales/zh-HK/common.json';
import type EligibilityTexts from '../../../locales/zh-HK/eligibility.json';
import type EnquiriesTexts from '../../../locales/zh-HK/enquiries.json';
import type VendorTexts from '../../../locales/zh-HK/vendor.json';

/** A namespace of the Traditional Chinese texts, read from the locale file the app serves. */
export function traditional<T>(namespace: string): T {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'locales', 'zh-HK', `${namespace}.json`), 'utf8')) as T;
}
export const hkApplications = traditional<typeof ApplicationsTexts>('applications');
export const hkAuth = traditional<typeof AuthTexts>('auth');
export const hkBusiness = traditional<typeof BusinessTexts>('business');
export const hkCatalogue = traditional<typeof CatalogueTexts>('catalogue');
export const hkCommon = traditional<typeof CommonTexts>('common');
export const hkEligibility = traditional<typeof EligibilityTexts>('eligibility');
export const hkEnquiries = traditional<typeof EnquiriesTexts>('enquiries');
export const hkVendor = traditional<typeof VendorTexts>('vendor');

/** A phone whose browser asks for Traditional Chinese. */
export const CHINESE_PHONE = { ...PHONE, locale: 'zh-HK', extraHTTPHeaders: { 'Accept-Language': 'zh-HK,zh;q=0.9' } };
export const PACKAGE_ZH = '餐廳收銀系統入門套裝'; // DEMO_PACKAGE in Traditional Chinese (db/seed-data.ts)

/**
 * What the shop owner does, counted: a page is every document or route the browser shows (a new URL), a click every
 * button or link pressed, an input every field typed in, option chosen, box ticked or file attached.
 */
export class Walk {
  pages = 0;
  clicks = 0;
  inputs = 0;
  readonly visited: string[] = [];
  constructor(private readonly page: Page) {}

  private seen() {
    const url = new URL(this.page.url());
    const here = url.pathname + url.search;
    if (this.visited.at(-1) !== here) {
      this.visited.push(here);
      this.pages += 1;
    }
  }
  async goto(path: string) {
    await this.page.goto(path);
    this.seen();
  }
  /** Presses a button or link and waits for the page it leads to. */
  async click(target: Locator, leadsTo: RegExp) {
    this.clicks += 1;
    await target.click();
    await expect(this.page).toHaveURL(leadsTo);
    this.seen();
  }
  async fill(target: Locator, value: string) {
    this.inputs += 1;
    await target.fill(value);
  }
  async check(target: Locator) {
    this.inputs += 1;
    await target.check();
  }
  async select(target: Locator, value: string) {
    this.inputs += 1;
    await target.selectOption(value);
  }
  async attach(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
    this.inputs += 1;
    await target.setInputFiles(file);
  }
}

export function quotationPdf(): { name: string; mimeType: string; buffer: Buffer } {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/**
 * Logs in having chosen 繁體中文 on the login page first. The demo accounts are stored in English: the visitor's choice
 * in this visit wins, and is saved to the account (see restoreEnglish).
 */
export async function logInInChinese(page: Page, email: string, password: string, home: RegExp) {
  await page.goto('/login');
  await page.getByRole('button', { name: '繁體中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: hkAuth.loginTitle })).toBeVisible();
  await page.getByLabel(hkAuth.email).fill(email);
  await page.getByLabel(hkAuth.password, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: hkAuth.loginButton }).click();
  await expect(page).toHaveURL(home);
}
