import Foundation
import GRDB
import PanelCore

/// The one owner of the database: runs migrations, then offers intent-named transactions.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Who checkpoints the WAL: SQLite (and `vacuum`), or a replicator beside us.
    let replication: Replication

    public init(_ writer: any DatabaseWriter, replication: Replication = .none) throws {
        self.writer = writer
        self.replication = replication
        try Self.migrator.migrate(writer)
    }

    /// The production database: a WAL pool at `path`, with foreign keys on and a busy timeout so that
    /// `tick` from cron and the `serve` daemon wait for each other instead of failing.
    ///
    /// `synchronous = FULL`: every commit fsyncs the WAL before it returns, so whatever we answered as recorded
    /// (a vote, an unsubscribe) survives a power loss. GRDB puts WAL databases in `NORMAL`, where a commit only
    /// reaches the disk at the next checkpoint: safe from corruption, but a power loss can undo the last
    /// transactions after their "thank you" went out. Votes pay for the fsync together (`BallotBox`).
    ///
    /// With `replication: .litestream` the writer never checkpoints on its own (`wal_autocheckpoint = 0`):
    /// Litestream does, after it has copied the frames.
    public static func open(path: String, replication: Replication = .none) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: configuration())
        // After GRDB's own WAL setup (which sets NORMAL), on the one connection that writes (and so checkpoints).
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if replication == .litestream { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        return try AppDatabase(pool, replication: replication)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.label = "tweedemening"
        return config
    }

    /// A read-only view for reports and diagnostics.
    public var reader: any DatabaseReader { writer }

    /// A consistent copy of the whole database, safe while others write.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
    }
}
