// Helpers for the end-to-end tests: a recording stub of the Sequentum API, the server command line, and a raw
// line-level stdio session for the cases a well-behaved client library cannot produce (malformed input, early EOF).
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const JAR = process.env.SERVER_JAR || path.join(ROOT, 'server', 'target', 'sequentum-mcp.jar');
export const JAVA = process.env.JAVA_BIN || 'java';
// Keep JVM warnings off stdout (stdout is the protocol).
export const JAVA_ARGS = ['-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', JAR];
export const API_KEY = 'sk-e2e-key-4711-secret';
export const SNAPSHOT_DIR = path.join(ROOT, 'server', 'src', 'test', 'resources', 'snapshots', 'tools');

/** The tools/list entries the server must publish: one snapshot file per tool, written by ToolSnapshotsTest. */
export function snapshots() {
  const out = new Map();
  for (const f of fs.readdirSync(SNAPSHOT_DIR).filter((n) => n.endsWith('.json')).sort()) {
    const tool = JSON.parse(fs.readFileSync(path.join(SNAPSHOT_DIR, f), 'utf8'));
    out.set(tool.name, tool);
  }
  return out;
}

/** A minimal environment for the child: no inherited SEQUENTUM_* / DEBUG variables. */
export function childEnv(extra) {
  const env = {};
  for (const k of ['PATH', 'HOME', 'JAVA_HOME', 'LANG', 'TMPDIR', 'SystemRoot']) {
    if (process.env[k] !== undefined) env[k] = process.env[k];
  }
  return { ...env, ...extra };
}

/**
 * A local HTTP server standing in for the Sequentum API. Answers are queued with `reply(...)`; every request is
 * recorded (method, url, headers, body). With an empty queue it answers 500 so a missing expectation is visible.
 */
export async function startStubApi() {
  const requests = [];
  const queue = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const next = queue.shift() ?? { status: 500, json: { title: 'stub: no answer queued' } };
      const send = () => {
        if (next.destroy) return req.socket.destroy();
        const headers = { ...(next.headers ?? {}) };
        let payload = next.raw ?? '';
        if (next.json !== undefined) {
          headers['content-type'] = 'application/json; charset=utf-8';
          payload = JSON.stringify(next.json);
        }
        res.writeHead(next.status ?? 200, headers);
        res.end(payload);
      };
      next.delayMs ? setTimeout(send, next.delayMs) : send();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    reply(answer) { queue.push(answer); },
    clear() { requests.length = 0; queue.length = 0; },
    close() { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); },
  };
}

/** A closed local port: connecting to it is refused at once. */
export async function closedPortUrl() {
  const s = http.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

/** Spawns the server and speaks newline-delimited JSON-RPC to it byte for byte. */
export function rawSession(env) {
  const child = spawn(JAVA, JAVA_ARGS, { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  const session = { child, stdout: '', stderr: '', messages: [], badLines: [], exit: null };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    session.stdout += chunk;
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try { session.messages.push(JSON.parse(line)); } catch { session.badLines.push(line); }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => (session.stderr += c));
  session.exited = new Promise((resolve) => child.on('exit', (code) => { session.exit = code; resolve(code); }));
  session.send = (obj) => child.stdin.write((typeof obj === 'string' ? obj : JSON.stringify(obj)) + '\n');
  session.end = () => child.stdin.end();
  session.waitFor = async (predicate, timeoutMs = 20000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = session.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(session.messages)}\nstderr: ${session.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  session.byId = (id) => session.waitFor((m) => m.id === id && ('result' in m || 'error' in m));
  session.kill = () => { if (session.exit === null) child.kill(); return session.exited; };
  return session;
}

export const INITIALIZE = {
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-e2e', version: '1.0.0' } },
};
export const INITIALIZED = { jsonrpc: '2.0', method: 'notifications/initialized' };
