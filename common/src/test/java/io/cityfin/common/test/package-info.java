/** Test support every module shares (shipped as common's test-jar): PostgreSQL for tests and the architecture rules. */
@NullMarked
package io.cityfin.common.test;

import org.jspecify.annotations.NullMarked;
