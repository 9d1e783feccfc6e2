import Foundation
import Hummingbird
import HummingbirdTesting
import PanelCore
import PanelMail
import PanelStore
import Testing

@testable import PanelIntake

/// A bounce delivered by webhook (`POST /inbound`) is filed like one from the MTA pipe.
@Suite struct InboundBounceRoutesTests {
    @Test func aBounceByWebhookSuspendsThePanelist() async throws {
        let routes = InboundRoutesTests()
        let (database, mailroom, roundId, panelistId) = try routes.discussingRound()
        defer { try? FileManager.default.removeItem(at: routes.folder) }
        let caseMail = try #require(try database.messages(roundId: roundId).first { $0.panelistId == panelistId })
        let verp = BounceAddress(outboxId: caseMail.id!).address(signer: routes.signer, domain: "reply.example")
        // Given a Postfix report that the panelist's address does not exist, sent to the case mail's VERP address
        let dsn = """
            Return-Path: <>\r
            From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\r
            To: \(verp)\r
            Subject: Undelivered Mail Returned to Sender\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r
            \r
            --B\r
            Content-Type: text/plain\r
            \r
            This is the mail system at host mx.example.nl.\r
            --B\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.example.nl\r
            \r
            Final-Recipient: rfc822; \(caseMail.toAddress)\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 <\(caseMail.toAddress)>: User unknown\r
            --B--\r

            """
        let app = Application(
            router: buildIntakeRouter(
                database: database, signer: routes.signer, templates: .shipped, mailroom: mailroom, inboundSecret: routes.secret))

        // When the mail service posts it with the envelope recipient
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/inbound?recipient=\(verp.replacingOccurrences(of: "+", with: "%2B"))", method: .post,
                headers: [.contentType: "message/rfc822", .authorization: "Bearer \(routes.secret)"],
                body: ByteBuffer(string: dsn)
            ) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body) == "accepted: bounce\n")
            }
        }

        // Then the panelist is suspended, with the reason
        let panelist = try #require(try database.panelist(panelistId))
        #expect(panelist.suspendedAt != nil)
        #expect(panelist.suspendReason == "hard bounce 5.1.1: 550 5.1.1 [adres]: User unknown")
    }
}
