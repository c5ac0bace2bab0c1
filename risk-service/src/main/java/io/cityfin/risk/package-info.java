/** risk-service: local financial organisations and their supervision, guarantee, bridge-fund and private-lending reports, repayment plans, illegal-fundraising leads and cases, publicity, early-warning rules and alerts; risk indicators. */
@NullMarked
package io.cityfin.risk;

import org.jspecify.annotations.NullMarked;
