import Foundation
import PanelStore

/// Removes what a crash leaves in the spool: rendered messages already recorded as sent (a kill between the
/// record and the unlink), messages that no longer exist (an erased panelist), and half-written temporary files;
/// and splits packs that outlived their delivery pass. They hold mail bodies and addresses that retention and erasure must not miss. Runs under
/// the tick lock, so no delivery is using the files.
public struct SpoolSweeper: Sendable {
    public let database: AppDatabase
    public let spool: Spool
    /// Temporary files younger than this may belong to a writer that is still running (`inbound deliver`).
    public var temporaryAge: TimeInterval = 3_600
    /// Packs older than this are split up (longer than a night outside the sending window).
    public var packAge: TimeInterval = 86_400

    public init(database: AppDatabase, spool: Spool) {
        self.database = database
        self.spool = spool
    }

    /// Returns how many messages and files were removed.
    @discardableResult
    public func sweep(now: Date = Date()) throws -> Int {
        var removed = 0
        let outgoing = spool.names(in: .outgoing).filter { $0.hasSuffix(".eml") }
        let ids = outgoing.compactMap { name in name.split(separator: "-").first.flatMap { Int64($0) } }
        let states = try database.outboxStates(ids)
        for name in outgoing {
            guard let id = name.split(separator: "-").first.flatMap({ Int64($0) }) else { continue }
            switch states[id] {
            case .pending?, .queued?, .deferred?, .held?:
                continue
            case .sent?, .failed?:
                spool.remove(.outgoing, name: name)
            case nil:
                // The row is gone (an erased panelist): no copy may stay behind in a pack either.
                try spool.purge(name)
            }
            removed += 1
        }
        // A pack lives for one delivery pass; one that outlived it (the window closed, messages held) is split into
        // files of their own, so that no batch's mail lingers for the sake of a few.
        for pack in spool.packs(writtenBefore: now.addingTimeInterval(-packAge)) {
            for name in spool.members(ofPack: pack) { try spool.detach(name) }
        }
        let cutoff = now.addingTimeInterval(-temporaryAge)
        for name in spool.names(in: .tmp) {
            let path = spool.url(.tmp, name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date,
                modified < cutoff
            else { continue }
            spool.remove(.tmp, name: name)
            removed += 1
        }
        if removed > 0 { spool.syncFolder(.outgoing) }
        return removed
    }
}
