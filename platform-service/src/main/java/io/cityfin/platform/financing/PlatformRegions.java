package io.cityfin.platform.financing;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import reactor.core.publisher.Mono;

/**
 * Where platform financing counts: in its platform's region as the registry holds it now (platforms not withdrawn),
 * resolved when lists and indicators read, never copied onto the financing record.
 */
@Component
public class PlatformRegions {

    private final RecordService<Platform> platforms;

    public PlatformRegions(RecordService<Platform> platforms) {
        this.platforms = platforms;
    }

    /** Each platform with a region, by its USCC, with its version (what places a financing, for its lineage). */
    public Mono<Map<String, RecordView<Platform>>> placing() {
        return platforms.activeViews()
                .filter(view -> view.key() != null && view.content().region() != null)
                .collectMap(RecordView::key);
    }

    /** The USCCs of the platforms of {@code region}. */
    public Mono<Set<String>> platformsIn(String region) {
        return placing().map(platforms -> platforms.entrySet().stream()
                .filter(entry -> region.equals(entry.getValue().content().region())).map(Map.Entry::getKey).collect(Collectors.toSet()));
    }
}
