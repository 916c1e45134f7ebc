// People, each with a browser context of their own so that cookies (session, language) never mix; logging in and
// out; registering accounts. The signed-in demo people are fixtures (support/fixtures.ts).
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { PASSWORD } from './constants';
import { mainNav, watchForPageErrors } from './page';
import { uniqueStamp } from './values';

/** One person: their own browser context, a page in it, and the page errors collected there. */
export type Actor = { context: BrowserContext; page: Page; problems: string[] };

/**
 * A new person with a fresh browser context, its page watched for errors. Tests get their people from the fixtures
 * (support/fixtures.ts), which close every context at the end of the test; a caller outside a test closes it.
 */
export async function newActor(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<Actor> {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  watchForPageErrors(page, problems);
  return { context, page, problems };
}

/** Logs in through the login page and waits for the account's home; `expectSignedIn` also checks the header. */
export async function logIn(page: Page, email: string, password: string, home: RegExp, { expectSignedIn = false } = {}) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(home);
  if (expectSignedIn) await expect(mainNav(page).getByText(/^Signed in as /)).toBeVisible();
}

/** Logs out from the header and checks it offers "Log in" again. */
export async function logOut(page: Page) {
  await mainNav(page).getByRole('button', { name: 'Log out' }).click();
  await expect(mainNav(page).getByRole('link', { name: 'Log in' })).toBeVisible();
}

// ── Registering ──────────────────────────────────────────────────────────────────────────────────────────────

/** A registered account: its display name and email address (the password is PASSWORD). */
export type Account = { name: string; email: string };

/**
 * Registers the account through /register (with PASSWORD), then logs in from the page it lands on (registering never
 * signs anyone in, so that it cannot tell who already has an account) and checks it reaches `home`, signed in: a new
 * shop owner lands on their next step, adding the business.
 */
export async function registerAccount(
  page: Page,
  account: Account,
  { type = 'Shop owner', home = /\/businesses\/new\?welcome=1$/ }: { type?: 'Shop owner' | 'Solution provider'; home?: RegExp } = {},
) {
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByRole('group', { name: 'Account type' }).getByRole('radio', { name: type }).check();
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/login\?registered=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(home);
  await expect(mainNav(page).getByRole('link', { name: `Signed in as ${account.name}` })).toBeVisible();
}

/** Registers a new shop owner named after `label`, with an email `<emailPrefix>-<label>-<stamp>@example.com`. */
export async function registerApplicant(page: Page, label: string, emailPrefix = 'e2e'): Promise<Account> {
  const stamp = uniqueStamp();
  const account = {
    name: `E2E ${label} ${stamp}`,
    email: `${emailPrefix}-${label.toLowerCase().replace(/\W+/g, '-')}-${stamp}@example.com`,
  };
  await registerAccount(page, account);
  return account;
}
