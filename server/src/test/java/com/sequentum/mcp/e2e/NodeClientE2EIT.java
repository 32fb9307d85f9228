package com.sequentum.mcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node end-to-end suites in {@code e2e/} against the shaded jar built in this Maven run (failsafe,
 * {@code verify} phase): the official TypeScript SDK client over stdio ({@code stdio.e2e.test.mjs},
 * {@code sandbox.e2e.test.mjs}, {@code surface.e2e.test.mjs}, and the operator controls with an elicitation handler in
 * {@code operators.e2e.test.mjs}) and over Streamable HTTP with OAuth against {@code --sandbox --http}
 * ({@code http-oauth.e2e.test.mjs}), and the MCP Inspector CLI
 * ({@code inspector-smoke.sh}). Skipped only when {@code node} is not installed; installs {@code e2e/node_modules}
 * with {@code npm ci} when it is missing.
 */
class NodeClientE2EIT {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path E2E = ROOT.resolve("e2e");
    private static final Path JAR = Path.of(System.getProperty("server.jar", ROOT.resolve("server/target/sequentum-mcp.jar").toString()));

    @BeforeAll
    static void nodeAndDependencies() throws Exception {
        assumeTrue(works(List.of("node", "--version")), "node is not installed: skipping the Node end-to-end tests");
        assertThat(JAR).as("the shaded jar (built in the package phase)").exists();
        if (!Files.isDirectory(E2E.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            assertThat(npm.exit).as("npm ci in e2e/:\n" + npm.output).isZero();
        }
    }

    @Test
    void typescriptSdkClientSuitePasses() throws Exception {
        nodeSuite("stdio.e2e.test.mjs", 600);
    }

    @Test
    void sandboxSessionWithTheTypescriptSdkClientPasses() throws Exception {
        assertThat(nodeSuite("sandbox.e2e.test.mjs", 600).output).doesNotContain("ℹ pass 0");
    }

    @Test
    void promptsResourcesCompletionsAndLoggingWithTheTypescriptSdkClientPass() throws Exception {
        assertThat(nodeSuite("surface.e2e.test.mjs", 300).output).doesNotContain("ℹ pass 0");
    }

    @Test
    void operatorControlsWithTheTypescriptSdkClientsElicitationHandlerPass() throws Exception {
        assertThat(nodeSuite("operators.e2e.test.mjs", 300).output).contains("ℹ pass 10");
    }

    @Test
    void oauthSignInRefreshAndTwoUsersOverStreamableHttpPass() throws Exception {
        assertThat(nodeSuite("http-oauth.e2e.test.mjs", 300).output).contains("ℹ pass 6");
    }

    @Test
    void inspectorCliSmokeCheckPasses() throws Exception {
        Result r = run(List.of("bash", "inspector-smoke.sh"), 300);
        System.out.println(r.output);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("inspector smoke: tools/list returned").contains("logging/setLevel OK; 11 prompts; 11 resource templates");
    }

    private record Result(int exit, String output) {}

    /** Runs one {@code node --test} file and asserts it exited 0 with no failed test; returns its output. */
    private static Result nodeSuite(String file, int timeoutSeconds) throws IOException, InterruptedException {
        Result r = run(List.of("node", "--test", "--test-reporter=spec", file), timeoutSeconds);
        System.out.println(r.output);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("ℹ fail 0");
        return r;
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SERVER_JAR", JAR.toString());
        env.put("JAVA_BIN", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.remove("SEQUENTUM_API_KEY");
        env.remove("DEBUG");
        Path log = Files.createTempFile("e2e", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), out);
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
