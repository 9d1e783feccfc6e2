import Foundation
import Hummingbird
import HummingbirdTesting
import PanelCore
import PanelMail
import PanelStore
import Testing

@testable import PanelIntake

/// The vote and unsubscribe routes, spoken to over HTTP through Hummingbird's test client.
@Suite struct BallotRoutesTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 3, count: 32))])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-intake-\(UUID().uuidString)")

    /// A round in voting with three panelists; returns the database, round and panelist ids.
    func votingRound() throws -> (AppDatabase, Round, [Int64]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("intake.sqlite").path)
        try database.addMunicipality(id: "utrecht", name: "Gemeente Utrecht", email: "wmo@utrecht.example")
        _ = try database.importPanel(municipalityId: "utrecht", rows: (1...3).map { PanelistRow(email: "p\($0)@example.nl") })
        let text =
            "---\ntitle: <script>alert(1)</script> Traplift\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\na\n# Standpunt gemeente\nb\n# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"
        let caseId = try database.submitCase(municipalityId: "utrecht", file: try CaseFile.parse(text), source: text)
        let now = Date()
        let round = try database.approveCase(
            caseId,
            CaseApproval(
                timeline: Timeline(
                    publishAt: now.addingTimeInterval(-7_200), voteAt: now.addingTimeInterval(-3_600),
                    voteReminderAt: now.addingTimeInterval(3_600), deadline: now.addingTimeInterval(7_200)), override: true))
        try database.take(.publish, roundId: round.id!, now: now, messageDomain: "t.example")
        try database.take(.openVoting, roundId: round.id!, now: now, messageDomain: "t.example")
        let ids = try database.panelists(municipalityId: "utrecht").map { $0.id! }
        return (database, try #require(try database.round(round.id!)), ids)
    }

    func voteToken(_ round: Round, _ panelist: Int64, _ choice: VoteChoice, expires: Date? = nil) -> String {
        signer.sign(
            TokenClaims(purpose: .vote, round: round.id!, panelist: panelist, choice: choice, expires: expires ?? round.deadline))
    }

    @Test func concurrentClicksOfOnePanelistAreAllAnsweredWithTheStoredVote() async throws {
        // Given a round in voting with three panelists
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        // (no rate limit: the router test's requests carry no client address, and these are 60 in a few moments)
        let app = Application(
            router: buildIntakeRouter(
                database: database, signer: signer, templates: .shipped, limits: IntakeLimits(postsPerMinute: 0)))
        try await app.test(.router) { client in
            for attempt in 0..<10 {
                // When each panelist posts "voor" and "tegen" at the same moment (two devices, a quick change of mind)
                let pages = try await withThrowingTaskGroup(of: (Int64, String).self) { group in
                    for panelist in panel {
                        for choice in attempt % 2 == 0 ? [VoteChoice.support, .oppose] : [.oppose, .support] {
                            group.addTask {
                                try await client.execute(
                                    uri: "/v/\(voteToken(round, panelist, choice))", method: .post,
                                    headers: [.contentType: "application/x-www-form-urlencoded"]
                                ) { response in (panelist, String(buffer: response.body)) }
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                // Then the vote stored is one a page said counts, and a page that names another choice counts only
                // if it was answered before the other click arrived (then both say "geteld"): never "laatste stem"
                // naming a vote that is not stored. (Which click overlaps which depends on the machine's load; the
                // gated `BallotBoxTests` pin the races down.)
                let stored = try await database.reader.read { db in try Vote.fetchAll(db) }
                let choices = Dictionary(uniqueKeysWithValues: stored.map { ($0.panelistId, $0.choice) })
                for panelist in panel {
                    let counted = try #require(choices[panelist])
                    let shown = "<p class=\"choice\">\(BallotController<IntakeRequestContext>.label(counted))</p>"
                    let own = pages.filter { $0.0 == panelist }.map(\.1)
                    #expect(own.contains { $0.contains(shown) && $0.contains("uw stem is geteld") }, "attempt \(attempt)")
                    for page in own where page.contains("Uw laatste stem telt") {
                        #expect(page.contains(shown), "attempt \(attempt), panelist \(panelist): \(page)")
                    }
                }
            }
        }
    }

    @Test func thePageOfAReplacedVoteNamesTheVoteThatCounts() throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stored = try database.castVote(roundId: round.id!, panelistId: panel[0], choice: .oppose, now: Date())
        let page = BallotController<IntakeRequestContext>.page(
            for: VoteReceipt(vote: stored, deadline: round.deadline, choice: .support),
            dates: DutchDateText(timeZone: .panelDefault))
        #expect(page.title == "Uw laatste stem telt")
        let html = try page.render(.shipped)
        #expect(html.contains(BallotController<IntakeRequestContext>.label(.oppose)))
        #expect(!html.contains(BallotController<IntakeRequestContext>.label(.support)))
    }

    @Test func datesOnThePagesFollowTheConfiguredTimeZone() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = voteToken(round, panel[0], .support)
        var shown: [String] = []
        for zone in ["Europe/Amsterdam", "Pacific/Auckland"] {
            let timeZone = try #require(TimeZone(identifier: zone))
            // Given an intake told the panel's time zone (as `serve` passes `mail.time_zone`)
            let app = Application(
                router: buildIntakeRouter(database: database, signer: signer, templates: .shipped, timeZone: timeZone))
            try await app.test(.router) { client in
                try await client.execute(uri: "/v/\(token)", method: .get) { response in
                    // Then the deadline on the page is that zone's clock time
                    let body = String(buffer: response.body)
                    let deadline = DutchDate.format(round.deadline, timeZone: timeZone)
                    #expect(body.contains(deadline), "\(zone): \(body)")
                }
            }
            shown.append(DutchDate.format(round.deadline, timeZone: timeZone))
        }
        // And the two zones really show different times (else the test proves nothing)
        #expect(shown[0] != shown[1])
    }

    @Test func getShowsOneFormAndRecordsNothing() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            let token = voteToken(round, panel[0], .support)
            for method in [HTTPRequest.Method.get, .head, .get] {
                try await client.execute(uri: "/v/\(token)", method: method) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                    if method == .get {
                        let body = String(buffer: response.body)
                        #expect(body.components(separatedBy: "<form method=\"post\"").count == 2)
                        #expect(body.contains("lang=\"nl\""))
                        #expect(!body.contains("<script>alert"))
                        #expect(body.contains("&lt;script&gt;"))
                    }
                }
            }
        }
        #expect(try database.tally(roundId: round.id!).votes == 0)
    }

    @Test func postRecordsAndTheLastVoteCounts() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v/\(voteToken(round, panel[0], .support))", method: .post, headers: .form) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Dank u wel"))
            }
            try await client.execute(uri: "/v/\(voteToken(round, panel[0], .oppose))", method: .post, headers: .form) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/v/\(voteToken(round, panel[1], .oppose))", method: .post, headers: .form) {
                #expect($0.status == .ok)
            }
        }
        #expect(try database.tally(roundId: round.id!) == Tally(support: 0, oppose: 2, panelSize: 3))
    }

    @Test func forgedExpiredAndWrongPurposeLinksRecordNothing() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        let otherSigner = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 4, count: 32))])
        let forged = otherSigner.sign(
            TokenClaims(purpose: .vote, round: round.id!, panelist: panel[0], choice: .support, expires: round.deadline))
        let expired = voteToken(round, panel[0], .support, expires: Date().addingTimeInterval(-1))
        let unsubscribe = signer.sign(
            TokenClaims(purpose: .unsubscribe, round: round.id!, panelist: panel[0], expires: round.deadline))
        let outsider = voteToken(round, 999, .support)
        try await app.test(.router) { client in
            for (token, status) in [
                (forged, HTTPResponse.Status.forbidden), (expired, .gone), ("v1.k1.garbage", .badRequest), (outsider, .notFound),
            ] {
                for method in [HTTPRequest.Method.get, .post] {
                    try await client.execute(uri: "/v/\(token)", method: method, headers: .form) {
                        #expect($0.status == status, "\(method) \(status)")
                    }
                }
            }
            try await client.execute(uri: "/v/\(unsubscribe)", method: .post, headers: .form) { #expect($0.status == .forbidden) }
        }
        #expect(try database.tally(roundId: round.id!).votes == 0)
    }

    @Test func afterTheRoundClosesVotesAreRefused() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.take(.close, roundId: round.id!, now: Date(), messageDomain: "t.example")
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v/\(voteToken(round, panel[0], .support))", method: .post, headers: .form) {
                #expect($0.status == .gone)
            }
        }
        #expect(try database.tally(roundId: round.id!).votes == 0)
    }

    @Test func oneClickUnsubscribe() async throws {
        let (database, round, panel) = try votingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        let token = signer.sign(TokenClaims(purpose: .unsubscribe, round: round.id!, panelist: panel[2], expires: round.deadline))
        try await app.test(.router) { client in
            try await client.execute(uri: "/u/\(token)", method: .get) { #expect($0.status == .ok) }
            #expect(try database.panelist(panel[2])?.status == .active)
            try await client.execute(
                uri: "/u/\(token)", method: .post, headers: .form, body: ByteBuffer(string: "List-Unsubscribe=One-Click")
            ) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect(String(buffer: $0.body) == "ok\n") }
        }
        #expect(try database.panelist(panel[2])?.status == .unsubscribed)
    }
}
