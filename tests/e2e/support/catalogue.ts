// The catalogue's parts, for the catalogue spec: its cards and result count, and the subsidy calculator worked out
// from the prices on a package page.
import { expect, type Locator, type Page } from '@playwright/test';
import { type CalculatorSplit, hkd, lineCostCents } from './values';
import { valueOf } from './page';

// ── Page helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** Catalogue cards: the list items in the main area that carry a package heading. */
export function cards(page: Page): Locator {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) });
}

/** The card of the package with exactly this name. */
export function card(page: Page, name: string): Locator {
  return cards(page).filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

export function resultCount(page: Page): Locator {
  return page.getByRole('main').getByRole('status');
}

/** Reads the package's own prices off the page and works out the calculator's answer for the chosen features. */
export async function costFromPage(page: Page, featureNames: string[]): Promise<number> {
  const basic = page.getByRole('region', { name: 'Basic package' });
  let cost = lineCostCents(await valueOf(basic, 'Price').innerText());
  for (const name of featureNames) {
    const row = basic.getByRole('table').getByRole('row', { name: new RegExp(`^${name}\\b`) });
    const priceCell = row.getByRole('cell').nth(1);
    cost += lineCostCents(await priceCell.innerText());
  }
  return cost;
}

export async function expectCalculatorShows(page: Page, split: CalculatorSplit) {
  const result = page.getByTestId('calculator-result');
  await expect(result).toContainText(`You pay ${hkd(split.shop)}. The programme pays ${hkd(split.programme)}.`);
  await expect(valueOf(result, 'Eligible cost')).toHaveText(hkd(split.cost));
  await expect(valueOf(result, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(result, 'You pay')).toHaveText(hkd(split.shop));
  await expect(result).toContainText(`Remaining funding you can apply for afterwards: ${hkd(split.headroomAfter)}`);
  const notice = result.getByText("The programme's share is limited by the funding ceiling.");
  if (split.capped) await expect(notice).toBeVisible();
  else await expect(notice).toHaveCount(0);
}
