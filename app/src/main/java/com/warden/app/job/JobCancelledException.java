package com.warden.app.job;

import com.warden.app.WardenException;

public class JobCancelledException extends WardenException {
    public JobCancelledException() {
        super("Cancelled.");
    }
}
