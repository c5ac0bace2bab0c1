package io.cityfin.gateway.bulletin;

/** The bulletin's two forms, picked by {@code Accept}. */
public enum BulletinFormat {
    HTML, PDF
}
