package dev.rewind.detector.persistence;

import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** A release Rewind rolled a target back from: never named as the release to return to. */
@Entity
@Table(name = "blocked_release")
@IdClass(BlockedReleaseRecord.Key.class)
public class BlockedReleaseRecord extends PanacheEntityBase {

    @Id
    public String target;

    /** The release's images as sorted JSON: the same images are the same release, whatever its revision number. */
    @Id
    public String images;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "blocked_at", nullable = false)
    public Instant blockedAt;

    /** Blocks {@code release} of {@code target} unless it is already. */
    public static void block(String target, Release release, UUID incidentId, Instant at) {
        String images = imagesOf(release.images());
        if (findById(new Key(target, images)) != null) {
            return;
        }
        BlockedReleaseRecord record = new BlockedReleaseRecord();
        record.target = target;
        record.images = images;
        record.incidentId = incidentId;
        record.blockedAt = at;
        record.persist();
    }

    /** The image maps of the blocked releases of each of {@code targets} that has any, read with one query. */
    public static Map<String, Set<Map<String, String>>> imagesBlockedFor(Collection<String> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return BlockedReleaseRecord.<BlockedReleaseRecord>list("target in ?1", targets).stream()
                .collect(Collectors.groupingBy(record -> record.target, Collectors.mapping(
                        record -> EventJson.read(record.images, ImageMap.class).images(),
                        Collectors.toUnmodifiableSet())));
    }

    private static String imagesOf(Map<String, String> images) {
        return EventJson.write(new ImageMap(new TreeMap<>(images)));
    }

    /** The stored shape of an image map. */
    record ImageMap(Map<String, String> images) {
    }

    /** The primary key. */
    public static class Key implements Serializable {
        public String target;
        public String images;

        public Key() {
        }

        Key(String target, String images) {
            this.target = target;
            this.images = images;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && target.equals(key.target) && images.equals(key.images);
        }

        @Override
        public int hashCode() {
            return Objects.hash(target, images);
        }
    }
}
