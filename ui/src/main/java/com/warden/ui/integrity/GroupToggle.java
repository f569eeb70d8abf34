package com.warden.ui.integrity;

import javafx.beans.property.BooleanProperty;

/** A check group the user can switch on or off before a run. */
public record GroupToggle(String id, String title, String description, BooleanProperty selected) { }
