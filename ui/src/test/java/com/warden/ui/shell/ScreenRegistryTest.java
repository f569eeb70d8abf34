package com.warden.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenRegistryTest {

    @Test
    void listsWardensScreensInOrderWithWhatEachNeeds() {
        ScreenRegistry registry = ScreenRegistry.standard();
        assertThat(registry.all()).extracting(Screen::title).containsExactly(
                "Sessions", "Files & Diffs", "Impact", "Integrity", "Health", "Latency", "Backups & Drills");
        assertThat(registry.all()).filteredOn(Screen::needsProject).extracting(Screen::id)
                .containsExactly("sessions", "files", "impact", "integrity");
        assertThat(registry.all()).allSatisfy(s -> assertThat(s.summary()).hasSizeGreaterThan(80));
        assertThat(registry.first().id()).isEqualTo("sessions");
        assertThat(registry.byId("health")).contains(PlaceholderScreen.HEALTH);
    }

    @Test
    void rejectsDuplicateOrMalformedIds() {
        assertThatThrownBy(() -> new ScreenRegistry(List.of(PlaceholderScreen.HEALTH, PlaceholderScreen.HEALTH)))
                .hasMessageContaining("Two screens have the id 'health'");
        assertThatThrownBy(() -> new ScreenRegistry(List.of(new PlaceholderScreen("Bad Id", "x", false, "y"))))
                .hasMessageContaining("lower-case");
    }
}
