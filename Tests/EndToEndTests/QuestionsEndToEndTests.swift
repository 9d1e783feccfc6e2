import Foundation
import TestSupport
import Testing

/// Panelists ask, alike questions merge, the municipality answers by reply, and what stays open
/// is listed in the verdict digest.
@Suite(.serialized) struct QuestionsEndToEndTests {
    @Test func panelistsAskAndTheMunicipalityAnswers() async throws {
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-questions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try freeLoopbackPort()
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: [
                "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example",
                "TWEEDEMENING_MODERATOR": "moderator@tweedemening.example", "TWEEDEMENING_BASE_URL": "http://127.0.0.1:\(port)",
                "TWEEDEMENING_LISTEN": "127.0.0.1:\(port)",
            ])
        try expectSuccess(cli.run(["init"]))
        try trustOurMTA(root: root)
        let config = root.appendingPathComponent("tweedemening.toml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "digest_every_days = 3", with: "digest_every_days = 1"
        )
        .write(to: config, atomically: true, encoding: .utf8)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))
        let panel = ["anna", "bram", "celine", "daan"]
        let csv = root.appendingPathComponent("panel.csv")
        try (["email"] + panel.map { "\($0)@bewoners.example" }).joined(separator: "\n").write(
            to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "utrecht", csv.path]))
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let caseId =
            try cli.run(["case", "submit", "--municipality", "utrecht", caseFile]).stdout.split(separator: "\n").last.map(
                String.init) ?? ""
        let publish = Date().addingTimeInterval(-60)
        let voteAt = publish.addingTimeInterval(7 * 86_400)
        let deadline = publish.addingTimeInterval(10 * 86_400)
        try expectSuccess(
            cli.run([
                "case", "approve", caseId, "--publish-at", iso(publish), "--vote-at", iso(voteAt), "--deadline", iso(deadline),
            ]))
        try expectQuietTick(cli, at: publish.addingTimeInterval(1))
        var replyAddress: [String: String] = [:]
        for message in catcher.waitForMessages(count: 4, timeout: 10) {
            let replyTo = try #require(message.header("Reply-To"))
            replyAddress[String(message.rcptTo.split(separator: "@")[0])] =
                replyTo.split(separator: "<").last?.split(separator: ">").first.map(String.init)
        }
        #expect(catcher.messages().first?.plainText.contains("begin uw antwoord op deze e-mail met \"Vraag:\"") == true)

        // When two panelists ask alike questions and a third another one
        let questions = [
            ("anna", "Vraag: Wat kost een traplift eigenlijk, vergeleken met de verhuizing?"),
            ("bram", "Vraag: Hoeveel kosten een traplift en een verhuizing?"),
            ("celine", "Vraag: Heeft mevrouw familie in de buurt die kan helpen?"),
        ]
        for (who, text) in questions {
            let mail = DiscussionEndToEndTests.reply(
                from: "\(who)@bewoners.example", to: replyAddress[who]!, body: text, id: "\(who)-q")
            try expectSuccess(cli.run(["inbound", "deliver"], stdin: mail))
        }
        try expectQuietTick(cli, at: publish.addingTimeInterval(120))
        var mail = catcher.waitForMessages(count: 4 + 3 + 1, timeout: 10)
        // Then the municipality gets one mail with two questions, the first asked twice, each with its reply address
        let asked = mail.filter { $0.header("X-Tweedemening-Kind") == "questions" }
        #expect(asked.count == 1 && asked.first?.rcptTo == "wmo@utrecht.example")
        let questionMail = try #require(asked.first).plainText
        #expect(questionMail.contains("VRAAG 1 (gesteld door 2 panelleden)"), "\(questionMail)")
        #expect(questionMail.contains("VRAAG 2\nHeeft mevrouw familie"))
        #expect(!questionMail.contains("VRAAG 3"))
        #expect(!asked[0].raw.contains("bewoners.example"))
        let answerAddresses = questionMail.split(separator: "\n").filter { $0.hasPrefix("Antwoord naar: ") }
            .map { String($0.dropFirst("Antwoord naar: ".count)) }
        #expect(answerAddresses.count == 2)
        // And the panelists' acknowledgements say their question goes to the municipality
        let acknowledgement = try #require(
            mail.first { $0.header("X-Tweedemening-Kind") == "acknowledgement" && $0.rcptTo.hasPrefix("bram") })
        #expect(acknowledgement.plainText.contains("Dank u wel voor uw vraag"))

        // When the case officer answers question 1 by replying to its address
        let answer = DiscussionEndToEndTests.reply(
            from: "Wmo-consulent <wmo@utrecht.example>", to: answerAddresses[0],
            body:
                "Een traplift kost hier ongeveer 6.000 euro, een verhuizing met begeleiding ongeveer 2.500 euro.\n\nMet vriendelijke groet,\nTeam Wmo",
            extraHeaders: ourMTAVouches(for: "utrecht.example") + "\r\n", id: "answer-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: answer))
        try expectQuietTick(cli, at: publish.addingTimeInterval(86_400 + 1))
        mail = catcher.waitForMessages(count: 8 + 4, timeout: 10)
        // Then the next digest brings the answer to the panel
        let digest = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "digest" && $0.rcptTo.hasPrefix("daan") })
        #expect(digest.plainText.contains("NIEUWE ANTWOORDEN VAN DE GEMEENTE"))
        #expect(digest.plainText.contains("Antwoord: Een traplift kost hier ongeveer 6.000 euro"), "\(digest.plainText)")

        // When a question comes late, a day before voting opens
        let late = DiscussionEndToEndTests.reply(
            from: "daan@bewoners.example", to: replyAddress["daan"]!, body: "Vraag: Wanneer is het huis gebouwd?", id: "daan-q")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: late))
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(-86_400 + 60))
        mail = catcher.waitForMessages(count: 12 + 3, timeout: 10)
        // Then the moderator is offered an extension, and the municipality gets the new question
        let offer = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "extension-offer" })
        #expect(offer.rcptTo == "moderator@tweedemening.example")
        let extend = try #require(offer.links.first { $0.contains("/m/") })
        #expect(mail.filter { $0.header("X-Tweedemening-Kind") == "questions" }.count == 2)
        // When the moderator extends by the link (GET shows, POST acts)
        let serve = try await cli.startServe()
        defer { serve.stop() }
        #expect(try await http("GET", serve.link(extend)).0 == 200)
        #expect(try await http("POST", serve.link(extend)).0 == 200)
        // And a replayed POST of the same link changes nothing (one-time link, finding 8 of the outside test)
        #expect(try await http("POST", serve.link(extend)).0 == 409)
        #expect(try await http("POST", serve.link(extend)).0 == 409)
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(-86_400 + 120))
        mail = catcher.waitForMessages(count: 15 + 4, timeout: 10)
        // Then every panelist is told once, and voting opens three days later
        #expect(mail.filter { $0.header("X-Tweedemening-Kind") == "timeline-change" }.count == 4)
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(1))
        #expect(catcher.messages().filter { $0.header("X-Tweedemening-Kind") == "vote" }.isEmpty)
        let newVoteAt = voteAt.addingTimeInterval(3 * 86_400)
        let newDeadline = deadline.addingTimeInterval(3 * 86_400)

        // And the vote mail has the answer, and lists question 2 as unanswered
        try expectQuietTick(cli, at: newVoteAt.addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 19 + 4, timeout: 10)
        let vote = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "vote" && $0.rcptTo.hasPrefix("celine") })
            .plainText
        #expect(vote.contains("Antwoord van de gemeente: Een traplift kost hier ongeveer 6.000 euro"))
        #expect(
            vote.contains("Vraag 2: Heeft mevrouw familie in de buurt die kan helpen?\nNog niet beantwoord door de gemeente."),
            "\(vote)")

        // And the verdict digest tells the municipality what it left open
        try expectQuietTick(cli, at: newDeadline.addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 23 + 1 + 4, timeout: 10)
        let verdict = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "verdict" }).plainText
        #expect(
            verdict.contains("Het panel stelde 3 vragen (4 keer gesteld); u beantwoordde er 1, meestal (mediaan) binnen"),
            "\(verdict)")
        #expect(verdict.contains("- Vraag 2: Heeft mevrouw familie in de buurt die kan helpen?"))
        #expect(verdict.contains("- Vraag 3: Wanneer is het huis gebouwd?"))

        // When the municipality stays silent: a reminder after two weeks, and after four the panel hears it
        try expectQuietTick(cli, at: newDeadline.addingTimeInterval(14 * 86_400 + 1))
        mail = catcher.waitForMessages(count: 28 + 1, timeout: 10)
        let reminder = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "follow-up-reminder" })
        #expect(reminder.rcptTo == "wmo@utrecht.example")
        try expectQuietTick(cli, at: newDeadline.addingTimeInterval(28 * 86_400 + 1))
        mail = catcher.waitForMessages(count: 29 + 4, timeout: 10)
        let silence = mail.filter { $0.header("X-Tweedemening-Kind") == "follow-up" }
        #expect(silence.count == 4 && silence.allSatisfy { $0.plainText.contains("nog niet laten weten") })
        // And when it finally answers (by replying to the reminder), the panel hears that too
        let replyTo = try #require(
            reminder.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init))
        let lateAnswer = DiscussionEndToEndTests.reply(
            from: "wmo@utrecht.example", to: replyTo, body: "Wij nemen het oordeel over en herzien het besluit.",
            extraHeaders: ourMTAVouches(for: "utrecht.example") + "\r\n", id: "late-follow-up")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: lateAnswer))
        try expectQuietTick(cli, at: newDeadline.addingTimeInterval(29 * 86_400))
        mail = catcher.waitForMessages(count: 33 + 4, timeout: 10)
        let adopted = mail.filter {
            $0.header("X-Tweedemening-Kind") == "follow-up" && $0.plainText.contains("neemt het oordeel van het panel over")
        }
        #expect(adopted.count == 4)
    }
}
