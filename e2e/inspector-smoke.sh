#!/usr/bin/env bash
# Smoke check with a second third-party client: the MCP Inspector CLI (@modelcontextprotocol/inspector 1.0.3, the
# newest release that runs on Node 20) lists the tools of the stdio server and calls one against a throw-away stub.
set -euo pipefail
cd "$(dirname "$0")"
JAR="${SERVER_JAR:-../server/target/sequentum-mcp.jar}"
JAVA="${JAVA_BIN:-java}"
KEY="sk-inspector-key-2024"
expected=$(ls ../server/src/test/resources/snapshots/tools/*.json | wc -l)

# A one-request-at-a-time stub API: answers every request with an empty agent page.
port_file=$(mktemp)
node -e '
  const http = require("http");
  const s = http.createServer((q, r) => { r.writeHead(200, {"content-type": "application/json"});
    r.end(JSON.stringify({agents: [{id: 3, name: "Inspected", status: 9}], totalRecordCount: 1})); });
  s.listen(0, "127.0.0.1", () => require("fs").writeFileSync(process.argv[1], String(s.address().port)));
' "$port_file" &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
api="http://127.0.0.1:$(cat "$port_file")"

run() {
  npx --no-install mcp-inspector --cli \
    -e SEQUENTUM_API_KEY="$KEY" -e SEQUENTUM_API_URL="$api" \
    "$JAVA" -Xlog:disable -Xlog:all=warning:stderr -jar "$JAR" "$@"
}

list=$(run --method tools/list)
count=$(node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{const t=JSON.parse(d).tools;
  if(!t.every(x=>x.annotations&&x.annotations.title===x.title))process.exit(3);console.log(t.length)})' <<<"$list")
[ "$count" = "$expected" ] || { echo "inspector: expected $expected tools, got $count"; exit 1; }

call=$(run --method tools/call --tool-name list_agents)
node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{const r=JSON.parse(d);
  const body=JSON.parse(r.content[0].text); if(r.isError||body.agents[0].status!=="Completed")process.exit(4)})' <<<"$call"

level=$(run --method logging/setLevel --log-level debug)
node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{const r=JSON.parse(d);
  if(typeof r!=="object"||r===null||"error" in r)process.exit(5)})' <<<"$level"

prompts=$(run --method prompts/list)
pcount=$(node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>console.log(JSON.parse(d).prompts.length))' <<<"$prompts")
[ "$pcount" = "11" ] || { echo "inspector: expected 11 prompts, got $pcount"; exit 1; }

templates=$(run --method resources/templates/list)
tcount=$(node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>console.log(JSON.parse(d).resourceTemplates.length))' <<<"$templates")
[ "$tcount" = "11" ] || { echo "inspector: expected 11 resource templates, got $tcount"; exit 1; }

if grep -q "$KEY" <<<"$list$call$level$prompts$templates"; then echo "inspector: API key leaked"; exit 1; fi
echo "inspector smoke: tools/list returned $count tools with annotations; tools/call list_agents OK;" \
  "logging/setLevel OK; $pcount prompts; $tcount resource templates"
