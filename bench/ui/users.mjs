// The Team > Users page in headless Chromium (SwiftShader WebGL, 1280x800) against the real
// server, measured by Chromium itself: the process CPU of the GPU process and the renderer
// (/proc), main-thread tasks and animation frames from a DevTools protocol trace. For each N:
//   first row   navigation -> first user row in the DOM mirror; the longest main-thread task
//   idle        app frames run and drawn in 5 s after the page settled (target 0)
//   scroll      100 wheel events of 100 px, one every 50 ms: animation frames per second and
//               their interval, GPU-process and renderer CPU per drawn frame, main-thread busy
//   search      last key -> narrowed rows in the mirror
// Usage: node bench/ui/users.mjs [N...] (default 10000 100000); OPENZRO_BENCH_RUNS runs per N
// (default 3, the median printed). Expects build/native, build/wasm.
import { readFileSync, readdirSync } from 'node:fs';
import { launchBrowser, newAppPage } from '../../tests/browser/lib/browser.mjs';
import { startServer } from '../../tests/browser/lib/server.mjs';

const sizes = process.argv.slice(2).map(Number);
const ms = (x) => x.toFixed(0).padStart(6) + ' ms';

// [SECTION] Process CPU of Chromium's children, by --type (gpu-process, renderer)
const tick = 1000 / 100;  // USER_HZ
// One browser runs at a time here, so every Chromium child process is this run's.
function cpuMsByType() {
  const out = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const type = (cmd.match(/--type=([a-z-]+)/) || [])[1];
      if (type) out[type] = (out[type] || 0) + (Number(stat[11]) + Number(stat[12])) * tick;
    } catch { /* the process ended */ }
  }
  return out;
}

// [SECTION] Trace: main-thread tasks and animation frames of the page's renderer
function startTrace(cdp) {
  cdp.events = [];
  cdp.on('Tracing.dataCollected', (e) => cdp.events.push(...e.value));
  return cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
}
async function traced(session, run, { started = false } = {}) {
  if (!started) await startTrace(session());
  await run();
  const cdp = session();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const events = cdp.events;
  cdp.removeAllListeners('Tracing.dataCollected');
  // The page's main thread: the renderer main thread that ran the app's script (Chromium's
  // own pages, a new tab's, run in other renderers of the same trace).
  const ours = events.find((e) => e.name === 'FunctionCall' && /openzro/.test(e.args?.data?.url ?? ''));
  const main = ours && events.find((e) => e.name === 'thread_name' && e.pid === ours.pid && e.tid === ours.tid);
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  // Top-level tasks only: a task that starts inside another is part of it.
  const tasks = [];
  let end = -Infinity;
  for (const e of onMain.filter((x) => x.name === 'ThreadControllerImpl::RunTask' && x.ph === 'X').sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end) { tasks.push(e.dur / 1000); end = e.ts + e.dur; }
  }
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts / 1000).sort((a, b) => a - b);
  return { tasks, frames };
}

const p50 = (xs) => xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// [SECTION] One N
async function measure(users) {
  const server = await startServer({ args: ['--seed-users', String(users)] });
  const browser = await launchBrowser();
  try {
    // Warm the server's listing and the browser's cache of the code, as a returning admin has.
    await (await newAppPage(browser, { server, hash: '#/team/users' })).context().close();
    // First row: from the start of navigation (the trace covers the load) to the first row
    // in the mirror, recorded by the page itself.
    let cdp, page;
    const load = await traced(() => cdp, async () => {
      page = await newAppPage(browser, {
        server, hash: '#/team/users', beforeLoad: async (p) => {
          cdp = await p.context().newCDPSession(p);
          await startTrace(cdp);
          await p.addInitScript(() => new MutationObserver((_, o) => {
            const row = [...document.querySelectorAll('[data-openzro-mirror] button')]
              .some((e) => e.textContent.startsWith('Open '));
            if (row) { window.ozFirstRow = performance.now(); o.disconnect(); }
          }).observe(document, { subtree: true, childList: true, characterData: true }));
        },
      });
      await page.waitForFunction(() => window.ozFirstRow, null, { timeout: 60000 });
    }, { started: true });
    const first = await page.evaluate(() => window.ozFirstRow);
    await page.waitForTimeout(1000);
    const counts = () => page.evaluate(() => [window.openzroFrameCount(), window.openzroFrameStats().framesDrawn]);
    const settled = await counts();
    await page.waitForTimeout(5000);
    const idle = (await counts()).map((n, i) => n - settled[i]);

    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + 700, box.y + 500);
    await page.waitForTimeout(500);
    const cpu0 = cpuMsByType();
    const frames0 = await page.evaluate(() => window.openzroFrameCount());
    const stats0 = await page.evaluate(() => window.openzroFrameStats());
    let wall = 0;
    const scroll = await traced(() => cdp, async () => {
      // As a mouse wheel does: events at their own pace, whether or not the page keeps up.
      const t0 = Date.now();
      const sent = [];
      for (let i = 0; i < 100; i++) {
        sent.push(cdp.send('Input.dispatchMouseEvent',
          { type: 'mouseWheel', x: box.x + 700, y: box.y + 500, deltaX: 0, deltaY: 100 }));
        await new Promise((r) => setTimeout(r, Math.max(0, t0 + (i + 1) * 50 - Date.now())));
      }
      await Promise.all(sent);
      await page.waitForTimeout(300);  // the last frames
      wall = Date.now() - t0;
    });
    const cpu1 = cpuMsByType();
    const ran = (await page.evaluate(() => window.openzroFrameCount())) - frames0;
    const stats = await page.evaluate(() => window.openzroFrameStats());
    const drawn = stats.framesDrawn - stats0.framesDrawn;
    const gaps = scroll.frames.slice(1).map((t, i) => t - scroll.frames[i]);

    // Search: the last key narrows 11 rows to one; the time until the mirror shows only it.
    await page.keyboard.press('/');
    const search = await page.evaluate(async (target) => {
      const input = [...document.querySelectorAll('[data-openzro-mirror] input')]
        .find((e) => e.getAttribute('aria-label') === 'Search users');
      const rows = () => [...document.querySelectorAll('[data-openzro-mirror] button')]
        .map((e) => e.textContent).filter((t) => t.startsWith('Open '));
      input.focus();
      input.value = target.slice(0, -1);  // 11 users: seed500, seed5000..seed5009
      input.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 500));
      const t0 = performance.now();
      input.value = target;
      input.dispatchEvent(new Event('input'));
      return new Promise((resolve) => {
        const done = () => rows().length === 1 && rows()[0] === 'Open ' + target + 'example.com';
        new MutationObserver((_, o) => { if (done()) { o.disconnect(); resolve(performance.now() - t0); } })
          .observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    }, `seed${users / 20}@`);

    const per = (type) => ((cpu1[type] || 0) - (cpu0[type] || 0)) / Math.max(1, drawn);
    return {
      first, longest: Math.max(...load.tasks), idleRun: idle[0], idleDrawn: idle[1],
      fps: scroll.frames.length * 1000 / wall, interval: p50(gaps), ran, drawn,
      drawCalls: stats.drawCalls, vertices: stats.vertices, overdraw: stats.overdraw,
      redrawn: stats.redrawn, gpu: per('gpu-process'), renderer: per('renderer'),
      busy: sum(scroll.tasks) / 1000, search,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function report(label, r) {
  console.log(`  ${label}`);
  console.log(`    first row      ${ms(r.first)} after navigation; longest main-thread task ${ms(r.longest)}`);
  console.log(`    idle           ${r.idleRun} frames run, ${r.idleDrawn} drawn in 5 s (target 0)`);
  console.log(`    scroll         ${r.fps.toFixed(1)} fps, interval p50 ${ms(r.interval)}; ${r.ran} app frames run, ` +
    `${r.drawn} drawn; last frame: ${r.drawCalls} draw calls, ${r.vertices} vertices, overdraw ` +
    `${r.overdraw.toFixed(2)}, redrew ${(r.redrawn * 100).toFixed(0)}% of the screen`);
  console.log(`    scroll         per drawn frame: GPU process ${ms(r.gpu)}, renderer ${ms(r.renderer)}; ` +
    `main thread busy ${r.busy.toFixed(2)} s over the 100 wheel events`);
  console.log(`    search         last key -> narrowed rows ${ms(r.search)}`);
}

// Each N is measured `runs` times, each in a new server and browser, and the median of every
// figure printed after the runs (a shared machine's load moves single runs by several ms).
const runs = Number(process.env.OPENZRO_BENCH_RUNS || 3);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (const n of sizes.length ? sizes : [10000, 100000]) {
  console.log(`users ${n}`);
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(await measure(n));
    report(`run ${i + 1} of ${runs}`, results[i]);
  }
  const median = Object.fromEntries(Object.keys(results[0]).map((k) => [k, p50(results.map((r) => r[k]))]));
  report(`median of ${runs}`, median);
}
