package org.approvalrules.api.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PowerTest {

    @Test
    void theSevenWindowPowersWithTheirChineseNames() {
        assertThat(Arrays.stream(Power.values()).map(Power::chineseName))
                .containsExactly("受理权", "审核权", "审批权", "协调处置权", "制证权", "办理结果送达权", "应诉代理权");
        assertThat(Power.APPROVAL.label().toString()).isEqualTo("审批权 / approval");
        assertThat(Power.DELIVERY.englishName()).isEqualTo("delivery of results");
    }
}
