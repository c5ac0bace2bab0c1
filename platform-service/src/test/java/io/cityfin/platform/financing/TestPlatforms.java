package io.cityfin.platform.financing;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;

/**
 * Platforms the financing tests need, written through the registry's use case as ADMIN; each history is valid by the
 * registry's rules (data-standard-2.md, "Registry"), so the tests hold on the registry helper's bean as on the stand-in.
 */
public record TestPlatforms(RecordService<Platform> platforms) {

    private static final Caller ADMIN = new Caller("test-admin", Set.of(Role.ADMIN), null);

    public static Platform.Entry active(String from) {
        return new Platform.Entry(from, Platform.ACTIVE, Platform.L1, null);
    }

    public static Platform.Entry shell(String from) {
        return new Platform.Entry(from, Platform.SHELL, Platform.L1, null);
    }

    public static Platform.Entry deregistered(String from) {
        return new Platform.Entry(from, Platform.DEREGISTERED, Platform.L1, null);
    }

    public static Platform.Entry merged(String from, String parent) {
        return new Platform.Entry(from, Platform.MERGED, Platform.L1, parent);
    }

    /** A platform of {@code tier} in {@code region} with this history. */
    public void register(String uscc, String tier, String region, Platform.Entry... history) {
        put(uscc, new Platform("测试平台" + uscc.substring(10), tier, region, List.of(history)), null);
    }

    /** Withdraws the platform: a version with status WITHDRAWN, as an entry in error gets. */
    public void withdraw(String uscc, String tier, String region, Platform.Entry... history) {
        put(uscc, new Platform("测试平台" + uscc.substring(10), tier, region, List.of(history)), "WITHDRAWN");
    }

    private void put(String uscc, Platform platform, @Nullable String status) {
        platforms.put(uscc, platform, status, null)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(ADMIN, "test")))
                .block();
    }
}
