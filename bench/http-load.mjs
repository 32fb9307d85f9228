#!/usr/bin/env node
// HTTP mode: tools/call (get_agent) throughput and latency at 1, 8 and 64 concurrent sessions against the
// zero-latency API stub, server CPU per call (/proc/<pid>/stat), session create+delete rate, and RSS idle / with
// N open sessions / after deleting them and a GC (jcmd GC.run), per session over the warm idle baseline (see below).
// Server: bin/sequentum-mcp --http on 127.0.0.1
// with REQUIRE_AUTH=false. Bounded: fixed durations and counts, loopback only.
// Usage: node bench/http-load.mjs [seconds-per-level=5] [sessions=1000]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SMOKE, cpuMs, fmt, httpRequest, launcher, median, nowMs, p99, rssMiB, saveResults, sleep, startStub, target } from './lib.mjs';

const seconds = Number(process.argv[2] || (SMOKE ? 1 : 5));
const openSessions = Number(process.argv[3] || (SMOKE ? 50 : 1000));
const createDelete = SMOKE ? 50 : 500;
const port = await new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const stub = await startStub();
const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', REQUIRE_AUTH: 'false',
  SEQUENTUM_API_URL: stub.url, MAX_SESSIONS: String(openSessions + 100), RATE_LIMIT_PER_MINUTE: '1000000',
  PRINCIPAL_RATE_LIMIT_PER_MINUTE: '10000000', ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
  ...(process.env.SEQUENTUM_MCP_JAR ? { SEQUENTUM_MCP_JAR: process.env.SEQUENTUM_MCP_JAR } : {}),
  ...(process.env.SEQUENTUM_MCP_JAVA_OPTS ? { SEQUENTUM_MCP_JAVA_OPTS: process.env.SEQUENTUM_MCP_JAVA_OPTS } : {}) };
const server = spawn(launcher, ['--http'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
// Whatever happens, leave no server or stub behind.
process.on('exit', () => { server.kill('SIGKILL'); stub.close(); });
process.on('uncaughtException', (e) => { console.error(e); process.exit(1); });
process.on('unhandledRejection', (e) => { console.error(e); process.exit(1); });
let serverErr = '';
server.stderr.on('data', (c) => { if (serverErr.length < 20000) serverErr += c; });
const base = `http://127.0.0.1:${port}`;
const t0 = nowMs();
for (;;) {
  try { if ((await httpRequest(base + '/health')).status === 200) break; } catch { /* not yet */ }
  if (nowMs() - t0 > 30000) throw new Error('server did not start: ' + serverErr);
  await sleep(50);
}
const pid = server.pid;
const javaHome = path.dirname(path.dirname(fs.realpathSync(`/proc/${pid}/exe`)));
const gc = () => execFileSync(path.join(javaHome, 'bin', 'jcmd'), [String(pid), 'GC.run'], { stdio: 'ignore' });
const heapUsedMiB = () => {
  const out = execFileSync(path.join(javaHome, 'bin', 'jcmd'), [String(pid), 'GC.heap_info']).toString();
  const m = /used (\d+)K/.exec(out);
  return m ? Number(m[1]) / 1024 : NaN;
};

// Token validation is passthrough (the default): the bearer token is only forwarded to the stub, which ignores it.
const HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: 'Bearer bench-token-1' };
let rpcId = 1;
function parse(body) {
  if (body.startsWith('{')) return JSON.parse(body);
  const data = body.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('');
  return JSON.parse(data);
}
async function post(session, message) {
  const headers = { ...HEADERS, ...(session ? { 'Mcp-Session-Id': session, 'MCP-Protocol-Version': '2025-06-18' } : {}) };
  return httpRequest(base + '/mcp', { method: 'POST', headers, body: JSON.stringify(message) });
}
async function openSession() {
  const r = await post(null, { jsonrpc: '2.0', id: rpcId++, method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  const id = r.headers['mcp-session-id'];
  if (r.status !== 200 || !id) throw new Error(`initialize: ${r.status} ${r.body.slice(0, 300)}`);
  const n = await post(id, { jsonrpc: '2.0', method: 'notifications/initialized' });
  if (n.status !== 202) throw new Error(`initialized: ${n.status}`);
  return id;
}
async function closeSession(id) {
  const r = await httpRequest(base + '/mcp', { method: 'DELETE', headers: { 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-06-18', Authorization: HEADERS.Authorization } });
  if (r.status >= 300) throw new Error(`DELETE: ${r.status}`);
}
async function call(session) {
  const t = nowMs();
  const r = await post(session, { jsonrpc: '2.0', id: rpcId++, method: 'tools/call', params: { name: 'get_agent', arguments: { agentId: 101 } } });
  const msg = parse(r.body);
  if (r.status !== 200 || !msg.result || msg.result.isError) throw new Error(`tools/call: ${r.status} ${r.body.slice(0, 300)}`);
  return nowMs() - t;
}
async function pool(n, f) { let next = 0; await Promise.all(Array.from({ length: Math.min(n, 64) }, async () => { while (next < n) await f(next++); })); }

// Idle: started, one warm session opened and deleted, GC.
gc(); await sleep(200);
const rssIdle = rssMiB(pid);
const heapIdle = heapUsedMiB();

// Throughput and latency per concurrency level (warm-up of the same length first).
const levels = {};
for (const c of [1, 8, 64]) {
  const sessions = [];
  for (let i = 0; i < c; i++) sessions.push(await openSession());
  const runFor = async (ms, lat) => {
    const end = nowMs() + ms;
    await Promise.all(sessions.map(async (s) => { while (nowMs() < end) { const l = await call(s); if (lat) lat.push(l); } }));
  };
  await runFor(seconds * 1000, null);
  const lat = [];
  const cpu0 = cpuMs(pid); const w0 = nowMs();
  await runFor(seconds * 1000, lat);
  const wall = (nowMs() - w0) / 1000;
  const cpu = cpuMs(pid) - cpu0;
  levels[c] = { calls: lat.length, perSecond: lat.length / wall, median: median(lat), p99: p99(lat), cpuPerCallMs: cpu / lat.length };
  for (const s of sessions) await closeSession(s);
}

// Session create + delete rate (initialize, notifications/initialized, DELETE), 8 at a time.
let t = nowMs();
await pool(createDelete, async () => closeSession(await openSession()));
const createDeleteRate = createDelete / ((nowMs() - t) / 1000);

// Memory per session. The baseline is the server at rest *after* the load above ("warm idle"): serving 64 clients at
// once grows Jetty's thread pool, the JIT's code cache and per-thread buffers once, whatever the number of sessions;
// that growth is reported separately (cold idle → warm idle), and the per-session figure is what opening sessions
// adds on top. Each reading follows a full GC and a pause longer than the launcher's native-heap trim interval (5 s).
const settle = async () => { gc(); await sleep(SMOKE ? 300 : 6000); };
await settle();
const rssWarm = rssMiB(pid);
const heapWarm = heapUsedMiB();
const ids = [];
await pool(openSessions, async () => ids.push(await openSession()));
await settle();
const rssOpen = rssMiB(pid);
const heapOpen = heapUsedMiB();
await pool(ids.length, async (i) => closeSession(ids[i]));
await settle();
const rssAfter = rssMiB(pid);
const heapAfter = heapUsedMiB();

server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
stub.close();

console.log(`\nHTTP mode (get_agent via tools/call, zero-latency stub), ${seconds} s per level after ${seconds} s warm-up`);
console.log('sessions  calls/s   median ms   p99 ms   server CPU ms/call');
for (const [c, l] of Object.entries(levels)) {
  console.log(`${String(c).padStart(8)} ${fmt(l.perSecond, 0).padStart(8)} ${fmt(l.median, 2).padStart(11)} ${fmt(l.p99, 2).padStart(8)} ${fmt(l.cpuPerCallMs, 3).padStart(12)}`);
}
const perSessionKiB = ((rssOpen - rssWarm) * 1024) / openSessions;
const perSessionVsColdKiB = ((rssOpen - rssIdle) * 1024) / openSessions;
const heapPerSessionKiB = ((heapOpen - heapWarm) * 1024) / openSessions;
console.log(`session create+delete: ${fmt(createDeleteRate, 0)} /s`);
console.log(`RSS cold idle ${fmt(rssIdle, 1)} MiB → warm idle (after the load above) ${fmt(rssWarm, 1)} MiB → with ${openSessions} `
  + `sessions ${fmt(rssOpen, 1)} MiB (${fmt(perSessionKiB, 1)} KiB each over warm idle, ${fmt(perSessionVsColdKiB, 1)} KiB over cold; `
  + `live heap ${fmt(heapPerSessionKiB, 2)} KiB each) → after delete + GC ${fmt(rssAfter, 1)} MiB `
  + `(heap used ${fmt(heapIdle, 1)} → ${fmt(heapWarm, 1)} → ${fmt(heapOpen, 1)} → ${fmt(heapAfter, 1)} MiB)`);
const cpu64 = levels[64];
target('HTTP server CPU per tools/call (64 sessions)', cpu64.cpuPerCallMs <= 0.25, `${fmt(cpu64.cpuPerCallMs, 3)} ms`, '≤ 0.25 ms');
target('HTTP throughput at 64 sessions', cpu64.perSecond >= 3000, `${fmt(cpu64.perSecond, 0)} calls/s`, '≥ 3000 calls/s');
target('HTTP p99 at 64 sessions', cpu64.p99 <= 40, `${fmt(cpu64.p99, 1)} ms`, '≤ 40 ms');
target('memory per open session (RSS over warm idle)', perSessionKiB <= 20, `${fmt(perSessionKiB, 1)} KiB`, '≤ 20 KiB');
if (openSessions >= 1000) target(`RSS with ${openSessions} open sessions`, rssOpen <= 160, `${fmt(rssOpen, 1)} MiB`, '≤ 160 MiB');
target('RSS after deleting sessions + GC within 10 % of (warm) idle', rssAfter <= rssWarm * 1.1,
  `${fmt(rssAfter, 1)} vs warm idle ${fmt(rssWarm, 1)} MiB (cold idle ${fmt(rssIdle, 1)})`, '≤ idle + 10 %');
saveResults('http-load', { seconds, openSessions, levels, createDeleteRate, rssIdle, rssWarm, rssOpen, rssAfter, perSessionKiB,
  perSessionVsColdKiB, heapIdle, heapWarm, heapOpen, heapAfter, heapPerSessionKiB });
