package org.passerelle.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.core.audit.AuditEntry;

class AuditQueryTests {

    // 23:30 UTC is already the next day in Paris.
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLastSevenDaysInParisAndTheFirstPage() {
        var query = AuditQuery.of(null, "", null, " ", null, clock);

        assertThat(query.to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(query.person()).isNull();
        assertThat(query.action()).isNull();
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.errors()).isEmpty();
    }

    @Test
    void namesAnUnreadableDateAndAReversedRange() {
        assertThat(AuditQuery.of("28/11/2026", null, null, null, 2, clock).errors())
                .containsExactly(Map.entry("from", "audit.error.date"));
        assertThat(AuditQuery.of("2026-11-20", "2026-11-10", null, null, 0, clock).errors())
                .containsExactly(Map.entry("to", "audit.error.order"));
    }

    @Test
    void keepsOnlyThePersonAndTheActionAskedFor() {
        var at = Instant.parse("2026-11-28T10:00:00Z");
        var entries = List.of(new AuditEntry(at, "amina", "MEDIATOR", AuditEntry.SIGN_IN, Map.of(), null),
                new AuditEntry(at, "amina", "MEDIATOR", "POST /api/inbox/conversations/{id}/claim", Map.of(), 200),
                new AuditEntry(at, "claire", "ADMIN", AuditEntry.SIGN_IN, Map.of(), null));

        assertThat(AuditQuery.of(null, null, "amina", AuditEntry.SIGN_IN, 1, clock).filter(entries))
                .containsExactly(entries.get(0));
        assertThat(AuditQuery.of(null, null, null, AuditEntry.SIGN_IN, 1, clock).filter(entries))
                .containsExactly(entries.get(0), entries.get(2));
        assertThat(AuditQuery.of(null, null, null, null, 1, clock).filter(entries)).isEqualTo(entries);
    }
}
