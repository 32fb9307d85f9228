#!/usr/bin/env node
// Stdio cold start: spawn → initialize response, and → first tools/list response, per launch configuration, with a
// minimal TypeScript-SDK server (bench/node/hello-server.mjs) timed in the same run as yardstick.
// Usage: node bench/stdio-cold-start.mjs [runs=20]. One warm-up launch per configuration (page cache, archive
// training via the launcher), then `runs` counted launches per configuration, interleaved round-robin so machine
// drift hits all alike. RSS is read at the moment the tools/list response arrives.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { JDK17, JDK25, LOG_FLAGS, SMOKE, fmt, jar, javaVersion, launcher, machine, median, nowMs, p99, root, rssMiB,
  saveResults, target } from './lib.mjs';

const runs = Number(process.argv[2] || (SMOKE ? 2 : 20));
const hello = path.join(root, 'bench', 'node', 'hello-server.mjs');
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SEQUENTUM_API_KEY: 'sk-bench-key-1',
  SEQUENTUM_API_URL: 'http://127.0.0.1:9' };

const configs = [];
for (const [jdk, home] of [['17', JDK17], ['25', JDK25]]) {
  if (!fs.existsSync(path.join(home, 'bin', 'java'))) continue;
  const java = path.join(home, 'bin', 'java');
  configs.push({ name: `JDK ${jdk} java -jar (plain fallback)`, jdk, cmd: java, args: [...LOG_FLAGS, '-jar', jar], env: baseEnv });
  configs.push({ name: `JDK ${jdk} java -jar + C1 only`, jdk, cmd: java, args: [...LOG_FLAGS, '-XX:TieredStopAtLevel=1', '-jar', jar], env: baseEnv });
  configs.push({ name: `JDK ${jdk} bin/sequentum-mcp (${jdk === '25' ? 'AOT cache' : 'AppCDS'} + C1)`, jdk, launcher: true,
    cmd: launcher, args: [], env: { ...baseEnv, JAVA_HOME: home } });
}
configs.push({ name: 'yardstick: TypeScript SDK hello (node)', yardstick: true, cmd: process.execPath, args: [hello], env: baseEnv });

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
const LIST = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

/** One launch: write initialize at once; after its response, initialized + tools/list. Every stdout line must be a frame. */
function once(c) {
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn(c.cmd, c.args, { env: c.env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buf = '';
    let init = null;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${c.name}: no answer in 30 s`)); }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let msg;
        try { msg = JSON.parse(line); } catch { reject(new Error(`${c.name}: non-protocol stdout line: ${line.slice(0, 200)}`)); return; }
        if (msg.id === 1) {
          init = nowMs() - t0;
          child.stdin.write(INITIALIZED + '\n' + LIST + '\n');
        } else if (msg.id === 2) {
          const list = nowMs() - t0;
          const rss = rssMiB(child.pid);
          clearTimeout(timer);
          child.stdin.end();
          child.on('exit', () => resolve({ init, list, rss }));
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }
      }
    });
    child.on('error', reject);
    child.stdin.write(INIT + '\n');
  });
}

// Warm-up: page cache; for the launcher, build the archive synchronously so counted runs use it.
for (const c of configs) {
  if (c.launcher) {
    await new Promise((r) => spawn(c.cmd, ['--train'], { env: c.env, stdio: ['ignore', 'ignore', 'inherit'] }).on('exit', r));
  }
  await once(c);
}
const results = new Map(configs.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) {
  for (const c of configs) results.get(c.name).push(await once(c));
}

console.log(`\nstdio cold start, ${runs} runs each, interleaved (${machine()}; JDK 17 ${javaVersion(JDK17)}, JDK 25 ${javaVersion(JDK25)})`);
console.log('configuration'.padEnd(48) + 'init median  p99   | tools/list median  p99   | RSS MiB');
const summary = {};
for (const c of configs) {
  const xs = results.get(c.name);
  const s = { initMedian: median(xs.map((x) => x.init)), initP99: p99(xs.map((x) => x.init)),
    listMedian: median(xs.map((x) => x.list)), listP99: p99(xs.map((x) => x.list)), rss: median(xs.map((x) => x.rss)) };
  summary[c.name] = s;
  console.log(c.name.padEnd(48) + `${fmt(s.initMedian, 0).padStart(6)} ms ${fmt(s.initP99, 0).padStart(5)} ms | `
    + `${fmt(s.listMedian, 0).padStart(12)} ms ${fmt(s.listP99, 0).padStart(5)} ms | ${fmt(s.rss, 0)}`);
}
const ts = summary[configs.find((c) => c.yardstick).name];
for (const c of configs.filter((x) => x.launcher)) {
  const s = summary[c.name];
  const limit = c.jdk === '25' ? 200 : 280;
  target(`stdio spawn→initialize, launcher, JDK ${c.jdk}`, s.initMedian <= limit, `${fmt(s.initMedian, 0)} ms median`, `≤ ${limit} ms`);
  target(`stdio spawn→initialize, launcher, JDK ${c.jdk} vs TypeScript-SDK hello`, s.initMedian <= ts.initMedian,
    `${fmt(s.initMedian, 0)} ms vs ${fmt(ts.initMedian, 0)} ms`, '≤ yardstick');
}
saveResults('stdio-cold-start', { runs, summary });
