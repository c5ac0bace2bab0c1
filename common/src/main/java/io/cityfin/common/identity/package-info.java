/** Who is calling: the internal token every service verifies, the caller record and the access rules on it. */
@NullMarked
package io.cityfin.common.identity;

import org.jspecify.annotations.NullMarked;
