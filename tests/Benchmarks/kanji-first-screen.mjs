// Kanji ratio of the first screen of each goal page: the text a 360×740 phone shows before
// any scrolling (text nodes whose box starts within the first 740 px), kanji / letters
// (kana, kanji, Latin letters and digits; spaces, punctuation and symbols not counted).
//
// usage: node --experimental-websocket tests/Benchmarks/kanji-first-screen.mjs http://127.0.0.1:5105 [label]
// Needs only Node 20+ and Debian's /usr/bin/chromium (Chrome DevTools Protocol, no npm packages).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:5080';
const label = process.argv[3] ?? base;
const goals = ['sogo-keikaku', 'smart-city', 'gakuen-toshi', 'koho'];
const port = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync(join(tmpdir(), 'kanji-'));
const chromium = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, '--window-size=360,740', 'about:blank',
], { stdio: 'ignore' });

const sleep = ms => new Promise(r => setTimeout(r, ms));
async function pageSocket() {
  for (let i = 0; i < 100; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      const page = targets.find(t => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch { /* not up yet */ }
    await sleep(100);
  }
  throw new Error('chromium did not start');
}

const ws = new WebSocket(await pageSocket());
await new Promise(r => ws.addEventListener('open', r, { once: true }));
let nextId = 1;
const pending = new Map();
const events = [];
ws.addEventListener('message', m => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); } else events.push(msg);
});
const send = (method, params = {}) => new Promise(resolve => { const id = nextId++; pending.set(id, resolve); ws.send(JSON.stringify({ id, method, params })); });

const measure = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, .visually-hidden, [hidden]')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const range = document.createRange(); range.selectNodeContents(node);
    for (const r of range.getClientRects()) { if (r.width > 0 && r.top < 740 && r.bottom > 0) { text += node.textContent; break; } }
  }
  const letters = [...text].filter(c => /[\\p{L}\\p{N}]/u.test(c));
  const kanji = letters.filter(c => /[\\p{Script=Han}々]/u.test(c));
  return JSON.stringify({ letters: letters.length, kanji: kanji.length });
})()`;

await send('Emulation.setDeviceMetricsOverride', { width: 360, height: 740, deviceScaleFactor: 1, mobile: true });
await send('Page.enable');
const check = await fetch(`${base}/seisaku-kikaku/r6/koho/`).catch(() => null);
if (!check || !check.ok) { console.error(`${base} does not answer 200; start the site first`); chromium.kill(); process.exit(1); }
console.log(`kanji ratio of the first screen (360×740): ${label}`);
for (const slug of goals) {
  await send('Page.navigate', { url: `${base}/seisaku-kikaku/r6/${slug}/` });
  for (let i = 0; i < 100 && !events.some(e => e.method === 'Page.loadEventFired'); i++) await sleep(50);
  events.length = 0;
  await send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true });
  const result = await send('Runtime.evaluate', { expression: measure, returnByValue: true });
  const { letters, kanji } = JSON.parse(result.result.result.value);
  console.log(`${slug.padEnd(14)} ${(100 * kanji / letters).toFixed(1).padStart(5)} %  (${kanji} kanji / ${letters} letters)`);
}
ws.close();
chromium.kill();
await sleep(200);
try { rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); } catch { /* chromium still closing: the temp folder goes later */ }
