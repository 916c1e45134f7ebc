// The specs' `test` and `expect`: Playwright's, with the programme's people as fixtures. Every person has a browser
// context of their own, so that cookies (session, language) never mix; the errors of their pages are collected in
// `problems`; every context a test opened is closed when it ends. Every spec imports test and expect from here.
//
//   test('…', async ({ officer, vendor, people }) => { … officer.page … await people.visitor({ javaScriptEnabled: false }) })
//
// `officer`, `officer2`, `vendor` and `shop` are the seeded demo accounts, signed in on their homes before the test
// starts. A person who must arrive later in the story (signing in after something happened), or with other browser
// options (a phone, no JavaScript, downloads), comes from `people` at that point of the test.
import { test as base, expect, type BrowserContextOptions } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './constants';
import { logIn, newActor, type Actor } from './people';

export { expect };
export type { Actor };

/** Makes people during a test; each one's context is closed when the test ends. */
export type People = {
  /** Someone not signed in. */
  visitor(options?: BrowserContextOptions): Promise<Actor>;
  /** An account with the demo password, signed in through the login page and landed on `home`. */
  signedIn(email: string, home: RegExp, options?: BrowserContextOptions): Promise<Actor>;
  /** A demo case officer (officer@ unless told otherwise) on the officer home. */
  officer(email?: string, options?: BrowserContextOptions): Promise<Actor>;
  /** The demo vendor (Harbour POS Ltd) on its portal home. */
  vendor(options?: BrowserContextOptions): Promise<Actor>;
  /** The demo shop owner on their home. */
  shop(options?: BrowserContextOptions): Promise<Actor>;
};

type Fixtures = {
  people: People;
  /** officer@ (Officer Wong), signed in on the officer home. */
  officer: Actor;
  /** officer2@ (Officer Lee), signed in on the officer home. */
  officer2: Actor;
  /** The demo vendor, signed in on its portal home. */
  vendor: Actor;
  /** The demo shop owner, signed in on their home. */
  shop: Actor;
};

export const test = base.extend<Fixtures>({
  people: async ({ browser, baseURL }, use) => {
    const opened: Actor[] = [];
    const visitor = async (options: BrowserContextOptions = {}) => {
      const actor = await newActor(browser, baseURL, options);
      opened.push(actor);
      return actor;
    };
    const signedIn = async (email: string, home: RegExp, options: BrowserContextOptions = {}) => {
      const actor = await visitor(options);
      await logIn(actor.page, email, DEMO_PASSWORD, home);
      return actor;
    };
    const people: People = {
      visitor,
      signedIn,
      async officer(email = DEMO.officer, options = {}) {
        const actor = await signedIn(email, /\/officer$/, options);
        await expect(actor.page.getByRole('heading', { level: 1, name: 'Case officer' })).toBeVisible();
        return actor;
      },
      async vendor(options = {}) {
        const actor = await signedIn(DEMO.vendor, /\/vendor$/, options);
        await expect(actor.page.getByRole('heading', { level: 1, name: 'Vendor portal' })).toBeVisible();
        return actor;
      },
      async shop(options = {}) {
        return signedIn(DEMO.applicant, /\/account$/, options);
      },
    };
    await use(people);
    for (const actor of opened) await actor.context.close();
  },
  officer: async ({ people }, use) => use(await people.officer()),
  officer2: async ({ people }, use) => use(await people.officer(DEMO.officer2)),
  vendor: async ({ people }, use) => use(await people.vendor()),
  shop: async ({ people }, use) => use(await people.shop()),
});
