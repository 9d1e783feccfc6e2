import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A whole round with the real binary, a real SMTP server on loopback, the HTTP intake, and moved time.
@Suite(.serialized) struct RoundEndToEndTests {
    static let panelCSV = """
        email,name,age_band,gender,district,education
        anna@bewoners.example,Anna de Vries,75+,vrouw,Oost,middelbaar
        bram@bewoners.example,Bram Jansen,35-49,man,West,hoog
        celine@bewoners.example,Céline Bakker,18-34,vrouw,Zuid,hoog
        daan@bewoners.example,Daan Visser,50-64,man,Oost,laag
        eva@bewoners.example,Eva Smit,65-74,vrouw,Noord,middelbaar
        fatima@bewoners.example,Fatima El Amrani,35-49,vrouw,West,hoog
        """

    @Test func aWholeRoundByEmail() async throws {
        // Given a fresh root, an SMTP server on loopback and the intake on a free port
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try freeLoopbackPort()
        let base = "http://127.0.0.1:\(port)"
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: [
                "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_BASE_URL": base,
                "TWEEDEMENING_LISTEN": "127.0.0.1:\(port)", "TWEEDEMENING_FROM": "De Tweede Mening <panel@tweedemening.example>",
            ])
        try expectSuccess(cli.run(["init"]))
        // safe to run twice, and --root may come before the command too
        var leadingRoot = cli
        leadingRoot.leadingArguments = ["--root", root.path]
        try expectSuccess(leadingRoot.run(["init"]))
        let keyMode =
            try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("signing.key").path)[.posixPermissions]
            as? Int
        #expect(keyMode == 0o600)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))
        let csv = root.appendingPathComponent("panel.csv")
        try Self.panelCSV.write(to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "utrecht", csv.path]))
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md")
        let submitted = try cli.run(["case", "submit", "--municipality", "utrecht", caseFile.path])
        try expectSuccess(submitted)
        let caseId = try #require(submitted.stdout.split(separator: "\n").last.map(String.init))

        // The timeline sits around the real clock, so that votes cast over HTTP now are inside it
        let now = Date()
        let publish = now.addingTimeInterval(-60)
        let voteAt = now.addingTimeInterval(86_400)
        let deadline = now.addingTimeInterval(5 * 86_400)
        try expectSuccess(
            cli.run([
                "case", "approve", caseId, "--publish-at", iso(publish), "--vote-at", iso(voteAt), "--deadline", iso(deadline),
            ]))

        // When two ticks race at publication time
        let first = try cli.start(["tick", "--now", iso(publish.addingTimeInterval(1))])
        let second = try cli.start(["tick", "--now", iso(publish.addingTimeInterval(1))])
        let results = [try cli.finish(first), try cli.finish(second)]
        // Then both are quiet and every panelist has exactly one case mail
        for result in results { #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)") }
        var mail = catcher.waitForMessages(count: 6, timeout: 10)
        #expect(countByKind(mail) == ["case": 6])
        let caseMail = try #require(mail.first)
        #expect(caseMail.header("Auto-Submitted") == "auto-generated")
        #expect(caseMail.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(caseMail.header("Content-Type")?.contains("multipart/alternative") == true)
        #expect(!caseMail.raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in message")

        // When voting opens
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 12, timeout: 10)
        #expect(countByKind(mail) == ["case": 6, "vote": 6])
        let voteMail = Dictionary(
            uniqueKeysWithValues: mail.filter { $0.header("X-Tweedemening-Kind") == "vote" }.map { ($0.rcptTo, $0) })

        // And panelists vote through the intake
        let serve = try await cli.startServe()
        defer { serve.stop() }
        func links(_ who: String) throws -> (support: String, oppose: String) {
            let message = try #require(voteMail["\(who)@bewoners.example"])
            let links = message.links
            try #require(links.count >= 2)
            #expect(links[0].contains("/v/") && links[1].contains("/v/"))
            return (serve.link(links[0]), serve.link(links[1]))
        }
        let anna = try links("anna"), bram = try links("bram"), celine = try links("celine"), daan = try links("daan")
        // a GET (what a mail scanner does) records nothing
        let (scanned, scannedBody) = try await http("GET", daan.support)
        #expect(scanned == 200 && scannedBody.contains("<form method=\"post\">"))
        #expect(try await http("POST", anna.support).0 == 200)
        #expect(try await http("POST", bram.oppose).0 == 200)
        #expect(try await http("POST", bram.support).0 == 200)  // changed mind: counts once, as support
        #expect(try await http("POST", celine.oppose).0 == 200)
        // forged: Daan's link with the choice flipped in the payload keeps Daan's signature
        func tokenParts(_ link: String) -> [String] { link.components(separatedBy: "/v/")[1].components(separatedBy: ".") }
        var forged = tokenParts(daan.oppose)
        forged[2] = tokenParts(daan.support)[2]
        #expect(try await http("POST", "\(serve.base)/v/\(forged.joined(separator: "."))").0 == 403)
        // One character of Anna's signature changed (always to another one): refused, nothing recorded.
        var signature = Array(anna.oppose)
        signature[signature.count - 10] = signature[signature.count - 10] == "A" ? "B" : "A"
        let tampered = try await http("POST", String(signature))
        #expect(tampered.0 == 403, "\(String(signature)) answered \(tampered.0): \(tampered.1)")
        let shown = try cli.run(["case", "show", caseId])
        #expect(shown.stdout.contains("votes: 3 (support 2, oppose 1)"), "\(shown.stdout)")

        // When the reminder is due, twice (idempotent)
        let reminderAt = deadline.addingTimeInterval(-48 * 3_600 + 1)
        try expectQuietTick(cli, at: reminderAt)
        try expectQuietTick(cli, at: reminderAt)
        mail = catcher.waitForMessages(count: 15, timeout: 10)
        let reminded = Set(mail.filter { $0.header("X-Tweedemening-Kind") == "vote-reminder" }.map(\.rcptTo))
        #expect(reminded == ["daan@bewoners.example", "eva@bewoners.example", "fatima@bewoners.example"])

        // When the deadline passes
        try expectQuietTick(cli, at: deadline.addingTimeInterval(1))
        mail = catcher.waitForMessages(count: 22, timeout: 10)
        #expect(countByKind(mail) == ["case": 6, "vote": 6, "vote-reminder": 3, "verdict": 1, "outcome": 6])
        for person in ["anna", "bram", "celine", "daan", "eva", "fatima"] {
            let own = mail.filter { $0.rcptTo == "\(person)@bewoners.example" }
            #expect(own.filter { $0.header("X-Tweedemening-Kind") == "case" }.count == 1)
            #expect(own.filter { $0.header("X-Tweedemening-Kind") == "vote" }.count == 1)
            #expect(own.filter { $0.header("X-Tweedemening-Kind") == "outcome" }.count == 1)
        }
        // Then the municipality's digest has the right numbers and nobody's address
        let verdict = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "verdict" })
        #expect(verdict.rcptTo == "wmo@utrecht.example")
        // Three votes are far below the default quorum of 30: no verdict, said plainly
        #expect(verdict.header("X-Tweedemening-Verdict") == "no-quorum")
        let digest = verdict.plainText
        #expect(digest.contains("Steunt het besluit:       2 (66,7%)"), "\(digest)")
        #expect(digest.contains("Steunt het besluit niet:  1 (33,3%)"))
        #expect(digest.contains("3 van 6 panelleden (opkomst 50%)"))
        #expect(digest.contains("Er stemden te weinig panelleden (3) voor een betrouwbaar oordeel."))
        #expect(digest.contains("met 95% zekerheid tussen 20,8% en 93,9%"), "\(digest)")
        #expect(!verdict.raw.contains("bewoners.example"))
        // And every mail went only to its own recipient
        for message in mail where message.rcptTo.hasSuffix("@bewoners.example") {
            let others = ["anna", "bram", "celine", "daan", "eva", "fatima"].map { "\($0)@bewoners.example" }.filter {
                $0 != message.rcptTo
            }
            #expect(!others.contains { message.raw.contains($0) })
        }
        // When the municipality answers the verdict by replying to it, with its secret (no DKIM check configured here)
        let verdictReplyTo = try #require(verdict.header("Reply-To"))
        let answerAddress = try #require(verdictReplyTo.split(separator: "<").last?.split(separator: ">").first.map(String.init))
        let secret = try cli.run(["municipality", "secret", "--id", "utrecht"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let followUp = DiscussionEndToEndTests.reply(
            from: "wmo@utrecht.example", to: answerAddress,
            body:
                "Geheim: \(secret)\nWij blijven bij ons besluit: de verhuizing is de goedkoopst adequate oplossing. Wel bieden we extra begeleiding.",
            id: "follow-up-1")
        try expectSuccess(cli.run(["inbound", "deliver"], stdin: followUp))
        try expectQuietTick(cli, at: deadline.addingTimeInterval(2 * 86_400))
        // Then every panelist hears what the municipality decided and why
        mail = catcher.waitForMessages(count: 22 + 6, timeout: 10)
        let told = mail.filter { $0.header("X-Tweedemening-Kind") == "follow-up" }
        #expect(told.count == 6)
        #expect(told.first?.plainText.contains("De gemeente blijft bij haar besluit.") == true)
        #expect(told.first?.plainText.contains("Wel bieden we extra begeleiding.") == true)
        #expect(!told.contains { $0.raw.contains(secret) || $0.raw.contains("Geheim") })

        // And panelists answer the evaluation in the outcome mail with one click each (GET shows, POST records)
        let outcomeLinks = try #require(
            mail.first { $0.header("X-Tweedemening-Kind") == "outcome" && $0.rcptTo.hasPrefix("anna") }
        ).links
            .filter { $0.contains("/e/") }
        #expect(outcomeLinks.count == 10)
        #expect(try await http("GET", outcomeLinks[4]).0 == 200)  // satisfaction 5
        #expect(try await http("POST", outcomeLinks[4]).0 == 200)
        #expect(try await http("POST", outcomeLinks[5]).0 == 200)  // more trust
        #expect(try await http("POST", outcomeLinks[9]).0 == 200)  // information not sufficient
        let bramLinks = try #require(mail.first { $0.header("X-Tweedemening-Kind") == "outcome" && $0.rcptTo.hasPrefix("bram") })
            .links
            .filter { $0.contains("/e/") }
        #expect(try await http("POST", bramLinks[1]).0 == 200)  // satisfaction 2

        // And the council's report lists the case, its verdict, the follow-up and the evaluation
        let day = ISO8601DateFormatter.string(
            from: deadline, timeZone: TimeZone(identifier: "Europe/Amsterdam")!, formatOptions: [.withFullDate])
        let report = try cli.run(["report", "--municipality", "utrecht", "--from", day, "--to", day])
        #expect(report.status == 0 && report.stdout.contains("Casussen afgerond: 1"), "\(report)")
        #expect(report.stdout.contains("| te weinig stemmen | 66,7% (20,8–93,9%) | 50% (3/6) |"), "\(report.stdout)")
        #expect(report.stdout.contains("blijft bij besluit (na 0 dagen)"))
        #expect(
            report.stdout.contains(
                "Panelevaluatie (2 panelleden): 50% tevreden of zeer tevreden, 100% meer vertrouwen in de gemeente, informatie voldoende volgens 0%."
            ),
            "\(report.stdout)")
        // No case had a clear verdict: the report says so in words, not "in - van de casussen"
        #expect(report.stdout.contains("Geen casus had een duidelijk oordeel van het panel"), "\(report.stdout)")
        #expect(!report.stdout.contains(" - van de casussen"))
        let htmlReport = try cli.run(["report", "--municipality", "utrecht", "--from", day, "--to", day, "--format", "html"])
        #expect(htmlReport.status == 0 && htmlReport.stdout.hasPrefix("<!doctype html>"), "\(htmlReport)")
        #expect(htmlReport.stdout.contains("<html lang=\"nl\">") && htmlReport.stdout.contains("<td>te weinig stemmen</td>"))
        #expect(htmlReport.stdout.contains("Casussen afgerond: 1") && !htmlReport.stdout.contains("<script"))
        let csvReport = try cli.run(["report", "--municipality", "utrecht", "--from", day, "--to", day, "--format", "csv"])
        #expect(
            csvReport.stdout.hasPrefix(
                "zaak,casus,afgerond,oordeel,steun,interval,opkomst,stemmen,vragen_beantwoord,kernpunten,reactie_gemeente"))
        // And it can be mailed to the council clerk (from cron: --period last-quarter)
        let mailed = try cli.run([
            "report", "--municipality", "utrecht", "--from", day, "--to", day, "--mail-to", "griffie@utrecht.example",
        ])
        #expect(mailed.status == 0 && mailed.stdout.isEmpty, "\(mailed)")
        let clerk = try #require(catcher.waitForMessages(count: 29, timeout: 10).first { $0.rcptTo == "griffie@utrecht.example" })
        #expect(clerk.header("X-Tweedemening-Kind") == "report" && clerk.raw.contains("Content-Disposition: attachment"))
        #expect(try cli.run(["report", "--municipality", "utrecht", "--period", "last-quarter"]).status == 0)

        // And a vote after the close records nothing
        #expect(try await http("POST", daan.support).0 == 410)
        let finalShow = try cli.run(["case", "show", caseId])
        #expect(finalShow.stdout.contains("state: closed") && finalShow.stdout.contains("verdict: no-quorum"))
        let queue = try cli.run(["queue", "status"])
        #expect(queue.stdout.contains("sent      28"), "\(queue.stdout)")  // the report went outside the outbox
    }

    @Test func tickBesideServeNeverSendsTwice() async throws {
        // Given the full daemon (scheduler every second) and a case due for publication
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try freeLoopbackPort()
        let metricsPort = try freeLoopbackPort()
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: [
                "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_LISTEN": "127.0.0.1:\(port)",
                "TWEEDEMENING_METRICS_LISTEN": "127.0.0.1:\(metricsPort)",
            ])
        try expectSuccess(cli.run(["init"]))
        let config = root.appendingPathComponent("tweedemening.toml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "tick_interval_seconds = 60", with: "tick_interval_seconds = 1")
        try text.write(to: config, atomically: true, encoding: .utf8)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))
        let csv = root.appendingPathComponent("panel.csv")
        let panel = (1...40).map { "p\($0)@bewoners.example" }
        try (["email"] + panel).joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "utrecht", csv.path]))
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let caseId =
            try cli.run(["case", "submit", "--municipality", "utrecht", caseFile]).stdout.split(separator: "\n").last.map(
                String.init) ?? ""
        try expectSuccess(cli.run(["case", "approve", caseId, "--publish-at", iso(Date().addingTimeInterval(-60))]))
        // When serve and three cron ticks run at the same moment
        let serve = try await cli.startServe(["serve"]) {
            let ticks = try (0..<3).map { _ in try cli.start(["tick"]) }
            for tick in ticks { expectSuccess(try cli.finish(tick)) }
        }
        defer { serve.stop() }
        // Then, once the queue says all 40 are sent (the catcher stores a message before it answers 250, so a
        // duplicate would be in it by then), every panelist got the case exactly once
        var sent = false
        for _ in 0..<300 where !sent {
            let status = try cli.run(["queue", "status"]).stdout
            sent = status.contains("sent      40") && status.contains("pending   0") && status.contains("queued    0")
            if !sent { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(sent, "the queue never showed all 40 sent")
        let mail = catcher.waitForMessages(count: 40, timeout: 10)
        #expect(mail.count == 40)
        #expect(Set(mail.map(\.rcptTo)) == Set(panel))
        #expect(Set(mail.compactMap { $0.header("Message-ID") }).count == 40)
        // And /metrics, on its own listener, shows the queue, the ticks and the intake's requests
        let (status, metrics) = try await http("GET", "http://127.0.0.1:\(try #require(serve.metricsPort))/metrics")
        #expect(status == 200)
        // …while the public listener does not serve it, even to loopback — a proxy on this machine connects from
        // there (issue 17, finding 14)
        #expect(try await http("GET", "\(serve.base)/metrics").0 == 404)
        #expect(metrics.contains("tweedemening_queue_messages{state=\"sent\"} 40"), "\(metrics)")
        #expect(metrics.contains("tweedemening_tick_duration_seconds_count"))
        #expect(metrics.contains("hb_requests{http_route=\"/healthz\""))
        #expect(!metrics.contains("v1.k1."))
        // And SIGTERM stops the daemon promptly
        let stopped = Date()
        let stoppedServe = serve.stop()
        #expect(Date().timeIntervalSince(stopped) < 10)
        #expect(stoppedServe.status == 0, "\(stoppedServe.stderr)")
    }

    @Test func keysRotateAndTheDatabaseBacksUp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = TweedemeningBinary(url: try TweedemeningBinary.locate(), root: root, environment: [:])
        try expectSuccess(cli.run(["init"]))
        // Rotation: the new key signs, the old one keeps verifying, the file stays 0600
        #expect(try cli.run(["keys", "rotate"]).stdout == "k2\n")
        #expect(try cli.run(["keys", "list"]).stdout == "k2\tsigns\nk1\tverifies\n")
        let mode =
            try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("signing.key").path)[.posixPermissions]
            as? Int
        #expect(mode == 0o600)
        #expect(try cli.run(["keys", "retire", "k2"]).status == 65)
        try expectSuccess(cli.run(["keys", "retire", "k1"]))
        #expect(try cli.run(["keys", "list"]).stdout == "k2\tsigns\n")
        // Backup: a consistent copy that opens as a database with every migration
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "ede", "--name", "Gemeente Ede", "--email", "wmo@ede.example"]))
        let copy = root.appendingPathComponent("backup.sqlite").path
        try expectSuccess(cli.run(["backup", copy]))
        #expect(try cli.run(["backup", copy]).status == 64)
        let copyRoot = root.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: copyRoot, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: copy, toPath: copyRoot.appendingPathComponent("tweedemening.sqlite").path)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("signing.key"), to: copyRoot.appendingPathComponent("signing.key"))
        let restored = TweedemeningBinary(url: cli.url, root: copyRoot, environment: [:])
        #expect(try restored.run(["municipality", "list"]).stdout.contains("ede\tGemeente Ede"))
    }

    @Test func badInputIsRefusedWithReasonsAndNothingStored() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = TweedemeningBinary(url: try TweedemeningBinary.locate(), root: root, environment: [:])
        try expectSuccess(cli.run(["init"]))
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "delft", "--name", "Gemeente Delft", "--email", "wmo@delft.example"]))
        // A CSV with bad lines: exit 65, every bad line named, nothing imported
        let csv = root.appendingPathComponent("bad.csv")
        try "email,name\ngood@example.nl,Goed\nnot-an-address,Fout\ngood@example.nl,Dubbel\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["panel", "import", "--municipality", "delft", csv.path])
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("line 3") && imported.stderr.contains("line 4"))
        #expect(try cli.run(["panel", "list", "--municipality", "delft"]).stdout.isEmpty)
        // What the store refuses (here: an unknown case, a municipality twice) is exit 65 with what to do
        let unknown = try cli.run(["case", "show", "999"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no case 999; `tweedemening case list`"), "\(unknown)")
        let twice = try cli.run(["municipality", "add", "--id", "delft", "--name", "Delft", "--email", "x@delft.example"])
        #expect(twice.status == 65 && twice.stderr.contains("municipality `delft` already exists"), "\(twice)")
        // A case file missing sections: exit 65, the missing parts named
        let file = root.appendingPathComponent("case.md")
        try "---\ntitle: X\ndomain: Wmo\n---\n# Besluit\nNee.\n".write(to: file, atomically: true, encoding: .utf8)
        let submitted = try cli.run(["case", "submit", "--municipality", "delft", file.path])
        #expect(submitted.status == 65)
        #expect(submitted.stderr.contains("consent_reference") && submitted.stderr.contains("# Kaders"))
        #expect(try cli.run(["case", "list"]).stdout.isEmpty)
        #expect(try cli.run(["case", "check", file.path]).status == 1)
        // A case naming the applicant's BSN: `case check` finds it with its line, and approval is refused
        let named = try String(
            contentsOf: SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md"), encoding: .utf8
        )
        .replacingOccurrences(of: "De aanvrager woont al 52 jaar", with: "De aanvrager (BSN 111222333) woont al 52 jaar")
        let namedFile = root.appendingPathComponent("named.md")
        try named.write(to: namedFile, atomically: true, encoding: .utf8)
        let checked = try cli.run(["case", "check", namedFile.path])
        #expect(checked.status == 1 && checked.stdout.contains("named.md:21: moet anders [personal-data]"), "\(checked.stdout)")
        #expect(try cli.run(["case", "check", "--json", namedFile.path]).stdout.contains("\"blocking\" : true"))
        let namedId =
            try cli.run(["case", "submit", "--municipality", "delft", namedFile.path]).stdout.split(separator: "\n").last.map(
                String.init) ?? ""
        let refused = try cli.run(["case", "approve", namedId, "--publish-at", "2030-01-01T09:00:00+01:00"])
        #expect(
            refused.status == 65 && refused.stderr.contains("cannot be approved yet") && refused.stderr.contains("--override"))
        #expect(try cli.run(["case", "approve", namedId, "--publish-at", "2030-01-01T09:00:00+01:00", "--override"]).status == 0)
        // And the municipality can see its case as the panel will
        let preview = root.appendingPathComponent("preview")
        try expectSuccess(cli.run(["case", "preview", namedId, "--out", preview.path]))
        let rendered = try FileManager.default.contentsOfDirectory(atPath: preview.path)
        #expect(rendered.contains("case.html") && rendered.contains("vote.txt") && rendered.contains("digest.eml"))
        #expect(
            try String(contentsOf: preview.appendingPathComponent("case.txt"), encoding: .utf8).contains(
                "Beste Voorbeeld Panellid,"))

        // A group-readable signing key: refused with the command that fixes it
        chmod(root.appendingPathComponent("signing.key").path, 0o644)
        let tick = try cli.run(["tick"])
        #expect(tick.status != 0 && tick.stderr.contains("chmod 600"))
    }

    @Test func anUnreachableRelayDefersWithAWarningAndARejectFails() throws {
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-smtp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let deadPort = try freeLoopbackPort()
        var cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: root,
            environment: ["TWEEDEMENING_SMTP_URL": "smtp://127.0.0.1:\(deadPort)"])
        try expectSuccess(cli.run(["init"]))
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "ede", "--name", "Gemeente Ede", "--email", "wmo@ede.example"]))
        let csv = root.appendingPathComponent("p.csv")
        try "email\nok@example.nl\nreject-me@example.nl\n".write(to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "ede", csv.path]))
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let caseId =
            try cli.run(["case", "submit", "--municipality", "ede", caseFile]).stdout.split(separator: "\n").last.map(String.init)
            ?? ""
        let publish = Date().addingTimeInterval(-60)
        try expectSuccess(cli.run(["case", "approve", caseId, "--publish-at", iso(publish)]))
        // When nothing listens: a one-line warning, exit 0, messages deferred
        let deferred = try cli.run(["tick", "--now", iso(publish)])
        #expect(deferred.status == 0)
        #expect(deferred.stderr.hasPrefix("warning: 2 message(s) deferred"), "\(deferred.stderr)")
        #expect(deferred.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run(["queue", "status"]).stdout.contains("deferred  2"))
        // When the relay is back after the retry delay: one is delivered, the 5xx fails with exit 1
        cli.environment["TWEEDEMENING_SMTP_URL"] = catcher.url
        let retried = try cli.run(["tick", "--now", iso(publish.addingTimeInterval(600))])
        #expect(retried.status == 70)
        #expect(retried.stderr.contains("failed permanently") && retried.stderr.contains("550"), "\(retried.stderr)")
        #expect(catcher.waitForMessages(count: 1, timeout: 5).map(\.rcptTo) == ["ok@example.nl"])
        let status = try cli.run(["queue", "status"]).stdout
        #expect(status.contains("sent      1") && status.contains("failed    1"), "\(status)")
        // And the moderator can look at the failed message and try it again
        let failedId = try #require(
            status.split(separator: "\n").first { $0.hasPrefix("failed: #") }?.dropFirst("failed: #".count)
                .split(separator: " ").first.map(String.init))
        let shown = try cli.run(["queue", "show", failedId]).stdout
        #expect(shown.contains("state: failed") && shown.contains("last reply: 550") && shown.contains("Queue/dead/"), "\(shown)")
        try expectSuccess(cli.run(["queue", "retry", failedId]))
        #expect(try cli.run(["queue", "status"]).stdout.contains("failed    0"))
        let again = try cli.run(["tick", "--now", iso(publish.addingTimeInterval(900))])
        #expect(again.status == 70 && catcher.messages().count == 1)
    }
}

func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
    return formatter.string(from: date)
}

func expectSuccess(_ result: TweedemeningBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
}

func expectQuietTick(_ cli: TweedemeningBinary, at date: Date, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try cli.run(["tick", "--now", iso(date)])
    #expect(
        result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "tick: \(result)", sourceLocation: sourceLocation)
}

func countByKind(_ messages: [CaughtMessage]) -> [String: Int] {
    messages.reduce(into: [:]) { counts, message in counts[message.header("X-Tweedemening-Kind") ?? "?", default: 0] += 1 }
}

func http(_ method: String, _ url: String) async throws -> (Int, String) {
    let response = try await HTTPClient.send(method, url)
    return (response.status, response.body)
}
