// End-to-end for the operator controls (docs/operators.md) against the built-in sandbox, driven by the official MCP
// TypeScript SDK client: confirmation of destructive tools through the client's elicitation handler (accept, decline,
// cancel; no elicitation under the default and the `always` policy), idempotent starts, read-only mode, and the audit
// trail both as a file and as the resource sequentum://audit/recent.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { JAVA, JAVA_ARGS, childEnv } from './support.mjs';

const SECRET_INPUT = '{"password":"hunter2-e2e-secret"}';
const IDEMPOTENCY_KEY = 'e2e-idem-key-4242';

/** Starts `--sandbox` (plus `args`) with `env`; `elicit` (optional) answers every elicitation request. */
async function connect({ args = [], env = {}, elicit } = {}) {
  const transport = new StdioClientTransport({
    command: JAVA,
    args: [...JAVA_ARGS, '--sandbox', ...args],
    env: childEnv({ SEQUENTUM_SANDBOX_TIME_SCALE: '25', ...env }),
    stderr: 'pipe',
  });
  const session = { stderr: '', asked: [] };
  transport.stderr.on('data', (c) => (session.stderr += c));
  const client = new Client({ name: 'sequentum-operators-e2e', version: '1.0.0' },
    elicit ? { capabilities: { elicitation: {} } } : {});
  if (elicit) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      session.asked.push(request.params.message);
      return elicit(request);
    });
  }
  await client.connect(transport);
  session.client = client;
  session.raw = (name, args = {}) => client.callTool({ name, arguments: args });
  session.text = async (name, args) => {
    const r = await session.raw(name, args);
    assert.equal(r.content.length, 1, `${name}: one content block`);
    assert.notEqual(r.isError, true, `${name} ${JSON.stringify(args)} failed: ${r.content[0].text}`);
    return r.content[0].text;
  };
  session.json = async (name, args) => JSON.parse(await session.text(name, args));
  return session;
}

/** The first agent's completed runs (newest first), as the sandbox lists them. */
async function completedRuns(s) {
  const page = await s.json('list_agents', { recordsPerPage: 5 });
  const agentId = page.agents[0].id;
  const runs = await s.json('get_agent_runs', { agentId, maxRecords: 1000 });
  const completed = runs.filter((r) => r.status === 'Completed').map((r) => r.id);
  assert.ok(completed.length >= 3, `agent ${agentId} needs 3 completed runs, has ${JSON.stringify(completed)}`);
  return { agentId, agentName: page.agents[0].name, completed };
}

const readJsonLines = (text) => text.split('\n').filter((l) => l.startsWith('{"time"')).map((l) => JSON.parse(l));

describe('a client that can ask the user (elicitation), with the audit trail in a file', () => {
  let s;
  let answer;
  let target;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sequentum-audit-'));
  const auditFile = path.join(dir, 'audit.jsonl');
  const before0 = {};

  before(async () => {
    s = await connect({ env: { SEQUENTUM_AUDIT_LOG: auditFile }, elicit: () => answer });
    target = await completedRuns(s);
  });

  after(async () => {
    await s?.client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('accept: the user sees what goes, the run is deleted and then Not Found', async () => {
    const runId = target.completed[0];
    answer = { action: 'accept', content: { confirm: true } };
    const text = await s.text('delete_run', { agentId: target.agentId, runId });
    assert.doesNotMatch(text, /Nothing was changed/);
    assert.equal(s.asked.length, 1);
    assert.match(s.asked[0], new RegExp(`^Delete run ${runId} of agent "${target.agentName.replace(/[-()]/g, '\\$&')}" \\(id ${target.agentId}\\)\\?`));
    assert.match(s.asked[0], /status: Completed; records extracted: \d+, exported: \d+\./);
    assert.match(s.asked[0], /This cannot be undone\.$/);
    const gone = await s.raw('get_run_status', { agentId: target.agentId, runId });
    assert.equal(gone.isError, true);
    assert.match(gone.content[0].text, /^Not Found: /);
  });

  for (const [how, reply] of [['decline', { action: 'decline' }], ['cancel', { action: 'cancel' }]]) {
    test(`${how}: a normal result saying nothing changed, and the run is still there`, async () => {
      const runId = target.completed[1];
      answer = reply;
      const asked = s.asked.length;
      const r = await s.raw('delete_run', { agentId: target.agentId, runId });
      assert.notEqual(r.isError, true, r.content[0].text);
      const word = how === 'decline' ? 'declined' : 'cancelled';
      assert.equal(r.content[0].text, `The user ${word} the confirmation, so delete_run was not carried out. `
        + 'Nothing was changed. Do not retry unless the user asks again.');
      assert.equal(r.structuredContent.changed, false);
      assert.equal(s.asked.length, asked + 1);
      const still = await s.json('get_run_status', { agentId: target.agentId, runId });
      assert.equal(still.id, runId);
      assert.equal(still.status, 'Completed');
    });
  }

  test('start_agent twice with one idempotencyKey: the same run id and exactly one new run', async () => {
    const page = await s.json('list_agents', { recordsPerPage: 5 });
    const agentId = page.agents[1].id;
    const before = (await s.json('get_agent_runs', { agentId, maxRecords: 1000 })).map((r) => r.id);
    before0.agentId = agentId;
    const first = await s.text('start_agent', { agentId, inputParameters: SECRET_INPUT, idempotencyKey: IDEMPOTENCY_KEY });
    const second = await s.text('start_agent', { agentId, inputParameters: SECRET_INPUT, idempotencyKey: IDEMPOTENCY_KEY });
    const runIdOf = (t) => Number(t.match(/"id": (\d+)/)[1]);
    assert.equal(runIdOf(second), runIdOf(first));
    assert.notEqual(second, first, 'the repeat is marked as a replay');
    const after = (await s.json('get_agent_runs', { agentId, maxRecords: 1000 })).map((r) => r.id);
    const added = after.filter((id) => !before.includes(id));
    assert.deepEqual(added, [runIdOf(first)], `before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
  });

  test('the audit file has one redacted line per write call, with outcome and upstream status', async () => {
    await s.json('list_spaces'); // read-only: not audited
    const lines = readJsonLines(fs.readFileSync(auditFile, 'utf8'));
    assert.deepEqual(lines.map((l) => [l.tool, l.outcome]), [
      ['delete_run', 'ok'], ['delete_run', 'declined'], ['delete_run', 'cancelled'],
      ['start_agent', 'ok'], ['start_agent', 'replayed'],
    ]);
    assert.deepEqual(lines[0].ids, { agentId: target.agentId, runId: target.completed[0] });
    assert.equal(lines[0].confirmation, 'confirmed');
    assert.ok(lines[0].upstreamStatus >= 200 && lines[0].upstreamStatus < 300, JSON.stringify(lines[0]));
    assert.equal(lines[1].upstreamStatus, undefined, 'a declined call never reaches the API');
    assert.deepEqual(lines[3].ids, { agentId: before0.agentId });
    assert.equal(lines[3].upstreamStatus, 200);
    assert.equal(lines[4].idempotent, true);
    for (const l of lines) {
      assert.deepEqual(Object.keys(l).slice(0, 5), ['time', 'principal', 'tool', 'ids', 'outcome']);
      assert.match(l.principal, /^[0-9a-f]{16}$/);
      assert.equal(typeof l.durationMs, 'number');
    }
    const all = fs.readFileSync(auditFile, 'utf8');
    for (const secret of ['hunter2', 'password', 'inputParameters', IDEMPOTENCY_KEY, 'sk-', 'Bearer', 'apiKey']) {
      assert.ok(!all.includes(secret), `audit log contains ${secret}: ${all}`);
    }
  });

  test('sequentum://audit/recent is listed and reads back the same entries, newest first', async () => {
    const { resources } = await s.client.listResources();
    assert.equal(resources.length, 8, 'the 7 API resources plus the audit resource');
    const audit = resources.find((r) => r.uri === 'sequentum://audit/recent');
    assert.equal(audit.mimeType, 'application/json');
    const read = await s.client.readResource({ uri: 'sequentum://audit/recent' });
    assert.equal(read.contents.length, 1);
    const entries = JSON.parse(read.contents[0].text);
    const lines = readJsonLines(fs.readFileSync(auditFile, 'utf8'));
    assert.deepEqual(entries, [...lines].reverse());
  });
});

describe('a client without elicitation', () => {
  test('default policy (elicit): the delete proceeds without asking', async () => {
    const s = await connect();
    try {
      const { agentId, completed } = await completedRuns(s);
      await s.text('delete_run', { agentId, runId: completed[0] });
      const gone = await s.raw('get_run_status', { agentId, runId: completed[0] });
      assert.equal(gone.isError, true);
      assert.match(gone.content[0].text, /^Not Found: /);
      const { resources } = await s.client.listResources();
      assert.equal(resources.length, 7, 'no audit resource while auditing is off');
    } finally {
      await s.client.close();
    }
  });

  test('CONFIRM_DESTRUCTIVE=always: refused, nothing deleted, and the refusal is audited on stderr', async () => {
    const s = await connect({ env: { CONFIRM_DESTRUCTIVE: 'always', SEQUENTUM_AUDIT_LOG: 'stderr' } });
    try {
      const { agentId, completed } = await completedRuns(s);
      const r = await s.raw('delete_run', { agentId, runId: completed[0] });
      assert.equal(r.isError, true);
      assert.match(r.content[0].text, /^Error: delete_run needs the user's confirmation, but this MCP client cannot ask/);
      assert.match(r.content[0].text, /CONFIRM_DESTRUCTIVE=always\)\. Nothing was changed\./);
      const still = await s.json('get_run_status', { agentId, runId: completed[0] });
      assert.equal(still.status, 'Completed');
      const lines = readJsonLines(s.stderr);
      assert.equal(lines.length, 1, s.stderr);
      assert.equal(lines[0].tool, 'delete_run');
      assert.equal(lines[0].outcome, 'refused-no-elicitation');
      assert.deepEqual(lines[0].ids, { agentId, runId: completed[0] });
    } finally {
      await s.client.close();
    }
  });
});

describe('--read-only', () => {
  let s;
  before(async () => { s = await connect({ args: ['--read-only'] }); });
  after(async () => { await s?.client.close(); });

  test('offers only tools annotated read-only', async () => {
    const { tools } = await s.client.listTools();
    assert.ok(tools.length >= 20, `read-only tools: ${tools.length}`);
    for (const t of tools) assert.equal(t.annotations?.readOnlyHint, true, `${t.name} is not read-only`);
    const names = tools.map((t) => t.name);
    for (const w of ['start_agent', 'delete_run', 'kill_agent', 'delete_agent_schedule', 'run_space_agents']) {
      assert.ok(!names.includes(w), `${w} is offered`);
    }
    assert.ok(names.includes('list_agents') && names.includes('get_run_status'));
  });

  test('a write tool is unknown: the call fails like any unknown tool', async () => {
    const failure = async (name) => {
      try {
        await s.raw(name, { agentId: 101 });
      } catch (e) {
        return e;
      }
      assert.fail(`${name} was callable`);
    };
    const write = await failure('start_agent');
    const unknown = await failure('no_such_tool');
    assert.equal(write.code, -32602);
    assert.equal(write.message, unknown.message);
    assert.equal(JSON.stringify(write.data), JSON.stringify(unknown.data).replace('no_such_tool', 'start_agent'));
    assert.match(JSON.stringify(write.data), /Tool not found: start_agent/);
  });
});
