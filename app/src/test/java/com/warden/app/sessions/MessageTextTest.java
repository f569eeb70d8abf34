package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void codeBlocksAreSeparatedFromProse() {
        List<MessageText.Segment> s = MessageText.segments("Here:\n\n```tsx\nconst a = 1;\n\nconst b = 2;\n```\nDone.");
        assertThat(s).containsExactly(new MessageText.Segment(false, "", "Here:"),
                new MessageText.Segment(true, "tsx", "const a = 1;\n\nconst b = 2;"),
                new MessageText.Segment(false, "", "Done."));
    }

    @Test
    void anUnclosedFenceRunsToTheEnd() {
        assertThat(MessageText.segments("x\n```\ncode"))
                .containsExactly(new MessageText.Segment(false, "", "x"), new MessageText.Segment(true, "", "code"));
        assertThat(MessageText.segments("")).isEmpty();
        assertThat(MessageText.segments("plain")).containsExactly(new MessageText.Segment(false, "", "plain"));
    }

    static MessageRow row(int second, String id) {
        return new MessageRow(UUID.fromString("00000000-0000-0000-0000-" + id), "user", null, 1,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), "m" + second, 2, false);
    }

    @Test
    void liveRowsAreMergedInTimelineOrderOnlyAtTheLiveEnd() {
        TimelineWindow w = new TimelineWindow(new ArrayList<>(), 4);
        w.reset(new MessagePage(List.of(row(1, "000000000001"), row(5, "000000000005")), false, false));
        w.mergeLive(List.of(row(3, "000000000003"), row(9, "000000000009"), row(5, "000000000005")));
        assertThat(w.rows()).extracting(MessageRow::content).containsExactly("m1", "m3", "m5", "m9");
        assertThat(w.mergeLive(List.of(row(10, "000000000010")))).isEqualTo(1);
        assertThat(w.rows()).extracting(MessageRow::content).containsExactly("m3", "m5", "m9", "m10");
        assertThat(w.hasOlder()).isTrue();
        w.reset(new MessagePage(List.of(row(1, "000000000001")), false, true));
        w.mergeLive(List.of(row(20, "000000000020")));
        assertThat(w.rows()).extracting(MessageRow::content).containsExactly("m1");
    }

    @Test
    void cursorsCompareLikePostgresComparesUuids() {
        MessageCursor a = new MessageCursor(Instant.EPOCH, UUID.fromString("7fffffff-0000-0000-0000-000000000000"));
        MessageCursor b = new MessageCursor(Instant.EPOCH, UUID.fromString("80000000-0000-0000-0000-000000000000"));
        assertThat(a).isLessThan(b);
    }
}
