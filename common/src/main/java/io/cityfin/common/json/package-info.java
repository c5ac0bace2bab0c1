/** The strict, bounded JSON reader every app's request bodies go through, before hashing, rules or SQL. */
@NullMarked
package io.cityfin.common.json;

import org.jspecify.annotations.NullMarked;
