// Notifications' parts, for handoffs-notifications.spec.ts: the language switch, the header's unread count and the
// notifications list.
import { expect, type Locator, type Page } from '@playwright/test';
import { mainNav } from './page';

/** Switches the page (and the signed-in account) to a language with the header's switch. */
export async function switchTo(page: Page, button: '繁體中文' | 'English', lang: 'zh-HK' | 'en') {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The header's count of unread notifications (0 when it shows none). */
export async function unreadInHeader(page: Page): Promise<number> {
  const text = await mainNav(page, '主選單').getByRole('link', { name: /^通知/ }).innerText();
  const match = /（(\d+) 則新）/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** The notifications in the list whose heading matches `subject`. */
export function notificationsTitled(page: Page, subject: string | RegExp): Locator {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: subject }) });
}
