import Foundation
import TestSupport
import Testing

/// A municipality mails its case; only authenticated mail from its registered address (or with its
/// secret) is taken; the moderator returns it, the municipality replies with a new version, and the
/// moderator approves it with a named timeline.
@Suite(.serialized) struct CaseIntakeEndToEndTests {
    static let casesAddress = "zaken@reply.tweedemening.example"

    static func caseText(bsn: Bool) -> String {
        let base = try! String(
            contentsOf: SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md"), encoding: .utf8)
        guard bsn else { return base }
        return base.replacingOccurrences(
            of: "De aanvrager woont al 52 jaar in dit huis", with: "De aanvrager (BSN 111222333) woont al 52 jaar in dit huis")
    }

    /// A case mail; `authentication` becomes the topmost Authentication-Results field, as our MTA
    /// (`ourAuthservID`) writes it.
    static func mail(
        from: String, to: String = casesAddress, subject: String = "Nieuwe zaak", body: String, authentication: String?,
        attachment: String? = nil, id: String
    ) -> String {
        var headers = ""
        if let authentication { headers += "Authentication-Results: \(ourAuthservID); \(authentication)\r\n" }
        headers += """
            From: Wmo-team <\(from)>\r
            To: \(to)\r
            Subject: \(subject)\r
            Message-ID: <\(id)@gemeente.example>\r
            Date: Tue, 24 Nov 2026 10:00:00 +0100\r
            MIME-Version: 1.0\r

            """
        guard let attachment else {
            return headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + body.replacingOccurrences(of: "\n", with: "\r\n")
        }
        let encoded = Data(attachment.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
            .replacingOccurrences(of: "\r", with: "\r\n")
        return headers + """
            Content-Type: multipart/mixed; boundary="grens"\r
            \r
            --grens\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r
            --grens\r
            Content-Type: text/markdown; charset=utf-8; name="zaak.md"\r
            Content-Disposition: attachment; filename="zaak.md"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --grens--\r

            """
    }

    static func replyAddress(_ message: CaughtMessage) -> String? {
        message.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init)
    }

    @Test func aMailedCaseIsReviewedReturnedRevisedAndApproved() async throws {
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-intake-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: [
                "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example",
                "TWEEDEMENING_MODERATOR": "moderator@tweedemening.example",
            ])
        try expectSuccess(cli.run(["init"]))
        try trustOurMTA(root: root)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))
        let csv = root.appendingPathComponent("panel.csv")
        try "email\nanna@bewoners.example\nbram@bewoners.example\n".write(to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "utrecht", csv.path]))
        let dkimPass = "dkim=pass header.d=utrecht.example header.s=sel1; spf=pass smtp.mailfrom=wmo@utrecht.example"

        // Given mail to the cases address from a stranger, and from the municipality without authentication
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(from: "iemand@elders.example", body: Self.caseText(bsn: false), authentication: nil, id: "s1")))
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "wmo@utrecht.example", body: Self.caseText(bsn: false),
                    authentication: "dkim=fail header.d=utrecht.example",
                    id: "s2")))
        try expectQuietTick(cli, at: Date())
        // Then no case exists; the stranger hears nothing (maybe forged), the municipality hears why
        #expect(try cli.run(["case", "list"]).stdout.isEmpty)
        var mail = catcher.waitForMessages(count: 1, timeout: 10)
        #expect(mail.count == 1)
        let refused = try #require(mail.first)
        #expect(refused.rcptTo == "wmo@utrecht.example" && refused.header("X-Tweedemening-Kind") == "case-refused")
        #expect(refused.plainText.contains("DKIM of SPF"), "\(refused.plainText)")
        #expect(refused.plainText.contains("dkim=fail"))

        // When the municipality mails an authenticated case that still names the applicant's BSN
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(from: "wmo@utrecht.example", body: Self.caseText(bsn: true), authentication: dkimPass, id: "s3"))
        )
        try expectQuietTick(cli, at: Date())
        mail = catcher.waitForMessages(count: 3, timeout: 10)
        // Then the moderator gets the case with its check and links; the municipality an acknowledgement
        let review = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-review" })
        #expect(review.rcptTo == "moderator@tweedemening.example")
        #expect(review.header("Subject")?.contains("moet nog anders") == true)
        #expect(review.plainText.contains("Toestemming van de aanvrager: UTR-2026-0042"))
        #expect(review.plainText.contains("MOET ANDERS"))
        #expect(review.links.filter { $0.contains("/m/") }.count == 2)
        let received = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-received" })
        #expect(received.rcptTo == "wmo@utrecht.example" && received.plainText.contains("moet anders"))
        #expect(try cli.run(["case", "list"]).stdout.contains("1\tutrecht\tsubmitted"))
        // and the case cannot be approved as it is
        #expect(try cli.run(["case", "approve", "1"]).status == 65)

        // When the moderator returns it
        try expectSuccess(cli.run(["case", "return", "1", "--reason", "Haal het BSN van de aanvrager weg."]))
        try expectQuietTick(cli, at: Date())
        mail = catcher.waitForMessages(count: 4, timeout: 10)
        let returned = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-returned" })
        #expect(returned.plainText.contains("Haal het BSN van de aanvrager weg."))
        let revisionAddress = try #require(Self.replyAddress(returned))
        #expect(revisionAddress.hasPrefix("reply+") && revisionAddress.hasSuffix("@reply.tweedemening.example"))
        #expect(try cli.run(["case", "show", "1"]).stdout.contains("state: returned"))

        // And the municipality replies with the corrected case as an attachment
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "wmo@utrecht.example", to: revisionAddress, subject: "Re: Teruggestuurd",
                    body: "Hierbij de nieuwe versie.\n\n> De reden van de moderator: ...", authentication: dkimPass,
                    attachment: Self.caseText(bsn: false), id: "s4")))
        try expectQuietTick(cli, at: Date())
        mail = catcher.waitForMessages(count: 6, timeout: 10)
        // Then it is version 2 of the same case, reviewed again, with both versions kept
        let reviews = mail.filter { $0.header("X-Tweedemening-Kind") == "case-review" }
        #expect(reviews.count == 2)
        #expect(reviews.last?.header("Subject")?.contains("zaak 1 versie 2") == true)
        #expect(reviews.last?.header("Subject")?.contains("moet nog anders") == false)
        let show = try cli.run(["case", "show", "1"]).stdout
        #expect(show.contains("  1  ") && show.contains("returned") && show.contains("  2  "), "\(show)")

        // When the moderator approves it with the short timeline
        #expect(try cli.run(["case", "timelines"]).stdout.contains("kort: 5 dagen discussie, 2 dagen stemmen"))
        #expect(try cli.run(["case", "approve", "1", "--timeline", "nergens"]).status == 64)
        try expectSuccess(cli.run(["case", "approve", "1", "--timeline", "kort"]))
        try expectQuietTick(cli, at: Date().addingTimeInterval(5))
        mail = catcher.waitForMessages(count: 9, timeout: 10)
        // Then the municipality hears the dates, and the panel gets the case
        let approved = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-approved" })
        #expect(approved.rcptTo == "wmo@utrecht.example" && approved.plainText.contains("het panel kan stemmen"))
        #expect(mail.filter { $0.header("X-Tweedemening-Kind") == "case" }.count == 2)
        #expect(try cli.run(["case", "show", "1"]).stdout.contains("timeline: kort"))

        // And a municipality without DKIM may vouch with its secret instead
        let secret = try cli.run(["municipality", "secret", "--id", "utrecht"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(secret.count == 20)
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "wmo@utrecht.example", body: "Geheim: \(secret)\n" + Self.caseText(bsn: false), authentication: nil,
                    id: "s5")))
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "wmo@utrecht.example", body: "Geheim: fout-geheim\n" + Self.caseText(bsn: false), authentication: nil,
                    id: "s6")))
        try expectQuietTick(cli, at: Date().addingTimeInterval(10))
        mail = catcher.waitForMessages(count: 12, timeout: 10)
        #expect(try cli.run(["case", "list"]).stdout.split(separator: "\n").count == 2)
        let refusals = mail.filter { $0.header("X-Tweedemening-Kind") == "case-refused" }
        #expect(refusals.count == 2 && refusals.last?.plainText.contains("het geheim in de e-mail klopt niet") == true)
        // The secret itself is never stored
        let database = try Data(contentsOf: root.appendingPathComponent("tweedemening.sqlite"))
        #expect(database.range(of: Data(secret.utf8)) == nil)
        // And nothing reached the stranger
        #expect(!mail.contains { $0.rcptTo == "iemand@elders.example" })
        // And the audit log holds every step, intact
        let audit = try cli.run(["audit", "list"]).stdout
        for action in ["case.submit", "case.return", "case.approve", "municipality.secret"] {
            #expect(audit.contains("\t\(action)\t"), "\(action) missing from\n\(audit)")
        }
        #expect(audit.contains("municipality utrecht (mail)\tcase.submit\tcase 1 v2"))
        let verified = try cli.run(["audit", "verify"])
        #expect(verified.status == 0 && verified.stdout.contains("audit log intact"))
    }

    @Test func withNeitherOurMTAsIdNorASecretACaseIsRefusedAndTheModeratorToldWhatToConfigure() async throws {
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-intake-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: [
                "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example",
                "TWEEDEMENING_MODERATOR": "moderator@tweedemening.example",
            ])
        // Given the default configuration: no `inbound.authserv_id`, and no secret for Utrecht
        try expectSuccess(cli.run(["init"]))
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))

        // When a case arrives from Utrecht's address with a DKIM pass anyone could have written (issue #17, finding 4)
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "wmo@utrecht.example", body: Self.caseText(bsn: false),
                    authentication: "dkim=pass header.d=utrecht.example", id: "u1")))
        try expectQuietTick(cli, at: Date())

        // Then no case exists; the moderator hears what to configure, the municipality that it was not taken
        #expect(try cli.run(["case", "list"]).stdout.isEmpty)
        let mail = catcher.waitForMessages(count: 2, timeout: 10)
        let setup = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-setup" })
        #expect(setup.rcptTo == "moderator@tweedemening.example")
        #expect(setup.plainText.contains("authserv_id"), "\(setup.plainText)")
        #expect(setup.plainText.contains("tweedemening municipality secret --id utrecht"))
        let refused = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "case-refused" })
        #expect(refused.rcptTo == "wmo@utrecht.example" && refused.plainText.contains("nog niet worden aangenomen"))
    }
}
