package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sequentum.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One JSON file per tool under {@code src/test/resources/snapshots/tools/} holding its complete {@code tools/list}
 * entry as the SDK serialises it. Any drift (schema, description, annotations, a tool added or removed) fails;
 * {@code -Dupdate.snapshots=true} rewrites the files. The Node end-to-end test checks the wire against the same files.
 */
class ToolSnapshotsTest {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Path dir() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("server/src/test/resources/snapshots/tools");
    }

    static String wireJson(ToolSpec t) throws IOException {
        String sdk = McpJsonDefaults.getMapper().writeValueAsString(McpServerFactory.sdkTool(t));
        return PRETTY.writeValueAsString(PRETTY.readTree(sdk)) + "\n";
    }

    @Test
    void everyToolMatchesItsSnapshotAndNoSnapshotIsOrphaned() throws Exception {
        boolean update = Boolean.getBoolean("update.snapshots");
        Path dir = dir();
        Files.createDirectories(dir);
        TreeSet<String> expectedFiles = new TreeSet<>();
        for (ToolSpec t : ToolCatalogue.all()) {
            String file = t.name() + ".json";
            expectedFiles.add(file);
            String actual = wireJson(t);
            Path p = dir.resolve(file);
            if (update) Files.writeString(p, actual, StandardCharsets.UTF_8);
            assertThat(p).as("no snapshot for %s: run with -Dupdate.snapshots=true", t.name()).exists();
            assertThat(Files.readString(p, StandardCharsets.UTF_8))
                    .as("tools/list entry of %s drifted from its snapshot (-Dupdate.snapshots=true accepts it)", t.name())
                    .isEqualTo(actual);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> orphans = files.filter(f -> !expectedFiles.contains(f.getFileName().toString())).toList();
            if (update) for (Path o : orphans) Files.delete(o);
            else assertThat(orphans).as("snapshots of tools that no longer exist").isEmpty();
        }
    }

    @Test
    void theSnapshotIsTheSdkWireFormWithTitleAndAnnotations() throws Exception {
        JsonNode listAgents = PRETTY.readTree(wireJson(ToolCatalogue.find("list_agents").orElseThrow()));

        assertThat(listAgents.get("name").asText()).isEqualTo("list_agents");
        assertThat(listAgents.get("title").asText()).isEqualTo("List Agents");
        assertThat(listAgents.get("annotations")).isEqualTo(PRETTY.readTree("{\"title\":\"List Agents\",\"readOnlyHint\":true}"));
        assertThat(listAgents.at("/inputSchema/type").asText()).isEqualTo("object");
        assertThat(listAgents.at("/inputSchema/required").isArray()).isTrue();
    }
}
