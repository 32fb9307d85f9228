package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against the spec's table (mcp-surface.md §A.1): name, category, title, readOnly / destructive /
 * openWorld hints ("–" = key absent), in tools/list order.
 */
class ToolCatalogueTest {
    /** name | category | title | RO | D | OW — copied from mcp-surface.md §A.1, plus get_run_data (issue 7). */
    static final String SPEC_TABLE = """
            list_agents | Agent Management | List Agents | true | – | –
            get_agent | Agent Management | Get Agent | true | – | –
            search_agents | Agent Management | Search Agents | true | – | –
            get_agent_runs | Run Management | Get Agent Runs | true | – | –
            get_run_status | Run Management | Get Run Status | true | – | –
            start_agent | Run Management | Start Agent | false | false | true
            stop_agent | Run Management | Stop Agent | false | false | false
            kill_agent | Run Management | Kill Agent | false | true | false
            delete_run | Run Management | Delete Run | false | true | false
            get_run_files | File Management | Get Run Files | true | – | –
            get_file_download_url | File Management | Get File Download URL | true | – | –
            get_run_data | File Management | Get Run Data | true | – | –
            get_agent_versions | Version Management | Get Agent Versions | true | – | –
            restore_agent_version | Version Management | Restore Agent Version | false | false | false
            list_agent_schedules | Schedule Management | List Agent Schedules | true | – | –
            create_agent_schedule | Schedule Management | Create Agent Schedule | false | false | false
            delete_agent_schedule | Schedule Management | Delete Agent Schedule | false | true | false
            get_agent_schedule | Schedule Management | Get Agent Schedule | true | – | –
            update_agent_schedule | Schedule Management | Update Agent Schedule | false | false | false
            enable_agent_schedule | Schedule Management | Enable Agent Schedule | false | false | false
            disable_agent_schedule | Schedule Management | Disable Agent Schedule | false | false | false
            get_scheduled_runs | Schedule Management | Get Scheduled Runs | true | – | –
            get_credits_balance | Billing & Credits | Get Credits Balance | true | – | –
            get_spending_summary | Billing & Credits | Get Spending Summary | true | – | –
            get_credit_history | Billing & Credits | Get Credit History | true | – | –
            get_agents_usage | Billing & Credits | Get Agents Usage | true | – | –
            get_agent_cost_breakdown | Billing & Credits | Get Agent Cost Breakdown | true | – | –
            get_agent_runs_cost | Billing & Credits | Get Agent Runs Cost | true | – | –
            list_spaces | Space Management | List Spaces | true | – | –
            get_space | Space Management | Get Space | true | – | –
            get_space_agents | Space Management | Get Space Agents | true | – | –
            search_space_by_name | Space Management | Search Space by Name | true | – | –
            run_space_agents | Space Management | Run Space Agents | false | false | true
            get_runs_summary | Analytics & Diagnostics | Get Runs Summary | true | – | –
            get_records_summary | Analytics & Diagnostics | Get Records Summary | true | – | –
            get_run_diagnostics | Analytics & Diagnostics | Get Run Diagnostics | true | – | –
            get_latest_failure | Analytics & Diagnostics | Get Latest Failure | true | – | –
            start_agent_build | Agent Builder | Build Agent from Prompt | false | false | true
            get_agent_build_status | Agent Builder | Get Agent Build Status | true | – | –
            stop_agent_build | Agent Builder | Stop Agent Build | false | false | false
            """;

    record Row(String name, String category, String title, Boolean readOnly, Boolean destructive, Boolean openWorld) {}

    static final List<Row> SPEC = SPEC_TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
        String[] c = Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new);
        return new Row(c[0], c[1], c[2], flag(c[3]), flag(c[4]), flag(c[5]));
    }).toList();

    private static Boolean flag(String s) {
        return s.equals("–") ? null : Boolean.valueOf(s);
    }

    static Row rowOf(ToolSpec t) {
        return new Row(t.name(), t.category().title(), t.title(), t.hints().readOnly(), t.hints().destructive(),
                t.hints().openWorld());
    }

    @Test
    void theSpecTableItselfHas40ToolsOfWhich27AreReadOnly() {
        assertThat(SPEC).hasSize(40);
        assertThat(SPEC.stream().filter(r -> r.readOnly())).hasSize(27);
        assertThat(SPEC.stream().map(Row::name).distinct()).hasSize(40);
    }

    @Test
    void theCatalogueIsExactlyTheSpecTable() {
        List<Row> actual = ToolCatalogue.all().stream().map(ToolCatalogueTest::rowOf).toList();

        assertThat(actual).containsExactlyElementsOf(SPEC);
        assertThat(ToolCatalogue.all().stream().filter(t -> t.hints().readOnly())).hasSize(27);
        Map<String, Long> sizes = ToolCatalogue.all().stream()
                .collect(Collectors.groupingBy(t -> t.category().title(), LinkedHashMap::new, Collectors.counting()));
        assertThat(sizes).containsExactly(Map.entry("Agent Management", 3L), Map.entry("Run Management", 6L),
                Map.entry("File Management", 3L), Map.entry("Version Management", 2L),
                Map.entry("Schedule Management", 8L), Map.entry("Billing & Credits", 6L),
                Map.entry("Space Management", 5L), Map.entry("Analytics & Diagnostics", 4L),
                Map.entry("Agent Builder", 3L));
    }

    @Test
    void everyToolPresentMatchesItsSpecRowAndTheSpecOrder() {
        List<Row> actual = ToolCatalogue.all().stream().map(ToolCatalogueTest::rowOf).toList();
        List<Row> expectedInOrder = SPEC.stream().filter(actual::contains).toList();

        assertThat(actual).isNotEmpty();
        assertThat(actual).as("every tool is a spec row, in spec order").containsExactlyElementsOf(expectedInOrder);
    }

    @Test
    void everySchemaIsAnObjectWithPropertiesAndRequiredAndNumbersAreNumbers() {
        for (ToolSpec t : ToolCatalogue.all()) {
            assertThat(t.inputSchema().get("type").asText()).as(t.name()).isEqualTo("object");
            assertThat(t.inputSchema().get("properties").isObject()).as(t.name()).isTrue();
            assertThat(t.inputSchema().get("required").isArray()).as(t.name()).isTrue();
            t.inputSchema().get("properties").forEach(p ->
                    assertThat(p.get("type").asText()).as(t.name()).isNotEqualTo("integer"));
            assertThat(t.description()).as(t.name()).isNotBlank();
        }
    }

    @Test
    void everyToolHasExactlyOneOutputSchemaThatIsAnOpenObject() {
        assertThat(ToolOutputs.size()).isEqualTo(ToolCatalogue.all().size());
        for (ToolSpec t : ToolCatalogue.all()) {
            var schema = t.outputSchema();
            assertThat(schema.get("type").asText()).as(t.name()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean()).as(t.name()).isTrue();
            assertThat(schema.has("$schema")).as("no draft pinning, so draft-07 clients agree").isFalse();
            var validator = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator();
            var asMap = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(schema,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
            assertThat(validator.validateSchema(asMap).valid()).as(t.name()).isTrue();
        }
    }
}
