import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PanelCore
import PanelMail
import PanelStore
import Testing

@testable import PanelIntake

/// `POST /inbound` (the webhook way in) and the one-click preference links, over HTTP.
@Suite struct InboundRoutesTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 6, count: 32))])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-inbound-\(UUID().uuidString)")
    let secret = "a-shared-secret-of-some-length"

    func discussingRound() throws -> (AppDatabase, Mailroom, Int64, Int64) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("i.sqlite").path)
        try database.addMunicipality(id: "ede", name: "Gemeente Ede", email: "wmo@ede.example")
        _ = try database.importPanel(municipalityId: "ede", rows: [PanelistRow(email: "anna@example.nl")])
        let text =
            "---\ntitle: T\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\na\n# Standpunt gemeente\nb\n# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"
        let caseId = try database.submitCase(municipalityId: "ede", file: try CaseFile.parse(text), source: text)
        let round = try database.approveCase(
            caseId, CaseApproval(timeline: try Timeline.make(publishAt: Date().addingTimeInterval(-60)), override: true))
        try database.take(.publish, roundId: round.id!, now: Date(), messageDomain: "t.example")
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let mailroom = Mailroom(
            database: database, spool: spool, signer: signer, messageDomain: "t.example", moderatorAddress: nil,
            logger: Logger(label: "test"))
        let panelist = try database.panelists(municipalityId: "ede")[0].id!
        return (database, mailroom, round.id!, panelist)
    }

    @Test func webhookNeedsTheSecretAndFilesTheReply() async throws {
        let (database, mailroom, roundId, panelistId) = try discussingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let address =
            ReplyAddress(purpose: .panelist, round: roundId, subject: panelistId).localPart(signer: signer) + "@reply.example"
        let message = "From: anna@example.nl\r\nTo: \(address)\r\nSubject: Re: casus\r\n\r\nIk vind het besluit redelijk.\r\n"
        let app = Application(
            router: buildIntakeRouter(
                database: database, signer: signer, templates: .shipped, mailroom: mailroom, inboundSecret: secret))
        try await app.test(.router) { client in
            try await client.execute(uri: "/inbound", method: .post, headers: .mail, body: ByteBuffer(string: message)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/inbound", method: .post,
                headers: [.contentType: "message/rfc822", .authorization: "Bearer wrong-secret-of-some-length"],
                body: ByteBuffer(string: message)
            ) { #expect($0.status == .unauthorized) }
            try await client.execute(
                uri: "/inbound", method: .post, headers: [.contentType: "message/rfc822", .authorization: "Bearer \(secret)"],
                body: ByteBuffer(string: message)
            ) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body) == "accepted: argument\n")
            }
            try await client.execute(
                uri: "/inbound", method: .post, headers: [.contentType: "message/rfc822", .authorization: "Bearer \(secret)"],
                body: ByteBuffer()
            ) {
                #expect($0.status == .unprocessableContent)
            }
        }
        #expect(try database.messages(roundId: roundId).filter { $0.kind == .acknowledgement }.count == 1)
        #expect(mailroom.spool.names(in: .incoming).isEmpty)
    }

    @Test func withoutASecretTheWebhookDoesNotExist() async throws {
        let (database, mailroom, _, _) = try discussingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(
            router: buildIntakeRouter(
                database: database, signer: signer, templates: .shipped, mailroom: mailroom, inboundSecret: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/inbound", method: .post, headers: .mail, body: ByteBuffer(string: "x")) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func dontRemindMeIsOneClickAfterAConfirmation() async throws {
        let (database, mailroom, roundId, panelistId) = try discussingRound()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = Application(
            router: buildIntakeRouter(database: database, signer: signer, templates: .shipped, mailroom: mailroom))
        let token = signer.sign(
            TokenClaims(purpose: .quiet, round: roundId, panelist: panelistId, expires: Date().addingTimeInterval(3_600)))
        let vote = signer.sign(
            TokenClaims(
                purpose: .vote, round: roundId, panelist: panelistId, choice: .support, expires: Date().addingTimeInterval(3_600))
        )
        try await app.test(.router) { client in
            try await client.execute(uri: "/p/\(token)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/p/\(vote)", method: .post, headers: .form) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/p/\(token)", method: .post, headers: .form) { #expect($0.status == .ok) }
        }
        // The reminder step now skips her
        #expect(try database.take(.remindRepliers, roundId: roundId, now: Date(), messageDomain: "t.example") == 0)
    }
}
