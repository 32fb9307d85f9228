package com.sequentum.mcp.config;

import java.io.InputStream;
import java.util.Properties;

/** The server version, from the build (reported in serverInfo, --version and /health). */
public final class Version {
    private static final String VALUE = load();

    private Version() {}

    public static String get() { return VALUE; }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/sequentum-mcp-version.properties")) {
            if (in == null) return "0.0.0-dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0-dev");
        } catch (Exception e) {
            return "0.0.0-dev";
        }
    }
}
