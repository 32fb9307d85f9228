#!/usr/bin/env bash
# Scale test: Redis + one standalone sandbox + 3 replicas on loopback + nginx (deploy/nginx/*.conf), both modes in turn,
# driven by 8 TypeScript-SDK clients (scripts/scale/clients.mjs). One command; CI smoke-runs it with small counts.
#   scripts/scale-test.sh                 # CLIENTS=8 CALLS=12 by default; CI: CLIENTS=8 CALLS=6
#   CALLS=40 BENCH=1 scripts/scale-test.sh  # also measures throughput, 3 replicas vs 1 (docs/scale.md)
#   CALLS=40 BENCH_ONLY=1 BENCH_ROUNDS=2 scripts/scale-test.sh  # only the throughput comparison, alternating rounds
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CLIENTS=${CLIENTS:-8}
CALLS=${CALLS:-12}
BENCH=${BENCH:-0}
WORK=$(mktemp -d /tmp/sequentum-scale.XXXXXX)
PORTS=(3101 3102 3103)
PROXY=8180
SANDBOX=8191
REDIS=6391
PIDS=()
log() { echo "[scale] +$SECONDS s $*" >&2; }
fail() { echo "[scale] FAIL: $*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -x "/usr/sbin/$1" ] && return 0
  log "installing $2 (apt-get)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$2" >/dev/null
}
need nginx nginx
need redis-server redis-server
need jq jq
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f server/target/sequentum-mcp.jar ] && [ -f sandbox/target/sequentum-sandbox.jar ] || ./mvnw -q -o package -DskipTests
[ -d e2e/node_modules/@modelcontextprotocol/sdk ] || (cd e2e && npm ci --no-audit --no-fund >/dev/null)

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() { # url [tries]
  for _ in $(seq 1 ${2:-150}); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  fail "$1 did not come up"
}

redis-server --port $REDIS --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!; PIDS+=($REDIS_PID)
java -jar sandbox/target/sequentum-sandbox.jar --port $SANDBOX >"$WORK/sandbox.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$SANDBOX) 2>/dev/null && break; sleep 0.1; done

declare -A REPLICA
start_replicas() { # extra env...
  local i=0
  for port in "${PORTS[@]}"; do
    i=$((i + 1))
    # stateful replicas tag their session ids (r1-..., r2-...) so nginx can route each session to its replica
    local tag=(REPLICA_ID=r$i)
    case " $* " in *" STATELESS=true "*) tag=();; esac
    env -i PATH="$PATH" HOME="$HOME" PORT=$port HOST=127.0.0.1 REQUIRE_AUTH=false ANONYMOUS_API_KEY=sk-sandbox \
      SEQUENTUM_API_URL=http://127.0.0.1:$SANDBOX TRUST_PROXY=1 REDIS_URL=redis://127.0.0.1:$REDIS/0 "${tag[@]}" "$@" \
      java -XX:TieredStopAtLevel=1 -Xss512k -jar server/target/sequentum-mcp.jar --http >"$WORK/replica-$port.log" 2>&1 &
    REPLICA[$port]=$!; PIDS+=($!)
  done
  for port in "${PORTS[@]}"; do wait_http "http://127.0.0.1:$port/ready"; done
}
stop_replicas() {
  for port in "${PORTS[@]}"; do kill "${REPLICA[$port]}" 2>/dev/null || true; done
  for port in "${PORTS[@]}"; do wait "${REPLICA[$port]}" 2>/dev/null || true; done
}
start_nginx() { # deploy/nginx/<mode>.conf, rewritten to this test's ports; optional: number of replicas
  local n=${2:-3}
  sed -e "s/127.0.0.1:8080/127.0.0.1:$PROXY/" -e "s/127.0.0.1:3001/127.0.0.1:${PORTS[0]}/" \
      -e "s/127.0.0.1:3002/127.0.0.1:${PORTS[1]}/" -e "s/127.0.0.1:3003/127.0.0.1:${PORTS[2]}/" \
      "deploy/nginx/$1.conf" > "$WORK/site.conf"
  if [ "$n" = 1 ]; then sed -i -e "/127.0.0.1:${PORTS[1]}/d" -e "/127.0.0.1:${PORTS[2]}/d" "$WORK/site.conf"; fi
  cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fcgi; uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  include $WORK/site.conf;
}
CONF
  [ -f "$WORK/nginx.pid" ] && { kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; sleep 0.3; }
  "$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>>"$WORK/nginx-error.log" || { cat "$WORK/nginx-error.log" >&2; fail "nginx did not start"; }
  wait_http "http://127.0.0.1:$PROXY/health"
}
drive() { # mode [kill | extra driver args...]
  local kill_args=()
  if [ "${2:-}" = kill ]; then
    kill_args=(--kill-pids "${REPLICA[${PORTS[0]}]},${REPLICA[${PORTS[1]}]},${REPLICA[${PORTS[2]}]}" --kill-after-ms 1200)
  fi
  node scripts/scale/clients.mjs --url "http://127.0.0.1:$PROXY/mcp" --mode "$1" --clients "$CLIENTS" --calls "$CALLS" \
    --replicas "$(IFS=,; echo "${PORTS[*]}")" "${kill_args[@]}" "${@:2}"
}
ping_status() {
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PROXY/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":1,"method":"ping"}'
}

BIG=(RATE_LIMIT_PER_MINUTE=1000000 PRINCIPAL_RATE_LIMIT_PER_MINUTE=1000000)

if [ "${BENCH_ONLY:-0}" != 1 ]; then

log "stateless: 3 replicas behind deploy/nginx/stateless.conf, $CLIENTS clients x $CALLS calls, one replica stopped mid-run"
start_replicas STATELESS=true "${BIG[@]}"
start_nginx stateless
sandbox_runs() { curl -s -H 'Authorization: ApiKey sk-sandbox' "http://127.0.0.1:$SANDBOX/api/v1/agent/$1/runs" | jq length; }
AGENT=""
for id in $(seq 101 115); do
  agent=$(curl -s -H 'Authorization: ApiKey sk-sandbox' "http://127.0.0.1:$SANDBOX/api/v1/agent/$id")
  runs=$(curl -s -H 'Authorization: ApiKey sk-sandbox' "http://127.0.0.1:$SANDBOX/api/v1/agent/$id/runs")
  echo "$agent" | jq -e '.configType == "Agent"' >/dev/null 2>&1 || continue
  if echo "$runs" | jq -e 'type == "array" and all(.[]; .status as $s
      | ["Queuing","Queued","Starting","Running","Stopping","WaitingOnFailure"] | index($s) == null)' >/dev/null 2>&1
  then AGENT=$id; break; fi
done
[ -n "$AGENT" ] || fail "no idle sandbox agent for the idempotency check"
before=$(sandbox_runs "$AGENT")
log "idempotency: $CLIENTS clients send start_agent for agent $AGENT with one idempotencyKey through round-robin nginx"
node scripts/scale/clients.mjs --url "http://127.0.0.1:$PROXY/mcp" --clients "$CLIENTS" \
  --replicas "$(IFS=,; echo "${PORTS[*]}")" --idempotency-key "scale-$$-$RANDOM" --agent-id "$AGENT" || fail "idempotency check"
after=$(sandbox_runs "$AGENT")
log "sandbox runs of agent $AGENT: $before before, $after after"
[ "$after" = $((before + 1)) ] || fail "the same idempotency key started $((after - before)) runs, expected 1"
drive stateless kill
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY/metrics")" = 403 ] || fail "/metrics reachable through the proxy"
stop_replicas

log "global rate limit: 100/min per address shared by 3 replicas through Redis"
start_replicas STATELESS=true RATE_LIMIT_PER_MINUTE=100 PRINCIPAL_RATE_LIMIT_PER_MINUTE=1000000
ok=0; limited=0
for i in $(seq 1 150); do case "$(ping_status)" in 200) ok=$((ok+1));; 429) limited=$((limited+1));; *) fail "unexpected status";; esac; done
log "150 pings: $ok answered, $limited refused with 429"
[ "$ok" -ge 100 ] && [ "$ok" -le 110 ] || fail "expected ~100 answered across 3 replicas (not 300), got $ok"

log "Redis stopped mid-run: replicas keep serving (fail open to per-replica limits)"
kill -9 $REDIS_PID; wait $REDIS_PID 2>/dev/null || true
codes=""; for i in $(seq 1 12); do codes+="$(ping_status) "; done
log "after Redis stopped: $codes"
case "$codes" in *5??*|*000*) fail "a replica failed without Redis: $codes";; esac
for port in "${PORTS[@]}"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ] || fail "replica $port not ready"
  curl -s "http://127.0.0.1:$port/metrics" | grep -q '^mcp_rate_limit_backend_errors_total [1-9]' || true
done
errs=$(for port in "${PORTS[@]}"; do curl -s "http://127.0.0.1:$port/metrics" | awk '/^mcp_rate_limit_backend_errors_total /{print $2}'; done | paste -sd+ | bc)
log "mcp_rate_limit_backend_errors_total over replicas: $errs"
# idempotency fails closed: a keyed start is refused (nothing reaches the sandbox), one without a key is not affected
runs_before=$(sandbox_runs "$AGENT")
keyed=$(curl -s -X POST "http://127.0.0.1:${PORTS[0]}/mcp" -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",
  \"params\":{\"name\":\"start_agent\",\"arguments\":{\"agentId\":$AGENT,\"idempotencyKey\":\"redis-down-$$\"}}}")
echo "$keyed" | grep -q 'Nothing was started: the idempotency store (Redis)' || fail "keyed start without Redis: $keyed"
[ "$(sandbox_runs "$AGENT")" = "$runs_before" ] || fail "a keyed start reached the sandbox while Redis was down"
idem=$(curl -s "http://127.0.0.1:${PORTS[0]}/metrics" | awk '/^mcp_idempotency_backend_errors_total /{print $2}')
log "keyed start_agent without Redis: refused with a retry message, no run started, mcp_idempotency_backend_errors_total $idem"
stop_replicas
redis-server --port $REDIS --bind 127.0.0.1 --save "" --appendonly no >>"$WORK/redis.log" 2>&1 &
REDIS_PID=$!; PIDS+=($REDIS_PID)

log "stateful: 3 replicas behind deploy/nginx/stateful.conf (routed by the replica tag in Mcp-Session-Id); first without failures"
start_replicas "${BIG[@]}"
start_nginx stateful
drive stateful
log "stateful: the replica holding the sessions stopped mid-run; its clients get 404, re-initialize and continue"
drive stateful kill
stop_replicas

fi # BENCH_ONLY

if [ "$BENCH" = 1 ] || [ "${BENCH_ONLY:-0}" = 1 ]; then
  # Stateless, nginx round-robin over 3 replicas or over 1, no pause between a client's calls. Rounds alternate
  # (3, 1, 3, 1, ...) so that load from other processes on the machine hits both sides alike.
  for round in $(seq 1 "${BENCH_ROUNDS:-1}"); do
    for n in 3 1; do
      start_replicas STATELESS=true "${BIG[@]}"
      start_nginx stateless $n
      # warm-up (JIT, connections): as many rounds as replicas, so every replica sees as many calls as a single one
      for _ in $(seq 1 $n); do drive stateless --no-spread 1 --pause-ms 0 >/dev/null; done
      r=$(drive stateless --no-spread 1 --pause-ms 0)
      ms=$(echo "$r" | jq .ms)
      log "throughput round $round, $n replica(s): $((CLIENTS * CALLS)) calls in $ms ms = $(echo "scale=1; $CLIENTS * $CALLS * 1000 / $ms" | bc) calls/s"
      echo "$(date -u +%FT%TZ) round=$round replicas=$n $r" >> "${BENCH_OUT:-/tmp/scale-bench.txt}"
      stop_replicas
    done
  done
fi
log "PASS"
