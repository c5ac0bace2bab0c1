package io.cityfin.systemtests.infra;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables the launcher starts each app with ({@code AppSpec.environment(...)} in the launcher module): what a
 * local run gives every app, what it gives the gateway alone (the {@code if (isGateway())} block), and what it gives a
 * service that calls the gateway with a key of its own (the {@code if (ownKey != null)} block). Read from the source, so
 * a variable added there is asked of the deployment files too.
 *
 * @param everyApp put for every app
 * @param gatewayOnly put for the gateway only; {@code service.urlVariable()} stands for the five {@code *_URL}s,
 *     {@code serviceKey.variable()} for every service's API key
 * @param callersOnly put for a service that calls the gateway; {@code ownKey.variable()} stands for its own API key
 */
record LauncherEnvironment(Set<String> everyApp, Set<String> gatewayOnly, Set<String> callersOnly) {

    static final String SOURCE_DIR = "launcher/src/main/java/io/cityfin/launcher/";

    static final String URL_VARIABLES = "service.urlVariable()";

    /** Every calling service's API key, which the gateway holds. */
    static final String SERVICE_KEYS = "serviceKey.variable()";

    /** A calling service's own API key. */
    static final String OWN_SERVICE_KEY = "ownKey.variable()";

    private static final Set<String> MARKERS = Set.of(URL_VARIABLES, SERVICE_KEYS, OWN_SERVICE_KEY);

    private static final Pattern PUT = Pattern.compile("env\\.put\\(\\s*([^,]+?)\\s*,");

    static LauncherEnvironment read(Repository repository) {
        String source = repository.read(SOURCE_DIR + "AppSpec.java");
        int method = source.indexOf("Map<String, String> environment(");
        if (method < 0) {
            throw new IllegalStateException("no environment(...) method in AppSpec.java");
        }
        int bodyStart = source.indexOf('{', method);
        String body = source.substring(bodyStart, closingBrace(source, bodyStart) + 1);
        int[] gateway = block(body, "if (isGateway())");
        int[] callers = block(body, "if (ownKey != null)");
        Set<String> everyApp = new LinkedHashSet<>();
        Set<String> gatewayOnly = new LinkedHashSet<>();
        Set<String> callersOnly = new LinkedHashSet<>();
        Matcher put = PUT.matcher(body);
        while (put.find()) {
            String name = resolve(repository, source, put.group(1));
            if (put.start() > gateway[0] && put.start() < gateway[1]) {
                gatewayOnly.add(name);
            } else if (put.start() > callers[0] && put.start() < callers[1]) {
                callersOnly.add(name);
            } else {
                everyApp.add(name);
            }
        }
        return new LauncherEnvironment(everyApp, gatewayOnly, callersOnly);
    }

    /** Where the block after {@code condition} opens and closes in {@code body}. */
    private static int[] block(String body, String condition) {
        int start = body.indexOf(condition);
        if (start < 0) {
            throw new IllegalStateException("no " + condition + " block in AppSpec.environment");
        }
        int open = body.indexOf('{', start);
        return new int[] {open, closingBrace(body, open)};
    }

    /**
     * A string literal, {@code Class.CONSTANT} (from {@code Class.java} beside AppSpec), {@code CONSTANT} (of AppSpec
     * itself) or one of the markers.
     */
    private static String resolve(Repository repository, String appSpec, String expression) {
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (MARKERS.contains(expression)) {
            return expression;
        }
        Matcher constant = Pattern.compile("(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]*)").matcher(expression);
        if (constant.matches()) {
            String text = constant.group(1) == null ? appSpec : repository.read(SOURCE_DIR + constant.group(1) + ".java");
            Matcher value = Pattern.compile("static final String " + constant.group(2) + "\\s*=\\s*\"([^\"]+)\"").matcher(text);
            if (value.find()) {
                return value.group(1);
            }
        }
        throw new IllegalStateException("cannot tell which variable AppSpec.environment puts as " + expression);
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }
}
