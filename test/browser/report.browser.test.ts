import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { oneLine } from '../../src/core/report/escape';
import { renderHtml } from '../../src/core/report/render-html';
import type { ReportData } from '../../src/core/report/types';
import { emptyReport, HOSTILE, hostileReport, realisticReport } from '../unit/support/report-fixtures';

/**
 * The HTML report in a real browser: charts and tables render, nothing from the notes runs, and
 * the page makes no request and logs no error (a CSP violation would be a console error).
 * COACH_SCREENSHOTS=1 also writes images/report-html.png and images/report-html-print.png.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const SCREENSHOTS = process.env.COACH_SCREENSHOTS === '1';
const IMAGES = resolve(__dirname, '../../images');
/** A4 width less the report's 14 mm side margins, in CSS pixels. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);

/**
 * Code that runs in the page, as expressions: this project's TypeScript has no DOM library.
 * Arguments are embedded as JSON.
 */
const IN_PAGE = {
  boxes: (selector: string) =>
    `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((el) => el.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height }))`,
  tableShapes:
    "Array.from(document.querySelectorAll('table')).map((t) => ({ head: t.querySelector('thead tr')?.children.length ?? 0, rows: Array.from(t.querySelectorAll('tbody tr')).map((r) => r.children.length) }))",
  fitsWidth: 'document.documentElement.scrollWidth <= window.innerWidth',
  pwned: 'typeof window.__pwned',
  dom: `({
    active: document.querySelectorAll('script, img, iframe, object, embed, link, base, form, input, audio, video, image, foreignObject').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
    hrefs: Array.from(document.querySelectorAll('[href]')).map((a) => a.href),
    text: document.body.innerText,
  })`,
  colours: "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('main')).color]",
  bodyBackground: 'getComputedStyle(document.body).backgroundColor',
  overflowing: (limit: number) => `(() => {
    const out = [];
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > ${limit} + 1) out.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') ?? '') + ' ends at ' + Math.round(r.right) + 'px');
    }
    return out;
  })()`,
};

interface Opened {
  page: Page;
  url: string;
  dialogs: string[];
  requests: string[];
  errors: string[];
}

describe('HTML report in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}; set CHROMIUM_PATH to a Chromium or Chrome binary.`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), 'coach-report-browser-'));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let count = 0;
  /** Writes the report into <tmp>/coach-reports/ (links point to ../) and opens it from file://. */
  async function open(html: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Opened> {
    const folder = join(dir, 'coach-reports');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `report-${++count}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const opened: Opened = { page, url: pathToFileURL(file).href, dialogs: [], requests: [], errors: [] };
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
    await page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  function assertQuiet(o: Opened): void {
    assert.deepEqual(o.dialogs, [], 'a dialog opened');
    assert.deepEqual(o.requests, [o.url], 'the page requested something besides itself');
    assert.deepEqual(o.errors, [], 'the console logged errors');
  }

  /** Every match has a box (lines, being one-dimensional, need only a length). */
  async function assertVisible(page: Page, selector: string, expected?: number): Promise<void> {
    const boxes = await page.evaluate<{ w: number; h: number }[]>(IN_PAGE.boxes(selector));
    if (expected !== undefined) assert.equal(boxes.length, expected, selector);
    assert.ok(boxes.length > 0, `${selector} is missing`);
    const line = /(^|\s)line[.\s]/.test(`${selector} `);
    for (const b of boxes) assert.ok(line ? b.w + b.h > 0 : b.w > 0 && b.h > 0, `${selector} has an empty box`);
  }

  async function assertStructure(page: Page, data: ReportData): Promise<void> {
    await assertVisible(page, 'svg.coverage-chart', 1);
    assert.equal(await page.locator('svg.coverage-chart rect.bar').count(), data.markers.length);
    await assertVisible(page, 'svg.coverage-chart rect.track', data.markers.length);
    await assertVisible(page, 'svg.coverage-chart line.tick', data.markers.filter((m) => m.previous !== null).length);
    await assertVisible(page, 'svg.month-chart', 1);
    await assertVisible(page, 'table.coverage', 1);
    await assertVisible(page, 'table.heat');
    await assertVisible(page, 'table.topics', 1);
    await assertVisible(page, 'table.notes', 1);
    await assertVisible(page, '.focus-list li', data.focus.length);
    // Every body row has as many cells as the head (values never add or split cells).
    const shapes = await page.evaluate<{ head: number; rows: number[] }[]>(IN_PAGE.tableShapes);
    assert.ok(shapes.length >= 4);
    for (const s of shapes) for (const r of s.rows) assert.equal(r, s.head);
    assert.equal(await page.locator('table.notes tbody tr').count(), data.notes.length);
    // Nothing overflows the page sideways.
    assert.ok(await page.evaluate<boolean>(IN_PAGE.fitsWidth), 'the page scrolls sideways');
  }

  it('shows hostile values as text: no script runs, no dialog, no request, no CSP error', async () => {
    const data = hostileReport();
    const o = await open(renderHtml(data, { linkBase: '../', generated: '2026-04-02' }));
    const { page } = o;
    await assertStructure(page, data);
    // Hover and focus the cells and links that carry payloads in their titles.
    await page.locator('table.heat td').first().hover();
    await page.locator('table.notes a').first().focus();
    assert.equal(await page.evaluate(IN_PAGE.pwned), 'undefined');
    const dom = await page.evaluate<{ active: number; handlers: string[]; hrefs: string[]; text: string }>(IN_PAGE.dom);
    assert.equal(dom.active, 0);
    assert.deepEqual(dom.handlers, []);
    const base = new URL('..', o.url).href;
    assert.equal(dom.hrefs.length, data.notes.length + data.excluded.length);
    for (const href of dom.hrefs) assert.ok(href.startsWith(base) && !href.slice(base.length).includes(':'), href);
    for (const payload of [HOSTILE.script, HOSTILE.img, HOSTILE.mdLink2, HOSTILE.attr, HOSTILE.pipes]) assert.ok(dom.text.includes(oneLine(payload)), payload);
    assertQuiet(o);
    await page.close();
  });

  it('renders the realistic report on screen, in dark mode and in print without cutting anything off', async () => {
    const data = realisticReport();
    const html = renderHtml(data, { linkBase: '../', generated: '2026-04-02' });
    const light = await open(html);
    await assertStructure(light.page, data);
    if (SCREENSHOTS) {
      mkdirSync(IMAGES, { recursive: true });
      await light.page.screenshot({ path: join(IMAGES, 'report-html.png'), fullPage: true });
    }
    assertQuiet(light);
    await light.page.close();

    const dark = await open(html, { colorScheme: 'dark' });
    await assertStructure(dark.page, data);
    const colours = await dark.page.evaluate<string[]>(IN_PAGE.colours);
    assert.notDeepEqual(colours, ['rgb(255, 255, 255)', 'rgb(29, 39, 44)']);
    assertQuiet(dark);
    await dark.page.close();

    // Print: at the width of an A4 page's content box, nothing sticks out on the right.
    const print = await open(html, { width: A4_CONTENT_PX });
    await print.page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const overflow = await print.page.evaluate<string[]>(IN_PAGE.overflowing(A4_CONTENT_PX));
    assert.deepEqual(overflow, []);
    assert.equal(await print.page.evaluate(IN_PAGE.bodyBackground), 'rgba(0, 0, 0, 0)');
    const pdf = await print.page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    if (SCREENSHOTS) await print.page.screenshot({ path: join(IMAGES, 'report-html-print.png'), fullPage: true });
    assertQuiet(print);
    await print.page.close();
  });

  it('says so when the quarter has no notes', async () => {
    const o = await open(renderHtml(emptyReport()));
    await assertVisible(o.page, 'section#no-notes', 1);
    assert.match(await o.page.locator('section#no-notes').innerText(), /No notes in this quarter/);
    assert.equal(await o.page.locator('svg, table').count(), 0);
    assertQuiet(o);
    await o.page.close();
  });

  it('would catch an escaping failure: the CSP blocks an injected script and the console reports it', async () => {
    const broken = renderHtml(realisticReport()).replace('<main class="sheet">', '<main class="sheet"><script>window.__pwned = 1</script>');
    const o = await open(broken);
    assert.equal(await o.page.evaluate(IN_PAGE.pwned), 'undefined');
    assert.ok(o.errors.some((e) => /Content Security Policy/i.test(e)), o.errors.join('\n'));
    await o.page.close();
  });
});
