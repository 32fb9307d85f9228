package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** File Management: get_run_files, get_file_download_url, get_run_data. */
public final class FileTools {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FileTools() {}

    public static List<ToolSpec> tools() {
        return List.of(getRunFiles(), getFileDownloadUrl(), RunDataTool.spec());
    }

    static ToolSpec getRunFiles() {
        return new ToolSpec("get_run_files", "Get Run Files", Category.FILES,
                "Lists the output files a run produced (exported data, logs) with file id, name, file type, size in KB "
                        + "and creation time. Use the file id with get_file_download_url to get a download link.",
                RunTools.runIds().build(),
                Hints.reading(), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    JsonNode files = ctx.api().getRunFiles(agentId, runId);
                    if (!files.isArray()) {
                        throw new ToolFailure("Unexpected response type: " + AgentSummaries.jsTypeOf(files));
                    }
                    if (files.isEmpty()) return ToolResult.text("No files found for this run.", ToolResult.structure(F.arrayNode()));
                    ArrayNode out = F.arrayNode();
                    for (JsonNode f : files) out.add(fileSummary(f));
                    return ToolResult.json(out);
                });
    }

    /** {@code {id, name, fileType, fileSize: "<KB> KB", created}}; fields the API left out stay out, except the size. */
    static ObjectNode fileSummary(JsonNode file) {
        ObjectNode o = F.objectNode();
        AgentSummaries.copy(file, o, "id");
        AgentSummaries.copy(file, o, "name");
        AgentSummaries.copy(file, o, "fileType");
        o.put("fileSize", kilobytes(file.get("fileSize")));
        AgentSummaries.copy(file, o, "created");
        return o;
    }

    /**
     * Bytes as kilobytes with exactly two decimals, rounded like JavaScript's {@code toFixed(2)} (half-up on the
     * exact binary value). A missing, null or non-numeric size counts as 0.
     */
    static String kilobytes(JsonNode size) {
        double bytes = 0;
        if (size != null && size.isNumber()) {
            bytes = size.doubleValue();
        } else if (size != null && size.isTextual()) {
            try {
                bytes = Double.parseDouble(size.textValue().trim());
            } catch (NumberFormatException notANumber) {
                bytes = 0;
            }
        }
        if (!Double.isFinite(bytes)) bytes = 0;
        return new BigDecimal(bytes / 1024.0).setScale(2, RoundingMode.HALF_UP).toPlainString() + " KB";
    }

    static ToolSpec getFileDownloadUrl() {
        return new ToolSpec("get_file_download_url", "Get File Download URL", Category.FILES,
                "Returns a temporary download link for one output file of a run (file ids come from get_run_files). "
                        + "The link expires after a short time, so hand it to the user rather than storing it.",
                RunTools.runIds()
                        .number("fileId", "The numeric ID of the file, from get_run_files.", true)
                        .build(),
                Hints.reading(), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    long fileId = a.id("fileId");
                    String url = ctx.api().getFileDownloadUrl(agentId, runId, fileId);
                    if (url == null || url.isEmpty()) {
                        throw new ToolFailure("The Sequentum API did not return a download link for file " + fileId
                                + " of run " + runId + " (expected a redirect to temporary storage). Try again later.");
                    }
                    return ToolResult.text("Download URL:\n" + url + "\n\nNote: This URL is temporary and will expire.",
                            ToolResult.fields("downloadUrl", url, "temporary", true, "agentId", agentId, "runId", runId,
                                    "fileId", fileId));
                });
    }
}
