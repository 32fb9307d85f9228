package com.sequentum.mcp.prompts;

import java.util.List;

/** One prompt as listed by {@code prompts/list}; its text lives in {@code /prompts/<name>.md}. */
public record PromptDef(String name, String description, List<PromptArg> arguments) {
    public PromptDef {
        arguments = List.copyOf(arguments);
    }
}
