package com.warden.ui.latency;

/** A chart with data waiting to be drawn: the view-model redraws a few per frame so no pulse runs long. */
interface ChartUpdate {
    boolean dirty();

    /** Applies what is pending and redraws (one chart change event). */
    void flush();
}
