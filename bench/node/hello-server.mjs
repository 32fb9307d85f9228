#!/usr/bin/env node
// Yardstick for bench/stdio cold start: the smallest useful stdio MCP server on the TypeScript SDK
// (one tool, one prompt), so the Java server's start-up can be compared with a Node SDK server in the same run.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({ name: 'hello-yardstick', version: '1.0.0' });
server.registerTool('hello', { title: 'Hello', description: 'Answers with a greeting.' },
  async () => ({ content: [{ type: 'text', text: 'Hello from the TypeScript SDK' }] }));
await server.connect(new StdioServerTransport());
