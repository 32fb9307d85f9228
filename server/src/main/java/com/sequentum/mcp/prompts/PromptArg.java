package com.sequentum.mcp.prompts;

/** One prompt argument: name, what it means, whether it is required and how long a value may be. */
public record PromptArg(String name, String description, boolean required, int maxLength) {}
