package dev.rewind.detector.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Datadog webhook body: the fields of Datadog's default payload template and those Rewind's recommended template
 * adds (docs/alert-sources.md). Every field is optional, since the body is whatever template the user wrote; numbers
 * a template sends unquoted are read as text.
 *
 * @param body $EVENT_MSG, the monitor's rendered message
 * @param date $DATE, when the event happened (epoch milliseconds)
 * @param id $ID, the event's id: different for the trigger and the recovery of one alert
 * @param alertCycleKey $ALERT_CYCLE_KEY, one value for an alert's trigger and its recovery
 * @param alertTransition $ALERT_TRANSITION: Triggered, Re-Triggered, Recovered, Warn, Re-Warn, No Data, Re-No Data,
 *                        Renotify, Null
 * @param alertType $ALERT_TYPE: error, warning, success or info; tells what a Renotify re-notifies
 * @param alertScope $ALERT_SCOPE, the tags of the group that triggered ({@code env:production,service:checkout})
 * @param tags $TAGS, comma-separated {@code name:value} tags of the monitor and the event
 * @param value the measured value, for templates that can fill it (Rewind also reads {@code rewind_value: ...} in
 *              the message)
 */
public record DatadogPayload(
        String body,
        @JsonProperty("last_updated") String lastUpdated,
        @JsonProperty("event_type") String eventType,
        String title,
        String date,
        Org org,
        String id,
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("alert_cycle_key") String alertCycleKey,
        @JsonProperty("alert_transition") String alertTransition,
        @JsonProperty("alert_type") String alertType,
        @JsonProperty("alert_status") String alertStatus,
        @JsonProperty("alert_priority") String alertPriority,
        @JsonProperty("alert_metric") String alertMetric,
        @JsonProperty("alert_query") String alertQuery,
        @JsonProperty("alert_scope") String alertScope,
        String hostname,
        String tags,
        String link,
        String value) {

    /** The Datadog organisation ($ORG_ID, $ORG_NAME). */
    public record Org(String id, String name) {
    }
}
