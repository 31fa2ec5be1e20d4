package dev.rewind.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void namesTheTargetAndIncidentWhileOpenAndRestoresWhatWasThereBefore() {
        UUID outer = UUID.randomUUID();
        UUID inner = UUID.randomUUID();
        try (LogContext first = LogContext.of("production/payments/checkout", outer)) {
            try (LogContext second = LogContext.of("staging/storefront/cart", inner)) {
                assertThat(MDC.get(LogContext.TARGET)).isEqualTo("staging/storefront/cart");
                assertThat(MDC.get(LogContext.INCIDENT)).isEqualTo(inner.toString());
            }
            assertThat(MDC.get(LogContext.TARGET)).isEqualTo("production/payments/checkout");
            assertThat(MDC.get(LogContext.INCIDENT)).isEqualTo(outer.toString());
        }
        assertThat(MDC.get(LogContext.TARGET)).isNull();
        assertThat(MDC.get(LogContext.INCIDENT)).isNull();
    }

    @Test
    void anEventWithoutAnIncidentLeavesNoIncidentOfAnEarlierOneInTheLines() {
        try (LogContext incident = LogContext.of("production/payments/checkout", UUID.randomUUID());
             LogContext alert = LogContext.of("production/payments/checkout", null)) {
            assertThat(MDC.get(LogContext.INCIDENT)).isNull();
        }
    }
}
