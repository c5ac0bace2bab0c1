package io.cityfin.reporting.record;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A record named by its id or by its natural key (an enterprise by USCC), as a path names a parent. */
public record Ref(@Nullable UUID id, @Nullable String key) {

    public Ref {
        if ((id == null) == (key == null)) {
            throw new IllegalArgumentException("a reference names an id or a key");
        }
    }

    public static Ref id(UUID id) {
        return new Ref(id, null);
    }

    public static Ref key(String key) {
        return new Ref(null, key);
    }

    @Override
    public String toString() {
        return id != null ? id.toString() : String.valueOf(key);
    }
}
