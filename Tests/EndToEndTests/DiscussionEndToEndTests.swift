import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Replies by pipe, digests with pseudonyms, a reaction to #N, moderation by mail, reminders:
/// the discussion of a round with the real binary and a real SMTP server on loopback.
@Suite(.serialized) struct DiscussionEndToEndTests {
    static let panel = ["anna", "bram", "celine", "daan", "eva", "fatima"]

    /// A reply as a mail client sends it: plain text, the panelist's words above the quoted case.
    static func reply(from: String, to: String, body: String, extraHeaders: String = "", id: String) -> String {
        """
        From: \(from)\r
        To: \(to)\r
        Subject: Re: Nieuwe casus voor het panel\r
        Message-ID: <\(id)@bewoners.example>\r
        Date: Tue, 24 Nov 2026 10:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: 8bit\r
        \(extraHeaders)\r
        \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

        """
    }

    @Test func panelistsArgueAndReactByEmail() async throws {
        let e2e = try EndToEndRoot(
            "discussion",
            environment: [
                "TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example",
                "TWEEDEMENING_MODERATOR": "moderator@tweedemening.example",
            ])
        defer { e2e.remove() }
        let (catcher, cli) = (e2e.catcher, e2e.cli)
        let (_, publish, voteAt, deadline) = try e2e.publishableCase(panel: Self.panel) {
            $0.replacingOccurrences(of: "digest_every_days = 3", with: "digest_every_days = 1")
        }

        // Given the case mail, each with the panelist's own signed reply address
        try expectQuietTick(cli, at: publish.addingTimeInterval(1))
        let caseMail = catcher.waitForMessages(count: 6, timeout: 10)
        var replyAddress: [String: String] = [:]
        for message in caseMail {
            let replyTo = try #require(message.header("Reply-To"))
            let address = try #require(replyTo.split(separator: "<").last?.split(separator: ">").first.map(String.init))
            #expect(
                address.hasPrefix("reply+") && address.hasSuffix("@reply.tweedemening.example")
                    && address.split(separator: "@")[0].count < 64)
            replyAddress[String(message.rcptTo.split(separator: "@")[0])] = address
        }
        #expect(Set(replyAddress.keys) == Set(Self.panel))
        #expect(Set(replyAddress.values).count == 6)

        // When Anna replies above the quoted case (Gmail, Dutch) through the MTA pipe
        let anna = Self.reply(
            from: "Anna <anna@bewoners.example>", to: replyAddress["anna"]!,
            body: """
                Ik steun de gemeente. Verhuizen is zwaar, maar een traplift lost het probleem niet op als ze ouder wordt.

                Op di 24 nov. 2026 om 09:00 schreef De Tweede Mening <panel@tweedemening.example>:
                > Anna,
                > Gemeente Utrecht legt een besluit aan het panel voor.
                """, id: "anna-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: anna))
        // (delivered twice, as an MTA retry would: filed once)
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: anna))
        // And Bram's reply carries a phone number (masked, held for the moderator); the address is upper-cased
        let bram = Self.reply(
            from: "bram@bewoners.example", to: replyAddress["bram"]!.uppercased(),
            body:
                "Ik steun het besluit niet. Mijn moeder kreeg wel een traplift. Bel me gerust: 06-12345678.\n\nVerzonden vanaf mijn iPhone",
            id: "bram-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: bram))
        // And Celine's mailbox answers with an out-of-office
        let away = Self.reply(
            from: "celine@bewoners.example", to: replyAddress["celine"]!, body: "Ik ben afwezig tot 1 december.",
            extraHeaders: "Auto-Submitted: auto-replied\r\n", id: "celine-ooo")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: away))
        // And Daan's mail is forwarded by someone else, who replies from another address
        let forwarded = Self.reply(
            from: "buurman@elders.example", to: replyAddress["daan"]!, body: "Ik reageer namens Daan: de gemeente heeft gelijk.",
            id: "buurman-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: forwarded))
        // And a reply to an address we never issued is recorded but not answered
        let stranger = Self.reply(
            from: "spam@elders.example", to: "reply+k1.aaaaaaaaaaaaaaaa@reply.tweedemening.example", body: "Koop nu!",
            id: "spam-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: stranger))
        // And garbage is refused with 65
        #expect(try cli.run(["inbound", "deliver"], stdin: "").status == 65)

        try expectQuietTick(cli, at: publish.addingTimeInterval(60))
        var mail = catcher.waitForMessages(count: 6 + 3 + 1, timeout: 10)
        let acknowledgements = mail.filter { $0.header("X-Tweedemening-Kind") == "acknowledgement" }
        // Then Anna, Bram and Daan (not the out-of-office, not the stranger) get an acknowledgement, at their own address
        #expect(
            Set(acknowledgements.map(\.rcptTo)) == ["anna@bewoners.example", "bram@bewoners.example", "daan@bewoners.example"])
        #expect(acknowledgements.count == 3)
        let annaAck = try #require(acknowledgements.first { $0.rcptTo == "anna@bewoners.example" })
        #expect(annaAck.plainText.contains("#1") && annaAck.plainText.contains("Ik steun de gemeente"))
        #expect(!annaAck.plainText.contains("> Gemeente Utrecht legt"))
        let bramAck = try #require(acknowledgements.first { $0.rcptTo == "bram@bewoners.example" })
        #expect(bramAck.plainText.contains("[telefoonnummer verwijderd]") && !bramAck.plainText.contains("06-12345678"))
        #expect(bramAck.plainText.contains("moderator") && !bramAck.plainText.contains("iPhone"))
        // And the moderator is asked about Bram's and Daan's held arguments in one mail (one burst), each with its
        // own signed links
        let moderation = mail.filter { $0.header("X-Tweedemening-Kind") == "moderation" }
        #expect(moderation.count == 1 && moderation.allSatisfy { $0.rcptTo == "moderator@tweedemening.example" })
        let bramModeration = try #require(moderation.first { $0.plainText.contains("[telefoonnummer verwijderd]") })
        #expect(bramModeration.plainText.contains("2 bijdragen"))
        #expect(bramModeration.links.filter { $0.contains("/m/") }.count == 4)
        // Bram's argument comes first in the mail: its approve link is the first
        let approve = try #require(bramModeration.links.first { $0.contains("/m/") })

        // When the moderator approves Bram's argument (GET shows, POST decides)
        let serve = try await cli.startServe()
        defer { serve.stop() }
        #expect(try await http("GET", serve.link(approve)).0 == 200)
        #expect(try await http("POST", serve.link(approve)).0 == 200)

        // And the first digest goes out a day after publication
        try expectQuietTick(cli, at: publish.addingTimeInterval(86_400 + 1))
        mail = catcher.waitForMessages(count: 10 + 6, timeout: 10)
        let digests = mail.filter { $0.header("X-Tweedemening-Kind") == "digest" }
        #expect(digests.count == 6)
        let digest = try #require(digests.first { $0.rcptTo == "eva@bewoners.example" })
        // Then it lists Anna's #1 and Bram's #2 under pseudonyms, and not Daan's held one
        let digestText = digest.plainText
        #expect(digestText.contains("#1 · Deelnemer 1") && digestText.contains("#2 · Deelnemer 2"), "\(digestText)")
        #expect(!digestText.contains("namens Daan") && !digestText.contains("Anna") && !digestText.contains("anna@"))
        #expect(digest.header("Reply-To")?.contains(replyAddress["eva"]!) == true)

        // When Eva reacts to #1 by replying to the digest, quoting the whole digest
        let eva = Self.reply(
            from: "eva@bewoners.example", to: replyAddress["eva"]!,
            body: "#1 Helemaal mee eens, verhuizen is op termijn beter.\n\n"
                + digestText.split(separator: "\n").map { "> \($0)" }.joined(separator: "\n"),
            id: "eva-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: eva))
        // And the reply reminder is due halfway through the discussion
        try expectQuietTick(cli, at: publish.addingTimeInterval(3.6 * 86_400))
        mail = catcher.waitForMessages(count: 16 + 1 + 6 + 2, timeout: 10)
        // Then the second digest files Eva's reaction under #1 (Daan's held argument took #3)
        let second = mail.filter { $0.header("X-Tweedemening-Kind") == "digest" && $0.rcptTo == "anna@bewoners.example" }
        #expect(second.count == 2)
        #expect(second.last?.plainText.contains("#4 · Deelnemer 4 · reageert op #1") == true, "\(second.map(\.plainText))")
        // And only those who neither argued nor voted are reminded: Celine (out-of-office) and Fatima
        let reminded = Set(mail.filter { $0.header("X-Tweedemening-Kind") == "reply-reminder" }.map(\.rcptTo))
        #expect(reminded == ["celine@bewoners.example", "fatima@bewoners.example"])

        // When voting opens, the vote mail summarises the discussion after the two vote links
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 25 + 6, timeout: 10)
        let vote = try #require(
            mail.first { $0.header("X-Tweedemening-Kind") == "vote" && $0.rcptTo == "fatima@bewoners.example" })
        #expect(vote.links[0].contains("/v/") && vote.links[1].contains("/v/"))
        // (key points of both sides, not single arguments: a reaction's own words are no point of their own)
        #expect(vote.plainText.contains("Er kwamen 3 bijdragen binnen van 3 panelleden"), "\(vote.plainText)")
        #expect(vote.plainText.contains("evenveel vóór als tegen het besluit") && !vote.plainText.contains("Helemaal mee eens"))
        // Privacy: no panelist's address in anyone else's mail
        for message in mail where message.rcptTo.hasSuffix("@bewoners.example") {
            for other in Self.panel.map({ "\($0)@bewoners.example" }) where other != message.rcptTo {
                #expect(!message.raw.contains(other), "\(other) appears in mail to \(message.rcptTo)")
            }
        }

        // When a reply comes after the deadline, it is answered politely and not stored as an argument
        let late = Self.reply(
            from: "fatima@bewoners.example", to: replyAddress["fatima"]!, body: "Sorry, ik ben te laat.", id: "fatima-late")
        try expectQuietTick(cli, at: deadline.addingTimeInterval(1))
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: late))
        try expectQuietTick(cli, at: deadline.addingTimeInterval(60))
        mail = catcher.waitForMessages(count: 31 + 1 + 6 + 1, timeout: 10)
        #expect(mail.filter { $0.header("X-Tweedemening-Kind") == "late-reply" }.map(\.rcptTo) == ["fatima@bewoners.example"])
        #expect(!(mail.last { $0.header("X-Tweedemening-Kind") == "outcome" }?.plainText.contains("te laat") ?? true))
    }
}
