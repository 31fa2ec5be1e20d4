package dev.rewind.approval.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The approvals a request needs: one entry per distinct person, each naming the roles any of which may give it.
 * Written in configuration as {@code none}, {@code oncall|team-lead} (one person, either role) or
 * {@code team-lead+reviewer} (two different people: a team lead and a reviewer).
 */
public record Approvals(List<Set<String>> slots) {

    /** No approval: the policy approves at once. */
    public static final Approvals NONE = new Approvals(List.of());

    public Approvals {
        slots = slots.stream().map(roles -> Collections.unmodifiableSet(new LinkedHashSet<>(roles))).toList();
        if (slots.stream().anyMatch(Set::isEmpty)) {
            throw new IllegalArgumentException("each approval needs at least one role");
        }
    }

    /** Parses the configuration form; throws with the offending text when it is not one. */
    public static Approvals parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Set<String>> slots = new ArrayList<>();
        for (String slot : trimmed.split("\\+", -1)) {
            Set<String> roles = Arrays.stream(slot.split("\\|", -1)).map(String::trim)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (roles.stream().anyMatch(role -> !role.matches("[a-z0-9][a-z0-9-]*"))) {
                throw new IllegalArgumentException("'" + text + "' is not an approval rule: write none, or roles "
                        + "joined by | (any one of them) and + (another person), e.g. team-lead+reviewer");
            }
            slots.add(roles);
        }
        return new Approvals(slots);
    }

    public boolean none() {
        return slots.isEmpty();
    }

    /** Every role named by any approval. */
    public Set<String> roles() {
        return slots.stream().flatMap(Set::stream).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * How many approvals the given people fill at most, each person filling one approval with one of their roles
     * (a maximum bipartite matching: a team lead who is also a reviewer still counts once).
     */
    public int filledBy(Collection<Set<String>> people) {
        List<Set<String>> persons = List.copyOf(people);
        int[] slotHolder = new int[slots.size()];
        Arrays.fill(slotHolder, -1);
        int filled = 0;
        for (int person = 0; person < persons.size(); person++) {
            if (assign(person, persons, slotHolder, new boolean[slots.size()])) {
                filled++;
            }
        }
        return filled;
    }

    /** True when the given people, each counted once, fill every approval. */
    public boolean satisfiedBy(Collection<Set<String>> people) {
        return filledBy(people) == slots.size();
    }

    private boolean assign(int person, List<Set<String>> persons, int[] slotHolder, boolean[] visited) {
        for (int slot = 0; slot < slots.size(); slot++) {
            if (visited[slot] || !intersects(slots.get(slot), persons.get(person))) {
                continue;
            }
            visited[slot] = true;
            if (slotHolder[slot] < 0 || assign(slotHolder[slot], persons, slotHolder, visited)) {
                slotHolder[slot] = person;
                return true;
            }
        }
        return false;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    /** The configuration form, e.g. {@code team-lead+reviewer}. */
    @Override
    public String toString() {
        return none() ? "none" : slots.stream().map(roles -> String.join("|", roles)).collect(Collectors.joining("+"));
    }

    /** As events carry it: one list of roles per approval. */
    public List<List<String>> asLists() {
        return slots.stream().map(roles -> List.copyOf(roles)).toList();
    }
}
