package io.cityfin.common.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void knowsTheCityAndItsTwelveCountyLevelRegions() {
        assertThat(Region.ofCode("361000")).contains(Region.CITY);
        assertThat(Region.ofCode("361090")).contains(Region.HIGH_TECH_ZONE);
        assertThat(Region.counties()).hasSize(12).doesNotContain(Region.CITY)
                .extracting(Region::code).contains("361002", "361003", "361021", "361030", "361090");
    }

    @Test
    void refusesCodesOutsideTheCity() {
        assertThat(Region.ofCode("360100")).isEmpty();
        assertThat(Region.ofCode("361029")).isEmpty();
        assertThat(Region.ofCode("")).isEmpty();
    }
}
