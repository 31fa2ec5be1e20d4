package dev.rewind.postmortem.console;

import java.util.List;

/**
 * What every console page shows around its content: who is signed in with which roles, the section they are in, and
 * whether the sign-in is the development one (a red banner says so on every page).
 */
public record Chrome(String user, List<String> roles, String section, boolean devSignIn) {
}
