import type { BrowserCommand } from "vitest/node";
import "@vitest/browser-playwright";

/**
 * A second tab for browser tests: a new Playwright page of the tests' origin in the same
 * browser context (so the same IndexedDB and Web Locks), closed again after use.
 */

/** Claims `key` of the database `name` from a second tab, through the library's own module. */
const claimInSecondTab: BrowserCommand<[name: string, key: string]> = async (
  context,
  name,
  key,
) => {
  const origin = new URL(context.page.url()).origin;
  const tab = await context.context.newPage();
  try {
    // Any document of the origin will do; the module is then imported from the test server.
    await tab.goto(`${origin}/package.json`);
    return await tab.evaluate(
      async ({ url, name, key }) => {
        const { indexedDbPersistence } = await import(url);
        const claim = await indexedDbPersistence({ name }).claim(key);
        return claim ? "granted" : "refused";
      },
      { url: `${origin}/src/persist/indexeddb.ts`, name, key },
    );
  } finally {
    await tab.close();
  }
};

export const secondTabCommands = { claimInSecondTab };

declare module "vitest/browser" {
  interface BrowserCommands {
    claimInSecondTab(name: string, key: string): Promise<"granted" | "refused">;
  }
}
