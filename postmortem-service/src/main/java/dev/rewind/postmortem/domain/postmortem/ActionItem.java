package dev.rewind.postmortem.domain.postmortem;

import java.time.LocalDate;

/**
 * One action item of a post-mortem, as the runbook's template writes it: {@code - [ ] text (Owner: @x, Due: date)}.
 *
 * @param owner the person who owns it, without the {@code @}
 * @param due the day it is due (a calendar day, no time zone)
 */
public record ActionItem(String text, String owner, LocalDate due, boolean done) {
}
