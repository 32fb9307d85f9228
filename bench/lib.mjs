// Shared helpers of the benchmark scripts: statistics, /proc readings, a zero-latency API stub, a line-based
// stdio MCP client, target printing. Node built-ins only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const jar = process.env.SERVER_JAR || path.join(root, 'server', 'target', 'sequentum-mcp.jar');
export const launcher = path.join(root, 'bin', 'sequentum-mcp');
export const JDK17 = process.env.JDK17_HOME || '/usr/lib/jvm/java-17-openjdk-amd64';
export const JDK25 = process.env.JDK25_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64';
export const SMOKE = process.env.BENCH_SMOKE === '1';
export const LOG_FLAGS = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

// ---- statistics ----------------------------------------------------------------------------------------------------
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) { const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; // nearest rank
}
export const median = (xs) => quantile(xs, 0.5);
export const p99 = (xs) => quantile(xs, 0.99);
export const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// ---- /proc ----------------------------------------------------------------------------------------------------------
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux
/** CPU time (user + system) of a process in ms, from /proc/<pid>/stat. */
export function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}
/** Resident set size in MiB, from /proc/<pid>/status. */
export function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
export function javaVersion(home) {
  try {
    const rel = fs.readFileSync(path.join(home, 'release'), 'utf8');
    return /JAVA_RUNTIME_VERSION="([^"]+)"/.exec(rel)?.[1] || /JAVA_VERSION="([^"]+)"/.exec(rel)?.[1];
  } catch { return null; }
}

// ---- zero-latency API stub -------------------------------------------------------------------------------------------
export const AGENT = {
  id: 101, name: 'Amazon Best Sellers - Electronics', description: 'Top 100 electronics by sales rank', status: 1,
  configType: 'Agent', spaceId: 3, version: 7, created: '2025-11-02T08:15:00Z', lastModified: '2026-03-10T17:42:11Z',
  lastRunStatus: 'Succeeded', lastRunTime: '2026-03-15T06:00:04Z', isScheduled: true, userName: 'ops@example.com',
  startUrl: 'https://www.example.com/bestsellers/electronics', inputParameters: '{"maxPages":5}',
};
export const AGENT_LIST = {
  agents: Array.from({ length: 20 }, (_, i) => ({ ...AGENT, id: 101 + i, name: `Agent ${101 + i}` })),
  totalRecordCount: 20,
};
/**
 * Starts the stub on 127.0.0.1 (ephemeral port) in a child Node process so it never competes with the driver's event
 * loop. Answers GET /api/v1/agent/{id} and /api/v1/agent/all at once with fixed JSON. Returns {url, pid, close()}.
 */
export async function startStub() {
  const child = spawn(process.execPath, [path.join(root, 'bench', 'stub-api.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => { out += c; const nl = out.indexOf('\n'); if (nl >= 0) resolve(out.slice(0, nl).trim()); });
    child.on('exit', (c) => reject(new Error('stub exited ' + c)));
  });
  return { url, pid: child.pid, close: () => child.kill() };
}

/** A keep-alive GET, resolving with the body (used for the direct-call yardstick and health checks). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
export function httpRequest(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

// ---- stdio MCP client --------------------------------------------------------------------------------------------------
export const INIT = {
  jsonrpc: '2.0', id: 0, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
};
/** A line-based JSON-RPC client over a child's stdio; every stdout line must be a JSON-RPC frame. */
export class StdioClient {
  constructor(command, args, env) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pending = new Map();
    this.nextId = 1;
    this.stderr = '';
    this.badLines = [];
    let buf = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (c) => {
      buf += c;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let msg;
        try { msg = JSON.parse(line); } catch { this.badLines.push(line); continue; }
        if (msg.jsonrpc !== '2.0') { this.badLines.push(line); continue; }
        const p = this.pending.get(msg.id);
        if (p) { this.pending.delete(msg.id); p(msg); }
      }
    });
    this.child.stderr.on('data', (c) => { if (this.stderr.length < 20000) this.stderr += c; });
    this.exited = new Promise((r) => this.child.on('exit', r));
  }
  get pid() { return this.child.pid; }
  request(method, params, id = this.nextId++) {
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }
  notify(method, params) { this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method, params }) + '\n'); }
  async close() { this.child.stdin.end(); const t = setTimeout(() => this.child.kill('SIGKILL'), 10000); await this.exited; clearTimeout(t); }
}

// ---- targets -------------------------------------------------------------------------------------------------------------
const verdicts = [];
/** Records and prints one target line: "PASS|FAIL <name>: <measured> (target <target>)". */
export function target(name, ok, measured, wanted) {
  const line = `${ok ? 'PASS' : 'FAIL'} ${name}: ${measured} (target ${wanted})`;
  verdicts.push({ name, ok, measured, wanted });
  console.log(line);
}
/** Writes results (plus verdicts) to bench/results/<name>.json for the README table. */
export function saveResults(name, data) {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}${SMOKE ? '-smoke' : ''}.json`);
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine: machine(), smoke: SMOKE, ...data, targets: verdicts }, null, 2) + '\n');
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
