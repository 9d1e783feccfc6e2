import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Two whole rounds with the same panel, every log line captured at trace level, and every mail the SMTP
/// server received scanned for what must not be there.
@Suite(.serialized) struct PrivacyEndToEndTests {
    static let panel = [
        ("anna", "Anna de Vries"), ("bram", "Bram Jansen"), ("celine", "Céline Bakker"), ("daan", "Daan Smit"),
    ]
    static let password = "Smtp-Wachtwoord-9f3k"
    static let inboundSecret = "inbound-geheim-0123456789"

    /// Every command's stderr, at trace level.
    final class LogCapture: @unchecked Sendable {
        var text = ""
        func run(_ cli: TweedemeningBinary, _ arguments: [String], stdin: String? = nil) throws -> TweedemeningBinary.Result {
            let result = try cli.run(arguments, stdin: stdin)
            text += result.stderr
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
    }

    @Test func noMailOrLogLeaksWhoSaidWhat() async throws {
        let e2e = try EndToEndRoot(
            "privacy", catcherAuth: "tweedemening:\(Self.password)",
            environment: [
                "TWEEDEMENING_SMTP_USER": "tweedemening", "TWEEDEMENING_SMTP_PASSWORD": Self.password,
                "TWEEDEMENING_INBOUND_SECRET": Self.inboundSecret, "TWEEDEMENING_REPLY_DOMAIN": "reply.tweedemening.example",
                "TWEEDEMENING_MODERATOR": "moderator@tweedemening.example", "TWEEDEMENING_LOG_LEVEL": "trace",
            ])
        defer { e2e.remove() }
        let (catcher, root, cli) = (e2e.catcher, e2e.root, e2e.cli)
        let logs = LogCapture()
        _ = try logs.run(cli, ["init"])
        try trustOurMTA(root: root)
        let config = root.appendingPathComponent("tweedemening.toml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "digest_every_days = 3", with: "digest_every_days = 1"
        )
        .write(to: config, atomically: true, encoding: .utf8)
        _ = try logs.run(cli, ["municipality", "add", "--id", "ede", "--name", "Gemeente Ede", "--email", "wmo@ede.example"])
        let csv = root.appendingPathComponent("panel.csv")
        try (["email,name"] + Self.panel.map { "\($0.0)@bewoners.example,\($0.1)" }).joined(separator: "\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        _ = try logs.run(cli, ["panel", "import", "--municipality", "ede", csv.path])
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let serve = try await cli.startServe()
        defer { serve.stop() }

        var seen = 0
        var texts: [String] = []
        /// One whole round; `order` is who argues first. Returns the round's mail.
        func round(_ number: Int, start: Date, order: [String]) async throws -> [CaughtMessage] {
            let caseId =
                try logs.run(cli, ["case", "submit", "--municipality", "ede", caseFile]).stdout
                .split(separator: "\n").last.map(String.init) ?? ""
            let voteAt = start.addingTimeInterval(2 * 86_400), deadline = start.addingTimeInterval(4 * 86_400)
            _ = try logs.run(
                cli,
                ["case", "approve", caseId, "--publish-at", iso(start), "--vote-at", iso(voteAt), "--deadline", iso(deadline)])
            _ = try logs.run(cli, ["tick", "--now", iso(start.addingTimeInterval(60))])
            var mail = catcher.waitForMessages(count: seen + 4, timeout: 10)
            func replyAddress(_ who: String) throws -> String {
                let message = try #require(mail.dropFirst(seen).first { $0.rcptTo == "\(who)@bewoners.example" })
                return try #require(
                    message.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init))
            }
            for (index, who) in order.enumerated() {
                let name = Self.panel.first { $0.0 == who }!.1
                let text =
                    "Argument \(number)-\(index) van \(who): de buren helpen al jaren en verhuizen is zwaar op hoge leeftijd."
                texts.append(text)
                _ = try logs.run(
                    cli, ["inbound", "deliver"],
                    stdin: DiscussionEndToEndTests.reply(
                        from: "\(who)@bewoners.example", to: try replyAddress(who),
                        body: "\(text)\n\nMet vriendelijke groet,\n\(name)", id: "r\(number)-\(who)"))
            }
            _ = try logs.run(
                cli, ["inbound", "deliver"],
                stdin: DiscussionEndToEndTests.reply(
                    from: "celine@bewoners.example", to: try replyAddress("celine"),
                    body: "Vraag: Hoeveel kost een traplift precies?\n\nCéline Bakker", id: "q\(number)"))
            _ = try logs.run(cli, ["tick", "--now", iso(start.addingTimeInterval(86_400 + 3_600))])
            mail = catcher.waitForMessages(count: seen + 4 + order.count + 1 + 1 + 4, timeout: 10)
            // The municipality answers the question by replying to its address
            let questions = try #require(mail.last { $0.header("X-Tweedemening-Kind") == "questions" })
            let answerTo = try #require(
                questions.plainText.split(separator: "\n").first { $0.hasPrefix("Antwoord naar: ") }.map {
                    String($0.dropFirst(15))
                })
            _ = try logs.run(
                cli, ["inbound", "deliver"],
                stdin: DiscussionEndToEndTests.reply(
                    from: "wmo@ede.example", to: answerTo, body: "Ongeveer 6.000 euro, met onderhoud.",
                    extraHeaders: ourMTAVouches(for: "ede.example") + "\r\n", id: "a\(number)"))
            _ = try logs.run(cli, ["tick", "--now", iso(voteAt.addingTimeInterval(60))])
            mail = catcher.waitForMessages(count: mail.count + 4, timeout: 10)
            for message in mail.dropFirst(seen) where message.header("X-Tweedemening-Kind") == "vote" {
                let support = try #require(message.links.first { $0.contains("/v/") })
                #expect(try await PanelEndToEndTests.post(serve.link(support), body: "").0 == 200)
            }
            _ = try logs.run(cli, ["tick", "--now", iso(deadline.addingTimeInterval(60))])
            mail = catcher.waitForMessages(count: mail.count + 5, timeout: 10)
            let verdict = try #require(mail.last { $0.header("X-Tweedemening-Kind") == "verdict" })
            let followUpTo = try #require(
                verdict.header("Reply-To")?.split(separator: "<").last?.split(separator: ">").first.map(String.init))
            _ = try logs.run(
                cli, ["inbound", "deliver"],
                stdin: DiscussionEndToEndTests.reply(
                    from: "wmo@ede.example", to: followUpTo, body: "Wij blijven bij het besluit.",
                    extraHeaders: ourMTAVouches(for: "ede.example") + "\r\n", id: "f\(number)"))
            _ = try logs.run(cli, ["tick", "--now", iso(deadline.addingTimeInterval(3_600))])
            mail = catcher.waitForMessages(count: mail.count + 4, timeout: 10)
            defer { seen = mail.count }
            return Array(mail.dropFirst(seen))
        }
        let start = Date().addingTimeInterval(-60)
        let first = try await round(1, start: start, order: ["anna", "bram"])
        let second = try await round(2, start: start.addingTimeInterval(6 * 86_400), order: ["bram", "anna"])
        let all = first + second
        #expect(all.contains { $0.header("X-Tweedemening-Kind") == "digest" })
        #expect(all.contains { $0.header("X-Tweedemening-Kind") == "verdict" })
        // The writer's own name in a sign-off never reaches the others
        let othersDigests = all.filter { $0.header("X-Tweedemening-Kind") == "digest" && $0.rcptTo != "anna@bewoners.example" }
        #expect(!othersDigests.isEmpty && othersDigests.allSatisfy { !$0.plainText.contains("Anna") })

        // A panelist's address appears only in mail to that panelist
        for (who, _) in Self.panel {
            let address = "\(who)@bewoners.example"
            for message in all where message.raw.lowercased().contains(address) {
                #expect(message.rcptTo == address, "\(address) appears in mail to \(message.rcptTo)")
            }
        }
        // Nothing sent to the municipality names a panelist or their address
        let toMunicipality = all.filter { $0.rcptTo == "wmo@ede.example" }
        #expect(toMunicipality.count >= 4)
        for message in toMunicipality {
            let text = message.raw + message.plainText
            for (who, name) in Self.panel {
                #expect(!text.contains("\(who)@bewoners.example"))
                for part in name.split(separator: " ") where part.count > 3 {
                    #expect(!text.contains(part), "\(part) in \(message.header("X-Tweedemening-Kind") ?? "")")
                }
            }
        }
        // Nothing sent to the municipality ties an argument or quote to its author: no pseudonym anywhere (text,
        // HTML, CSV), and the CSV has no author or vote column
        for message in toMunicipality {
            #expect(!message.raw.contains("Deelnemer") && !message.plainText.contains("Deelnemer"))
        }
        for verdict in toMunicipality where verdict.header("X-Tweedemening-Kind") == "verdict" {
            let csv = try #require(Self.attachedCSV(verdict), "the CSV is attached")
            #expect(csv.hasPrefix("nummer,kernpunten,strekking,signalen,tekst\r\n"), "\(csv)")
            #expect(!csv.contains("Deelnemer") && !csv.contains("steunt,") && !csv.contains("stemde niet"))
        }
        // Pseudonyms: stable within a case, and not carried from one case to the next
        // (The argument texts name their writer only by their order: "Argument 1-0 van [naam]" — the writer's
        // own name is masked, so the order in `round(_:start:order:)` says who wrote it.)
        func pseudonyms(_ mail: [CaughtMessage], order: [String]) -> [String: Set<String>] {
            var found: [String: Set<String>] = [:]
            for message in mail where message.header("X-Tweedemening-Kind") == "digest" {
                let lines = message.plainText.split(separator: "\n").map(String.init)
                for (index, line) in lines.enumerated()
                where line.hasPrefix("#") && line.contains("Deelnemer") && index + 1 < lines.count {
                    let who =
                        lines[index + 1].contains("-0 van") ? order[0] : lines[index + 1].contains("-1 van") ? order[1] : "?"
                    found[who, default: []].insert(String(line.split(separator: "·")[1].trimmingCharacters(in: .whitespaces)))
                }
            }
            return found
        }
        let one = pseudonyms(first, order: ["anna", "bram"]), two = pseudonyms(second, order: ["bram", "anna"])
        #expect(one["anna"] == ["Deelnemer 1"] && one["bram"] == ["Deelnemer 2"], "\(one)")
        #expect(two["bram"] == ["Deelnemer 1"] && two["anna"] == ["Deelnemer 2"], "\(two)")

        // No secret, token, address or mail text in any log line, at trace level
        let serveLog = serve.stop().stderr
        let log = logs.text + serveLog
        #expect(log.count > 1_000, "the logs were captured: \(log.count) characters")
        for secret in [Self.password, Self.inboundSecret, "v1.k1.", "reply+", "bounce+", "Subject:", "Vraag: Hoeveel"] {
            #expect(!log.contains(secret), "\(secret) in the logs")
        }
        for (who, name) in Self.panel {
            #expect(!log.contains("\(who)@bewoners.example") && !log.contains(name), "\(who) in the logs")
        }
        for text in texts { #expect(!log.contains(text.prefix(30))) }
        #expect(!log.contains("6.000 euro") && !log.contains("Wij blijven bij het besluit"))
        let key = try String(contentsOf: root.appendingPathComponent("signing.key"), encoding: .utf8)
        for line in key.split(separator: "\n") where line.count > 20 { #expect(!log.contains(line)) }
    }

    /// The verdict's CSV attachment, decoded (base64, after the part's headers), without its BOM.
    static func attachedCSV(_ message: CaughtMessage) -> String? {
        guard let name = message.raw.range(of: "argumenten-zaak-") else { return nil }
        let rest = message.raw[name.upperBound...]
        guard let blank = rest.range(of: "\r\n\r\n") ?? rest.range(of: "\n\n") else { return nil }
        let body = rest[blank.upperBound...].prefix { $0 != "-" }
        guard let data = Data(base64Encoded: String(body), options: .ignoreUnknownCharacters), data.count > 3 else { return nil }
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }
}
