package io.cityfin.risk;

import io.cityfin.common.test.ServiceContractChecks;

/** risk-service as a whole app on real PostgreSQL: the checks every domain service passes. */
class RiskServiceIT extends ServiceContractChecks {
}
