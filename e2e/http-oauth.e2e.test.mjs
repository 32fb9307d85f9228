// End-to-end over Streamable HTTP with OAuth: `java -jar sequentum-mcp.jar --sandbox --http` on a free port, driven
// by the official TypeScript SDK client (StreamableHTTPClientTransport + an OAuthClientProvider). The client finds
// the protected-resource metadata through the 401 challenge, registers itself dynamically with the sandbox's
// authorization server, completes authorization code + PKCE headlessly, uses the tools, survives the expiry of its
// short-lived access token by refreshing it, and a second user (bob) can neither see nor use alice's session.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { JAVA, JAVA_ARGS, childEnv } from './support.mjs';

const TOKEN_TTL_SECONDS = 4;
const REDIRECT_URL = 'http://127.0.0.1:53682/callback'; // never contacted: the code is read from the Location header

let child;
let stderr = '';
let mcpUrl;
let sandboxUrl;

/** Every HTTP exchange the client libraries make (method, URL without query, status, grant type of token calls). */
const traffic = [];
async function recordingFetch(input, init) {
  const res = await fetch(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  let grant;
  if (init?.body instanceof URLSearchParams) grant = init.body.get('grant_type');
  else if (typeof init?.body === 'string' && init.body.includes('grant_type=')) grant = new URLSearchParams(init.body).get('grant_type');
  traffic.push({ method: init?.method ?? 'GET', url: url.origin + url.pathname, status: res.status, grant });
  return res;
}

/**
 * An in-memory OAuth client for one demo user. The "browser" step is headless: the authorization URL is fetched
 * without following redirects and the code is taken from the Location header.
 */
class HeadlessOAuthProvider {
  constructor(user) {
    this.user = user;
    this.saved = { client: undefined, tokens: undefined, verifier: undefined };
    this.tokenHistory = [];
    this.authorizationUrls = [];
    this.code = undefined;
  }
  get redirectUrl() { return REDIRECT_URL; }
  get clientMetadata() {
    return {
      client_name: `sequentum e2e (${this.user})`,
      redirect_uris: [REDIRECT_URL],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() { return this.saved.client; }
  saveClientInformation(info) { this.saved.client = info; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) { this.saved.tokens = tokens; this.tokenHistory.push(tokens); }
  saveCodeVerifier(v) { this.saved.verifier = v; }
  codeVerifier() { return this.saved.verifier; }
  async redirectToAuthorization(url) {
    const u = new URL(url);
    u.searchParams.set('login_hint', this.user); // the sandbox's demo-user picker
    this.authorizationUrls.push(u);
    const res = await fetch(u, { redirect: 'manual' });
    assert.equal(res.status >= 300 && res.status < 400, true, `authorize answered ${res.status}: ${await res.text()}`);
    const location = new URL(res.headers.get('location'));
    assert.equal(location.origin + location.pathname, REDIRECT_URL);
    assert.equal(location.searchParams.get('error'), null, `authorization error: ${location.search}`);
    this.code = location.searchParams.get('code');
    assert.ok(this.code, 'authorization code in the redirect');
  }
}

/** Connects a new client for `user`, going through the whole sign-in the first time. */
async function signedInClient(user) {
  const provider = new HeadlessOAuthProvider(user);
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider, fetch: recordingFetch });
  const client = new Client({ name: `e2e-${user}`, version: '1.0.0' });
  await assert.rejects(client.connect(first), UnauthorizedError, 'first connect needs the browser step');
  await first.finishAuth(provider.code);
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider, fetch: recordingFetch });
  const signedIn = new Client({ name: `e2e-${user}`, version: '1.0.0' });
  await signedIn.connect(transport);
  return { client: signedIn, transport, provider };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

describe('Streamable HTTP with OAuth against --sandbox --http', () => {
  let alice;

  before(async () => {
    child = spawn(JAVA, [...JAVA_ARGS, '--sandbox', '--http'], {
      env: childEnv({ PORT: '0', SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS), SEQUENTUM_SANDBOX_TIME_SCALE: '100' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => (stderr += `[stdout] ${c}`));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 30000);
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${stderr}`)));
      child.stderr.on('data', (c) => {
        stderr += c;
        const m = stderr.match(/Sandbox: MCP endpoint (http:\/\/\S+\/mcp) runs against .* at (http:\/\/\S+) \(/);
        if (m) {
          [, mcpUrl, sandboxUrl] = m;
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });

  after(async () => {
    await alice?.client.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('the server announces itself once, with the MCP endpoint and the sandbox URL', () => {
    assert.match(stderr, /Sequentum MCP Server running on HTTP at http:\/\/127\.0\.0\.1:\d+\/mcp /);
    assert.equal(stderr.match(/Sandbox: MCP endpoint/g).length, 1);
    assert.match(stderr, /tokens are validated as JWTs/);
    assert.notEqual(new URL(mcpUrl).port, new URL(sandboxUrl).port);
  });

  test('a request without a token is challenged with the protected-resource metadata URL', async () => {
    const res = await fetch(mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    assert.equal(res.status, 401);
    const origin = new URL(mcpUrl).origin;
    assert.equal(res.headers.get('www-authenticate'), `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`);
    const prm = await (await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`)).json();
    assert.equal(prm.resource, mcpUrl);
    assert.deepEqual(prm.authorization_servers, [sandboxUrl]);
  });

  test('alice signs in: discovery from the 401, dynamic registration, authorization code + PKCE', async () => {
    alice = await signedInClient('alice');
    const { provider } = alice;
    assert.match(provider.clientInformation().client_id, /^client-/, 'registered dynamically');
    const authUrl = provider.authorizationUrls[0];
    assert.equal(authUrl.origin + authUrl.pathname, `${sandboxUrl}/api/oauth/authorize`);
    assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authUrl.searchParams.get('resource'), mcpUrl);
    const claims = decode(provider.tokens().access_token);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.iss, sandboxUrl);
    assert.equal(claims.aud, mcpUrl);
    assert.ok(provider.tokens().refresh_token, 'a refresh token was issued');
    const seen = traffic.map((t) => `${t.method} ${t.url} ${t.status}`);
    const origin = new URL(mcpUrl).origin;
    for (const expected of [
      `POST ${mcpUrl} 401`,
      `GET ${origin}/.well-known/oauth-protected-resource/mcp 200`,
      `GET ${sandboxUrl}/.well-known/oauth-authorization-server 200`,
      `POST ${sandboxUrl}/api/oauth/register 201`,
      `POST ${sandboxUrl}/api/oauth/token 200`,
    ]) {
      assert.ok(seen.includes(expected), `expected "${expected}" in:\n${seen.join('\n')}`);
    }
    assert.ok(alice.transport.sessionId, 'a session id after initialize');
  });

  test('alice lists the 40 tools and calls list_agents', async () => {
    const { tools } = await alice.client.listTools();
    assert.equal(tools.length, 40);
    const result = await alice.client.callTool({ name: 'list_agents', arguments: {} });
    assert.notEqual(result.isError, true, result.content[0].text);
    assert.match(result.content[0].text, /Books to Scrape Catalogue/);
  });

  test('after the access token expires the client refreshes it and keeps working in the same session', async () => {
    const { provider, transport } = alice;
    const sessionBefore = transport.sessionId;
    const oldToken = provider.tokens().access_token;
    const waitMs = decode(oldToken).exp * 1000 - Date.now() + 1200;
    if (waitMs > 0) await sleep(waitMs);
    const before = traffic.length;
    const result = await alice.client.callTool({ name: 'list_agents', arguments: {} });
    assert.notEqual(result.isError, true, result.content[0].text);
    assert.match(result.content[0].text, /Books to Scrape Catalogue/);
    const after = traffic.slice(before).map((t) => `${t.method} ${t.url} ${t.status}${t.grant ? ` ${t.grant}` : ''}`);
    const why = `traffic after expiry:\n${after.join('\n')}`;
    assert.equal(after[0], `POST ${mcpUrl} 401`, why);
    assert.deepEqual(after.filter((t) => t.includes('/api/oauth/')), [`POST ${sandboxUrl}/api/oauth/token 200 refresh_token`], why);
    assert.equal(after.at(-1), `POST ${mcpUrl} 200`, why);
    assert.notEqual(provider.tokens().access_token, oldToken);
    assert.equal(decode(provider.tokens().access_token).sub, 'alice');
    assert.equal(transport.sessionId, sessionBefore, 'the session survives the refresh');
    assert.equal(provider.authorizationUrls.length, 1, 'no second browser sign-in');
  });

  test('bob gets his own session and cannot use alice\'s session id', async () => {
    const bob = await signedInClient('bob');
    try {
      assert.equal(decode(bob.provider.tokens().access_token).sub, 'bob');
      assert.notEqual(bob.transport.sessionId, alice.transport.sessionId);
      const mine = await bob.client.callTool({ name: 'list_agents', arguments: {} });
      assert.notEqual(mine.isError, true, mine.content[0].text);

      const res = await fetch(mcpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${bob.provider.tokens().access_token}`,
          'mcp-session-id': alice.transport.sessionId,
          'mcp-protocol-version': '2025-06-18',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
      });
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.message, 'Session not found');

      // alice's session is untouched
      const still = await alice.client.callTool({ name: 'list_agents', arguments: {} });
      assert.notEqual(still.isError, true);
    } finally {
      await bob.client.close();
    }
  });
});
