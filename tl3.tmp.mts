import { launchChromium } from '/work/main/test/e2e/chromium.ts';
import { startLiffServer } from '/work/main/test/e2e/liff-server.ts';
const server = await startLiffServer({ compress: true });
const browser = (await launchChromium())!;
const url = process.argv[2] ?? '/liff/agency/nakhon-rangsit';
for (let run = 0; run < 2; run++) {
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6*1024*1024)/8, uploadThroughput: (750*1024)/8 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,loading' });
await page.addInitScript(() => { new MutationObserver((_, o) => { if (document.querySelector('[data-testid="total"]') === null) return; Object.assign(window, { firstScreenAt: performance.now() }); performance.mark('firstscreen'); o.disconnect(); }).observe(document, { childList: true, subtree: true }); });
await page.goto(`${server.url}${url}`, { waitUntil: 'commit' });
await page.waitForFunction(() => 'firstScreenAt' in window, undefined, { timeout: 30000, polling: 200 });
const fs = await page.evaluate(() => (window as any).firstScreenAt);
const done = new Promise<any>((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end'); await done;
if (run === 0) { await context.close(); continue; }
const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
const t0 = nav.ts; const fsTs = t0 + fs * 1000;
console.log('first screen', fs.toFixed(0));
const sums = new Map<string, number>();
const mainTid = events.find((e) => e.name === 'ParseHTML')?.tid;
for (const e of events) { if (e.tid !== mainTid || e.ph !== 'X' || !e.dur || e.ts > fsTs) continue; sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000); }
console.log([...sums].filter(([k]) => k !== 'RunTask' && k!=='ThreadControllerImpl::RunTask').sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${v.toFixed(0)} ms ${k}`).join(' | '));
for (const e of events) { if (e.tid !== mainTid || e.ph !== 'X' || !e.dur || e.dur < 15000 || e.ts > fsTs + 300000) continue; if (['RunTask','ThreadControllerImpl::RunTask'].includes(e.name)) continue;
  console.log(`${((e.ts - t0)/1000).toFixed(0).padStart(5)} +${(e.dur/1000).toFixed(0).padStart(4)} ${e.name} ${JSON.stringify(e.args?.data ?? e.args?.beginData ?? {}).slice(0, 110)}`); }
await context.close();
}
await browser.close(); await server.close();
