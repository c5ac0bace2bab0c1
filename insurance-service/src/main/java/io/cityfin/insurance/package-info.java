/** insurance-service: insurers and their periodic reports: premiums by line, claims, agricultural, health-supplement and liability cover, relief; insurance funds invested in the city; insurance indicators. */
@NullMarked
package io.cityfin.insurance;

import org.jspecify.annotations.NullMarked;
