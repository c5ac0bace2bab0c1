package io.cityfin.common.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The generated indicator's {@code inputsUnavailable}, written only when some input did not answer. */
abstract class IndicatorDtoMixin {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract List<String> getInputsUnavailable();
}
