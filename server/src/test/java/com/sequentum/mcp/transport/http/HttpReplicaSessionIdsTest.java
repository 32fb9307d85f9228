package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** REPLICA_ID: clients see replica-tagged session ids that a proxy can route on; the SDK keeps its plain ids. */
class HttpReplicaSessionIdsTest {
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Test
    void sessionIdsCarryTheReplicaTagAndWorkForTheWholeSession() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of("REPLICA_ID", "r7"))) {
            String sid = h.open(TOKEN);
            assertThat(sid).startsWith("r7-").hasSizeGreaterThan(3);

            HttpHarness.Resp list = h.post(TOKEN, sid, TOOLS_LIST);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"list_agents\"");
            assertThat(HttpSessionLifecycleTest.sdkSessions(h)).isEqualTo(1);

            assertThat(h.delete(TOKEN, sid).status()).isEqualTo(200);
            assertThat(h.server.sessionCount()).isZero();
            assertThat(HttpSessionLifecycleTest.sdkSessions(h)).isZero();
        }
    }

    @Test
    void anIdWithoutThisReplicasTagIsAnUnknownSession() {
        try (HttpHarness h = HttpHarness.start(Map.of("REPLICA_ID", "r7"))) {
            String sid = h.open(TOKEN);
            String plain = sid.substring("r7-".length());
            HttpSecurityTest.assertJsonRpcError(h.post(TOKEN, plain, TOOLS_LIST), 404, -32001);
            HttpSecurityTest.assertJsonRpcError(h.post(TOKEN, "r8-" + plain, TOOLS_LIST), 404, -32001);
            HttpSecurityTest.assertJsonRpcError(h.post(TOKEN, "r7-", TOOLS_LIST), 404, -32001);
            assertThat(h.post(TOKEN, sid, TOOLS_LIST).status()).isEqualTo(200);
        }
    }

    @Test
    void withoutReplicaIdTheIdsArePlain() {
        try (HttpHarness h = HttpHarness.start(Map.of())) {
            assertThat(h.open(TOKEN)).doesNotContain("-r7").matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void replicaIdIsValidated() {
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("REPLICA_ID", "Replica 1"), new String[0]))
                .hasMessage("REPLICA_ID must be 1 to 16 lower-case letters or digits, such as r1");
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("REPLICA_ID", "r1", "STATELESS", "true"), new String[0]))
                .hasMessageContaining("no use with STATELESS=true");
        assertThat(HttpSettings.parse(Map.of("REPLICA_ID", " r1 "), new String[0]).replicaId()).isEqualTo("r1");
    }
}
