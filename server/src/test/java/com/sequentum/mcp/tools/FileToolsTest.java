package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: get_run_files (KB formatting), get_file_download_url (redirect Location). */
class FileToolsTest {
    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    @Test
    void fileToolsAreReadOnlyWithTitlesAndRequiredIds() {
        assertThat(FileTools.tools()).extracting(ToolSpec::name).containsExactly("get_run_files", "get_file_download_url",
                "get_run_data");
        assertThat(FileTools.tools()).extracting(ToolSpec::title).containsExactly("Get Run Files", "Get File Download URL",
                "Get Run Data");
        assertThat(FileTools.tools()).extracting(ToolSpec::hints).containsOnly(new Hints(true, null, null));
        assertThat(FileTools.tools()).extracting(ToolSpec::category).containsOnly(Category.FILES);
        assertThat(spec("get_run_files").inputSchema().toString()).startsWith("{\"type\":\"object\",\"properties\":{");
        assertThat(spec("get_run_files").inputSchema().get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        assertThat(spec("get_file_download_url").inputSchema().get("required").toString())
                .isEqualTo("[\"agentId\",\"runId\",\"fileId\"]");
        assertThat(spec("get_file_download_url").inputSchema().at("/properties/fileId/type").asText()).isEqualTo("number");
    }

    // ---- get_run_files -------------------------------------------------------------------------

    @Test
    void getRunFilesSummarisesEachFileWithItsSizeInKilobytes() {
        api.json("[{\"id\":1,\"name\":\"data.csv\",\"fileType\":\"Csv\",\"fileSize\":1536,\"created\":\"2026-03-15T10:00:00Z\","
                + "\"regionId\":3},{\"name\":\"log.txt\",\"fileSize\":null,\"id\":2}]");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/run/123/files");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("[\n"
                + "  {\n    \"id\": 1,\n    \"name\": \"data.csv\",\n    \"fileType\": \"Csv\",\n"
                + "    \"fileSize\": \"1.50 KB\",\n    \"created\": \"2026-03-15T10:00:00Z\"\n  },\n"
                + "  {\n    \"id\": 2,\n    \"name\": \"log.txt\",\n    \"fileSize\": \"0.00 KB\"\n  }\n"
                + "]");
    }

    @Test
    void kilobytesRoundLikeJavaScriptToFixed() {
        // Expected values produced by Node: (bytes / 1024).toFixed(2)
        assertThat(FileTools.kilobytes(num(0))).isEqualTo("0.00 KB");
        assertThat(FileTools.kilobytes(num(5))).isEqualTo("0.00 KB");
        assertThat(FileTools.kilobytes(num(10))).isEqualTo("0.01 KB");
        assertThat(FileTools.kilobytes(num(128))).isEqualTo("0.13 KB");
        assertThat(FileTools.kilobytes(num(1023))).isEqualTo("1.00 KB");
        assertThat(FileTools.kilobytes(num(1029.12))).isEqualTo("1.00 KB");
        assertThat(FileTools.kilobytes(num(2739.2))).isEqualTo("2.67 KB");
        assertThat(FileTools.kilobytes(num(1048576))).isEqualTo("1024.00 KB");
        assertThat(FileTools.kilobytes(num(123456789))).isEqualTo("120563.27 KB");
        assertThat(FileTools.kilobytes(null)).isEqualTo("0.00 KB");
    }

    @Test
    void getRunFilesSaysSoWhenThereAreNoFiles() {
        api.json("[]");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("No files found for this run.");
    }

    @Test
    void getRunFilesRejectsAnAnswerThatIsNotAList() {
        api.json("{\"files\":[]}");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: Unexpected response type: object");
    }

    @Test
    void getRunFilesValidatesIds() {
        assertThat(api.call("get_run_files", Map.of("runId", 1)).text()).isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("get_run_files", Map.of("agentId", 42, "runId", "1")).text())
                .isEqualTo("Error: Invalid parameter 'runId': expected a number, got string");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getRunFilesReportsForbiddenAccessWithoutRetrying() {
        api.json(403, "{\"message\":\"Forbidden\"}");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo(
                "Access Denied: You don't have permission to perform this action. Check your API key permissions.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void getRunFilesReportsAServerErrorWithoutRetrying() {
        api.text(500, "Not valid JSON");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        assertThat(r.text()).isEqualTo("Server Error: The Sequentum API encountered an internal error (500). "
                + "This is a server-side issue \u2014 please try again later.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void getRunFilesReportsMalformedJson() {
        api.json("[{\"id\":1,");

        ToolResult r = api.call("get_run_files", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo(
                "Error: The Sequentum API returned malformed JSON instead of JSON for /api/v1/agent/42/run/123/files");
    }

    // ---- get_file_download_url -----------------------------------------------------------------

    @Test
    void getFileDownloadUrlReturnsTheRedirectLocationWithoutFollowingIt() {
        api.redirect("https://storage.example.com/file.csv?token=abc");

        ToolResult r = api.call("get_file_download_url", Map.of("agentId", 42, "runId", 123, "fileId", 456));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/run/123/file/456/download");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Download URL:\nhttps://storage.example.com/file.csv?token=abc\n\n"
                + "Note: This URL is temporary and will expire.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void getFileDownloadUrlIsAnErrorWhenTheApiDoesNotRedirect() {
        api.json("{\"name\":\"file.csv\"}");

        ToolResult r = api.call("get_file_download_url", Map.of("agentId", 42, "runId", 123, "fileId", 456));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: The Sequentum API did not return a download link for file 456 of run 123 "
                + "(expected a redirect to temporary storage). Try again later.");
        assertThat(r.text()).doesNotContain("undefined");
    }

    @Test
    void getFileDownloadUrlValidatesAllThreeIdsInOrder() {
        assertThat(api.call("get_file_download_url", Map.of("agentId", 42, "runId", 123)).text())
                .isEqualTo("Error: Missing required parameter: fileId");
        assertThat(api.call("get_file_download_url", Map.of("agentId", 42, "fileId", 0)).text())
                .isEqualTo("Error: Missing required parameter: runId");
        assertThat(api.call("get_file_download_url", Map.of("agentId", 42, "runId", 123, "fileId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'fileId': must be >= 1, got 0");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getFileDownloadUrlReportsAnUnknownFile() {
        api.json(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"File 456 was not found\"}");

        ToolResult r = api.call("get_file_download_url", Map.of("agentId", 42, "runId", 123, "fileId", 456));

        assertThat(r.text()).isEqualTo("Not Found: Not Found: File 456 was not found");
    }

    private static com.fasterxml.jackson.databind.JsonNode num(double d) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(d);
    }
}
