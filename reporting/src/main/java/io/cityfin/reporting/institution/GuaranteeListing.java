package io.cityfin.reporting.institution;

import java.time.LocalDate;

/**
 * A financing-guarantee company's place on the government financing-guarantee list (政府性融资担保机构名单,
 * data-standard-2.md "Local financial organisations"): the list's batch and the day it was listed.
 */
public record GuaranteeListing(int batch, LocalDate listedOn) {
}
