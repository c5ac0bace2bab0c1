package io.cityfin.launcher;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A PostgreSQL server and its login: parsed from {@code CITYFIN_DB_URL} or made up for the embedded server.
 *
 * @param adminDatabase the database the launcher connects to for {@code CREATE DATABASE}
 */
record DatabaseUrl(String user, String password, String host, int port, String adminDatabase) {

    static final int DEFAULT_PORT = 5432;

    /**
     * Parses {@code postgresql://user:password@host:port} (also {@code postgres://}). The user and password may be
     * URL-encoded, the port defaults to 5432, and an optional {@code /name} names the admin database (default
     * {@code postgres}). Messages never echo the password.
     */
    static DatabaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        }
        catch (URISyntaxException ex) {
            throw invalid("it is not a URL (encode special characters in the password as %XX)");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw invalid("the scheme must be postgresql:// or postgres://");
        }
        if (uri.getHost() == null) {
            throw invalid("no host, or a character in the password that must be encoded as %XX");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty() || userInfo.startsWith(":")) {
            throw invalid("no user");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("a ?query or #fragment is not supported");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.contains("/")) {
            throw invalid("the path may name one database only");
        }
        int colon = userInfo.indexOf(':');
        String user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : percentDecode(userInfo.substring(colon + 1));
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(user, password, uri.getHost(), port, path.isEmpty() ? "postgres" : path);
    }

    /** The JDBC URL of one database on this server; the login goes in {@link #credentials()}. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return properties;
    }

    /** The server without the password, for messages. */
    String display() {
        return user + "@" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + display() + "]";
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("CITYFIN_DB_URL is not valid: " + reason
                + ". Expected postgresql://user:password@host:port, e.g. postgresql://cityfin:s%40cret@127.0.0.1:5432");
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw invalid("a broken %-escape in the user or password");
                }
                bytes.write(high * 16 + low);
                i += 3;
            }
            else {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

}
