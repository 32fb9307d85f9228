package com.sequentum.sandbox;

import java.util.concurrent.CountDownLatch;

/** Entry point of the standalone sandbox jar. Prints the base URL on stdout and runs until killed. */
public final class SandboxMain {
    private SandboxMain() {}

    private static final String USAGE = """
            Usage: java -jar sequentum-sandbox.jar [options]
              --host H         interface to bind (default 127.0.0.1)
              --port N         port (default 8081, 0 = ephemeral)
              --seed N         seed of the generated account data
              --api-key K      API key accepted as 'Authorization: ApiKey K' (default sk-sandbox)
              --time-scale X   simulated-time speed; 1.0 = runs take 5-30 s (default 1.0)
              --token-ttl S    lifetime of OAuth access tokens in seconds (default 3600)
              --help           show this help

            Admin (no auth): POST/GET/DELETE /__sandbox/faults, GET /__sandbox/info, POST /__sandbox/reset
            """;

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig cfg = SandboxConfig.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--host" -> cfg = cfg.withHost(value(args, ++i, a));
                    case "--port" -> cfg = cfg.withPort(Integer.parseInt(value(args, ++i, a)));
                    case "--seed" -> cfg = cfg.withSeed(Long.parseLong(value(args, ++i, a)));
                    case "--api-key" -> cfg = cfg.withApiKey(value(args, ++i, a));
                    case "--time-scale" -> cfg = cfg.withTimeScale(Double.parseDouble(value(args, ++i, a)));
                    case "--token-ttl" -> cfg = cfg.withAccessTokenTtl(java.time.Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        SandboxServer server = SandboxServer.start(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
        System.out.println(server.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) throw new IllegalArgumentException("missing value for " + opt);
        return args[i];
    }
}
