// Zero-latency stand-in for the Sequentum API (127.0.0.1, ephemeral port; prints its base URL as the first stdout line).
// GET /api/v1/agent/all → a fixed page of 20 agents; GET /api/v1/agent/{id} → one fixed agent; anything else → 404.
import http from 'node:http';
import { AGENT, AGENT_LIST } from './lib.mjs';

const one = Buffer.from(JSON.stringify(AGENT));
const all = Buffer.from(JSON.stringify(AGENT_LIST));
const notFound = Buffer.from('{"title":"Not Found","status":404}');
const server = http.createServer((req, res) => {
  const p = req.url.split('?')[0];
  const body = p === '/api/v1/agent/all' ? all : /^\/api\/v1\/agent\/\d+$/.test(p) ? one : null;
  res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': (body || notFound).length });
  res.end(body || notFound);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
