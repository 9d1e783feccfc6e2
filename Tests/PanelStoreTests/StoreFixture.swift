import Foundation
import PanelCore
import PanelStore

/// A real SQLite file (WAL) in a fresh temporary folder, with one municipality and its panel.
struct StoreFixture {
    let folder: URL
    let database: AppDatabase
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!
    var path: String { folder.appendingPathComponent("test.sqlite").path }

    init(panelSize: Int = 5, replication: Replication = .none) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try AppDatabase.open(path: folder.appendingPathComponent("test.sqlite").path, replication: replication)
        try database.addMunicipality(id: "utrecht", name: "Gemeente Utrecht", email: "wmo@utrecht.example", now: start)
        if panelSize > 0 {
            let rows = (1...panelSize).map { PanelistRow(email: "p\($0)@example.nl", name: "Panellid \($0)") }
            _ = try database.importPanel(municipalityId: "utrecht", rows: rows, now: start)
        }
    }

    func approvedRound() throws -> Round {
        let file = try CaseFile.parse(CaseFixture.text)
        let caseId = try database.submitCase(municipalityId: "utrecht", file: file, source: CaseFixture.text, now: start)
        return try database.approveCase(caseId, CaseApproval(timeline: Timeline.make(publishAt: start), override: true))
    }

    /// An approved round, published at `start`, and the ids of the panel's members.
    func publishedRound() throws -> (round: Round, panel: [Int64]) {
        let round = try approvedRound()
        try database.take(.publish, roundId: round.id!, now: start, messageDomain: "t.example")
        return (round, try database.panelists(municipalityId: "utrecht").map { $0.id! })
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

enum CaseFixture {
    static let text = """
        ---
        title: Traplift
        domain: Wmo
        consent_reference: UTR-1
        ---
        # Besluit
        Afgewezen.
        # Standpunt gemeente
        Verhuizen.
        # Standpunt aanvrager
        Blijven wonen.
        # Kaders
        Wmo 2015.
        # Vraag aan het panel
        Steunt u het besluit?
        """
}
