package io.meshwork.core.contract;

import java.math.BigDecimal;
import java.time.Duration;

/** Contract values written as contracts write them, for reports and generated documents. */
public final class ContractText {

    private static final long SECONDS_PER_DAY = 86_400;

    private ContractText() {
    }

    /** An availability ratio as a percentage: {@code 0.999} is {@code 99.9%}. */
    public static String percent(double ratio) {
        return BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** An ISO-8601 duration, in whole days when it is some: {@code P7D}, {@code PT15M}. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % SECONDS_PER_DAY == 0 && duration.getNano() == 0 ? "P" + seconds / SECONDS_PER_DAY + "D"
                : duration.toString();
    }
}
