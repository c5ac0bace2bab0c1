package io.cityfin.insurance;

import io.cityfin.common.test.ServiceContractChecks;

/** insurance-service as a whole app on real PostgreSQL: the checks every domain service passes. */
class InsuranceServiceIT extends ServiceContractChecks {
}
