package dev.cofre.domain.customer;

import io.vavr.collection.List;

/** One page of a customer search (seed 000: {@code paging{limit, offset, total}} and {@code results}). */
public record CustomerPage(List<Customer> results, int limit, int offset, long total) {
}
