package io.gantry.console.activity;

/**
 * Who is acting on the current thread, as the application knows it (the UI reads the signed-in user); without such a
 * bean, or when nobody is signed in, actions are the {@link Actor#SYSTEM system}'s.
 */
@FunctionalInterface
public interface CurrentActor {

    Actor get();
}
