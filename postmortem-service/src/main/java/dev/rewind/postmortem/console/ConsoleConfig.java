package dev.rewind.postmortem.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The console's settings, {@code rewind.console.*}. */
@ConfigMapping(prefix = "rewind.console")
public interface ConsoleConfig {

    /** The local sign-in of the dev stack, which signs session tokens with the development key. */
    DevSignIn devSignIn();

    /** How many incidents the live list shows. */
    @WithDefault("100")
    int listSize();

    /** {@code rewind.console.dev-sign-in.*}: off unless set, never together with an identity provider. */
    interface DevSignIn {

        /** Whether {@code /console/sign-in} signs people in locally (REWIND_CONSOLE_DEV_SIGN_IN). */
        @WithDefault("false")
        boolean enabled();

        /** The development private key (a PEM file) the session tokens are signed with (REWIND_CONSOLE_DEV_KEY). */
        Optional<String> key();

        /** How long a development session lasts. */
        @WithDefault("8h")
        Duration session();

        /** The roles the sign-in form offers. */
        @WithDefault("oncall,team-lead,reviewer,developer,viewer")
        List<String> roles();
    }
}
