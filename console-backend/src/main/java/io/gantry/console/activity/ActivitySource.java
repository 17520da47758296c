package io.gantry.console.activity;

/** Where an entry came from. */
public enum ActivitySource {
    /** A signed-in user on a page of the console. */
    UI,
    /** A client of the console's REST API. */
    API,
    /** The engine's own event stream (also what the docker CLI does against the console's engine). */
    ENGINE,
    /** The console itself: scheduled jobs, start-up. */
    SYSTEM
}
