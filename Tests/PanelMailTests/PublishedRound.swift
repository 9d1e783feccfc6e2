import Foundation
import PanelCore
import PanelStore

@testable import MailFormat

/// A real SQLite file in `folder` with one municipality, a panel of `emails` (in this order) and a minimal case
/// published at `start`: its case mail is pending in the outbox.
func publishedRound(in folder: URL, emails: [String], start: Date) throws -> AppDatabase {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = try AppDatabase.open(path: folder.appendingPathComponent("round.sqlite").path)
    try database.addMunicipality(id: "ede", name: "Gemeente Ede", email: "wmo@ede.example")
    _ = try database.importPanel(municipalityId: "ede", rows: emails.map { PanelistRow(email: $0) })
    let text =
        "---\ntitle: T\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\na\n# Standpunt gemeente\nb\n# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"
    let caseId = try database.submitCase(municipalityId: "ede", file: try CaseFile.parse(text), source: text)
    let round = try database.approveCase(caseId, CaseApproval(timeline: try Timeline.make(publishAt: start), override: true))
    try database.take(.publish, roundId: round.id!, now: start, messageDomain: "tweedemening.example")
    return database
}
