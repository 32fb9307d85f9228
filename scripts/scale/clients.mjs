// Drives N real MCP clients (TypeScript SDK, Streamable HTTP) through the proxy for scripts/scale-test.sh.
// Usage: node clients.mjs --url http://127.0.0.1:8080/mcp --mode stateful|stateless --clients 8 --calls 12
//          --replicas 3001,3002,3003 [--kill-pids P1,P2,P3 --kill-after-ms 1500]
//        node clients.mjs --url ... --replicas ... --clients 8 --idempotency-key K --agent-id 101
//          (every client sends start_agent with the same key at once, then once more; prints the run ids seen)
// Prints one JSON line with the counts; exits 1 when an acceptance check fails.
import { Client } from '../../e2e/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js';
import { StreamableHTTPClientTransport } from '../../e2e/node_modules/@modelcontextprotocol/sdk/dist/esm/client/streamableHttp.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const url = new URL(args.url);
const mode = args.mode;
const clients = Number(args.clients || 8);
const calls = Number(args.calls || 10);
const replicas = (args.replicas || '').split(',').filter(Boolean).map(Number);
const killPids = (args['kill-pids'] || '').split(',').filter(Boolean).map(Number);
let killPid = killPids.length ? -1 : null;
const killAfter = Number(args['kill-after-ms'] || 0);
const pauseMs = Number(args['pause-ms'] ?? 30); // between one client's calls; 0 for throughput runs

async function toolCalls(port, tool = 'list_agents') {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('mcp_tool_calls_total{') && line.includes(`tool="${tool}"`)) n += Number(line.split(' ').pop());
  }
  return n;
}

async function sessionsOpen(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('mcp_sessions_open '));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function connect(name) {
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url));
  return client;
}

if (args['idempotency-key']) {
  // The same idempotencyKey from every client at once (stateless round-robin spreads them over the replicas), then
  // once more after all answered: the sandbox must see exactly one start. The shell counts the runs in the sandbox.
  const call = async (client) => {
    const r = await client.callTool({ name: 'start_agent',
      arguments: { agentId: Number(args['agent-id']), idempotencyKey: args['idempotency-key'] } });
    const text = r.content?.[0]?.text || '';
    if (r.isError) throw new Error('start_agent failed: ' + text.slice(0, 300));
    const m = text.match(/"id":\s*(\d+)/);
    return { runId: m ? Number(m[1]) : null, replay: text.includes('Nothing new was started') };
  };
  const cs = await Promise.all([...Array(clients).keys()].map((i) => connect(`idem-${i}`)));
  const first = await Promise.all(cs.map(call));
  const later = await call(cs[0]);
  await Promise.all(cs.map((c) => c.close()));
  const all = [...first, later];
  const runIds = [...new Set(all.map((r) => r.runId))];
  const perReplica = await Promise.all(replicas.map((p) => toolCalls(p, 'start_agent')));
  const result = { calls: all.length, runIds, replays: all.filter((r) => r.replay).length, startAgentCallsPerReplica: perReplica };
  console.log(JSON.stringify(result));
  const failures = [];
  if (runIds.length !== 1 || runIds[0] === null) failures.push(`expected one run id, got ${runIds}`);
  if (result.replays !== all.length - 1) failures.push(`expected ${all.length - 1} replays, got ${result.replays}`);
  if (perReplica.filter((n) => n > 0).length < 2) failures.push(`the calls did not reach several replicas: ${perReplica}`);
  if (failures.length) { console.error('FAIL: ' + failures.join('; ')); process.exit(1); }
  process.exit(0);
}

const totals = { ok: 0, failedCalls: 0, reinitialized: 0, retriedAfterError: 0, errors: [] };
let spreadBeforeKill = null;

async function runClient(i) {
  let client = await connect(`scale-${i}`);
  for (let c = 0; c < calls; c++) {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await client.callTool({ name: 'list_agents', arguments: { pageIndex: 1, recordsPerPage: 5 } });
        if (r.isError) throw new Error('tool error: ' + JSON.stringify(r.content).slice(0, 200));
        totals.ok++;
        break;
      } catch (e) {
        const status = e?.code;
        if (attempt >= 5) {
          totals.failedCalls++;
          totals.errors.push(String(e?.message || e).slice(0, 200));
          break;
        }
        if (status === 404 && mode === 'stateful') {
          // The session's replica is gone: initialize again (MCP specification) and repeat the call.
          totals.reinitialized++;
          try { await client.close(); } catch { /* already dead */ }
          client = await connect(`scale-${i}-re${attempt}`);
        } else {
          totals.retriedAfterError++;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  }
  await client.close();
}

const started = Date.now();
const killer = killPid && (async () => {
  // Stop a replica once half of all calls have completed (and at least killAfter ms have passed).
  await new Promise((r) => setTimeout(r, Math.min(killAfter, 200)));
  while (totals.ok < (clients * calls) / 2) await new Promise((r) => setTimeout(r, 5));
  spreadBeforeKill = await Promise.all(replicas.map((p) => toolCalls(p)));
  // Stateless: stop the last replica. Stateful: stop the replica holding the most sessions.
  let target = replicas.length - 1;
  if (mode === 'stateful') {
    const open = await Promise.all(replicas.map(sessionsOpen));
    target = open.indexOf(Math.max(...open));
  }
  killPid = killPids[target];
  process.kill(killPid, 'SIGTERM');
})();
await Promise.all([...Array(clients).keys()].map(runClient));
if (killer) await killer;
const spread = spreadBeforeKill || await Promise.all(replicas.map((p) => toolCalls(p)));
const result = { mode, clients, calls, ms: Date.now() - started, ...totals, toolCallsPerReplica: spread };
console.log(JSON.stringify(result));
const failures = [];
if (totals.ok !== clients * calls) failures.push(`only ${totals.ok} of ${clients * calls} calls succeeded`);
if (mode === 'stateless' && !args['no-spread'] && spread.some((n) => n === 0)) failures.push(`a replica served no call: ${spread}`);
if (mode === 'stateful' && killPids.length && totals.reinitialized === 0) failures.push('no client re-initialized after the kill');
if (mode === 'stateless' && totals.reinitialized) failures.push('stateless clients re-initialized');
if (mode === 'stateful' && !killPids.length && totals.reinitialized) failures.push('a session left its replica (404)');
if (mode === 'stateful' && !args['no-spread'] && spread.filter((n) => n > 0).length < 2) {
  failures.push(`new sessions were not spread over the replicas: ${spread}`);
}
if (totals.reinitialized > clients) failures.push(`${totals.reinitialized} re-initializations for ${clients} clients`);
if (failures.length) { console.error('FAIL: ' + failures.join('; ')); process.exit(1); }
