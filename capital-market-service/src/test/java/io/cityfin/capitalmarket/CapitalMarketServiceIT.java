package io.cityfin.capitalmarket;

import io.cityfin.common.test.ServiceContractChecks;

/** capital-market-service as a whole app on real PostgreSQL: the checks every domain service passes. */
class CapitalMarketServiceIT extends ServiceContractChecks {
}
