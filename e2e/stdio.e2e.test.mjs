// End-to-end over stdio: the shaded jar driven by the official MCP TypeScript SDK client (and, where a library
// client cannot misbehave on purpose, by raw JSON-RPC lines), against a recording stub of the Sequentum API.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import {
  API_KEY, JAVA, JAVA_ARGS, INITIALIZE, INITIALIZED, childEnv, closedPortUrl, rawSession, snapshots, startStubApi,
} from './support.mjs';

const everything = []; // every stdout/stderr text and tool result seen, checked for the key at the end

async function connect(env) {
  const transport = new StdioClientTransport({ command: JAVA, args: JAVA_ARGS, env: childEnv(env), stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (c) => (stderr += c));
  const client = new Client({ name: 'sequentum-e2e', version: '1.0.0' });
  const errors = [];
  client.onerror = (e) => errors.push(e);
  await client.connect(transport);
  return { client, transport, errors, stderr: () => stderr };
}

function text(result) {
  everything.push(JSON.stringify(result));
  assert.equal(result.content.length, 1);
  assert.equal(result.content[0].type, 'text');
  return result.content[0].text;
}

describe('stdio server driven by the TypeScript SDK client', () => {
  let api;
  let s;

  before(async () => {
    api = await startStubApi();
    s = await connect({ SEQUENTUM_API_KEY: API_KEY, SEQUENTUM_API_URL: api.url, SEQUENTUM_TIMEOUT_MS: '3000' });
  });

  after(async () => {
    await s?.client.close();
    everything.push(s?.stderr() ?? '');
    await api?.close();
  });

  test('initialize reports the server identity and the sufficiency policy as instructions', () => {
    const info = s.client.getServerVersion();
    assert.equal(info.name, 'sequentum-mcp-server');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.ok(s.client.getInstructions().startsWith('SUFFICIENCY POLICY'), s.client.getInstructions());
    assert.ok(s.client.getServerCapabilities().tools);
  });

  test('tools/list publishes exactly the snapshot set, entry for entry, with annotations', async () => {
    const expected = snapshots();
    const { tools } = await s.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [...expected.keys()].sort());
    for (const tool of tools) {
      const want = expected.get(tool.name);
      for (const key of Object.keys(want)) assert.deepEqual(tool[key], want[key], `${tool.name}.${key}`);
      assert.equal(tool.annotations.title, tool.title);
      assert.equal(typeof tool.annotations.readOnlyHint, 'boolean');
    }
    // Order: the catalogue order (list_agents first).
    assert.equal(tools[0].name, 'list_agents');
  });

  test('list_agents sends the exact upstream request with the API key and shapes the result', async () => {
    api.clear();
    api.reply({ json: { agents: [{ id: 5, name: 'Shop', status: 7, extra: 'dropped' }], totalRecordCount: 1 } });

    const result = await s.client.callTool({ name: 'list_agents', arguments: {} });

    assert.equal(result.isError ?? false, false);
    assert.deepEqual(JSON.parse(text(result)), {
      agents: [{ id: 5, name: 'Shop', status: 'Failed' }],
      pagination: { totalRecordCount: 1, pageIndex: 1, recordsPerPage: 50 },
    });
    assert.equal(api.requests.length, 1);
    const req = api.requests[0];
    assert.equal(req.method, 'GET');
    assert.equal(req.url, '/api/v1/agent/all?pageIndex=1&recordsPerPage=50');
    assert.equal(req.headers.authorization, `ApiKey ${API_KEY}`);
    assert.equal(req.headers.accept, 'application/json');
  });

  // One call per category besides agents (list_agents above); a category whose tools are not in this build (no snapshot) is skipped.
  const perCategory = [
    ['runs', 'get_agent_runs', { agentId: 5 }, [{ id: 9, status: 'Completed' }], '/api/v1/agent/5/runs'],
    ['files', 'get_run_files', { agentId: 5, runId: 9 }, [], '/api/v1/agent/5/run/9/files', { text: 'No files found for this run.' }],
    ['versions', 'get_agent_versions', { agentId: 5 }, [{ version: 3 }], '/api/v1/agent/5/versions'],
    ['schedules', 'list_agent_schedules', { agentId: 5 }, [{ id: 2, name: 'nightly' }], '/api/v1/agent/5/schedules'],
    ['billing', 'get_credits_balance', {}, { availableCredits: 120.5 }, '/api/v1/billing/credits'],
    ['spaces', 'list_spaces', {}, [{ id: 1, name: 'Default' }], '/api/v1/spaces'],
    ['analytics', 'get_runs_summary', {}, { totalRuns: 4 }, '/api/v1/analytics/runs/summary'],
    ['builder', 'get_agent_build_status', { sessionId: 'sess-1' },
      { status: 'processing', agentId: null, agentName: null, error: null }, '/api/v1/agent-builder/sess-1/status',
      { json: { status: 'processing', agentId: null, agentName: null } }],
  ];
  for (const [category, tool, args, answer, url, expected] of perCategory) {
    test(`${category}: ${tool} succeeds with the expected upstream request`, async (t) => {
      if (!snapshots().has(tool)) return t.skip(`${tool} is not in this build yet`);
      api.clear();
      api.reply({ json: answer });
      const result = await s.client.callTool({ name: tool, arguments: args });
      const body = text(result);
      assert.equal(result.isError ?? false, false, body);
      if (expected?.text !== undefined) assert.equal(body, expected.text);
      else assert.deepEqual(JSON.parse(body), expected?.json ?? answer);
      assert.equal(api.requests.length, 1);
      assert.equal(api.requests[0].method, 'GET');
      assert.equal(api.requests[0].url, url);
      assert.equal(api.requests[0].headers.authorization, `ApiKey ${API_KEY}`);
    });
  }

  test('a bad argument is an isError result the model can read, and nothing is sent upstream', async () => {
    api.clear();
    for (const args of [{ agentId: 'abc' }, { agentId: 0 }, { agentId: 1.5 }, {}]) {
      const result = await s.client.callTool({ name: 'get_agent', arguments: args });
      assert.equal(result.isError, true);
      assert.match(text(result), /agentId/);
    }
    assert.equal(api.requests.length, 0);
  });

  test('an unknown tool is a JSON-RPC -32602 error (or an isError result)', async () => {
    try {
      const result = await s.client.callTool({ name: 'no_such_tool', arguments: {} });
      assert.equal(result.isError, true);
    } catch (e) {
      assert.ok(e instanceof McpError, String(e));
      assert.equal(e.code, -32602);
    }
  });

  test('an API answering garbage gives a specific error and the server keeps serving', async () => {
    api.clear();
    api.reply({ status: 200, headers: { 'content-type': 'application/json' }, raw: '{"agents": [oops' });
    const bad = await s.client.callTool({ name: 'get_agent', arguments: { agentId: 5 } });
    assert.equal(bad.isError, true);
    assert.match(text(bad), /malformed JSON/i);

    api.reply({ destroy: true });
    const dropped = await s.client.callTool({ name: 'get_agent', arguments: { agentId: 5 } });
    assert.equal(dropped.isError, true);

    api.reply({ json: { id: 5, name: 'Shop' } });
    const good = await s.client.callTool({ name: 'get_agent', arguments: { agentId: 5 } });
    assert.equal(good.isError ?? false, false);
    assert.deepEqual(JSON.parse(text(good)), { id: 5, name: 'Shop' });
    await s.client.ping();
  });
});

describe('stdio server against an unreachable API', () => {
  test('every call fails with a connection error and the process keeps serving', async () => {
    const s = await connect({ SEQUENTUM_API_KEY: API_KEY, SEQUENTUM_API_URL: await closedPortUrl() });
    try {
      for (let i = 0; i < 2; i++) {
        const result = await s.client.callTool({ name: 'list_agents', arguments: {} });
        assert.equal(result.isError, true);
        assert.match(text(result), /^Error: Could not connect to the Sequentum API at 127\.0\.0\.1/);
      }
      await s.client.ping();
    } finally {
      await s.client.close();
      everything.push(s.stderr());
    }
  });
});

describe('stdio server at the byte level', () => {
  let api;
  before(async () => { api = await startStubApi(); });
  after(async () => { await api.close(); });

  test('a malformed line gets -32700 and the next request is still answered', async () => {
    const raw = rawSession({ SEQUENTUM_API_KEY: API_KEY, SEQUENTUM_API_URL: api.url });
    try {
      raw.send(INITIALIZE);
      await raw.byId(1);
      raw.send(INITIALIZED);
      raw.send('{"jsonrpc":"2.0","id":2,"method":"ping"'); // truncated JSON
      raw.send('[{"jsonrpc":"2.0","id":3,"method":"ping"}]'); // a batch
      raw.send({ jsonrpc: '2.0', id: 4, method: 'ping' });
      const parseError = await raw.waitFor((m) => m.error?.code === -32700);
      assert.equal(parseError.id, null);
      assert.match(parseError.error.message, /^Parse error: /);
      const invalid = await raw.waitFor((m) => m.error?.code === -32600);
      assert.equal(invalid.id, null);
      assert.deepEqual((await raw.byId(4)).result, {});
      assert.deepEqual(raw.badLines, [], 'stdout carries only JSON lines');
    } finally {
      raw.end();
      assert.equal(await raw.exited, 0);
      everything.push(raw.stdout, raw.stderr);
    }
  });

  test('a response is not lost when stdin closes right after the request', async () => {
    api.clear();
    api.reply({ delayMs: 600, json: [{ id: 1, name: 'Slow' }] });
    const raw = rawSession({ SEQUENTUM_API_KEY: API_KEY, SEQUENTUM_API_URL: api.url });
    raw.send(INITIALIZE);
    raw.send(INITIALIZED);
    raw.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_agent', arguments: { agentId: 1 } } });
    raw.end();
    assert.equal(await raw.exited, 0);
    const answer = raw.messages.find((m) => m.id === 2);
    assert.ok(answer, `no answer to id 2; stdout: ${raw.stdout}\nstderr: ${raw.stderr}`);
    assert.deepEqual(JSON.parse(answer.result.content[0].text), [{ id: 1, name: 'Slow' }]);
    everything.push(raw.stdout, raw.stderr);
  });

  test('DEBUG=1 writes debug lines to stderr but never the API key', async () => {
    api.clear();
    api.reply({ json: [] });
    const raw = rawSession({ SEQUENTUM_API_KEY: API_KEY, SEQUENTUM_API_URL: api.url, DEBUG: '1' });
    raw.send(INITIALIZE);
    raw.send(INITIALIZED);
    raw.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_agents', arguments: {} } });
    await raw.byId(2);
    raw.end();
    await raw.exited;
    assert.match(raw.stderr, /\[DEBUG\] Using API Key authentication/);
    assert.match(raw.stderr, /\[DEBUG\] API_BASE_URL = http:\/\/127\.0\.0\.1:\d+\n/);
    assert.match(raw.stderr, /GET \/api\/v1\/agent\/all\?pageIndex=\*&recordsPerPage=\* -> 200/);
    assert.ok(!raw.stderr.includes(API_KEY), raw.stderr);
    assert.equal(api.requests[0].headers.authorization, `ApiKey ${API_KEY}`);
    everything.push(raw.stdout, raw.stderr);
  });

  test('without an API key the process exits 1 with one line on stderr and nothing on stdout', async () => {
    const raw = rawSession({});
    raw.end();
    assert.equal(await raw.exited, 1);
    assert.equal(raw.stdout, '');
    assert.match(raw.stderr, /^Error: API Key required for stdio mode[^\n]*\n$/);
  });
});

test('no stdout, stderr or tool result seen in these tests contains the API key', () => {
  assert.ok(everything.length > 5);
  for (const chunk of everything) assert.ok(!chunk.includes(API_KEY), chunk.slice(0, 500));
});
