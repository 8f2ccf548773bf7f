package io.sxs.bench.p1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** P1 end to end at a tiny size: it completes and reports. Its figures mean nothing at this size and are not checked. */
class MapperThroughputSmokeTest {

    @Test
    void p1CompletesAndReportsARowPerRun() {
        MapperThroughput.Report report = new MapperThroughput(300, 200, 3, 10, 2, 1).run();

        assertThat(report.table().rows()).as("five runs and two ratios").hasSize(7);
        assertThat(report.mapper().records()).isEqualTo(300);
        assertThat(report.mapper().written()).isPositive();
        assertThat(report.passBefore().written()).isEqualTo(300);
        assertThat(report.passAfter().written()).isEqualTo(300);
        assertThat(report.bytesBefore().written()).isEqualTo(300);
    }
}
