package dev.rewind.postmortem.api;

import java.util.List;

/**
 * One page of the incident list, newest first.
 *
 * @param next the cursor of the next page (also in the {@code Link: rel="next"} header); null on the last page
 */
public record IncidentPage(List<IncidentViews.Summary> items, String next) {
}
