import Foundation
import Hummingbird
import HummingbirdTesting
import PanelCore
import PanelStore
import Testing

@testable import PanelIntake

/// The moderator's approve and return links in a review mail, over HTTP: GET shows, POST decides, and a
/// link is for one version only.
@Suite struct CaseReviewRoutesTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-review-\(UUID().uuidString)")

    static func caseText(extra: String = "") -> String {
        """
        ---
        title: Traplift voor een inwoner
        domain: Wmo
        consent_reference: UTR-7
        ---
        # Besluit
        De gemeente wijst de traplift af en biedt de inwoner in plaats daarvan hulp bij verhuizen aan. \(extra)
        # Standpunt gemeente
        Verhuizen is goedkoper en er staat een gelijkvloerse woning leeg in dezelfde wijk van de stad.
        # Standpunt aanvrager
        De aanvrager woont er al vijftig jaar en de buren helpen elke dag met boodschappen en koken.
        # Kaders
        De Wmo vraagt de gemeente om een oplossing die werkt en niet meer kost dan nodig is voor de inwoner.
        # Vraag aan het panel
        Steunt u het besluit om geen traplift te geven maar hulp bij verhuizen?

        """
    }

    func submitted(extra: String = "") throws -> (AppDatabase, Int64) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("review.sqlite").path)
        try database.addMunicipality(id: "utrecht", name: "Gemeente Utrecht", email: "wmo@utrecht.example")
        let text = Self.caseText(extra: extra)
        let (caseId, _) = try database.submitCase(
            CaseSubmission(
                municipalityId: "utrecht", file: try CaseFile.parse(text), source: text, via: .mail,
                fromAddress: "wmo@utrecht.example"),
            messageDomain: "t.example", moderatorAddress: "moderator@t.example")
        return (database, caseId)
    }

    func link(_ purpose: TokenPurpose, _ caseId: Int64, version: Int = 1) -> String {
        "/m/" + signer.sign(TokenClaims(purpose: purpose, round: caseId, panelist: Int64(version), expires: Date() + 86_400))
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ form: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form)
        ) { response in (response.status, String(buffer: response.body)) }
    }

    @Test func approveShowsTheCaseOnGetAndApprovesOnPostWithTheStandardTimeline() async throws {
        let (database, caseId) = try submitted()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            for method in [HTTPRequest.Method.get, .head] {
                try await client.execute(uri: link(.approveCase, caseId), method: method) { response in
                    #expect(response.status == .ok)
                    if method == .get { #expect(String(buffer: response.body).contains("UTR-7")) }
                }
            }
            #expect(try database.caseOverview(caseId).round == nil)
            let (status, body) = try await post(client, link(.approveCase, caseId), "")
            #expect(status == .ok && body.contains("Goedgekeurd"))
        }
        let round = try #require(try database.caseOverview(caseId).round)
        #expect(round.timelineName == "standaard")
        #expect(abs(round.deadline.timeIntervalSince(round.publishAt) - 14 * 86_400) < 1)
        // The municipality that mailed the case hears it is approved
        #expect(try database.messages().contains { $0.kind == .caseApproved && $0.toAddress == "wmo@utrecht.example" })
    }

    @Test func blockingFindingsNeedAnExplicitOverride() async throws {
        let (database, caseId) = try submitted(extra: "Het BSN van de aanvrager is 111222333.")
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            let (status, body) = try await post(client, link(.approveCase, caseId), "")
            #expect(status == .unprocessableContent && body.contains("name=\"override\""))
            #expect(try database.caseOverview(caseId).round == nil)
            let (approved, _) = try await post(client, link(.approveCase, caseId), "override=ja")
            #expect(approved == .ok)
        }
        #expect(try database.caseOverview(caseId).round != nil)
    }

    @Test func returnNeedsAReasonAndTheRevisionMakesOldLinksStale() async throws {
        let (database, caseId) = try submitted()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        try await app.test(.router) { client in
            let (empty, _) = try await post(client, link(.returnCase, caseId), "reden=")
            #expect(empty == .unprocessableContent)
            let (status, _) = try await post(client, link(.returnCase, caseId), "reden=Haal+de+naam+weg+%26+de+straat")
            #expect(status == .ok)
            #expect(try database.caseVersions(caseId).last?.returnReason == "Haal de naam weg & de straat")
            #expect(try database.messages().contains { $0.kind == .caseReturned })
            // A returned version cannot be approved
            let (approve, _) = try await post(client, link(.approveCase, caseId), "")
            #expect(approve == .conflict)
            // The municipality sends version 2; links for version 1 no longer act
            let text = Self.caseText(extra: "Nu zonder naam.")
            _ = try database.submitCase(
                CaseSubmission(
                    municipalityId: "utrecht", file: try CaseFile.parse(text), source: text, via: .mail,
                    fromAddress: "wmo@utrecht.example", revisionOf: caseId),
                messageDomain: "t.example", moderatorAddress: "moderator@t.example")
            let (stale, _) = try await post(client, link(.approveCase, caseId, version: 1), "")
            #expect(stale != .ok)
            #expect(try database.caseOverview(caseId).round == nil)
            let (fresh, _) = try await post(client, link(.approveCase, caseId, version: 2), "")
            #expect(fresh == .ok)
        }
        #expect(try database.caseVersions(caseId).map(\.version) == [1, 2])
        #expect(try database.messages().filter { $0.kind == .caseReview }.count == 2)
    }

    @Test func aForgedOrMisdirectedLinkChangesNothing() async throws {
        let (database, caseId) = try submitted()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(router: buildIntakeRouter(database: database, signer: signer, templates: .shipped))
        let other = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 6, count: 32))])
        try await app.test(.router) { client in
            let forged =
                "/m/" + other.sign(TokenClaims(purpose: .approveCase, round: caseId, panelist: 1, expires: Date() + 86_400))
            let (status, _) = try await post(client, forged, "")
            #expect(status == .forbidden)
            // A vote token for the same numbers is not an approval
            let vote =
                "/m/"
                + signer.sign(TokenClaims(purpose: .vote, round: caseId, panelist: 1, choice: .support, expires: Date() + 86_400))
            let (wrong, _) = try await post(client, vote, "")
            #expect(wrong == .forbidden)
        }
        #expect(try database.caseOverview(caseId).round == nil)
    }
}

/// The review and pause forms as Hummingbird's URL-encoded form decoder reads them.
@Suite struct PageFormTests {
    @Test func fieldsAreDecodedAndOthersIgnored() {
        let form = PageForm(body: "reden=Graag+de+kosten%20noemen%3A+%E2%82%AC&override=ja&weken=8&submit=")
        #expect(form.reden == "Graag de kosten noemen: €")
        #expect(form.override == "ja")
        #expect(form.weken == "8")
        #expect(PageForm(body: "") == PageForm())
        #expect(PageForm(body: "reden=").reden == "")
    }

    @Test func aBodyTheDecoderCannotReadIsAnEmptyForm() {
        #expect(PageForm(body: "reden=%ZZ") == PageForm())
        #expect(PageForm(body: "override=ja&override=ja") == PageForm())
        #expect(PageForm(body: "reden[=x") == PageForm())
    }
}
