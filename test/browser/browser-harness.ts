import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../libs/testing/src/factories/user.factory.js';
import type { ActivitySpec, ProgramFixture } from '../../libs/testing/src/factories/program.factory.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Browser tests: the real app (createTestApp, real PostgreSQL) serving the built dashboard on a random port,
// driven by Debian's Chromium through playwright-core. Every page's console errors, page errors and failed
// requests fail the test, unless the test declared the HTTP status it expects (a 403 it provokes, say).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DASHBOARD_DIR = path.join(ROOT, 'dist/apps/dashboard');
const DASHBOARD_SRC = path.join(ROOT, 'apps/dashboard');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots');
const ARTIFACT_DIR = path.join(ROOT, 'test-results/browser');

/** In CI the browser tests always run (a missing Chromium fails them); elsewhere they need /usr/bin/chromium. */
export const browserTestsEnabled = fs.existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);
if (!browserTestsEnabled) {
  console.warn(`Browser tests skipped: ${CHROMIUM_PATH} not found. Install it with: apt-get install -y --no-install-recommends chromium`);
}

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function dashboardIsFresh(): boolean {
  const index = path.join(DASHBOARD_DIR, 'index.html');
  return fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(DASHBOARD_SRC);
}

/**
 * Builds the dashboard when dist/apps/dashboard/index.html is missing or older than any source file. Test
 * files run in parallel workers, so a lock directory makes one of them build while the others wait.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  if (dashboardIsFresh()) return;
  const lock = path.join(ROOT, 'dist/.dashboard-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a build that died; take it over.
      const stale = fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 120_000;
      if (stale) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for the dashboard build lock ${lock}`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!dashboardIsFresh()) {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
      execFileSync('npx', ['vite', 'build', '--config', 'apps/dashboard/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
    }
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`Dashboard build failed: ${err.message}\n${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A page whose problems are recorded; `expectHttpErrors` lists statuses the test provokes on purpose. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  expectHttpErrors: (...statuses: number[]) => void;
  /** Console errors the test provokes on purpose (e.g. a connection it cuts), matched by pattern. */
  expectConsoleErrors: (...patterns: RegExp[]) => void;
}

export interface BrowserHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) and page, 1280×800 unless told otherwise. */
  newPage: (viewport?: { width: number; height: number }) => Promise<WatchedPage>;
  /** Signs in through the login form and waits until the app has reached the user's home page. */
  login: (wp: WatchedPage, email: string, password?: string) => Promise<void>;
  /**
   * Throws when any page opened since the last call had a problem, then closes those pages. Give the name of
   * a failed test to keep a screenshot of each page in test-results/browser.
   */
  checkPages: (failedTest?: string) => Promise<void>;
  /**
   * Saves a screenshot in test-results/browser (always) and in docs/screenshots when UPDATE_SCREENSHOTS=1
   * (unless `docs: false`: a picture for looking at, not for the documentation).
   */
  screenshot: (wp: WatchedPage, name: string, opts?: { fullPage?: boolean; locator?: Locator; docs?: boolean }) => Promise<string>;
  close: () => Promise<void>;
}

export async function startBrowserHarness(env: Record<string, string> = {}): Promise<BrowserHarness> {
  await ensureDashboardBuilt();
  // Many logins in one file: lift the per-minute login limit for the test app only.
  const t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '1000', ...env }, { dashboardDir: DASHBOARD_DIR });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  } catch (e) {
    await t.close();
    throw e;
  }
  let open: WatchedPage[] = [];

  const newPage = async (viewport = { width: 1280, height: 800 }): Promise<WatchedPage> => {
    const context = await browser.newContext({ viewport, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const expected = new Set<number>();
    const allowedConsole: RegExp[] = [];
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Chromium logs every 4xx/5xx answer as "Failed to load resource"; the response handler below judges those.
      const status = /Failed to load resource: the server responded with a status of (\d{3})/.exec(m.text());
      if (status) return;
      if (allowedConsole.some((re) => re.test(m.text()))) return;
      problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !(r.status() < 500 && expected.has(r.status()))) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      // A request cut short by a navigation the test started (page.goto) is not a fault of the page.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    const wp: WatchedPage = {
      page,
      context,
      problems,
      expectHttpErrors: (...s) => s.forEach((x) => expected.add(x)),
      expectConsoleErrors: (...res) => allowedConsole.push(...res),
    };
    open.push(wp);
    return wp;
  };

  const login = async ({ page }: WatchedPage, email: string, password = TEST_PASSWORD) => {
    await page.goto(`${baseUrl}/entrar`);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    // `/` is where login goes first; the home page then redirects by role.
    await page.waitForURL((u) => u.pathname !== '/entrar' && u.pathname !== '/');
  };

  const checkPages = async (failedTest?: string) => {
    const pages = open;
    open = [];
    if (failedTest) {
      fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
      const slug = failedTest.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await Promise.all(pages.map((p, i) => p.page.screenshot({ path: path.join(ARTIFACT_DIR, `failed-${slug}-${i}.png`), fullPage: true }).catch(() => undefined)));
    }
    const problems = pages.flatMap((p) => p.problems);
    await Promise.all(pages.map((p) => p.context.close().catch(() => undefined)));
    if (problems.length) throw new Error(`The browser reported problems:\n  ${problems.join('\n  ')}`);
  };

  const screenshot = async ({ page }: WatchedPage, name: string, opts: { fullPage?: boolean; locator?: Locator; docs?: boolean } = {}) => {
    fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
    const file = path.join(ARTIFACT_DIR, `${name}.png`);
    // With a locator: that element only (e.g. a long form), as laid out in the page's viewport width.
    if (opts.locator) await opts.locator.screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
    if (process.env.UPDATE_SCREENSHOTS === '1' && opts.docs !== false) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      fs.copyFileSync(file, path.join(SCREENSHOT_DIR, `${name}.png`));
    }
    return file;
  };

  return {
    t,
    baseUrl,
    browser,
    newPage,
    login,
    checkPages,
    screenshot,
    close: async () => {
      await Promise.all(open.map((p) => p.context.close().catch(() => undefined)));
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** `YYYY-MM-DD` for today plus `days` (UTC calendar). */
export function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// playwright-core has no assertion library (that is @playwright/test): Vitest's `expect.poll` retries a read
// until it passes, which gives the same "wait until the page shows it" behaviour.

/** Retries `read` until the matcher passes or 10 s pass: `await eventually(() => count(rows)).toBe(3)`. */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** The visible text of every match, joined (no waiting: an absent element reads as ''). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

/** An attribute of the first match, or null when there is no match (no waiting). */
export async function attrOf(locator: Locator, name: string): Promise<string | null> {
  return (await locator.count()) ? locator.first().getAttribute(name) : null;
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return (await locator.count()) ? locator.first().evaluate((el) => el === (globalThis as unknown as BrowserGlobals).document.activeElement) : false;
}

/**
 * The browser globals the tests read inside `page.evaluate`, typed just enough: the root tsconfig has no DOM
 * library (it type-checks Node code). Use as `(globalThis as unknown as BrowserGlobals).sessionStorage`.
 */
export interface BrowserGlobals {
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  document: {
    activeElement: unknown;
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelectorAll(selector: string): BrowserElement[];
  };
  getComputedStyle(el: unknown): { outlineStyle: string; outlineWidth: string };
}

export interface BrowserElement {
  tagName: string;
  className: string;
  parentElement: BrowserElement | null;
  getBoundingClientRect(): { left: number; right: number; width: number };
  closest(selector: string): BrowserElement | null;
  contains(other: BrowserElement | null): boolean;
}

/** The program code the dashboard opens by default (every role's home). */
export const DEFAULT_PROGRAM_CODE = 'condatos-2024';

/**
 * Puts a small program built by the factory under the dashboard's default code, so each role's home shows it
 * and its figures are easy to work out by hand; the shipped model program stays, under another code.
 */
export async function smallDefaultProgram(t: TestApp, activities: ActivitySpec[], name: string): Promise<ProgramFixture> {
  await t.dataSource.query(`UPDATE program SET code = 'modelo-' || substr(md5(random()::text), 1, 6) WHERE code = $1`, [DEFAULT_PROGRAM_CODE]);
  return t.programs.program(activities, { code: DEFAULT_PROGRAM_CODE, name });
}

/** The value of a headline figure (`<Figure testId=…>`), e.g. `25.0 %`. */
export async function figureValue(page: Page, testId: string): Promise<string> {
  return textOf(page.getByTestId(testId).locator('[data-value]'));
}

/**
 * The page's sideways overflow at its viewport width (0 when nothing sticks out), with the elements past the
 * right edge (outside SVGs and scroll boxes' contents are included, to name the culprit).
 */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; sticking: string[] }> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as BrowserGlobals).document;
    const width = doc.documentElement.clientWidth;
    const sticking = Array.from(doc.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('svg') && !el.closest('.table-scroll'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { overflow: doc.documentElement.scrollWidth - width, sticking };
  });
}
