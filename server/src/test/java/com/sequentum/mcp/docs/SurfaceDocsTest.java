package com.sequentum.mcp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/prompts.md} and {@code docs/resources.md} must equal what the catalogues generate.
 * Run with {@code -Dupdate.docs=true} to rewrite them.
 */
class SurfaceDocsTest {
    private static final Path DOCS = Path.of(System.getProperty("project.root", ".."), "docs");

    @Test
    void promptsDocIsCurrent() throws IOException {
        check("prompts.md", SurfaceDocs::prompts);
    }

    @Test
    void resourcesDocIsCurrent() throws IOException {
        check("resources.md", SurfaceDocs::resources);
    }

    @Test
    void docsNameEveryPromptAndResource() {
        assertThat(SurfaceDocs.prompts()).contains("`build-agent-from-prompt`", "`inspect-agent-draft`", "`debug-agent`");
        assertThat(SurfaceDocs.resources()).contains("`sequentum://agents`", "`sequentum://agents/{agentId}/latest-failure`");
    }

    private static void check(String file, Supplier<String> generator) throws IOException {
        Path path = DOCS.resolve(file);
        String expected = generator.get();
        if (Boolean.getBoolean("update.docs")) {
            Files.createDirectories(DOCS);
            Files.writeString(path, expected, StandardCharsets.UTF_8);
        }
        assertThat(path).as("docs/%s is missing; run with -Dupdate.docs=true", file).exists();
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as("docs/%s is stale; run with -Dupdate.docs=true", file).isEqualTo(expected);
    }
}
