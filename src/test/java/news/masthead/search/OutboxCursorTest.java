package news.masthead.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCursorTest {
    @Test
    void theWatermarkWaitsAtAGapForALateCommit() {
        OutboxCursor cursor = new OutboxCursor(10);
        cursor.applied(List.of(11L, 13L, 14L), 0);
        assertThat(cursor.watermark()).isEqualTo(11);
        assertThat(cursor.pending(List.of(12L, 13L, 14L, 15L))).containsExactly(12L, 15L);
        cursor.applied(List.of(12L), 1_000_000_000L);
        assertThat(cursor.watermark()).isEqualTo(14);
    }

    @Test
    void aGapThatNeverFillsIsSteppedOverAfterAWhile() {
        OutboxCursor cursor = new OutboxCursor(0);
        cursor.applied(List.of(500L, 501L), 0);
        assertThat(cursor.watermark()).isZero();
        cursor.applied(List.of(), OutboxCursor.PATIENCE_NANOS - 1);
        assertThat(cursor.watermark()).isZero();
        cursor.applied(List.of(), OutboxCursor.PATIENCE_NANOS);
        assertThat(cursor.watermark()).isEqualTo(501);
    }
}
