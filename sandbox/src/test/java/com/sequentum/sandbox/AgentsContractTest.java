package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentsContractTest extends SandboxTest {
    @Test
    void listWithoutPaginationIsBareArrayOfAgentModels() {
        Http.Resp r = h.get("/api/v1/agent/all");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode arr = r.json();
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isGreaterThanOrEqualTo(30);
        Set<String> types = new HashSet<>();
        for (JsonNode a : arr) types.add(a.get("configType").asText());
        assertThat(types).containsExactlyInAnyOrder("Agent", "Command", "Api", "Shared");
        JsonNode a = arr.get(0);
        assertThat(a.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "description", "documentation", "icon", "image",
                "inputParameters", "configType", "proxyPoolId", "spaceId", "startUrl", "status", "userId",
                "validationStatus", "version", "created", "updated", "lastActivity", "agentTemplates");
        boolean neverRan = false;
        for (JsonNode x : arr) if (x.get("status").isNull()) neverRan = true;
        assertThat(neverRan).isTrue();
    }

    @Test
    void pagedListReturnsAgentsAndTotal() {
        JsonNode all = h.get("/api/v1/agent/all").json();
        JsonNode p1 = h.get("/api/v1/agent/all?pageIndex=1&recordsPerPage=10").json();
        assertThat(p1.get("totalRecordCount").asInt()).isEqualTo(all.size());
        assertThat(p1.get("agents").size()).isEqualTo(10);
        JsonNode p2 = h.get("/api/v1/agent/all?pageIndex=2&recordsPerPage=10").json();
        assertThat(p2.get("agents").get(0).get("id").asInt()).isEqualTo(all.get(10).get("id").asInt());
    }

    @Test
    void filtersAndSorting() {
        JsonNode byName = h.get("/api/v1/agent/all?name=AMAZON").json();
        assertThat(byName.size()).isEqualTo(1);
        assertThat(byName.get(0).get("name").asText()).contains("Amazon");
        JsonNode space = h.get("/api/v1/agent/all?spaceId=2").json();
        assertThat(space.size()).isPositive();
        space.forEach(a -> assertThat(a.get("spaceId").asInt()).isEqualTo(2));
        JsonNode cmd = h.get("/api/v1/agent/all?configType=Command").json();
        assertThat(cmd.size()).isPositive();
        cmd.forEach(a -> assertThat(a.get("configType").asText()).isEqualTo("Command"));
        JsonNode running = h.get("/api/v1/agent/all?status=1").json();
        running.forEach(a -> assertThat(a.get("status").asInt()).isEqualTo(1));
        JsonNode sorted = h.get("/api/v1/agent/all?sortColumn=name&sortOrder=1").json();
        List<String> names = new ArrayList<>();
        sorted.forEach(a -> names.add(a.get("name").asText().toLowerCase()));
        List<String> copy = new ArrayList<>(names);
        copy.sort(java.util.Comparator.reverseOrder());
        assertThat(names).isEqualTo(copy);
        JsonNode combo = h.get("/api/v1/agent/all?spaceId=2&name=e&configType=Agent&sortColumn=name&sortOrder=0&pageIndex=1&recordsPerPage=5").json();
        assertThat(combo.get("agents").size()).isLessThanOrEqualTo(5);
        assertThat(combo.get("totalRecordCount").asInt()).isPositive();
    }

    @Test
    void specExampleUrlsAreAccepted() {
        for (String p : new String[] {"/api/v1/agent/all?status=1&spaceId=10&name=bot", "/api/v1/agent/all?name=test+agent",
                "/api/v1/agent/all?status=1&spaceId=5&name=test&configType=Agent&sortColumn=name&sortOrder=0&pageIndex=1&recordsPerPage=20",
                "/api/v1/agent/all?sortColumn=lastActivity&sortOrder=1&pageIndex=1&recordsPerPage=50",
                "/api/v1/billing/agents?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-31T23%3A59%3A59Z&pageIndex=2&recordsPerPage=100&sortColumn=cost&sortOrder=1&name=Test&usageTypes=Server+Time%2CExport+GB",
                "/api/v1/billing/agents/101?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-31T23%3A59%3A59Z&timeUnit=month&usageTypes=Server+Time",
                "/api/v1/billing/agents/101/runs?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-31T23%3A59%3A59Z&pageIndex=1&recordsPerPage=50&sortColumn=cost&sortOrder=1&usageTypes=Proxy+Data",
                "/api/v1/spaces/search?name=Bot%20Blocking", "/api/v1/agent/101/runs?maxRecords=5"}) {
            assertThat(h.get(p).status()).as(p).isEqualTo(200);
        }
    }

    @Test
    void badEnumsAndNumbersAre400WithMessageBody() {
        for (String q : new String[] {"configType=Robot", "sortOrder=3", "status=abc", "pageIndex=x&recordsPerPage=5"}) {
            Http.Resp r = h.get("/api/v1/agent/all?" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            JsonNode b = r.json();
            assertThat(b.get("statusCode").asInt()).isEqualTo(400);
            assertThat(b.get("statusDescription").asText()).isEqualTo("Bad Request");
            assertThat(b.get("severity").asText()).isEqualTo("Error");
            assertThat(b.get("message").asText()).isNotBlank();
        }
    }

    @Test
    void getUnknownAgentIsProblemDetails404() {
        Http.Resp r = h.get("/api/v1/agent/999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode b = r.json();
        assertThat(b.get("detail").asText()).isEqualTo("Agent with ID 999 was not found");
        assertThat(b.get("title").asText()).isEqualTo("Not Found");
        assertThat(b.get("status").asInt()).isEqualTo(404);
        assertThat(b.has("type")).isTrue();
        assertThat(b.get("instance").asText()).isEqualTo("/api/v1/agent/999");
    }

    @Test
    void getAgentAndSearch() {
        JsonNode a = h.get("/api/v1/agent/101").json();
        assertThat(a.get("id").asInt()).isEqualTo(101);
        JsonNode s = h.get("/api/v1/agent/search?query=" + java.net.URLEncoder.encode(" price ", java.nio.charset.StandardCharsets.UTF_8) + "&maxRecords=2").json();
        assertThat(s.isArray()).isTrue();
        assertThat(s.size()).isBetween(1, 2);
        assertThat(h.get("/api/v1/agent/search").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/agent/search?query=zzzzqqq").json().size()).isZero();
    }

    @Test
    void authIsRequired() {
        for (String auth : new String[] {null, "ApiKey wrong", "Bearer not-a-token", "Basic abc"}) {
            Http.Resp r = h.withAuth(auth).get("/api/v1/agent/all");
            assertThat(r.status()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void unknownRoutesMalformedBodiesAndBadUrisAreJson() {
        Http.Resp r = h.get("/api/v1/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        Http.Resp bad = h.post("/api/v1/agent/101/start", "{not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("JSON");
        String weird = Http.raw(sb.baseUrl(), "GET /api/v1/agent/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(weird).startsWith("HTTP/1.1 400").contains("\"status\":400").doesNotContain("<html");
        Http.Resp wrongMethod = h.delete("/api/v1/agent/all");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);
    }

    @Test
    void versionsAndRestore() {
        JsonNode v = h.get("/api/v1/agent/102/versions").json();
        assertThat(v.isArray()).isTrue();
        assertThat(v.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("userName", "version", "created", "comments", "fileSize");
        int max = v.get(0).get("version").asInt();
        int oldest = v.get(v.size() - 1).get("version").asInt();
        Http.Resp r = h.post("/api/v1/agent/102/version/" + oldest + "/restore", "{\"content\":\"Back to the original\"}");
        assertThat(r.status()).isEqualTo(204);
        JsonNode after = h.get("/api/v1/agent/102/versions").json();
        assertThat(after.get(0).get("version").asInt()).isEqualTo(max + 1);
        assertThat(after.get(0).get("comments").asText()).isEqualTo("Back to the original");
        assertThat(h.get("/api/v1/agent/102").json().get("version").asInt()).isEqualTo(max + 1);
        assertThat(h.post("/api/v1/agent/102/version/99/restore", "{\"content\":\"x\"}").status()).isEqualTo(404);
    }
}
