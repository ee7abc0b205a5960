import type { PaperBookChange, PaperBookSnapshot } from './paper-book.types';

/**
 * Where the paper broker keeps its order book, trade book and positions, so that a restart
 * (and reconciliation against it) sees exactly what was traded. One store serves one
 * `PaperExecutionClient` (one paper account); a database implementation scopes its rows by
 * account itself.
 *
 * Contract for implementations (the API provides a database-backed one):
 * - `load()` returns everything saved so far (all days, flat positions included), or
 *   `EMPTY_PAPER_BOOK` when nothing was ever saved. Order of the arrays is free: the client
 *   sorts orders by `sequence` and trades by `occurredAtMs`, then `tradeId`.
 * - `save(change)` applies ONE event atomically (one database transaction): upsert every
 *   order by `brokerOrderId` and every position by `key` (whole-row replace), insert every
 *   trade (a repeated `tradeId` is an error, never a duplicate row), and replace the
 *   counters. Either all of it is stored or none of it, and it resolves only once durable.
 *   On failure it rejects (any error); the client then treats the event as not having
 *   happened and reports a TEMPORARY `BrokerError`.
 * - `change.acknowledges` (a placement the caller will be told was accepted) needs no storing
 *   in the book; a store may record it elsewhere in the same transaction (the API's journal).
 * - Values must round-trip exactly: paise are safe integers (store as BIGINT/INTEGER, never
 *   REAL), prices are rupee decimals with at most 2 places, instants are UTC epoch ms, dates
 *   'YYYY-MM-DD'. Instruments and charges may be stored as JSON.
 * - The client calls `save` one event at a time (never concurrently) and is the only writer.
 */
export interface PaperBookStore {
  /** Everything saved so far. */
  load(): Promise<PaperBookSnapshot>;
  /** Stores one event's changes atomically; rejects when nothing was stored. */
  save(change: PaperBookChange): Promise<void>;
}
