package io.cityfin.gateway.bulletin;

import java.util.List;

/** A bulletin written: its HTML (self-contained XHTML) and every figure it shows. */
public record ComposedBulletin(String html, List<UsedFigure> figures) {

    public ComposedBulletin {
        figures = List.copyOf(figures);
    }
}
