import ArgumentParser
import Foundation
import PanelCore
import PanelStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The append-only, hash-chained log of moderator and municipality actions.",
        subcommands: [Verify.self, List.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain. Exit 0 intact, 1 tampered with (the first broken entry is named).",
            discussion: """
                Prints the number of entries and the head hash. Keep the head somewhere else (mail it to yourself from
                cron): `--expect-head HASH` then also detects entries cut off the end.
                """)
        @OptionGroup var options: RootOptions
        @Option(name: .customLong("expect-head"), help: "A head hash written down earlier: it must still be in the chain.")
        var expectHead: String?

        func run() throws {
            let app = try options.open()
            let result = try app.database.verifyAudit()
            if let broken = result.firstBroken {
                warn("audit log tampered with: entry \(broken.id): \(broken.reason)")
                throw ExitCode(1)
            }
            if let expectHead, expectHead != result.head {
                let known = try app.database.auditEntries(limit: Int.max).contains { $0.hash == expectHead.lowercased() }
                guard known else {
                    warn("audit log tampered with: the head \(expectHead) written down earlier is no longer in the chain")
                    throw ExitCode(1)
                }
            }
            print("audit log intact: \(result.entries) entries, head \(result.head)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the newest entries.")
        @OptionGroup var options: RootOptions
        @Option(help: "How many.") var limit: Int = 50

        func run() throws {
            for entry in try options.open().database.auditEntries(limit: max(1, limit)) {
                print(
                    "\(entry.id)\t\(ISOTime.format(entry.at))\t\(entry.actor)\t\(entry.action)\t\(entry.subject)\(entry.detail.isEmpty ? "" : "\t\(entry.detail)")"
                )
            }
        }
    }
}
