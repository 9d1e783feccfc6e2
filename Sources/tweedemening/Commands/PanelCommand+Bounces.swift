import ArgumentParser
import Foundation
import PanelCore
import PanelStore

extension PanelCommand {
    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a panelist suspended by bounces: clears the suspension and the soft-bounce count.")
        @OptionGroup var options: RootOptions
        @Option(help: "The panelist's number (first column of `panel list`).") var panelist: Int64?
        @Option(help: "The panelist's e-mail address.") var email: String?
        @Option(help: "The municipality's id, when the address is on several panels.") var municipality: String?

        func validate() throws {
            guard (panelist == nil) != (email == nil) else {
                throw ValidationError("give either --panelist ID or --email ADDRESS")
            }
        }

        func run() throws {
            let database = try options.open().database
            if let panelist {
                do { try database.resumePanelist(panelist) } catch let error as StoreError {
                    throw CLIError.data("panelist \(panelist): \(error.description); `tweedemening panel list` shows them")
                }
                return
            }
            let address = email ?? ""
            let found = try database.panelists(email: address).filter { municipality == nil || $0.municipalityId == municipality }
            guard let only = found.first else {
                throw CLIError.data(
                    "no panelist with the address \(address)\(municipality.map { " in \($0)" } ?? ""); `tweedemening panel list --municipality ID` shows them"
                )
            }
            guard found.count == 1 else {
                throw CLIError.data(
                    "\(address) is on the panels of \(found.map(\.municipalityId).joined(separator: ", ")); add --municipality ID"
                )
            }
            try database.resumePanelist(only.id!)
        }
    }

    /// One line of `panel list`: number, address, name, status, and why mail stopped or is failing.
    static func listLine(_ panelist: Panelist) -> String {
        var columns = ["\(panelist.id!)", panelist.email, panelist.name ?? "", panelist.status.rawValue]
        if let since = panelist.suspendedAt {
            columns.append("suspended \(ISOTime.format(since)): \(panelist.suspendReason ?? "")")
        } else if panelist.softBounces > 0 {
            columns.append(
                "\(panelist.softBounces) soft bounce\(panelist.softBounces == 1 ? "" : "s"), last \(panelist.lastSoftBounceAt.map { ISOTime.format($0) } ?? "-")"
            )
        }
        return columns.joined(separator: "\t")
    }
}
