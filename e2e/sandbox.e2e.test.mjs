// End-to-end against the built-in sandbox: `java -jar sequentum-mcp.jar --sandbox` with no other configuration,
// driven by the official MCP TypeScript SDK client through a whole working session — discover, run, download,
// schedule, read billing and analytics, diagnose a failure, build an agent from a prompt and run it.
// The sandbox clock is sped up (SEQUENTUM_SANDBOX_TIME_SCALE) so runs and builds finish in about a second.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JAVA, JAVA_ARGS, childEnv } from './support.mjs';

const TERMINAL_RUN = new Set(['Completed', 'CompletedWithErrors', 'Failed', 'FailedToStart', 'Stopped']);

let client;
let stderr = '';
let sandboxUrl;

async function call(name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.content.length, 1, `${name}: one content block`);
  const text = result.content[0].text;
  assert.notEqual(result.isError, true, `${name} ${JSON.stringify(args)} failed: ${text}`);
  return text;
}

const json = async (name, args) => JSON.parse(await call(name, args));

/** The JSON that follows a fixed success line such as "Agent started successfully.\n\n". */
const jsonAfterPrefix = (text, prefix) => {
  assert.ok(text.startsWith(prefix), `expected "${prefix}" in: ${text.slice(0, 200)}`);
  return JSON.parse(text.slice(prefix.length));
};

async function waitForRun(agentId, runId, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await json('get_run_status', { agentId, runId });
    if (TERMINAL_RUN.has(run.status)) return run;
    assert.ok(Date.now() < deadline, `run ${runId} still ${run.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function sandboxInfo() {
  const res = await fetch(`${sandboxUrl}/__sandbox/info`);
  assert.equal(res.status, 200);
  return res.json();
}

describe('a session against the built-in sandbox', () => {
  before(async () => {
    const transport = new StdioClientTransport({
      command: JAVA,
      args: [...JAVA_ARGS, '--sandbox'],
      env: childEnv({ SEQUENTUM_SANDBOX_TIME_SCALE: '25' }),
      stderr: 'pipe',
    });
    transport.stderr.on('data', (c) => (stderr += c));
    client = new Client({ name: 'sequentum-sandbox-e2e', version: '1.0.0' });
    await client.connect(transport);
    const deadline = Date.now() + 10000;
    while (!/Sandbox: emulated Sequentum API at (http:\/\/127\.0\.0\.1:\d+)/.test(stderr)) {
      assert.ok(Date.now() < deadline, `no sandbox line on stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    sandboxUrl = stderr.match(/Sandbox: emulated Sequentum API at (http:\/\/127\.0\.0\.1:\d+)/)[1];
  });

  after(async () => {
    await client?.close();
  });

  test('announces the sandbox once on stderr, with its loopback URL', () => {
    assert.equal(stderr.match(/Sandbox: emulated Sequentum API at/g).length, 1);
  });

  test('the account has at least 30 agents of all four config types across at least 3 spaces', async () => {
    const spaces = await json('list_spaces');
    assert.ok(spaces.length >= 3, `spaces: ${spaces.length}`);
    const page = await json('list_agents', { recordsPerPage: 100 });
    assert.ok(page.pagination.totalRecordCount >= 30, `agents: ${page.pagination.totalRecordCount}`);
    assert.equal(page.agents.length, page.pagination.totalRecordCount);
    const types = new Set(page.agents.map((a) => a.configType));
    assert.deepEqual([...types].sort(), ['Agent', 'Api', 'Command', 'Shared']);
    const withAgents = [];
    for (const space of spaces) {
      const agents = await json('get_space_agents', { spaceId: space.id });
      if (agents.length > 0) withAgents.push(space.id);
    }
    assert.ok(withAgents.length >= 3, `spaces holding agents: ${withAgents}`);
  });

  test('start an agent, watch it finish, and download files whose content matches the record count', async () => {
    const [agentId] = (await sandboxInfo()).reliableStartableAgents;
    const started = jsonAfterPrefix(await call('start_agent', { agentId }), 'Agent started successfully.\n\n');
    assert.ok(Number.isInteger(started.id), `run id in ${JSON.stringify(started)}`);

    const run = await waitForRun(agentId, started.id);
    assert.equal(run.status, 'Completed');
    assert.ok(run.recordsExported > 0);

    const files = await json('get_run_files', { agentId, runId: run.id });
    assert.ok(files.length >= 1);
    for (const file of files) {
      const text = await call('get_file_download_url', { agentId, runId: run.id, fileId: file.id });
      const url = text.split('\n')[1];
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//);
      const res = await fetch(url); // no Authorization: the link is signed
      assert.equal(res.status, 200, `download of ${file.name}`);
      const body = await res.text();
      assert.equal(file.fileSize, `${(Buffer.byteLength(body) / 1024).toFixed(2)} KB`, `size of ${file.name}`);
      if (file.name.endsWith('.json')) {
        assert.equal(JSON.parse(body).length, run.recordsExported);
      } else if (file.name.endsWith('.csv')) {
        const rows = body.split(/\r?\n/).filter((l) => l.length > 0);
        assert.equal(rows.length - 1, run.recordsExported, 'CSV rows after the header');
      }
    }
  });

  test('a new CRON schedule shows up in get_scheduled_runs at its next run time, and leaves when disabled', async () => {
    const [agentId] = (await sandboxInfo()).agentsNeverFailed;
    const created = jsonAfterPrefix(
      await call('create_agent_schedule', {
        agentId, name: 'E2E every day 09:00 UTC', scheduleType: 3, cronExpression: '0 9 * * *', timezone: 'UTC',
      }),
      'Schedule created successfully.\n\n');
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 0, 0));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);

    const window = { startDate: now.toISOString(), endDate: new Date(now.getTime() + 3 * 86400000).toISOString() };
    const upcoming = await json('get_scheduled_runs', window);
    const mine = upcoming.filter((u) => u.scheduleId === created.id);
    assert.equal(mine.length, 1, JSON.stringify(upcoming));
    assert.equal(mine[0].agentId, agentId);
    assert.equal(new Date(mine[0].nextRunTime).getTime(), next.getTime(), `nextRunTime ${mine[0].nextRunTime}`);

    await call('disable_agent_schedule', { agentId, scheduleId: created.id });
    const after = await json('get_scheduled_runs', window);
    assert.equal(after.filter((u) => u.scheduleId === created.id).length, 0);
  });

  test('spending agrees with agent usage and the balance; the runs summary lists exactly its failed runs', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 30 * 86400000);
    const period = { startDate: start.toISOString(), endDate: end.toISOString() };
    const spending = await json('get_spending_summary', period);
    const usage = await json('get_agents_usage', { ...period, recordsPerPage: 1000 });
    const balance = await json('get_credits_balance');
    assert.ok(Math.abs(spending.totalSpent - usage.totalCost) < 1e-6, `${spending.totalSpent} vs ${usage.totalCost}`);
    assert.ok(Math.abs(spending.currentBalance - balance.availableCredits) < 1e-6);
    const sumOfAgents = usage.agents.reduce((s, a) => s + a.cost, 0);
    assert.ok(Math.abs(sumOfAgents - usage.totalCost) < 1e-6, `${sumOfAgents} vs ${usage.totalCost}`);

    const summary = await json('get_runs_summary', { ...period, includeDetails: true });
    assert.ok(summary.totalRuns > 0);
    assert.ok(summary.failedRuns > 0);
    assert.equal(summary.failedRunDetails.length, summary.failedRuns);
  });

  test('a failing agent has a latest failure whose diagnostics suggest causes and actions', async () => {
    const [agentId] = (await sandboxInfo()).agentsFailingByDesign;
    const failure = await json('get_latest_failure', { agentId });
    assert.ok(failure.runId > 0);
    const diagnostics = await json('get_run_diagnostics', { agentId, runId: failure.runId });
    assert.equal(diagnostics.runId, failure.runId);
    assert.ok(diagnostics.errorMessage);
    assert.ok(diagnostics.possibleCauses.length > 0);
    assert.ok(diagnostics.suggestedActions.length > 0);

    const [healthy] = (await sandboxInfo()).agentsNeverFailed;
    const none = await client.callTool({ name: 'get_latest_failure', arguments: { agentId: healthy } });
    assert.equal(none.isError, true);
    assert.match(none.content[0].text, /^Not Found: /);
  });

  test('build an agent from a prompt, find it in its space with the prompt URL, and run it', async () => {
    const space = await json('search_space_by_name', { name: 'Retail Price Intelligence' });
    const prompt = 'Collect the title and price of every book listed on https://books.toscrape.com/catalogue/page-1.html';
    const { sessionId } = await json('start_agent_build', { prompt, spaceId: space.id });
    assert.ok(sessionId);

    let status;
    const deadline = Date.now() + 60000;
    for (;;) {
      status = await json('get_agent_build_status', { sessionId });
      if (['completed', 'ready', 'error', 'cancelled'].includes(status.status)) break;
      assert.ok(Date.now() < deadline, `build still ${status.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(['completed', 'ready'].includes(status.status), JSON.stringify(status));
    assert.ok(!('error' in status));

    const agent = await json('get_agent', { agentId: status.agentId });
    assert.equal(agent.spaceId, space.id);
    assert.equal(agent.startUrl, 'https://books.toscrape.com/catalogue/page-1.html');
    const inSpace = await json('get_space_agents', { spaceId: space.id });
    assert.ok(inSpace.some((a) => a.id === status.agentId));

    const started = jsonAfterPrefix(await call('start_agent', { agentId: status.agentId }), 'Agent started successfully.\n\n');
    const run = await waitForRun(status.agentId, started.id);
    assert.ok(TERMINAL_RUN.has(run.status));
  });

  test('a prompt without any URL ends the build in error, with the raw cause withheld', async () => {
    const { sessionId } = await json('start_agent_build', { prompt: 'Get me some prices of things from the usual place' });
    let status;
    const deadline = Date.now() + 60000;
    do {
      await new Promise((r) => setTimeout(r, 250));
      status = await json('get_agent_build_status', { sessionId });
      assert.ok(Date.now() < deadline, `build still ${status.status}`);
    } while (status.status === 'processing');
    assert.equal(status.status, 'error');
    assert.equal(status.error, 'Build failed. Please review your prompt and try again.');
  });

  test('structuredContent mirrors the text, a waited start reports progress, and get_run_data pages through the rows', async () => {
    await client.listTools(); // lets the client validate structuredContent against each outputSchema
    const spaces = await client.callTool({ name: 'list_spaces', arguments: {} });
    assert.deepEqual(spaces.structuredContent, { items: JSON.parse(spaces.content[0].text) });

    const [agentId] = (await sandboxInfo()).reliableStartableAgents;
    const progress = [];
    const started = await client.callTool({ name: 'start_agent', arguments: { agentId, waitSeconds: 30 } }, undefined,
      { onprogress: (p) => progress.push(p), timeout: 60000 });
    assert.notEqual(started.isError, true, started.content[0].text);
    const run = started.structuredContent;
    assert.equal(run.status, 'Completed', JSON.stringify(run));
    assert.equal(run.finished, true);
    assert.equal(run.agentId, agentId);
    assert.match(run.summary, new RegExp(`^Run ${run.runId} of agent ${agentId} completed`));
    assert.ok(progress.length >= 1, 'at least one progress notification');
    assert.equal(progress[0].total, 30);
    assert.match(progress[0].message, new RegExp(`^Run ${run.runId}: `));
    assert.deepEqual(jsonAfterPrefix(started.content[0].text, 'Agent started successfully.\n\n'), run);

    const rows = [];
    let args = { agentId, runId: run.runId, limit: 50 };
    let page;
    do {
      page = (await client.callTool({ name: 'get_run_data', arguments: args })).structuredContent;
      assert.ok(page.columns.length > 0);
      rows.push(...page.rows);
      args = page.next;
    } while (page.hasMore);
    assert.equal(page.totalRows, run.recordsExported);
    assert.equal(rows.length, run.recordsExported);
  });
});
