package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.testing.ApiStub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** get_run_data: CSV, JSON array and NDJSON files of 1 and 10,000 rows, malformed files, bounded reading. */
class RunDataTest {
    static String csv(int rows) {
        StringBuilder sb = new StringBuilder("rank,name,price,listed\r\n");
        for (int i = 1; i <= rows; i++) sb.append(i).append(",\"Item, no. ").append(i).append("\",").append(i).append(".5,2024-01-0")
                .append(1 + i % 9).append("\r\n");
        return sb.toString();
    }

    static String json(int rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 1; i <= rows; i++) {
            if (i > 1) sb.append(',');
            sb.append("{\"rank\":").append(i).append(",\"name\":\"Item ").append(i).append("\",\"inStock\":true}");
        }
        return sb.append(']').toString();
    }

    static ToolResult fetch(ApiStub api, String contentType, String body, Map<String, Object> args) {
        api.redirect("/storage/1/2/3/data?sig=s3cr3t");
        api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build());
        return api.call("get_run_data", args);
    }

    @Test
    void aOneRowCsvIsReadWholeWithTypesAndNoNextPage() {
        try (ApiStub api = ApiStub.start()) {
            ToolResult r = fetch(api, "text/csv", csv(1), Map.of("agentId", 1, "runId", 2, "fileId", 3));
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat(r.structured().toString()).isEqualTo("{\"agentId\":1,\"runId\":2,\"fileId\":3,\"format\":\"csv\","
                    + "\"columns\":[{\"name\":\"rank\",\"type\":\"integer\"},{\"name\":\"name\",\"type\":\"string\"},"
                    + "{\"name\":\"price\",\"type\":\"number\"},{\"name\":\"listed\",\"type\":\"date\"}],\"totalRows\":1,"
                    + "\"offset\":0,\"limit\":20,\"returnedRows\":1,\"hasMore\":false,"
                    + "\"rows\":[{\"rank\":\"1\",\"name\":\"Item, no. 1\",\"price\":\"1.5\",\"listed\":\"2024-01-02\"}],"
                    + "\"next\":null,\"nextStep\":\"This page reaches the end of the file.\"}");
            RecordedRequest apiCall = api.take();
            assertThat(ApiStub.target(apiCall)).isEqualTo("/api/v1/agent/1/run/2/file/3/download");
            RecordedRequest download = api.take();
            assertThat(ApiStub.target(download)).isEqualTo("/storage/1/2/3/data?sig=s3cr3t");
            assertThat(download.getHeaders().get("Authorization")).as("no credentials to the storage host").isNull();
        }
    }

    @Test
    void tenThousandCsvRowsArePagedWithTheNextArguments() {
        try (ApiStub api = ApiStub.start()) {
            ToolResult r = fetch(api, "text/csv", csv(10_000),
                    Map.of("agentId", 1, "runId", 2, "fileId", 3, "offset", 9990, "limit", 5, "fields", "name,rank"));
            JsonNode s = r.structured();
            assertThat(s.get("totalRows").asInt()).isEqualTo(10_000);
            assertThat(s.get("rows").toString()).isEqualTo("[{\"name\":\"Item, no. 9991\",\"rank\":\"9991\"},"
                    + "{\"name\":\"Item, no. 9992\",\"rank\":\"9992\"},{\"name\":\"Item, no. 9993\",\"rank\":\"9993\"},"
                    + "{\"name\":\"Item, no. 9994\",\"rank\":\"9994\"},{\"name\":\"Item, no. 9995\",\"rank\":\"9995\"}]");
            assertThat(s.get("columns").toString()).isEqualTo("[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"rank\",\"type\":\"integer\"}]");
            assertThat(s.get("hasMore").asBoolean()).isTrue();
            assertThat(s.get("nextStep").asText()).isEqualTo(
                    "For the next rows, call get_run_data {\"agentId\":1,\"runId\":2,\"fileId\":3,\"offset\":9995,\"limit\":5,\"fields\":\"name,rank\"}.");
        }
    }

    @Test
    void tenThousandJsonRowsAndOneNdjsonRow() {
        try (ApiStub api = ApiStub.start()) {
            JsonNode s = fetch(api, "application/json", json(10_000), Map.of("agentId", 1, "runId", 2, "fileId", 3, "limit", 200))
                    .structured();
            assertThat(s.get("format").asText()).isEqualTo("json");
            assertThat(s.get("totalRows").asInt()).isEqualTo(10_000);
            assertThat(s.get("returnedRows").asInt()).isEqualTo(200);
            assertThat(s.at("/rows/199/rank").asInt()).isEqualTo(200);
            assertThat(s.get("columns").toString()).isEqualTo("[{\"name\":\"rank\",\"type\":\"integer\"},"
                    + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"inStock\",\"type\":\"boolean\"}]");
            assertThat(s.at("/next/offset").asInt()).isEqualTo(200);

            JsonNode one = fetch(api, "application/json", "{\"a\":1}\n", Map.of("agentId", 1, "runId", 2, "fileId", 3)).structured();
            assertThat(one.get("format").asText()).isEqualTo("ndjson");
            assertThat(one.get("rows").toString()).isEqualTo("[{\"a\":1}]");
            assertThat(one.get("totalRows").asInt()).isEqualTo(1);
            JsonNode single = fetch(api, "application/json", "[{\"a\":null}]", Map.of("agentId", 1, "runId", 2, "fileId", 3)).structured();
            assertThat(single.get("columns").toString()).isEqualTo("[{\"name\":\"a\",\"type\":\"null\"}]");
        }
    }

    @Test
    void malformedFilesGiveClearErrors() {
        try (ApiStub api = ApiStub.start()) {
            assertThat(fetch(api, "text/csv", "a,b\r\n1,\"unclosed\r\n", Map.of("agentId", 1, "runId", 2, "fileId", 3)).text())
                    .isEqualTo("Error: The file is not valid CSV: record 2 has a quoted field that is never closed.");
            assertThat(fetch(api, "application/json", "[{\"a\":1},{\"a\":", Map.of("agentId", 1, "runId", 2, "fileId", 3)).text())
                    .startsWith("Error: The file is not valid JSON: ");
            assertThat(fetch(api, "application/json", "[{\"a\":1}", Map.of("agentId", 1, "runId", 2, "fileId", 3)).text())
                    .isEqualTo("Error: The file is not valid JSON: the file ends in the middle of a value (line 1, column 9).");
            assertThat(fetch(api, "text/csv", csv(3), Map.of("agentId", 1, "runId", 2, "fileId", 3, "fields", "nope")).text())
                    .isEqualTo("Error: Invalid parameter 'fields': unknown column(s) nope. The columns are: rank, name, price, listed");
        }
    }

    @Test
    void anExpiredLinkAndAMissingFileAreReported() {
        try (ApiStub api = ApiStub.start()) {
            api.redirect("/storage/x");
            api.respond(new MockResponse.Builder().code(403).body("expired").build());
            assertThat(api.call("get_run_data", Map.of("agentId", 1, "runId", 2, "fileId", 3)).text()).isEqualTo(
                    "Error: The file could not be downloaded: its temporary link answered HTTP 403 (it may have expired). "
                            + "Call get_run_data again for a fresh link.");
            api.json("[{\"id\":9,\"name\":\"log.txt\",\"fileType\":\"Log\"}]");
            assertThat(api.call("get_run_data", Map.of("agentId", 1, "runId", 2)).text())
                    .isEqualTo("Error: Run 2 of agent 1 has no CSV or JSON output file.");
        }
    }

    /** A CSV generated on the fly, never held in memory: header plus rows until {@code bytes} have been produced. */
    static final class HugeCsv extends InputStream {
        final long bytes;
        long produced;
        long row;
        byte[] current = "id,text\r\n".getBytes(StandardCharsets.US_ASCII);
        int pos;

        HugeCsv(long bytes) { this.bytes = bytes; }

        @Override public int read() {
            if (produced >= bytes) return -1;
            if (pos == current.length) {
                row++;
                current = (row + ",\"row number " + row + " with some padding text\"\r\n").getBytes(StandardCharsets.US_ASCII);
                pos = 0;
            }
            produced++;
            return current[pos++];
        }

        @Override public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) break;
                b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }

    @Test
    void aFileLargerThanTheHeapIsReadOnlyAsFarAsNeeded() throws IOException {
        long size = Runtime.getRuntime().maxMemory() + 64L * 1024 * 1024;
        HugeCsv file = new HugeCsv(size);
        RunDataTool.Page page = RunDataTool.read(file, 50_000, 20, 100 * 1024);

        assertThat(page.rows()).hasSize(20);
        assertThat(page.rows().get(0).get("id").asText()).isEqualTo("50001");
        assertThat(page.total()).as("too large to count").isNull();
        assertThat(page.more()).isTrue();
        assertThat(file.produced).as("read up to the page plus the counting window, not the whole file")
                .isLessThan(RunDataTool.COUNT_SCAN_BYTES + 4L * 1024 * 1024).isLessThan(size);
    }
}
