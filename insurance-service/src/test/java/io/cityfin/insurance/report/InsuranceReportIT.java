package io.cityfin.insurance.report;

import io.cityfin.reporting.test.ReportingServiceChecks;

/** Insurers' reports on real PostgreSQL: the checks every reporting service passes, on insurance's items. */
class InsuranceReportIT extends ReportingServiceChecks {

    @Override
    protected Sample sample() {
        return new Sample("LIABILITY_SUM_INSURED", null, "PREMIUM_PC_YTD", "AGRI_HOUSEHOLDS_YTD", "PREMIUM_LIFE_YTD",
                "MILLION_MEDICAL_SUM_INSURED", "AGRI_CLAIMS_YTD", "AGRI_SUM_INSURED_YTD", "CLAIMS_EXCEED_COVER", "农业保险赔付", 19,
                "PROPERTY_CASUALTY");
    }
}
