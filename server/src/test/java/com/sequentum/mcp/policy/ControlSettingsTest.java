package com.sequentum.mcp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sequentum.mcp.Main;
import com.sequentum.mcp.SandboxLauncher;
import com.sequentum.mcp.policy.ControlSettings.Confirm;
import com.sequentum.mcp.tools.ToolSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlSettingsTest {
    private static List<String> tools(ControlSettings s) {
        return s.selection().tools().stream().map(ToolSpec::name).toList();
    }

    @Test
    void environmentAndFlagsWithFlagsWinning() {
        Map<String, String> env = Map.of("SEQUENTUM_TOOLSETS", "billing", "SEQUENTUM_READ_ONLY", "true");
        assertThat(tools(ControlSettings.parse(env, new String[0]))).hasSize(6);
        assertThat(tools(ControlSettings.parse(env, new String[] {"--toolsets", "versions", "--read-only=false"})))
                .containsExactly("get_agent_versions", "restore_agent_version");
        assertThat(tools(ControlSettings.parse(Map.of(), new String[] {"--tools=get_agent", "--read-only"})))
                .containsExactly("get_agent");
        assertThat(tools(ControlSettings.parse(Map.of("SEQUENTUM_TOOLS", "stop_agent"), new String[0])))
                .containsExactly("stop_agent");
    }

    @Test
    void defaultsAndOtherSettings() {
        ControlSettings d = ControlSettings.parse(Map.of(), new String[0]);
        assertThat(d.selection().isEverything()).isTrue();
        assertThat(d.confirm()).isEqualTo(Confirm.ELICIT);
        assertThat(d.allowedSpaces()).isEmpty();
        assertThat(d.auditLog()).isNull();
        ControlSettings s = ControlSettings.parse(Map.of("CONFIRM_DESTRUCTIVE", "Always", "SEQUENTUM_ALLOWED_SPACES",
                " Marketing, 12 ,,Marketing", "SEQUENTUM_AUDIT_LOG", " stderr "), new String[0]);
        assertThat(s.confirm()).isEqualTo(Confirm.ALWAYS);
        assertThat(s.allowedSpaces()).containsExactly("Marketing", "12");
        assertThat(s.auditLog()).isEqualTo("stderr");
        assertThatThrownBy(() -> ControlSettings.parse(Map.of("CONFIRM_DESTRUCTIVE", "sometimes"), new String[0]))
                .hasMessage("CONFIRM_DESTRUCTIVE must be elicit, always or never, got \"sometimes\"");
        assertThatThrownBy(() -> ControlSettings.parse(Map.of("SEQUENTUM_READ_ONLY", "perhaps"), new String[0]))
                .hasMessage("SEQUENTUM_READ_ONLY must be true or false, got \"perhaps\"");
    }

    @Test
    void stdioStartUpFailsWithExitCode2AndTheValidNames() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(Map.of("SEQUENTUM_API_KEY", "sk-test-key-123"), new String[] {"--toolsets", "agents,jobs"},
                new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                SandboxLauncher.unavailable());
        assertThat(code).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: Unknown toolset: jobs. Valid toolsets: all, "
                + "agents, runs, files, versions, schedules, billing, spaces, analytics, builder" + System.lineSeparator());
        err.reset();
        code = Main.run(Map.of("SEQUENTUM_API_KEY", "sk-test-key-123", "SEQUENTUM_TOOLS", "list_agent"), new String[0],
                new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                SandboxLauncher.unavailable());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: Unknown tool: list_agent. Valid tools: "
                + "list_agents, get_agent, ");
    }
}
