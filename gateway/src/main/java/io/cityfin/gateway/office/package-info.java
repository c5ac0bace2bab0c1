/**
 * The office page: the static page at {@code /} (index.html, {@code /assets/**}, ECharts from the
 * {@code org.mvnpm:echarts} jar under {@code /_static/echarts/}) that reads the API with a key typed once per tab.
 */
@NullMarked
package io.cityfin.gateway.office;

import org.jspecify.annotations.NullMarked;
