package io.cityfin.archfixture.api;

/** Fixture: a generated wire type. */
public record ThingDto(long id) {
}
