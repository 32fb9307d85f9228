#!/usr/bin/env bash
# Proves that bin/sequentum-mcp writes nothing but JSON-RPC frames to stdout, for every JDK found (17, 25):
#   1. first use: no archive → server starts without one, a detached trainer builds it (its stdout is not ours);
#   2. with the freshly built archive;
#   3. a stale archive the launcher still trusts (stamp forged to match a touched jar) → the JVM rejects it; any
#      message about that must go to stderr;
#   4. a corrupt archive file (garbage bytes, stamp matching);
#   5. a stale stamp (jar touched after training) → launcher ignores the archive and retrains;
#   6. HTTP mode: the JVM accepts the launcher's memory options (default -Xmx512m unless the operator set a heap size,
#      native-heap trimming where supported, MALLOC_ARENA_MAX=2) and serves /health.
# Works on a private copy of the jar in a temporary directory. Exit status 0 = all passed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
launcher=$root/bin/sequentum-mcp
src_jar=${SERVER_JAR:-$root/server/target/sequentum-mcp.jar}
[ -f "$src_jar" ] || { echo "missing $src_jar (build first)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

input() {
  printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}' \
    '{"jsonrpc":"2.0","method":"notifications/initialized"}' '{"jsonrpc":"2.0","id":2,"method":"tools/list"}'
}

# check <label>: runs the launcher once; stdout must be exactly the two answers (ids 1 and 2), each a JSON-RPC frame.
check() {
  local label=$1 out=$work/out err=$work/err
  input | JAVA_HOME=$jdk SEQUENTUM_MCP_JAR=$work/sequentum-mcp.jar SEQUENTUM_API_KEY=sk-test-key-123 \
    SEQUENTUM_API_URL=http://127.0.0.1:9 timeout 60 "$launcher" >"$out" 2>"$err" || true
  if node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
    if (lines.pop() !== "") throw new Error("stdout does not end with a newline");
    const ids = lines.map((l) => { const m = JSON.parse(l); if (m.jsonrpc !== "2.0") throw new Error("not JSON-RPC: " + l); return m.id; });
    if (ids.sort().join() !== "1,2") throw new Error("expected answers 1 and 2, got " + ids.join());
  ' "$out" 2>"$work/why"; then
    echo "PASS JDK $v $label: stdout has only the 2 protocol frames"
  else
    echo "FAIL JDK $v $label: $(head -c 300 "$work/why")"; echo "  stdout: $(head -c 300 "$out")"; failures=$((failures + 1))
  fi
}
archive_of() { ls "$work"/sequentum-mcp-*-java*."$1" 2>/dev/null | head -n 1; }
# http_check <SEQUENTUM_MCP_JAVA_OPTS> <expected -Xmx>: starts --http, waits for /health, inspects the JVM's command
# line and environment (the launcher execs java, so its pid is the JVM's).
http_check() {
  local opts=$1 want=$2 port pid ok=0 cmd envs
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  JAVA_HOME=$jdk SEQUENTUM_MCP_JAR=$work/sequentum-mcp.jar SEQUENTUM_MCP_JAVA_OPTS=$opts PORT=$port HOST=127.0.0.1 \
    REQUIRE_AUTH=false SEQUENTUM_API_URL=http://127.0.0.1:9 "$launcher" --http >/dev/null 2>"$work/http-err" &
  pid=$!
  for _ in $(seq 1 150); do
    if node -e 'require("http").get(process.argv[1],(r)=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))' \
      "http://127.0.0.1:$port/health" 2>/dev/null; then ok=1; break; fi
    sleep 0.2
  done
  cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || true)
  envs=$(tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null || true)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  local xmx_count trim_ok=1
  xmx_count=$(grep -o -- '-Xmx[0-9]*[mg]' <<<"$cmd" | sort -u | tr '\n' ' ')
  if "$jdk/bin/java" -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -Xlog:disable -version >/dev/null 2>&1; then
    grep -q -- '-XX:TrimNativeHeapInterval=5000' <<<"$cmd" || trim_ok=0
  fi
  if [ $ok = 1 ] && [ "$xmx_count" = "$want " ] && [ $trim_ok = 1 ] && grep -qx 'MALLOC_ARENA_MAX=2' <<<"$envs"; then
    echo "PASS JDK $v http${opts:+ with $opts}: started; heap $want, trimming $( [ $trim_ok = 1 ] && echo ok ), MALLOC_ARENA_MAX=2"
  else
    echo "FAIL JDK $v http${opts:+ with $opts}: health=$ok heap=[$xmx_count] trim=$trim_ok; cmd: ${cmd:0:300}"
    head -c 300 "$work/http-err"; failures=$((failures + 1))
  fi
}
wait_for_archive() {
  local i
  for i in $(seq 1 120); do
    a=$(archive_of "$1"); [ -n "$a" ] && [ -f "$a.stamp" ] && [ ! -e "$a.lock" ] && return 0; sleep 0.5
  done
  return 1
}

for jdk in "${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" "${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"; do
  [ -x "$jdk/bin/java" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release")
  kind=jsa; [ "${v%%.*}" -ge 25 ] && kind=aot
  rm -rf "$work"/*; cp "$src_jar" "$work/sequentum-mcp.jar"

  check "first use (archive built in the background)"
  if wait_for_archive $kind; then echo "PASS JDK $v first use: archive created ($(basename "$(archive_of $kind)"))"
  else echo "FAIL JDK $v first use: no archive after 60 s"; failures=$((failures + 1)); continue; fi

  check "with archive"

  a=$(archive_of $kind)
  touch -d '2001-01-01' "$work/sequentum-mcp.jar"
  printf '%s|%s\n' "$work/sequentum-mcp.jar" "$(stat -L -c '%s %.9Y %i' "$work/sequentum-mcp.jar")" > "$a.stamp"
  check "stale archive (jar changed after training, launcher fooled)"

  head -c 65536 /dev/urandom > "$a"
  check "corrupt archive"

  touch "$work/sequentum-mcp.jar"
  check "stale stamp (launcher ignores the archive and retrains)"
  if wait_for_archive $kind && [ "$(wc -c < "$(archive_of $kind)")" -gt 65536 ]; then echo "PASS JDK $v stale stamp: archive rebuilt"
  else echo "FAIL JDK $v stale stamp: archive not rebuilt"; failures=$((failures + 1)); fi
  http_check "" "-Xmx512m"
  http_check "-Xmx300m" "-Xmx300m"
done
[ $failures -eq 0 ] || { echo "$failures launcher check(s) failed"; exit 1; }
