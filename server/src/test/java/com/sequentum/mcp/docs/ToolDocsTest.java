package com.sequentum.mcp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.tools.ToolCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/tools.md is generated from the catalogue; this fails when the committed file is stale. */
class ToolDocsTest {
    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void committedToolsMarkdownMatchesTheCatalogue() throws Exception {
        Path file = projectRoot().resolve("docs/tools.md");
        String expected = ToolDocs.render(ToolCatalogue.all());
        if (Boolean.getBoolean("update.docs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/tools.md is missing: run with -Dupdate.docs=true").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/tools.md is stale: regenerate with -Dupdate.docs=true").isEqualTo(expected);
    }

    @Test
    void everyToolAppearsWithItsTitleAnnotationsAndParameters() {
        String md = ToolDocs.render(ToolCatalogue.all());
        ToolCatalogue.all().forEach(t -> assertThat(md).contains("| `" + t.name() + "` | " + t.title() + " | "));
        assertThat(md).contains("## Agent Management");
        assertThat(md).contains("| `get_agent` | Get Agent | readOnly | `agentId` number, **required** | ");
        assertThat(md).contains("`configType` string, optional, one of Agent \\| Command \\| Api \\| Shared");
    }
}
