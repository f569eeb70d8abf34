package com.warden.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.WardenException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    @Test
    void anExplainedFailureShowsItsOneLineEvenWhenWrapped() {
        WardenException explained = new WardenException("Wrong password for user 'bob'.", "check ~/.pgpass");
        ErrorReport report = ErrorReport.of(new RuntimeException("wrapper", explained));
        assertThat(report.line()).isEqualTo("Wrong password for user 'bob'. — check ~/.pgpass");
        assertThat(report.line()).doesNotContain("\n");
        assertThat(report.details()).contains("WardenException").contains("at ");
    }

    @Test
    void anUnexpectedFailureSaysWhatItIsInOneLineAndKeepsTheTraceForDetails() {
        ErrorReport report = ErrorReport.of(new ExecutionException(new IllegalStateException("boom\nsecond line")));
        assertThat(report.line()).startsWith("Unexpected error: IllegalStateException: boom").doesNotContain("second line");
        assertThat(report.details()).contains("second line");
    }
}
