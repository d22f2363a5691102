package org.approvalrules.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** What the topologies' punctuations read from their stores. */
final class StateStores {

    private StateStores() {
    }

    /**
     * Every entry of {@code store} but the one under {@code skip} (the task's watermark), copied out so that the caller
     * may write to the store while going through them.
     */
    static List<KeyValue<String, String>> entriesExcept(KeyValueStore<String, String> store, String skip) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (!kv.key.equals(skip)) {
                    out.add(kv);
                }
            }
        }
        return out;
    }
}
