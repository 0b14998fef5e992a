package com.alvh.research;

/**
 * Shard {@code index} of {@code count} of a sweep's variants (0-based, as Kubernetes' JOB_COMPLETION_INDEX): variant
 * v belongs to shard v mod count. Round-robin rather than contiguous ranges, so neighbouring variants of a grid
 * (which cost about the same) spread over the shards and the shards finish together.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/N with 0 ≤ i < N, was " + index + "/" + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("shard must be i/N (e.g. 0/4), was '" + text + "'");
    }

    public boolean contains(int variant) {
        return variant % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
