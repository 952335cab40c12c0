// End-to-end test of the HTML report (issue 9) in headless Chromium.
//
//   node report.test.mjs REPORT.html [OUT_DIR]
//
// Opens the report from file://, follows citations by mouse and keyboard,
// hovers a summary sentence, checks contrast, the phone layout and the page
// without JavaScript, and saves screenshots (desktop 1280×800, phone
// 390×844) into OUT_DIR (default: the report's folder). Exits 1 on failure.

import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [reportArg, outArg] = process.argv.slice(2);
if (!reportArg || !existsSync(reportArg)) {
  console.error("usage: node report.test.mjs REPORT.html [OUT_DIR]");
  process.exit(2);
}
const report = pathToFileURL(path.resolve(reportArg)).href;
const out = path.resolve(outArg || path.dirname(reportArg));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const failures = [];
let checks = 0;
function check(ok, what, detail = "") {
  checks += 1;
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures.push(what);
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ""}`);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  chromiumSandbox: false,
  // Playwright gives each launch a fresh --user-data-dir. The flags below
  // keep Chromium off the network: no background services, and any host
  // name resolves to nothing.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
  ],
});

/** A page on the report, recording every request it makes. */
async function open(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(report);
  return { context, page, requests, errors };
}

/** Where the element is relative to the viewport, and its state. */
function state(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      inView: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0,
      active: el.classList.contains("is-active"),
      support: el.classList.contains("is-support"),
      background: getComputedStyle(el).backgroundColor,
    };
  }, id);
}

/** Contrast ratios of the text a reader sees, highlighted or not. */
function contrast(page) {
  return page.evaluate(() => {
    document.querySelectorAll("article .cited")[0].classList.add("is-active");
    document.querySelectorAll("article .cited")[1].classList.add("is-support");
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const ratio = (el) => {
      const a = lum(rgb(getComputedStyle(el).color));
      const b = lum(background(el));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const selectors = [
      "body", ".lede", "#summary .text", "a.cite", ".corr", "ol.sources a", ".meta",
      "h4.heading", "span.boilerplate", "article .cited:not(.is-active):not(.is-support)",
      "article .cited.is-active",
      "article .cited.is-support",
      ".cited a.back", ".num",
    ];
    return selectors.map((sel) => {
      const el = document.querySelector(sel);
      return [sel, el ? Math.round(ratio(el) * 100) / 100 : 0];
    });
  });
}

const targetOf = (href) => href.replace(/^#/, "");

// ---------------------------------------------------------------- desktop
{
  const { context, page, requests, errors } = await open({
    viewport: { width: 1280, height: 800 },
  });
  check(await page.evaluate(() => document.documentElement.classList.contains("js")), "script runs");

  // Click the first citation marker.
  const marker = page.locator("#summary a.cite").first();
  const href = await marker.getAttribute("href");
  const id = targetOf(href);
  const plain = (await state(page, id))?.background;
  await marker.click();
  await page.waitForFunction((h) => location.hash === h, href);
  let s = await state(page, id);
  check(s && s.active, `click on marker ${href}: #${id} is highlighted`);
  check(s && s.inView, `click on marker ${href}: #${id} is in the viewport`, JSON.stringify(s));
  check(s && s.background !== plain, "highlight changes the background", `${plain} → ${s && s.background}`);
  await page.screenshot({ path: path.join(out, "desktop-1280x800.png") });
  // A marker whose sentence is far down the page.
  const far = page.locator("#summary li").last().locator("a.cite").last();
  const farHref = await far.getAttribute("href");
  const farId = targetOf(farHref);
  s = await state(page, farId);
  check(s && !s.inView && !s.active, `#${farId} is out of view before`, JSON.stringify(s));
  await far.click();
  await page.waitForFunction((h) => location.hash === h, farHref);
  s = await state(page, farId);
  check(s && s.active && s.inView, `click on ${farHref} scrolls to it and highlights it`, JSON.stringify(s));
  check(!(await state(page, id)).active, `#${id} is no longer highlighted`);
  await page.goto(report + href);
  await page.waitForFunction((i) => document.getElementById(i).classList.contains("is-active"), id);

  const backs = await page.locator(`#${id} a.back`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  check(backs.includes("#sum-1"), `#${id} links back to #sum-1`, JSON.stringify(backs));

  // Hover a summary sentence: all its supporting sentences light up.
  await page.goto(report);
  const li = page.locator("#summary li").nth(1);
  const cites = (await li.getAttribute("data-cites")).split(" ");
  await li.locator(".text").hover();
  const lit = await page.evaluate(
    (ids) => ids.filter((i) => document.getElementById(i)?.classList.contains("is-support")),
    cites,
  );
  check(
    lit.length === cites.length && cites.length > 1,
    `hovering summary sentence 2 highlights its ${cites.length} supporting sentences`,
    JSON.stringify({ cites, lit }),
  );
  const allSupport = await page.locator(".is-support").count();
  check(allSupport === cites.length, "and no others", `${allSupport}`);
  await page.screenshot({ path: path.join(out, "desktop-hover.png") });
  await page.mouse.move(1, 1);
  check((await page.locator(".is-support").count()) === 0, "moving away clears the highlighting");

  // Keyboard: Tab to the first marker, Enter, Tab to the back-link, Enter.
  await page.goto(report);
  let focused = null;
  for (let i = 0; i < 10 && !focused?.cite; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => {
      const a = document.activeElement;
      const style = getComputedStyle(a);
      return {
        cite: a.matches("a.cite"),
        href: a.getAttribute("href"),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
      };
    });
  }
  check(focused?.cite && focused.href === href, `Tab reaches the first marker ${href}`, JSON.stringify(focused));
  check(/solid [2-9]/.test(focused?.outline || ""), "the focused marker has a visible outline", focused?.outline);
  s = await state(page, id);
  check(s && s.active && s.inView, "focusing the marker highlights and shows its sentence", JSON.stringify(s));
  await page.screenshot({ path: path.join(out, "desktop-focus.png") });
  await page.keyboard.press("Enter");
  await page.waitForFunction((h) => location.hash === h, href);
  s = await state(page, id);
  check(s && s.active && s.inView, "Enter follows the marker", JSON.stringify(s));
  await page.keyboard.press("Tab");
  const back = await page.evaluate(() => document.activeElement.getAttribute("href"));
  check(back === "#sum-1", "the next Tab reaches the back-link", back);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#sum-1");
  const sum = await state(page, "sum-1");
  check(sum && sum.inView, "the back-link returns to summary sentence 1", JSON.stringify(sum));

  // Contrast (WCAG AA, 4.5:1) of the text a reader sees.
  const contrasts = await contrast(page);
  for (const [sel, ratio] of contrasts) {
    check(ratio >= 4.5, `contrast of ${sel} is ${ratio}:1`);
  }

  check(errors.length === 0, "no script errors", errors.join("; "));
  const remote = requests.filter((u) => !u.startsWith("file:"));
  check(remote.length === 0, `no network requests (${requests.length} file: requests)`, remote.join(" "));
  await context.close();
}

// ------------------------------------------------------------------ phone
{
  const { context, page, requests } = await open({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, "no horizontal scrolling at 390 px", `${width}px`);
  const stacked = await page.evaluate(() => {
    const a = document.querySelector("#summary").getBoundingClientRect();
    const b = document.querySelector("#reports").getBoundingClientRect();
    return b.top >= a.bottom;
  });
  check(stacked, "the reports come below the summary");
  const size = await page.locator("#summary a.cite").first().boundingBox();
  check(size && size.width >= 24 && size.height >= 24, "markers are at least 24×24 px", JSON.stringify(size));
  await page.screenshot({ path: path.join(out, "phone-390x844.png") });
  const marker = page.locator("#summary a.cite").first();
  const href = await marker.getAttribute("href");
  await marker.tap();
  await page.waitForFunction((h) => location.hash === h, href);
  const s = await state(page, targetOf(href));
  check(s && s.active && s.inView, `tap on ${href} shows the highlighted sentence`, JSON.stringify(s));
  await page.screenshot({ path: path.join(out, "phone-cited.png") });
  const remote = requests.filter((u) => !u.startsWith("file:"));
  check(remote.length === 0, "no network requests on the phone", remote.join(" "));
  await context.close();
}

// ------------------------------------------------------------ dark scheme
{
  const { context, page } = await open({
    viewport: { width: 1280, height: 800 },
    colorScheme: "dark",
  });
  const marker = page.locator("#summary a.cite").first();
  const href = await marker.getAttribute("href");
  await marker.click();
  await page.waitForFunction((h) => location.hash === h, href);
  await page.screenshot({ path: path.join(out, "desktop-dark.png") });
  for (const [sel, ratio] of await contrast(page)) {
    check(ratio >= 4.5, `dark: contrast of ${sel} is ${ratio}:1`);
  }
  await context.close();
}

// ---------------------------------------------------------- without script
{
  const { context, page, requests } = await open({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: false,
  });
  const marker = page.locator("#summary a.cite").first();
  const href = await marker.getAttribute("href");
  const plain = (await state(page, targetOf(href))).background;
  await marker.click();
  await page.waitForFunction((h) => location.hash === h, href).catch(() => {});
  const s = await state(page, targetOf(href));
  check(s && s.inView, "without JavaScript the marker still scrolls to its sentence", JSON.stringify(s));
  check(s && s.background !== plain, "and :target highlights it", `${plain} → ${s && s.background}`);
  const remote = requests.filter((u) => !u.startsWith("file:"));
  check(remote.length === 0, "no network requests without JavaScript", remote.join(" "));
  await context.close();
}

await browser.close();
console.log(`\n${checks - failures.length}/${checks} checks passed; screenshots in ${out}`);
process.exit(failures.length ? 1 : 0);
