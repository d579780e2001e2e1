// Where a plan link's time goes: one cold and one warm link (as scripts/bench-link.mjs opens them)
// with a Chrome trace and a CPU profile, printed as a timeline in ms from the navigation's start:
// when each file was in, the page's performance marks and measures, each main-thread task of
// 1 ms or more with its script / style / layout / paint / compile split, and the functions with
// the most self time until the overview is in. For names of wasm functions, build with
// IOA_WASM_NAMES=1 (scripts/build-app.sh keeps the name section then).
//   TRACE_DIST=dist TRACE_CPU=1 TRACE_RUNS=1 node scripts/trace-link.mjs
import { serveDist, launch } from '../e2e/harness.mjs';
import { ID, example, watchOverview } from './bench-link.mjs';
import { mainThreadEvents, pageWithPlan } from './bench-keys.mjs';
import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';

const dist = resolve(process.env.TRACE_DIST ?? 'dist');
const rate = Number(process.env.TRACE_CPU ?? 1);
const runs = Number(process.env.TRACE_RUNS ?? 1);
// TRACE_PROFILE=0 leaves the CPU profile out: sampling slows the page (every time grows).
const profiling = process.env.TRACE_PROFILE !== '0';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed',
  'blink', 'blink.user_timing', 'cc', 'loading', 'v8'];

const kind = (name) => {
  if (/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet)$/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout|PrePaint)$/.test(name) || /Layout$/.test(name)) return 'layout';
  if (/^(Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|RasterTask)/.test(name)) return 'paint';
  if (/wasm|Wasm|compile|Compile/.test(name)) return 'compile';
  if (/^(FunctionCall|EvaluateScript|v8\.evaluateModule|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.run|v8\.callFunction|V8\.|MinorGC|MajorGC|GCEvent|BlinkGC|CppGC|FireIdleCallback|XHRReadyStateChange|ResourceReceivedData|v8\.)/.test(name)) return 'script';
  if (/^(ParseHTML|HTMLDocumentParser)/.test(name)) return 'parse';
  return null;
};

/** The page's main thread's tasks, each with its self time by kind and its biggest inner events. */
function tasks(trace, zero) {
  const mine = mainThreadEvents(trace);
  const out = [];
  let task = null;
  const stack = [];
  const close = (upTo) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const done = stack.pop();
      const k = kind(done.name) ?? (stack.length ? null : 'other');
      if (k) task.kinds[k] = (task.kinds[k] ?? 0) + done.self;
      else stack[stack.length - 1].self += done.self;
      if (stack.length && done.dur > 300) task.inner.push(`${done.name}${done.detail ? `(${done.detail})` : ''} ${(done.dur / 1000).toFixed(1)}`);
    }
  };
  for (const e of mine) {
    if (!stack.length || e.ts >= stack[0].end) {
      close(Infinity);
      task = { start: (e.ts - zero) / 1000, dur: e.dur / 1000, kinds: {}, inner: [] };
      out.push(task);
    }
    close(e.ts);
    if (stack.length) stack[stack.length - 1].self -= e.dur;
    const detail = e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || e.args?.data?.name || e.args?.url?.split('/').pop() || '';
    stack.push({ name: e.name, detail, dur: e.dur, end: e.ts + e.dur, self: e.dur });
  }
  close(Infinity);
  return out;
}

/** Self time by function from a CPU profile, between `from` and `to` (ms from the navigation). */
function selfTimes(profile, zero, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const at = (t - zero) / 1000;
    if (at < from || at > to) continue;
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop().replace(/\.[0-9a-f]{12}\./, '.') : ''}`.trim();
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

async function link(browser, context, page, url, label) {
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__interactive, null, { timeout: 60000 });
  await page.waitForTimeout(300);
  const trace = (await browser.stopTracing()).toString();
  const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
  const marks = await page.evaluate(() => ({
    now: performance.now(),
    interactive: window.__interactive,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop().replace(/\.[0-9a-f]{12}\./, '.'), start: r.startTime, end: r.responseEnd, size: r.transferSize, cached: r.transferSize === 0 })),
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
    measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, at: m.startTime, dur: m.duration })),
    nav: performance.getEntriesByType('navigation')[0].toJSON(),
  }));
  // Trace time of the navigation's start: the trace's `navigationStart` mark for this page.
  const events = JSON.parse(trace).traceEvents;
  const navStart = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.includes(ID) !== false)
    .map((e) => e.ts).sort((a, b) => b - a)[0];
  await writeFile(`/tmp/trace-link-${label}.json`, trace);
  const lines = [`## ${label} link (${rate}× CPU): overview in at ${marks.interactive.toFixed(1)} ms`];
  lines.push('files (start → in, ms):');
  for (const r of marks.resources.sort((a, b) => a.end - b.end)) lines.push(`  ${r.start.toFixed(1).padStart(7)} → ${r.end.toFixed(1).padStart(7)}  ${r.name}${r.cached ? ' (cache)' : ''}`);
  lines.push(`marks: ${marks.marks.map((m) => `${m.name} ${m.at.toFixed(1)}`).join(', ')}`);
  lines.push(`measures: ${marks.measures.map((m) => `${m.name} ${m.at.toFixed(1)}+${m.dur.toFixed(1)}`).join(', ')}`);
  lines.push(`navigation: responseEnd ${marks.nav.responseEnd.toFixed(1)}, domInteractive ${marks.nav.domInteractive.toFixed(1)}, DOMContentLoaded ${marks.nav.domContentLoadedEventStart.toFixed(1)}, load ${marks.nav.loadEventStart.toFixed(1)}`);
  lines.push('main-thread tasks >= 1 ms (start, duration, self time by kind, inner events > 0.3 ms):');
  const end = marks.interactive + 50;
  const sum = {};
  for (const t of tasks(trace, navStart)) {
    if (t.start < -5 || t.start > end) continue;
    for (const [k, v] of Object.entries(t.kinds)) sum[k] = (sum[k] ?? 0) + v / 1000;
    if (t.dur < 1) continue;
    const kinds = Object.entries(t.kinds).filter(([, v]) => v > 200).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
    lines.push(`  ${t.start.toFixed(1).padStart(7)} +${t.dur.toFixed(1).padStart(6)}  [${kinds}]  ${t.inner.slice(0, 8).join('; ')}`);
  }
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X' && (e.ts - navStart) / 1000 <= marks.interactive);
  lines.push(`wasm functions compiled lazily (on first call, on the main thread) until the overview: ${lazy.length}, ${(lazy.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(1)} ms`);
  lines.push(`main thread until the overview + 50 ms, self time by kind: ${Object.entries(sum).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ms`);
  if (!profile) return lines;
  lines.push('functions with most self time until the overview (CPU profile, ms):');
  for (const [name, v] of selfTimes(profile, navStart, 0, marks.interactive).slice(0, 30)) lines.push(`  ${v.toFixed(1).padStart(6)}  ${name}`);
  // TRACE_WINDOWS=150-260,260-320: the same per window (ms from the navigation).
  for (const w of (process.env.TRACE_WINDOWS ?? '').split(',').filter(Boolean)) {
    const [from, to] = w.split('-').map(Number);
    lines.push(`functions with most self time from ${from} to ${to} ms:`);
    for (const [name, v] of selfTimes(profile, navStart, from, to).slice(0, 25)) lines.push(`  ${v.toFixed(1).padStart(6)}  ${name}`);
  }
  return lines;
}

const server = await serveDist('/');
server.serveFrom(`${dist}/`);
const browser = await launch();
const plan = await example();
const url = `${server.url}#/plan/${ID}`;
for (let run = 0; run < runs; run++) {
  const { context, page } = await pageWithPlan(browser, plan);
  await context.addInitScript(watchOverview);
  console.log((await link(browser, context, page, url, 'cold')).join('\n'));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const first = await context.newPage();
  await first.goto(url);
  await first.waitForFunction(() => window.__interactive, null, { timeout: 60000 });
  await first.close();
  const tab = await context.newPage();
  console.log((await link(browser, context, tab, url, 'warm')).join('\n'));
  await context.close();
}
await browser.close();
await server.close();
