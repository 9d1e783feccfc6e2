/// Whether another program copies the database off the machine while we write, and so owns the WAL checkpoints.
///
/// Litestream keeps a read transaction open on the database all the time (so that no checkpoint can overwrite WAL
/// frames it has not copied yet), and checkpoints itself after each copy. Beside it, this program must not
/// checkpoint: a `TRUNCATE` checkpoint waits for that reader for the whole busy timeout (30 s, measured) with the
/// writer held — votes and Litestream's own copying stall — and then fails; SQLite's automatic checkpoints race
/// Litestream's brief release of its lock (Litestream's "tips & caveats" ask to turn them off).
public enum Replication: String, Sendable, CaseIterable {
    /// No replicator: SQLite checkpoints after 1,000 WAL pages, erasure truncates the WAL.
    case none
    /// Litestream replicates the file: no automatic checkpoints, erasure leaves the WAL to Litestream.
    case litestream
}
