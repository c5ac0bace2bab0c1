package io.cityfin.credit;

import io.cityfin.common.test.ServiceContractChecks;

/** credit-service as a whole app on real PostgreSQL: the checks every domain service passes. */
class CreditServiceIT extends ServiceContractChecks {
}
