#!/usr/bin/env node
// Stdio per-call latency: tools/call get_agent and list_agents through the launcher (JDK on PATH or JAVA_HOME) against
// the zero-latency API stub, sequentially and with 8 requests in flight; yardstick: the same GET sent directly to
// the stub from this process (keep-alive), measured in the same run, alternating blocks.
// Usage: node bench/stdio-per-call.mjs [calls=1000] [warmup=500]
import { SMOKE, StdioClient, cpuMs, fmt, httpRequest, launcher, median, nowMs, p99, saveResults, startStub, target } from './lib.mjs';

const calls = Number(process.argv[2] || (SMOKE ? 50 : 1000));
const warmup = Number(process.argv[3] || (SMOKE ? 50 : 500));
const stub = await startStub();
const env = { PATH: process.env.PATH, HOME: process.env.HOME, SEQUENTUM_API_KEY: 'sk-bench-key-1', SEQUENTUM_API_URL: stub.url,
  ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
  ...(process.env.SEQUENTUM_MCP_JAVA_OPTS ? { SEQUENTUM_MCP_JAVA_OPTS: process.env.SEQUENTUM_MCP_JAVA_OPTS } : {}) };
const client = new StdioClient(launcher, [], env);
const init = await client.request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
if (!init.result) throw new Error('initialize failed: ' + JSON.stringify(init));
client.notify('notifications/initialized');

const TOOLS = {
  get_agent: { args: { agentId: 101 }, path: '/api/v1/agent/101' },
  list_agents: { args: {}, path: '/api/v1/agent/all' },
};
async function tool(name) {
  const t = nowMs();
  const r = await client.request('tools/call', { name, arguments: TOOLS[name].args });
  if (!r.result || r.result.isError) throw new Error(`${name} failed: ${JSON.stringify(r).slice(0, 300)}`);
  return nowMs() - t;
}
async function direct(name) {
  const t = nowMs();
  const r = await httpRequest(stub.url + TOOLS[name].path, { headers: { Authorization: 'ApiKey sk-bench-key-1', Accept: 'application/json' } });
  if (r.status !== 200) throw new Error('stub answered ' + r.status);
  return nowMs() - t;
}
/** n calls of f, `inflight` at a time; returns per-call latencies. */
async function run(f, n, inflight) {
  const out = [];
  let next = 0;
  await Promise.all(Array.from({ length: inflight }, async () => { while (next++ < n) out.push(await f()); }));
  return out;
}

for (const name of Object.keys(TOOLS)) { await run(() => tool(name), warmup, 1); await run(() => direct(name), warmup, 1); }
const res = {};
const cpu0 = cpuMs(client.pid);
let toolCalls = 0;
for (const inflight of [1, 8]) {
  for (const name of Object.keys(TOOLS)) {
    // Alternate blocks of 100 so both sides see the same machine conditions.
    const t = [], d = [];
    for (let done = 0; done < calls; done += 100) {
      const k = Math.min(100, calls - done);
      t.push(...await run(() => tool(name), k, inflight));
      d.push(...await run(() => direct(name), k, inflight));
      toolCalls += k;
    }
    res[`${name} x${inflight}`] = { tool: { median: median(t), p99: p99(t) }, direct: { median: median(d), p99: p99(d) } };
  }
}
const cpuPerCall = (cpuMs(client.pid) - cpu0) / toolCalls;
await client.close();
stub.close();
if (client.badLines.length) throw new Error('non-protocol stdout lines: ' + client.badLines.slice(0, 3).join(' | '));

console.log(`\nstdio per-call latency, ${calls} calls per row after ${warmup} warm-up calls (launcher, zero-latency stub)`);
console.log('row'.padEnd(18) + 'tools/call median   p99 | direct GET median   p99 | added median  ratio');
for (const [row, r] of Object.entries(res)) {
  console.log(row.padEnd(18) + `${fmt(r.tool.median, 3).padStart(14)} ms ${fmt(r.tool.p99, 2).padStart(5)} | ${fmt(r.direct.median, 3).padStart(14)} ms ${fmt(r.direct.p99, 2).padStart(5)} | `
    + `${fmt(r.tool.median - r.direct.median, 3).padStart(9)} ms ${fmt(r.tool.median / r.direct.median, 2).padStart(5)}×`);
}
console.log(`server CPU per tools/call (stdio, all rows): ${fmt(cpuPerCall, 3)} ms`);
const g = res['get_agent x1'];
const added = g.tool.median - g.direct.median;
target('stdio get_agent added latency over direct GET', added <= 0.15, `${fmt(added, 3)} ms median`, '≤ 0.15 ms');
target('stdio get_agent latency ratio to direct GET', g.tool.median / g.direct.median <= 1.3, `${fmt(g.tool.median / g.direct.median, 2)}×`, '≤ 1.3×');
saveResults('stdio-per-call', { calls, warmup, rows: res, cpuPerCallMs: cpuPerCall });
