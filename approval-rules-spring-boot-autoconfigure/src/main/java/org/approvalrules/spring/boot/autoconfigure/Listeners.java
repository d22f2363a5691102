package org.approvalrules.spring.boot.autoconfigure;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells every listener of an event; a listener that throws is logged and does not stop the others. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    static void tell(List<ApprovalRulesListener> listeners, Consumer<ApprovalRulesListener> event) {
        for (ApprovalRulesListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("approval-rules listener {} failed", l, e);
            }
        }
    }
}
