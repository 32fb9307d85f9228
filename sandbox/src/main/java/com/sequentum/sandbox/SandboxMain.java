package com.sequentum.sandbox;

/** Entry point of the standalone sandbox jar (filled in by the sandbox work). */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) {
        System.err.println("sandbox: not built yet");
        System.exit(2);
    }
}
