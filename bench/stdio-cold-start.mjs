#!/usr/bin/env node
// Stdio cold start: spawn the server, write `initialize` at once, and time until its response line arrives on stdout.
// Usage: node bench/stdio-cold-start.mjs [runs=20] — one warm-up, then `runs` counted runs per configuration,
// configurations interleaved round-robin so machine drift affects them alike. Needs server/target/sequentum-mcp.jar.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jar = process.env.SERVER_JAR || path.join(root, 'server', 'target', 'sequentum-mcp.jar');
const java = process.env.JAVA_BIN || 'java';
const runs = Number(process.argv[2] || 20);
const base = ['-Xlog:disable', '-Xlog:all=warning:stderr'];
const configs = [
  ['plain java -jar', [...base, '-jar', jar]],
  ['-XX:TieredStopAtLevel=1', [...base, '-XX:TieredStopAtLevel=1', '-jar', jar]],
];
const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } }) + '\n';

function once(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(java, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SEQUENTUM_API_KEY: 'sk-bench-key-1', SEQUENTUM_API_URL: 'http://127.0.0.1:9' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (!out.startsWith('{"jsonrpc":"2.0","id":1,"result"')) reject(new Error('unexpected first line: ' + out));
        child.stdin.end();
        child.on('exit', () => resolve(ms));
      }
    });
    child.on('error', reject);
    child.stdin.write(init);
  });
}

const results = new Map(configs.map(([name]) => [name, []]));
for (const [, args] of configs) await once(args); // warm-up (page cache)
for (let i = 0; i < runs; i++) {
  for (const [name, args] of configs) results.get(name).push(await once(args));
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const versionLine = await new Promise((r) => { const p = spawn(java, ['-version']); let e = ''; p.stderr.on('data', (c) => (e += c)); p.on('exit', () => r(e.split('\n')[0])); });
console.log(`stdio cold start, spawn -> initialize response, ${runs} runs each (${versionLine})`);
for (const [name, xs] of results) {
  console.log(`${name.padEnd(26)} min ${Math.min(...xs).toFixed(0)} ms  median ${median(xs).toFixed(0)} ms  max ${Math.max(...xs).toFixed(0)} ms`);
}
