import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Headless Chromium without the background chatter (updates, sync, QUIC) that slows or flakes tests. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** Where failed tests leave a full-page screenshot (git-ignored). */
export const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');

/** Playwright's own waits give up well before the test's timeout, so a failure still gets its screenshot. */
const ACTION_TIMEOUT = 15_000;

export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(`Chromium not found at ${executable}: install it (apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary`);
  }
  return executable;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (no cookies, storage or saved list filters), English, against the test server. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', baseURL, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  return context;
}

const fileNameOf = (testName: string) => testName.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 180) || 'unnamed';

/** Saves a full-page screenshot as tests/e2e/screenshots/<test name>.png; returns its path, or undefined when the page is gone. */
export async function saveScreenshot(page: Page, testName: string): Promise<string | undefined> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${fileNameOf(testName)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/** Runs a test body; when it throws, saves a screenshot and adds its path and the page's errors to the failure. */
export async function screenshotOnFailure(page: Page, testName: string, body: () => Promise<void>): Promise<void> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  try {
    await body();
  } catch (error) {
    const file = await saveScreenshot(page, testName);
    if (error instanceof Error) {
      const original = error.message;
      const notes = [file ? `screenshot: ${file}` : 'screenshot: (could not be taken)', ...(pageErrors.length ? ['browser errors:', ...pageErrors.map((e) => `  ${e}`)] : [])];
      error.message = `${original}\n\n${notes.join('\n')}`;
      // jest prints the stack, which captured the message when the error was made
      if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
    }
    throw error;
  }
}

export interface BrowserTestArgs {
  page: Page;
  context: BrowserContext;
}

/**
 * Registers one browser per file (beforeAll/afterAll) and returns `browserTest(name, body)`:
 * an `it` whose body gets a page in a fresh context, and leaves a screenshot when it fails.
 */
export function useBrowser(baseURL: () => string) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return function browserTest(name: string, body: (args: BrowserTestArgs) => Promise<void>, timeout?: number) {
    it(
      name,
      async () => {
        if (!browser) throw new Error('the browser did not start (see beforeAll)');
        const context = await newContext(browser, baseURL());
        try {
          const page = await context.newPage();
          await screenshotOnFailure(page, expect.getState().currentTestName ?? name, () => body({ page, context }));
        } finally {
          await context.close();
        }
      },
      timeout,
    );
  };
}

/** Retries an assertion until it passes (the UI settles asynchronously), then rethrows its last failure. */
export async function eventually<T>(assertion: () => Promise<T> | T, { timeout = ACTION_TIMEOUT, interval = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** The texts of one datagrid column (react-admin marks each cell with `column-<source>`). */
export function columnTexts(page: Page, source: string): Promise<string[]> {
  return page.locator(`table tbody td.column-${source.replace(/\./g, '\\.')}`).allInnerTexts();
}

/** The helper text an input points at through aria-describedby (where react-admin puts field errors). */
export async function helperTextOf(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => input.page().locator(`[id="${id}"]`).innerText().catch(() => '')),
  );
  return texts.join(' ').trim();
}

/**
 * Opens a menu entry, first opening its group if it is closed (the menu is grouped: Sales, Stock, Purchasing…),
 * and waits for its page. The menu can still move while the dashboard's tiles load after sign-in, so a click that
 * landed beside the entry (the page did not change) is made again.
 */
export async function openMenu(page: Page, name: string): Promise<void> {
  const item = page.getByRole('menuitem', { name, exact: true });
  if (!(await item.isVisible())) await expandMenu(page);
  const href = await item.getAttribute('href');
  for (let attempt = 1; ; attempt++) {
    await item.click();
    if (!href) return;
    try {
      await page.waitForURL((url) => url.hash === href.replace(/^[^#]*/, '') || url.hash.startsWith(`${href.replace(/^[^#]*/, '')}?`), { timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Opens every closed group of the menu, so every entry the user may open is on screen. */
export async function expandMenu(page: Page): Promise<void> {
  const closed = page.locator('[data-menu-group][aria-expanded="false"]');
  for (let i = await closed.count(); i > 0; i--) {
    await closed.first().click();
  }
}

/**
 * Types a day (YYYY-MM-DD) into a date input by its source, as a user does: into the picker's
 * day, month and year, in the order of the console's language (both English and Russian write the day first).
 */
export async function typeDay(page: Page, source: string, day: string): Promise<void> {
  const field = page.locator(`input[name="${source}"]`).locator('xpath=..');
  await field.locator('[role=spinbutton]').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const [year, month, date] = day.split('-');
  await page.keyboard.type(`${date}${month}${year}`);
}

/** Types a moment into a date-time picker by its source, as a user does: day, month, year, hours, minutes (the console writes the day first). */
export async function typeMoment(page: Page, source: string, day: string, time: string): Promise<void> {
  const field = page.locator(`input[name="${source}"]`).locator('xpath=..');
  await field.locator('[role=spinbutton]').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const [year, month, date] = day.split('-');
  await page.keyboard.type(`${date}${month}${year}${time.replace(':', '')}`);
}
