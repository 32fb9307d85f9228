package com.sequentum.mcp.policy;

/**
 * The model-facing policies. Each text lives only here and is reused verbatim wherever it is shown:
 * {@link #SUFFICIENCY_POLICY} is the server instructions; {@link #PROMPT_HANDLING_POLICY} ends the
 * {@code start_agent_build} description and follows the GUARDRAIL label of {@code build-agent-from-prompt}.
 */
public final class Policies {
    private Policies() {}

    public static final String SUFFICIENCY_POLICY = """
            SUFFICIENCY POLICY (applies to every request that would build an agent or run one, i.e. any scraping or \
            automation request):
            1. Before calling a tool that builds or runs an agent, make sure you know, without ambiguity: (a) the target \
            URL or domain, (b) which data to extract or which action to automate, and (c) the scope qualifiers that matter \
            (section or category, filters, language, region, limits).
            2. You may fill a gap from the conversation only when what was said earlier makes the answer clearly unambiguous.
            3. Never fill a gap by analogy: do not carry details from one site over to another, and do not reuse the data \
            fields of an earlier request for a different kind of request, even if a similar guess was accepted before.
            4. When the request is genuinely underspecified, ask ONE consolidated clarifying question that covers every \
            gap at once, before calling any tool. Do not ask about the gaps one at a time.
            5. When an inference by analogy seems necessary, state it in one short line and ask the user to confirm it \
            before calling any tool.""";

    public static final String PROMPT_HANDLING_POLICY = """
            PROMPT-HANDLING POLICY: Send the user's own words as the `prompt`, verbatim, together with any answers the \
            user gave to earlier clarifying questions. Only trivial normalisation is allowed, such as adding `https://` \
            to a bare domain or fixing an obvious typo in a URL. Never add details the user did not state: no extra \
            fields, output formats, price-handling rules, lazy-loading or scrolling instructions, pagination strategies \
            or similar. The Agent Builder works those out from the page itself. If such a detail seems essential, treat \
            it as a sufficiency gap and ask the user one clarifying question instead of inventing it.""";

    /** One sentence pointing write tools at the instructions. */
    public static final String PRE_CALL_CHECK = "PRE-CALL CHECK: before calling this tool, verify the request satisfies the "
            + "SUFFICIENCY POLICY in the server instructions; if it is underspecified, ask the user one consolidated "
            + "clarifying question first.";
}
