// A plan link: the worked example's overview after a deep link (`#/plan/<id>`), against a static
// HTML page with the same plan's text and the same style sheets, on one or more builds, runs
// interleaved (A, B, A, B …). Imported by scripts/bench.mjs (part b); run on its own to compare
// builds:
//   BENCH_DISTS=/tmp/dist-before,dist BENCH_RUNS=9 node scripts/bench-link.mjs
// Two times per link, in ms from the navigation's start, taken in the page by a MutationObserver:
// - painted: the overview's task list is in the document (the next frame shows it);
// - interactive: the app's own overview is in (`body > .page .task-list`). The same moment since
//   nothing draws the overview before the app does; kept apart so figures compare with the
//   kept-overview branch's (PERFORMANCE.md).
// The static page's time is its load event's start (all its style sheets and text in).
// Cold: a new profile holding the plan. Warm: the same link in a new tab of that profile once the
// offline copy is made (the second such tab). BENCH_CPU=4 slows the CPU 4× (Chromium's CPU
// throttling) for every link and static page. BENCH_TRACE=1 also splits one warm link's main
// thread into script, style, layout, paint (scripts/trace-link.mjs gives the whole timeline).
import { serveDist, launch, freshPage } from '../e2e/harness.mjs';
import { median, pageWithPlan, traceBreakdown } from './bench-keys.mjs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ID = 'bench-example';

/** Notes in the page when the overview is in the document and when the app's own is. */
export function watchOverview() {
  const seen = () => {
    const now = performance.now();
    if (!window.__painted && document.querySelector('.task-list')) window.__painted = now;
    if (!window.__interactive && document.querySelector('body > .page .task-list')) {
      window.__interactive = now;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
}

async function times(tab) {
  await tab.waitForFunction(() => window.__interactive, null, { timeout: 60000 });
  return tab.evaluate(() => ({ painted: window.__painted, interactive: window.__interactive }));
}

/** The worked example as a stored plan. */
export async function example() {
  return { ...JSON.parse(await readFile(new URL('../content/examples/elvebyen.nb.json', import.meta.url), 'utf8')), id: ID };
}

/** The static page: the example's title, organisation and answers with the build's style sheets. */
export async function staticPage(dist, plan) {
  const escape = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const answerText = (a) => a.text ?? a.list?.join(', ') ?? a.choice ?? a.date ?? a.amount ?? JSON.stringify(a);
  const page = `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${escape(plan.title)}</title>
${sheets.map((h) => `<link rel="stylesheet" href="${h}">`).join('\n')}</head><body><main class="page"><h1 class="ds-heading">${escape(plan.title)}</h1>
<p class="ds-paragraph">${escape(plan.organisation)}</p>
${Object.entries(plan.answers).map(([k, a]) => `<h2 class="ds-heading" data-size="xs">${escape(k)}</h2><p class="ds-paragraph">${escape(answerText(a))}</p>`).join('\n')}
</main></body></html>`;
  const dir = await mkdtemp(join(tmpdir(), 'ioa-bench-'));
  await cp(dist, dir, { recursive: true });
  await writeFile(join(dir, 'static-plan.html'), page);
  return dir;
}

const staticTime = (tab) => tab.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);

/** A CPU rate for `page` before it navigates (1: none). */
async function slow(context, page, rate) {
  if (rate === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Runs the link `runs` times on each build in `dists` (folders), interleaved, and the static
 * page once per round. Returns { builds: [{ dist, cold: [..], warm: [..], trace }], static: { cold, warm } }.
 */
export async function linkRuns(browser, dists, runs, { trace = false, rate = 1 } = {}) {
  const plan = await example();
  const builds = [];
  for (const dist of dists) {
    const server = await serveDist('/');
    server.serveFrom(dist.endsWith('/') ? dist : `${dist}/`);
    builds.push({ dist, server, cold: [], warm: [] });
  }
  const staticServer = await serveDist('/');
  staticServer.serveFrom(await staticPage(dists[0], plan));
  const statics = { cold: [], warm: [] };
  for (let run = 0; run < runs; run++) {
    for (const build of builds) {
      const { context, page } = await pageWithPlan(browser, plan);
      await context.addInitScript(watchOverview);
      await slow(context, page, rate);
      await page.goto(`${build.server.url}#/plan/${ID}`, { waitUntil: 'commit' });
      build.cold.push(await times(page));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
      await page.waitForTimeout(1500); // the offline copy is being made
      for (let visit = 0; visit < 2; visit++) {
        const tab = await context.newPage();
        await slow(context, tab, rate);
        const tracing = trace && run === 0 && visit === 1;
        if (tracing) await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'loading'] });
        await tab.goto(`${build.server.url}#/plan/${ID}`, { waitUntil: 'commit' });
        const t = await times(tab);
        if (tracing) {
          await tab.waitForTimeout(100);
          build.trace = traceBreakdown((await browser.stopTracing()).toString(), 1);
        }
        if (visit === 1) build.warm.push(t);
        await tab.close();
      }
      await context.close();
      process.stderr.write(`run ${run + 1}/${runs} ${build.dist}: cold ${build.cold.at(-1).painted.toFixed(0)}, warm ${build.warm.at(-1).painted.toFixed(0)} ms\n`);
    }
    const plain = await freshPage(browser);
    await slow(plain.context, plain.page, rate);
    await plain.page.goto(`${staticServer.url}static-plan.html`, { waitUntil: 'load' });
    statics.cold.push(await staticTime(plain.page));
    let warm = 0;
    for (let visit = 0; visit < 2; visit++) {
      const tab = await plain.context.newPage();
      await slow(plain.context, tab, rate);
      await tab.goto(`${staticServer.url}static-plan.html`, { waitUntil: 'load' });
      warm = await staticTime(tab);
      await tab.close();
    }
    statics.warm.push(warm);
    await plain.context.close();
  }
  for (const build of builds) await build.server.close();
  await staticServer.close();
  return { builds, static: statics, rate };
}

const fmt = (xs) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
const fmt2 = (xs) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

/** Lines of a Markdown table: per build, cold and warm, painted and interactive, and their ratios. */
export function linkReport({ builds, static: statics, rate = 1 }) {
  const runs = statics.cold.length;
  const lines = [`static page${rate === 1 ? '' : `, ${rate}× CPU`}: cold ${fmt(statics.cold)} ms, warm ${fmt(statics.warm)} ms (${runs} runs)`, '',
    '| build | link | painted, ms | interactive, ms | painted / static | interactive / static |', '|---|---|---:|---:|---:|---:|'];
  for (const build of builds) {
    for (const kind of ['cold', 'warm']) {
      const xs = build[kind];
      const ratio = (what) => fmt2(xs.map((x, i) => x[what] / statics[kind][i]));
      lines.push(`| ${build.dist} | ${kind} | ${fmt(xs.map((x) => x.painted))} | ${fmt(xs.map((x) => x.interactive))} | ${ratio('painted')} | ${ratio('interactive')} |`);
    }
  }
  for (const build of builds.filter((b) => b.trace)) {
    const t = build.trace;
    lines.push('', `trace of a warm link, ${build.dist}: script ${t.script.toFixed(1)}, style ${t.style.toFixed(1)}, layout ${t.layout.toFixed(1)}, paint ${t.paint.toFixed(1)}, other ${t.other.toFixed(1)} ms`, `  top: ${t.top.join('; ')}`);
  }
  return lines;
}

async function main() {
  const dists = (process.env.BENCH_DISTS ?? 'dist').split(',').map((d) => resolve(d));
  const browser = await launch();
  const result = await linkRuns(browser, dists, Number(process.env.BENCH_RUNS ?? 7), {
    trace: process.env.BENCH_TRACE === '1', rate: Number(process.env.BENCH_CPU ?? 1),
  });
  await browser.close();
  console.log(linkReport(result).join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
