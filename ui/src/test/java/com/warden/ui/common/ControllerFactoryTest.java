package com.warden.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {

    static final class Known { }

    static final class Unknown { }

    @Test
    void givesRegisteredControllersAndFailsLoudlyForOthers() {
        Known known = new Known();
        ControllerFactory factory = ControllerFactory.of(Known.class, () -> known);
        assertThat(factory.call(Known.class)).isSameAs(known);
        assertThatThrownBy(() -> factory.call(Unknown.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No controller registered for " + Unknown.class.getName());
    }
}
