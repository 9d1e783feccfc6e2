import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Recruitment to a fair panel, and panelists in control: invitation codes for a mail merge, joining by mail
/// with one-click answers and a double opt-in, a quota selection, the report; one-click unsubscribe (RFC 8058),
/// PAUZE, MIJN GEGEVENS and VERWIJDER MIJ.
@Suite(.serialized) struct PanelEndToEndTests {
    static let joinAddress = "aanmelden@reply.tweedemening.example"

    static func mail(from: String, to: String, subject: String, body: String = "", headers: String = "", id: String) -> String {
        """
        \(headers)From: \(from)\r
        To: \(to)\r
        Subject: \(subject)\r
        Message-ID: <\(id)@bewoners.example>\r
        Date: Tue, 24 Nov 2026 10:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        \(body)\r

        """
    }

    static func post(_ url: String, body: String) async throws -> (Int, String) {
        let response = try await HTTPClient.send(
            "POST", url, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
        return (response.status, response.body)
    }

    static func fileContains(_ root: URL, _ text: String) throws -> Bool {
        for name in ["tweedemening.sqlite", "tweedemening.sqlite-wal"] {
            let url = root.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { continue }
            if data.range(of: Data(text.utf8)) != nil { return true }
        }
        return false
    }

    @Test func residentsJoinAreSelectedFairlyAndStayInControl() async throws {
        let e2e = try EndToEndRoot("panel", environment: ["TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example"])
        defer { e2e.remove() }
        let (catcher, root, cli, base) = (e2e.catcher, e2e.root, e2e.cli, e2e.base)
        try expectSuccess(cli.run(["init"]))
        try trustOurMTA(root: root)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "ede", "--name", "Gemeente Ede", "--email", "wmo@ede.example"]))

        // Given a register extract with names and addresses for the letter, some people sharing a household
        var register = ["id,household,naam,straat"]
        for index in 1...60 {
            register.append("R\(index),H\(index <= 20 ? (index + 1) / 2 : index),Jansen-\(index),Dorpsstraat \(index)")
        }
        let registerFile = root.appendingPathComponent("register.csv")
        try register.joined(separator: "\n").write(to: registerFile, atomically: true, encoding: .utf8)
        // When 40 are invited with a seed, twice
        let letters = root.appendingPathComponent("letters.csv"), again = root.appendingPathComponent("again.csv")
        let invite = [
            "panel", "invite", "--municipality", "ede", "--register", registerFile.path, "--count", "40", "--seed", "42",
        ]
        try expectSuccess(cli.run(invite + ["--out", letters.path]))
        try expectSuccess(cli.run(invite + ["--out", again.path]))
        // Then the draw is the same, names pass through to the letters, and the database keeps only codes
        let letterText = try String(contentsOf: letters, encoding: .utf8)
        #expect(letterText == (try String(contentsOf: again, encoding: .utf8)))
        let rows = letterText.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        #expect(rows.count == 40 && letterText.contains("Jansen-"))
        #expect(Set(rows.map { $0[1] }).count == 40, "at most one per household")
        #expect(try !Self.fileContains(root, "Jansen-"))
        let codes = rows.map { $0.last! }

        // When 20 residents mail their code (in any spelling) and one mails a wrong code
        for index in 0..<20 {
            let code = index % 2 == 0 ? codes[index] : codes[index].lowercased().replacingOccurrences(of: "-", with: " ")
            try expectSuccess(
                cli.run(
                    ["inbound", "deliver"],
                    stdin: Self.mail(
                        from: "r\(index)@bewoners.example", to: Self.joinAddress, subject: "AANMELDEN \(code)", id: "j\(index)")))
        }
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: "x@bewoners.example", to: Self.joinAddress, subject: "AANMELDEN 234-567-89A",
                    headers: "Authentication-Results: \(ourAuthservID); dkim=pass header.d=bewoners.example\r\n", id: "jx")))
        // And a wrong code arrives from a From our MTA could not verify (maybe forged: issue #17, finding 12)
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(from: "y@elders.example", to: Self.joinAddress, subject: "AANMELDEN 234-567-89A", id: "jy")))
        try expectQuietTick(cli, at: Date())
        var mail = catcher.waitForMessages(count: 21, timeout: 10)
        // Then each gets the questions, the privacy text and a confirm link; the wrong code gets a polite answer, but
        // only where our MTA vouched for the sender
        #expect(countByKind(mail) == ["join": 20, "join-unknown": 1])
        #expect(!mail.contains { $0.rcptTo == "y@elders.example" })
        let serve = try await cli.startServe()
        defer { serve.stop() }
        for message in mail where message.header("X-Tweedemening-Kind") == "join" {
            let index = Int(message.rcptTo.dropFirst().prefix { $0.isNumber })!
            let text = message.plainText
            #expect(text.contains("De gemeente ziet nooit wie u bent"))
            func answer(_ label: String) -> String? {
                text.split(separator: "\n").first { $0.hasPrefix("- \(label): ") }.map { String($0.split(separator: " ").last!) }
            }
            let choices = [
                ["18-34", "35-49", "50-64", "65-74", "75+"][index % 5], ["vrouw", "man"][index % 2],
                ["laag", "midden", "hoog"][index % 3],
            ]
            for choice in choices {
                let link = try #require(answer(choice))
                // a mail scanner's GET records nothing; the resident's POST does
                #expect(try await http("GET", serve.link(link)).0 == 200)
                #expect(try await Self.post(serve.link(link), body: "").0 == 200)
            }
            let lines = text.split(separator: "\n").map(String.init)
            let heading = try #require(lines.firstIndex { $0.hasPrefix("BEVESTIG UW AANMELDING") })
            let confirm = try #require(lines[heading...].first { $0.hasPrefix(base + "/j/") })
            if index < 18 { #expect(try await Self.post(serve.link(confirm), body: "").0 == 200) }
        }
        let volunteers = try cli.run(["panel", "volunteers", "--municipality", "ede"]).stdout
        #expect(volunteers.components(separatedBy: "\tconfirmed\t").count - 1 == 18, "\(volunteers)")
        #expect(volunteers.contains("age_band=") && volunteers.contains("gender=man"))
        // The same as JSON, for scripts
        let listed = try #require(
            try JSONSerialization.jsonObject(
                with: Data(cli.run(["panel", "volunteers", "--municipality", "ede", "--json"]).stdout.utf8))
                as? [[String: Any]])
        #expect(listed.count == 20 && listed.filter { $0["status"] as? String == "confirmed" }.count == 18)
        #expect(listed.contains { ($0["answers"] as? [String: String])?["gender"] == "man" })

        // When the moderator selects 10 with gender quotas
        let quotas = root.appendingPathComponent("quotas.csv")
        try "category,value,min,max\ngender,vrouw,4,6\ngender,man,4,6\n".write(to: quotas, atomically: true, encoding: .utf8)
        let select = [
            "panel", "select", "--municipality", "ede", "--size", "10", "--quotas", quotas.path, "--seed", "3", "--replicas",
            "200",
        ]
        let dry1 = try cli.run(select + ["--dry-run"]), dry2 = try cli.run(select + ["--dry-run"])
        #expect(dry1.status == 0 && dry1.stdout == dry2.stdout, "\(dry1.stderr)")
        #expect(dry1.stdout.contains("selected 10 of 18"))
        #expect(!dry1.stdout.contains("can take a minute"), "the slow-pool notice is for 1,000 volunteers and more")
        // and a quota that cannot be met fails clearly, changing nothing
        let impossible = root.appendingPathComponent("impossible.csv")
        try "category,value,min,max\ngender,vrouw,15,20\n".write(to: impossible, atomically: true, encoding: .utf8)
        let failed = try cli.run([
            "panel", "select", "--municipality", "ede", "--size", "10", "--quotas", impossible.path, "--seed", "3",
        ])
        #expect(failed.status == 65 && failed.stderr.contains("short by"), "\(failed.stderr)")
        let selected = try cli.run(select)
        #expect(selected.status == 0 && selected.stdout.contains("stored as draw 1"), "\(selected)")
        #expect(selected.stdout.contains("reserves: 8, in order"), "every other confirmed volunteer, one per household")
        // Then the draw can be repeated from what was stored, and it matches
        let audit = try cli.run(["panel", "audit", "--municipality", "ede"])
        #expect(audit.status == 0 && audit.stdout.contains("draw 1 of ") && audit.stdout.contains("matches"), "\(audit)")
        // Then the panel has 10 members and the report shows the quotas met
        let report = try cli.run(["panel", "report", "--municipality", "ede", "--quotas", quotas.path])
        #expect(report.status == 0 && report.stdout.contains("panel of ede: 10 members"), "\(report.stdout)\(report.stderr)")
        let export = try cli.run(["panel", "export", "--municipality", "ede", "--format", "csv"]).stdout
        #expect(export.split(separator: "\r\n").count == 11)

        // When a case goes out, every mail carries a one-click unsubscribe (RFC 8058)
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let caseId =
            try cli.run(["case", "submit", "--municipality", "ede", caseFile]).stdout.split(separator: "\n").last.map(String.init)
            ?? ""
        try expectSuccess(cli.run(["case", "approve", caseId, "--override"]))
        try expectQuietTick(cli, at: Date().addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 31, timeout: 10)
        let caseMail = mail.filter { $0.header("X-Tweedemening-Kind") == "case" }
        #expect(caseMail.count == 10)
        let first = try #require(caseMail.first), second = try #require(caseMail.dropFirst().first)
        let header = try #require(first.header("List-Unsubscribe"))
        #expect(header.contains("<\(base)/u/") && header.contains("<mailto:reply+") && header.contains("subject=AFMELDEN"))
        #expect(first.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        let oneClick = String(header.trimmingCharacters(in: .whitespaces).dropFirst().prefix { $0 != ">" })
        // a GET shows a confirmation page and changes nothing; the mail client's POST unsubscribes, no cookie needed
        #expect(try await http("GET", serve.link(oneClick)).0 == 200)
        #expect(try cli.run(["panel", "list", "--municipality", "ede"]).stdout.contains("\(first.rcptTo)\t\tactive"))
        #expect(try await Self.post(serve.link(oneClick), body: "List-Unsubscribe=One-Click").0 == 200)
        #expect(try cli.run(["panel", "list", "--municipality", "ede"]).stdout.contains("\(first.rcptTo)\t\tunsubscribed"))

        // When panelists reply PAUZE, MIJN GEGEVENS (to the join address) and VERWIJDER MIJ
        let replyTo = try #require(
            second.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init))
        try expectSuccess(
            cli.run(["inbound", "deliver"], stdin: Self.mail(from: second.rcptTo, to: replyTo, subject: "PAUZE 2", id: "p1")))
        let third = try #require(caseMail.dropFirst(2).first), fourth = try #require(caseMail.dropFirst(3).first)
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(from: third.rcptTo, to: Self.joinAddress, subject: "Mijn gegevens", id: "g1")))
        let fourthReply = try #require(
            fourth.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init))
        try expectSuccess(
            cli.run(
                ["inbound", "deliver"],
                stdin: Self.mail(
                    from: fourth.rcptTo, to: fourthReply, subject: "Re: zaak", body: "VERWIJDER MIJ\n\n> oude tekst", id: "v1")))
        try expectQuietTick(cli, at: Date().addingTimeInterval(2))
        mail = catcher.waitForMessages(count: 34, timeout: 10)
        // Then the pause is confirmed with its end date, the data comes back, and erasure asks for a click
        let paused = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "paused" })
        #expect(paused.rcptTo == second.rcptTo && paused.plainText.contains("Tot "))
        let myData = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "my-data" })
        #expect(myData.rcptTo == third.rcptTo && myData.plainText.contains("E-mailadres: \(third.rcptTo)"))
        #expect(myData.header("To")?.contains("Gemeente") == false, "a panelist is not addressed by the municipality's name")
        #expect(myData.plainText.contains("Zaak \(caseId): Traplift"))
        let eraseMail = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "erase-confirm" })
        let eraseLink = try #require(eraseMail.links.first { $0.contains("/p/") })
        #expect(try cli.run(["panel", "report", "--municipality", "ede"]).stdout.contains("(1 paused"))
        // And after the click nothing in the database names the erased panelist
        #expect(try Self.fileContains(root, fourth.rcptTo))
        #expect(try await http("GET", serve.link(eraseLink)).0 == 200)
        #expect(try await Self.post(serve.link(eraseLink), body: "").0 == 200)
        #expect(try !Self.fileContains(root, fourth.rcptTo))
        #expect(try cli.run(["panelist", "export", "--email", fourth.rcptTo]).status == 65)
        let exported = try cli.run(["panelist", "export", "--email", third.rcptTo])
        #expect(exported.status == 0 && exported.stdout.contains("\"email\" : \"\(third.rcptTo)\""))

        // When a member unsubscribed mid-term (the one-click above), the next fitting reserve was offered the seat
        let offer = try #require(
            catcher.waitForMessages(count: 35, timeout: 10).first { $0.header("X-Tweedemening-Kind") == "seat-offer" })
        #expect(!caseMail.contains { $0.rcptTo == offer.rcptTo }, "a reserve, not a member")
        #expect(offer.plainText.contains("reservelijst") && offer.plainText.contains("Het aanbod geldt tot"))
        let waiting = try cli.run(["panel", "report", "--municipality", "ede"]).stdout
        #expect(waiting.contains("empty seats: 1 open") && waiting.contains("1 invited"), "\(waiting)")
        let seatLink = try #require(offer.links.first { $0.contains("/j/") })
        // a mail scanner's GET takes nothing; the reserve's POST takes the seat, once
        #expect(try await http("GET", seatLink).0 == 200)
        #expect(try !cli.run(["panel", "list", "--municipality", "ede"]).stdout.contains("\(offer.rcptTo)\t\tactive"))
        #expect(try await Self.post(seatLink, body: "").0 == 200)
        #expect(try cli.run(["panel", "list", "--municipality", "ede"]).stdout.contains("\(offer.rcptTo)\t\tactive"))
        let twice = try await Self.post(seatLink, body: "")
        #expect(twice.0 == 200 && twice.1.contains("al ingenomen"))
        let filled = try cli.run(["panel", "report", "--municipality", "ede"]).stdout
        #expect(filled.contains("empty seats: 0 open, 1 filled by a reserve") && filled.contains("1 seated"), "\(filled)")

        // When the round closes, the verdict says how the panel was drawn and who took part, per group
        try expectQuietTick(cli, at: Date().addingTimeInterval(90 * 86_400))
        let verdict = try #require(
            catcher.waitForMessages(count: 45, timeout: 10).first { $0.header("X-Tweedemening-Kind") == "verdict" })
        let verdictText = verdict.plainText
        #expect(verdictText.contains("HOE HET PANEL IS SAMENGESTELD") && verdictText.contains("door loting samengesteld"))
        #expect(verdictText.contains("Uit het bevolkingsregister zijn 40 inwoners uitgenodigd"), "\(verdictText)")
        #expect(verdictText.contains("Uit 18 aanmelders zijn 10 panelleden geloot"))
        #expect(verdictText.contains("lotingsgetal 3 (loting 1): tweedemening panel audit --municipality ede"))
        #expect(verdictText.contains("Eén reservelid nam een lege plek in."))
        #expect(verdictText.contains("WIE STEMDEN, PER GROEP") && verdictText.contains("niet getoond (minder dan 5)"))
    }
}
