/** credit-service: banks and their periodic credit reports: deposits, loans, lending to industry, small firms, green and eco projects, tech and IP-pledge lending, relief measures and bad loans; targets; credit indicators. */
@NullMarked
package io.cityfin.credit;

import org.jspecify.annotations.NullMarked;
