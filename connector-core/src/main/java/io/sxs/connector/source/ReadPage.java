package io.sxs.connector.source;

import java.util.List;

/** One page of a read: the items, whether it was the last page, and the API calls spent on it. */
public record ReadPage(List<ReadItem> items, boolean lastPage, int apiCalls) {
}
