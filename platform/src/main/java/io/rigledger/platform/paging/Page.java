package io.rigledger.platform.paging;

import java.util.List;

/**
 * One page of a list, the shape every list operation answers: {@code {"items": [...],
 * "nextCursor": "..."}}; {@code nextCursor} is absent on the last page.
 *
 * @param items      the rows of this page, in the list's order
 * @param nextCursor where the next page starts, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
}
