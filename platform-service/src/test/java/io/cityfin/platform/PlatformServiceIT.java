package io.cityfin.platform;

import io.cityfin.common.test.ServiceContractChecks;

/** platform-service as a whole app on real PostgreSQL: the checks every domain service passes. */
class PlatformServiceIT extends ServiceContractChecks {
}
