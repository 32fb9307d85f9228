package com.sequentum.sandbox.api;

import com.sequentum.sandbox.http.Query;

import java.util.List;

/** 1-based page slicing (pageIndex 0 is treated as the first page). */
final class Paging {
    final int pageIndex;
    final int recordsPerPage;

    Paging(int pageIndex, int recordsPerPage) {
        this.pageIndex = pageIndex;
        this.recordsPerPage = recordsPerPage;
    }

    static Paging of(Query q, int defaultSize) {
        Integer pi = q.integer("pageIndex", 0, Integer.MAX_VALUE);
        Integer rpp = q.integer("recordsPerPage", 1, 1000);
        return new Paging(pi == null ? 1 : pi, rpp == null ? defaultSize : rpp);
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) Math.max(0, pageIndex - 1) * recordsPerPage;
        if (from >= all.size()) return List.of();
        return all.subList((int) from, (int) Math.min(all.size(), from + recordsPerPage));
    }
}
