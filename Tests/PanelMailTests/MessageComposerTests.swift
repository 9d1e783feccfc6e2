import Foundation
import PanelCore
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail
@testable import PanelStore

/// Templates and composition for every kind of mail, from the shipped `MailTemplates/nl`.
@Suite struct MessageComposerTests {
    static let shipped = SMTPCatcher.packageRoot().appendingPathComponent("MailTemplates")
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))])

    func context(_ kind: MailKind, vote: VoteChoice? = nil) -> MessageContext {
        let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!
        let timeline = try! Timeline.make(publishAt: start)
        let round = Round(
            id: 7, caseId: 3, state: kind == .verdict || kind == .outcome ? .closed : .voting, publishAt: timeline.publishAt,
            voteAt: timeline.voteAt, voteReminderAt: timeline.voteReminderAt, deadline: timeline.deadline,
            panelSize: 8, supportCount: 5, opposeCount: 3, verdict: .support)
        let panelCase = PanelCase(
            id: 3, municipalityId: "utrecht", title: "Traplift voor mevrouw <b>één</b>", domain: "Wmo", consentReference: "X",
            decision: "Afgewezen.", municipalityView: "- Verhuizen is **goedkoper**",
            applicantView: "Ze <script>blijft</script>.",
            framework: "Wmo 2015", question: "Steunt u het besluit?", source: "", status: .approved, createdAt: start)
        let panelist = Panelist(
            id: 42, municipalityId: "utrecht", email: "anna@example.nl", name: "Anna de Vriës", status: .active,
            createdAt: start, updatedAt: start)
        let isMunicipality = kind == .verdict
        let message = OutboxMessage(
            id: 99, kind: kind, roundId: 7, panelistId: isMunicipality ? nil : 42,
            municipalityId: isMunicipality ? "utrecht" : nil,
            recipientKey: isMunicipality ? "mutrecht" : "p42",
            toAddress: isMunicipality ? "wmo@utrecht.example" : "anna@example.nl",
            messageId: "\(kind.rawValue).r7.p42@tweedemening.example", state: .pending, createdAt: start, attempts: 0)
        return MessageContext(
            message: message, round: round, panelCase: panelCase,
            municipality: Municipality(id: "utrecht", name: "Gemeente Utrecht", email: "wmo@utrecht.example", createdAt: start),
            panelist: isMunicipality ? nil : panelist, tally: Tally(support: 5, oppose: 3, panelSize: 8), vote: vote)
    }

    func composer() throws -> MessageComposer {
        MessageComposer(
            templates: try MailTemplates(directories: [Self.shipped]), signer: signer,
            settings: MailSettings(
                from: MailAddress("panel@tweedemening.example", name: "De Tweede Mening"), baseURL: "https://stem.example/"))
    }

    @Test(arguments: MailKind.allCases)
    func everyKindRendersACompletePhoneFriendlyMessage(kind: MailKind) throws {
        let message = try composer().compose(context(kind))
        // Unfolded (RFC 5322 §2.2.3): long headers such as List-Unsubscribe are folded onto two lines.
        let raw = String(decoding: message.rendered(), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: " ")
        #expect(!message.subject.isEmpty && !message.subject.contains("\n"))
        #expect(!message.text.hasPrefix("\n") && message.text.count > 100)
        let html = try #require(message.html)
        #expect(html.contains("<html lang=\"nl\" ") && html.contains("width=device-width"))
        #expect(!html.contains("<script>") && !html.contains("<b>één</b>"))
        #expect(raw.contains("X-Tweedemening-Kind: \(kind.rawValue)\r\n"))
        #expect(raw.contains("Auto-Submitted: auto-generated\r\n"))
        #expect(raw.contains("Message-ID: <\(kind.rawValue).r7.p42@tweedemening.example>\r\n"))
        if kind == .verdict {
            #expect(raw.contains("X-Tweedemening-Verdict: support\r\n"))
            #expect(!raw.contains("anna@example.nl") && !raw.contains("List-Unsubscribe"))
        } else {
            #expect(raw.contains("List-Unsubscribe: <https://stem.example/u/v1.k1."))
            #expect(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        }
    }

    /// Dates are kept once formatted (every vote page shows the round's deadline): the time zone is part of what is
    /// kept, so the same moment still reads as each zone's own time.
    @Test func aKeptDateIsFormattedForItsOwnTimeZone() throws {
        let moment = Date(timeIntervalSince1970: 1_796_400_000)  // 2026-12-04 16:00 UTC
        let amsterdam = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(DutchDate.format(moment, timeZone: amsterdam) == "vrijdag 4 december 2026 om 17:00")
        #expect(DutchDate.format(moment, timeZone: utc) == "vrijdag 4 december 2026 om 16:00")
        #expect(DutchDate.format(moment, timeZone: amsterdam) == DutchDate.compose(moment, timeZone: amsterdam))
    }

    @Test func theConfiguredQuorumDecidesAVerdictNotYetStored() throws {
        // Given a verdict mail for a round whose verdict is not stored yet: 8 votes, 5 for
        var unstored = context(.verdict)
        unstored.round.verdict = nil
        func verdictHeader(quorum: Int) throws -> String {
            var composer = try composer()
            composer = MessageComposer(
                templates: composer.templates, signer: composer.signer,
                settings: {
                    var settings = composer.settings; settings.quorum = quorum; return settings
                }())
            let raw = String(decoding: try composer.compose(unstored).rendered(), as: UTF8.self)
            let line = raw.components(separatedBy: "\r\n").first { $0.hasPrefix("X-Tweedemening-Verdict: ") }
            return String(try #require(line).dropFirst("X-Tweedemening-Verdict: ".count))
        }
        // Then `verdict.quorum` decides, not a number written in the composer
        #expect(try verdictHeader(quorum: 30) == "no-quorum")
        #expect(try verdictHeader(quorum: 5) != "no-quorum")
    }

    @Test func voteMailTextStartsWithSupportThenOpposeLinks() throws {
        for kind in [MailKind.vote, .voteReminder] {
            let message = try composer().compose(context(kind))
            let lines = message.text.split(separator: "\n").map(String.init)
            let links = message.text.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("http") }.map(String.init)
            try #require(links.count >= 4)
            // Each vote link stands alone on its own line
            #expect(lines.contains(links[0]) && lines.contains(links[1]))
            // The first two links, each alone on its line: support, then oppose
            let support = try signer.verify(
                String(links[0].dropFirst("https://stem.example/v/".count)), purpose: .vote, now: Date(timeIntervalSince1970: 0))
            let oppose = try signer.verify(
                String(links[1].dropFirst("https://stem.example/v/".count)), purpose: .vote, now: Date(timeIntervalSince1970: 0))
            #expect(support.choice == .support && oppose.choice == .oppose)
            #expect(support.panelist == 42 && support.round == 7)
            #expect(support.expires == context(kind).round.deadline)
            // then the pause and unsubscribe links of the footer
            #expect(links[2].contains("/p/") && links[3].contains("/u/"))
        }
    }

    @Test func renderingIsDeterministicAndDatesAreDutch() throws {
        let composer = try composer()
        let first = try composer.compose(context(.caseMail)).rendered()
        let second = try composer.compose(context(.caseMail)).rendered()
        #expect(first == second)
        let text = try composer.compose(context(.caseMail)).text
        #expect(text.contains("vrijdag 11 december 2026 om 09:00"))
        #expect(text.contains("Beste Anna de Vriës,"))
    }

    @Test func outcomeTellsThePanelistTheirOwnVote() throws {
        #expect(try composer().compose(context(.outcome, vote: .oppose)).text.contains("U stemde: nee"))
        #expect(try composer().compose(context(.outcome)).text.contains("niet gestemd"))
    }

    @Test func aMissingTemplateIsAnErrorAtStartNotAnEmptyMail() throws {
        // Given a copy of the templates without one file
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.shipped.appendingPathComponent("nl"), to: folder.appendingPathComponent("nl"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("nl/vote-text.mustache"))
        // Then loading names it
        #expect(throws: MailTemplateError.missing(["vote-text"], searched: [folder.appendingPathComponent("nl").path])) {
            try MailTemplates(directories: [folder])
        }
        // And an override in a later folder replaces one template only
        let override = FileManager.default.temporaryDirectory.appendingPathComponent("tm-override-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: override) }
        try FileManager.default.createDirectory(at: override.appendingPathComponent("nl"), withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE: TEXT}}\nEigen onderwerp {{case_title}}".write(
            to: override.appendingPathComponent("nl/case-subject.mustache"), atomically: true, encoding: .utf8)
        let templates = try MailTemplates(directories: [Self.shipped, override])
        #expect(
            try templates.render("case-subject", ["case_title": "X"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "Eigen onderwerp X")
    }

    @Test func markdownIsEscapedBeforeFormatting() {
        #expect(
            SimpleMarkdown.html("a <b>\n\n- **x**\n- y")
                == "<p>a &lt;b&gt;</p>\n<ul>\n<li><strong>x</strong></li>\n<li>y</li>\n</ul>")
    }
}

@Suite struct SimpleMarkdownTests {
    @Test func paragraphLinesJoinAndListItemsContinue() {
        let html = SimpleMarkdown.html("Een zin\ndie doorloopt.\n\n- punt een\n  gaat verder\n- punt twee")
        #expect(html == "<p>Een zin\ndie doorloopt.</p>\n<ul>\n<li>punt een gaat verder</li>\n<li>punt twee</li>\n</ul>")
    }
}

@Suite struct VerdictDigestTests {
    @Test func theDigestListsThirtyPointsOfOneOrTwoResidentsAndPointsToTheCSVForTheRest() throws {
        // Given 35 points that one resident each made
        let composerTests = MessageComposerTests()
        var context = composerTests.context(.verdict)
        let points = (1...35).map { id in
            KeyPoint(id: id, sentence: "Punt nummer \(id).", stance: .oppose, residents: 1, arguments: [id], quotes: [])
        }
        context.round.argumentation = try String(
            decoding: JSONEncoder().encode(
                Argumentation(
                    report: KeyPointReport(keyPoints: points, residents: 35), contestedPoints: [],
                    rows: (1...35).map { .init(number: $0, text: "Punt nummer \($0).") })), as: UTF8.self)
        // When the digest is composed
        let message = try composerTests.composer().compose(context)
        // Then thirty are listed, and the rest are counted and found in the key point CSV
        #expect(message.text.contains("- K30. Punt nummer 30."))
        #expect(!message.text.contains("K31."))
        #expect(message.text.contains("- en 5 meer: alle kernpunten staan in de bijlage kernpunten-zaak-3.csv."))
        let csv = try #require(message.attachments.first { $0.filename == "kernpunten-zaak-3.csv" })
        #expect(String(decoding: csv.data, as: UTF8.self).contains("K35,\"Punt nummer 35.\""))
    }

    @Test func theVerdictCarriesKeyPointsLearningPromptsAndACSVWithoutAnyAuthorOrVote() throws {
        // Given a closed round whose argumentation was fixed at the deadline
        let composerTests = MessageComposerTests()
        var context = composerTests.context(.verdict)
        let neighbours = KeyPoint(
            id: 1, sentence: "De buren helpen haar elke dag.", stance: .oppose, residents: 11,
            split: VoteSplit(support: 5, oppose: 6, noVote: 0), arguments: [4, 5],
            quotes: [KeyPointQuote(number: 5, text: "Haar vangnet valt weg.")])
        let money = KeyPoint(
            id: 2, sentence: "Een traplift is duur.", stance: .support, residents: 4, split: nil, arguments: [1], quotes: [])
        let once = KeyPoint(
            id: 3, sentence: "Een tweedehands traplift is goedkoper.", stance: .middle, residents: 1, split: nil, arguments: [9],
            quotes: [])
        let report = KeyPointReport(
            keyPoints: [neighbours, money, once],
            missingInformation: [KeyPointRemark(sentence: "Hoe steil is de trap?", residents: 2, arguments: [8, 9])],
            tone: [
                KeyPointRemark(
                    sentence: "Het klinkt als een verwijt.", residents: 1, arguments: [6], about: "U had het kunnen voorzien.")
            ],
            questions: [KeyPointQuote(number: 8, text: "Waarom geen proefperiode?")],
            readings: [
                ArgumentReading(number: 1, keyPoints: [2], stance: .support, signals: []),
                ArgumentReading(number: 4, keyPoints: [1], stance: .oppose, signals: [.missingInformation, .tone]),
            ], residents: 9)
        context.round.argumentation = try String(
            decoding: JSONEncoder().encode(
                Argumentation(
                    report: report, contestedPoints: [.init(point: "Verhuizen is goedkoper", mentions: 3)],
                    rows: [.init(number: 1, text: "=1+1 \"duur\""), .init(number: 4, text: "De buren helpen haar elke dag.")])),
            as: UTF8.self)
        // When the digest is composed
        let message = try composerTests.composer().compose(context)
        // Then it states the key points as sentences by stance, with residents, split only when every count is ≥ 5
        #expect(
            message.text.contains(
                "TEGEN UW BESLUIT\nK1. De buren helpen haar elke dag.\n    11 panelleden (5 steunen het besluit, 6 steunen het niet) - #4, #5\n    \"Haar vangnet valt weg.\" (#5)"
            ), "\(message.text)")
        #expect(message.text.contains("VOOR UW BESLUIT\nK2. Een traplift is duur.\n    4 panelleden - #1"))
        #expect(
            message.text.contains(
                "OOK GENOEMD (door één of twee panelleden)\n- K3. Een tweedehands traplift is goedkoper. (middenweg; #9)"))
        #expect(message.text.contains("- Hoe steil is de trap? (2 panelleden; #8, #9)"))
        #expect(message.text.contains("    Over uw zin: \"U had het kunnen voorzien.\""))
        #expect(message.text.contains("- Waarom geen proefperiode? (#8)"))
        #expect(message.text.contains("\"Verhuizen is goedkoper\" (3 bijdragen tegen het besluit"))
        // And nothing names an author: no pseudonym anywhere the municipality reads
        #expect(!message.text.contains("Deelnemer") && message.html?.contains("Deelnemer") != true)
        // And every argument is in a CSV attachment with its key points, safe to open in a spreadsheet
        let csv = try #require(message.attachments.first)
        #expect(csv.filename == "argumenten-zaak-3.csv")
        let text = String(decoding: csv.data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("nummer,kernpunten,strekking,signalen,tekst\r\n"))
        #expect(text.contains("1,\"K2\",\"steunt besluit\",\"\",\"'=1+1 \"\"duur\"\"\"\r\n"))
        #expect(text.contains("4,\"K1\",\"steunt besluit niet\",\"ontbrekende informatie;toon\",\"De buren"))
        #expect(!text.contains("Deelnemer"))
        // And every key point is in a second CSV the first one's ids refer to, with counts by vote only when allowed
        let points = try #require(message.attachments.first { $0.filename == "kernpunten-zaak-3.csv" })
        let pointsText = String(decoding: points.data.dropFirst(3), as: UTF8.self)
        #expect(
            pointsText.hasPrefix(
                "kernpunt,zin,strekking,panelleden,steunen_besluit,steunen_besluit_niet,stemden_niet,bijdragen\r\n"))
        #expect(pointsText.contains("K1,\"De buren helpen haar elke dag.\",\"tegen het besluit\",11,5,6,0,\"#4 #5\"\r\n"))
        #expect(pointsText.contains("K2,\"Een traplift is duur.\",\"voor het besluit\",4,,,,\"#1\"\r\n"))
        #expect(String(decoding: message.rendered(), as: UTF8.self).contains("Content-Disposition: attachment"))
        // As text/csv in UTF-8, not application/octet-stream
        let rendered = String(decoding: message.rendered(), as: UTF8.self)
        #expect(rendered.contains("Content-Type: text/csv; charset=utf-8; name=\"argumenten-zaak-3.csv\"\r\n"))
        #expect(!rendered.contains("application/octet-stream"))
    }

    @Test func aQuestionPutToTheMunicipalityDuringTheRoundIsNotListedTwiceInTheVerdict() throws {
        // Given a round where one question inside an argument was offered to the municipality while it ran
        let composerTests = MessageComposerTests()
        var context = composerTests.context(.verdict)
        context.questions = [
            QuestionView(
                id: 1, number: 1, text: "En waarom geen proefperiode?", askCount: 1, answer: nil, answerStatus: nil,
                askedAt: Date(timeIntervalSince1970: 1_800_000_000), answeredAt: nil)
        ]
        let report = KeyPointReport(
            keyPoints: [], missingInformation: [], tone: [],
            questions: [
                KeyPointQuote(number: 8, text: "Waarom geen proefperiode?"),
                KeyPointQuote(number: 9, text: "Heeft zij een second opinion gevraagd?"),
            ],
            readings: [], residents: 2)
        context.round.argumentation = try String(
            decoding: JSONEncoder().encode(
                Argumentation(report: report, contestedPoints: [], rows: [.init(number: 8, text: "Waarom geen proefperiode?")])),
            as: UTF8.self)

        // When the digest is composed
        let message = try composerTests.composer().compose(context)

        // Then that question stands once, as the panel's question, and the other one among the arguments' questions
        #expect(message.text.contains("Vraag 1: En waarom geen proefperiode?"), "\(message.text)")
        #expect(!message.text.contains("- Waarom geen proefperiode? (#8)"))
        #expect(message.text.contains("- Heeft zij een second opinion gevraagd? (#9)"))
    }
}

extension MessageComposerTests {
    @Test func bulkMailNamesItsListAndEveryMailAResidentMayAnswerHasAReplyTo() throws {
        for kind in MailKind.allCases {
            let raw = String(decoding: try composer().compose(context(kind)).rendered(), as: UTF8.self)
                .replacingOccurrences(of: "\r\n ", with: " ")
            // Bulk kinds carry List-Id and Feedback-ID, nothing else does
            if MessageComposer.bulk.contains(kind) {
                #expect(raw.contains("List-Id: \"Burgerpanel Gemeente Utrecht\" <utrecht.panel.tweedemening.example>\r\n"))
                #expect(raw.contains("Feedback-ID: \(kind.rawValue):utrecht:c3:tweedemening\r\n"))
            } else {
                #expect(!raw.contains("List-Id:") && !raw.contains("Feedback-ID:"), "\(kind.rawValue)")
            }
        }
        // The outcome and the follow-up can be answered: the signed reply address, not the sender's panel@
        for kind in [MailKind.outcome, .followUp] {
            #expect(try composer().compose(context(kind)).replyTo?.address.hasPrefix("reply+k1.") == true, "\(kind)")
        }
        // The case approval goes to the municipality; its answer reaches the moderator
        var settings = try composer().settings
        settings.moderatorAddress = "moderator@tweedemening.example"
        let approvalComposer = MessageComposer(
            templates: try MailTemplates(directories: [Self.shipped]), signer: signer, settings: settings)
        let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!
        let approval = IntakeMailContext(
            message: OutboxMessage(
                id: 5, kind: .caseApproved, roundId: nil, panelistId: nil, municipalityId: "utrecht", recipientKey: "mutrecht",
                toAddress: "wmo@utrecht.example", messageId: "x@tweedemening.example", state: .pending, createdAt: start,
                attempts: 0),
            panelCase: context(.vote).panelCase,
            municipality: Municipality(id: "utrecht", name: "Gemeente Utrecht", email: "wmo@utrecht.example", createdAt: start))
        #expect(try approvalComposer.compose(approval).replyTo?.address == "moderator@tweedemening.example")
        // Answers to the mail that says "stuur VERWIJDER MIJ" go to the join address, which the mailroom reads
        settings.joinAddress = "aanmelden@reply.tweedemening.example"
        let joinComposer = MessageComposer(
            templates: try MailTemplates(directories: [Self.shipped]), signer: signer, settings: settings)
        var paused = approval
        paused.message.kind = .paused
        paused.panelist = context(.vote).panelist
        #expect(try joinComposer.compose(paused).replyTo?.address == "aanmelden@reply.tweedemening.example")
    }
}
