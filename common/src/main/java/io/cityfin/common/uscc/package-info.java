/** The unified social credit code of GB 32100-2015, beside the GB/T 2260 regions: national identifier formats every service checks. */
@NullMarked
package io.cityfin.common.uscc;

import org.jspecify.annotations.NullMarked;
