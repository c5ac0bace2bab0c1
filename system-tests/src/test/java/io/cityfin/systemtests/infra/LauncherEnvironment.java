package io.cityfin.systemtests.infra;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables the launcher starts each app with ({@code AppSpec.environment(...)} in the launcher module): what a
 * local run gives every app, and what it gives the gateway alone (the {@code if (isGateway())} block). Read from the
 * source, so a variable added there is asked of the deployment files too.
 *
 * @param everyApp put for every app
 * @param gatewayOnly put for the gateway only; {@code service.urlVariable()} stands for the five {@code *_URL}s
 */
record LauncherEnvironment(Set<String> everyApp, Set<String> gatewayOnly) {

    static final String SOURCE_DIR = "launcher/src/main/java/io/cityfin/launcher/";

    static final String URL_VARIABLES = "service.urlVariable()";

    private static final Pattern PUT = Pattern.compile("env\\.put\\(\\s*([^,]+?)\\s*,");

    static LauncherEnvironment read(Repository repository) {
        String source = repository.read(SOURCE_DIR + "AppSpec.java");
        int method = source.indexOf("Map<String, String> environment(");
        if (method < 0) {
            throw new IllegalStateException("no environment(...) method in AppSpec.java");
        }
        int bodyStart = source.indexOf('{', method);
        String body = source.substring(bodyStart, closingBrace(source, bodyStart) + 1);
        int gatewayIf = body.indexOf("if (isGateway())");
        if (gatewayIf < 0) {
            throw new IllegalStateException("no if (isGateway()) block in AppSpec.environment");
        }
        int gatewayStart = body.indexOf('{', gatewayIf);
        int gatewayEnd = closingBrace(body, gatewayStart);
        Set<String> everyApp = new LinkedHashSet<>();
        Set<String> gatewayOnly = new LinkedHashSet<>();
        Matcher put = PUT.matcher(body);
        while (put.find()) {
            String name = resolve(repository, put.group(1));
            (put.start() > gatewayStart && put.start() < gatewayEnd ? gatewayOnly : everyApp).add(name);
        }
        return new LauncherEnvironment(everyApp, gatewayOnly);
    }

    /** A string literal, {@code Class.CONSTANT} (from {@code Class.java} beside AppSpec) or the URL marker. */
    private static String resolve(Repository repository, String expression) {
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.equals(URL_VARIABLES)) {
            return URL_VARIABLES;
        }
        Matcher constant = Pattern.compile("([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)").matcher(expression);
        if (constant.matches()) {
            Matcher value = Pattern.compile("static final String " + constant.group(2) + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(repository.read(SOURCE_DIR + constant.group(1) + ".java"));
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
