package io.cityfin.archfixture.alert;

import org.springframework.web.bind.annotation.RestController;

import io.cityfin.archfixture.api.ThingDto;
import io.cityfin.archfixture.report.persistence.ReportRow;

/** Fixture: a controller outside web that reaches into another feature's persistence and uses generated types. */
@RestController
public class AlertController {

    ReportRow row(ThingDto dto) {
        return new ReportRow(dto.id());
    }
}
