package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

    @Test
    void interpolatesBetweenTheNearestRanksLikePercentileCont() {
        var p = new Percentiles();
        for (double v : new double[] {40, 10, 30, 20}) {
            p.add(v);
        }
        // PostgreSQL: percentile_cont(0.5) of {10,20,30,40} = 25, (0.95) = 38.5, (0.99) = 39.7
        assertThat(p.at(0.5)).isEqualTo(25.0);
        assertThat(p.at(0.95)).isCloseTo(38.5, within(1e-9));
        assertThat(p.at(0.99)).isCloseTo(39.7, within(1e-9));
        assertThat(p.at(0)).isEqualTo(10.0);
        assertThat(p.max()).isEqualTo(40.0);
        assertThat(p.mean()).isEqualTo(25.0);
    }

    @Test
    void manyValuesGiveTheRankExpected() {
        var p = new Percentiles();
        for (int i = 1000; i >= 1; i--) {
            p.add(i);
        }
        assertThat(p.size()).isEqualTo(1000);
        assertThat(p.at(0.95)).isCloseTo(950.05, within(1e-9));
        assertThat(p.at(0.99)).isCloseTo(990.01, within(1e-9));
        p.add(5000); // adding after a read sorts again
        assertThat(p.max()).isEqualTo(5000.0);
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsNaN() {
        var p = new Percentiles();
        assertThat(p.at(0.5)).isNaN();
        p.add(3.5);
        assertThat(p.at(0.01)).isEqualTo(3.5);
        assertThat(p.at(0.99)).isEqualTo(3.5);
    }

    @Test
    void percentilesOutsideZeroToOneAreRefused() {
        var p = new Percentiles();
        p.add(1);
        assertThatThrownBy(() -> p.at(95)).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> p.add(Double.NaN)).hasMessageContaining("NaN");
    }
}
