import Foundation
import GRDB
import PanelCore
import Testing

@testable import PanelStore

@Suite struct AppDatabaseTests {
    @Test func importIsAllOrNothingAndUpdatesKnownPanelists() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        // When the same addresses come again with a new one
        let result = try fixture.database.importPanel(
            municipalityId: "utrecht",
            rows: [PanelistRow(email: "p1@example.nl", name: "Nieuwe naam"), PanelistRow(email: "p9@example.nl")])
        // Then one is updated and one added
        #expect(result.added == 1 && result.updated == 1)
        let panel = try fixture.database.panelists(municipalityId: "utrecht")
        #expect(panel.count == 3)
        #expect(panel.first { $0.email == "p1@example.nl" }?.name == "Nieuwe naam")
        // And an import into an unknown municipality stores nothing
        #expect(throws: StoreError.unknownMunicipality("delft")) {
            try fixture.database.importPanel(municipalityId: "delft", rows: [PanelistRow(email: "x@example.nl")])
        }
    }

    @Test func eachStepIsIdempotentAndWritesOneMessagePerRecipient() throws {
        let fixture = try StoreFixture(panelSize: 5)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        let id = round.id!
        // When publish runs twice
        #expect(try fixture.database.take(.publish, roundId: id, now: fixture.start, messageDomain: "t.example") == 5)
        #expect(try fixture.database.take(.publish, roundId: id, now: fixture.start, messageDomain: "t.example") == 0)
        // Then there are five case messages, each with its own deterministic Message-ID
        let messages = try fixture.database.messages(roundId: id)
        #expect(messages.count == 5)
        #expect(Set(messages.map(\.messageId)).count == 5)
        #expect(messages.allSatisfy { $0.kind == .caseMail && $0.state == .pending })
        let salt = try #require(
            try fixture.database.reader.read { try Data.fetchOne($0, sql: "SELECT messageIdSalt FROM installation") })
        #expect(
            messages[0].messageId
                == MessageID.make(salt: [UInt8](salt), key: "case.r\(id).p\(messages[0].panelistId!)", domain: "t.example"))
        #expect(try fixture.database.round(id)?.state == .discussion)
    }

    @Test func anotherInstallationGivesTheSameStepOtherMessageIDs() throws {
        // Given two databases with the same panel and round (a rebuilt database, a second instance)
        let first = try StoreFixture(panelSize: 3)
        defer { first.remove() }
        let second = try StoreFixture(panelSize: 3)
        defer { second.remove() }
        var ids: [Set<String>] = []
        for fixture in [first, second] {
            let round = try fixture.approvedRound()
            // When each publishes
            _ = try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
            ids.append(Set(try fixture.database.messages(roundId: round.id!).map(\.messageId)))
        }
        // Then no Message-ID repeats, and none shows the round or panelist number
        #expect(ids[0].count == 3 && ids[1].count == 3 && ids[0].isDisjoint(with: ids[1]))
        #expect(ids[0].union(ids[1]).allSatisfy { !$0.contains(".r") && !$0.hasPrefix("case") })
    }

    @Test func votesCountOnceAndOnlyWhileVotingIsOpen() throws {
        let fixture = try StoreFixture(panelSize: 4)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        let id = round.id!
        let panel = try fixture.database.panelists(municipalityId: "utrecht").map { $0.id! }
        try fixture.database.take(.publish, roundId: id, now: fixture.start, messageDomain: "t.example")
        // Before voting opens nothing is recorded
        #expect(throws: StoreError.votingNotOpen) {
            try fixture.database.castVote(roundId: id, panelistId: panel[0], choice: .support, now: fixture.start)
        }
        try fixture.database.take(.openVoting, roundId: id, now: round.voteAt, messageDomain: "t.example")
        // A changed vote counts once, as the last choice
        try fixture.database.castVote(roundId: id, panelistId: panel[0], choice: .support, now: round.voteAt)
        let changed = try fixture.database.castVote(roundId: id, panelistId: panel[0], choice: .oppose, now: round.voteAt)
        #expect(changed.changes == 1)
        try fixture.database.castVote(roundId: id, panelistId: panel[1], choice: .support, now: round.voteAt)
        #expect(try fixture.database.tally(roundId: id) == Tally(support: 1, oppose: 1, panelSize: 4))
        // The reminder goes only to the two who did not vote
        #expect(try fixture.database.take(.remindVoters, roundId: id, now: round.voteReminderAt, messageDomain: "t.example") == 2)
        // After the deadline nothing is recorded
        #expect(throws: StoreError.votingClosed) {
            try fixture.database.castVote(roundId: id, panelistId: panel[2], choice: .support, now: round.deadline)
        }
        // Closing stores the tally and mails the municipality plus every member
        #expect(try fixture.database.take(.close, roundId: id, now: round.deadline, messageDomain: "t.example") == 5)
        let closed = try #require(try fixture.database.round(id))
        #expect(
            closed.state == .closed && closed.verdict == .noQuorum && closed.tally == Tally(support: 1, oppose: 1, panelSize: 4))
        #expect(throws: StoreError.votingClosed) {
            try fixture.database.castVote(roundId: id, panelistId: panel[0], choice: .support, now: round.voteAt)
        }
    }

    @Test func someoneOutsideThePanelCannotVote() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        // A panelist who joins after publication is not on this round's panel
        _ = try fixture.database.importPanel(municipalityId: "utrecht", rows: [PanelistRow(email: "late@example.nl")])
        let late = try #require(try fixture.database.panelists(municipalityId: "utrecht").first { $0.email == "late@example.nl" })
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        #expect(throws: StoreError.notInPanel) {
            try fixture.database.castVote(roundId: round.id!, panelistId: late.id!, choice: .support, now: round.voteAt)
        }
        #expect(try fixture.database.messages(roundId: round.id!).filter { $0.kind == .vote }.count == 2)
    }

    @Test func publishingToAnEmptyPanelIsRefusedAndChangesNothing() throws {
        let fixture = try StoreFixture(panelSize: 0)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        #expect(throws: StoreError.emptyPanel("utrecht")) {
            try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        }
        #expect(try fixture.database.round(round.id!)?.state == .scheduled)
        #expect(try fixture.database.messages().isEmpty)
    }

    @Test func theStoreRefusesACaseWithBlockingFindingsUnlessOverridden() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        // Given a case the check finds blocking problems in (the fixture's sections are one word each)
        let caseId = try fixture.database.submitCase(
            municipalityId: "utrecht", file: try CaseFile.parse(CaseFixture.text), source: CaseFixture.text, now: fixture.start)
        let check = CaseCheck.check(CaseFixture.text)
        #expect(check.hasBlocking)
        let timeline = try Timeline.make(publishAt: fixture.start)

        // When anyone approves it without the override (a command, a link, a future caller)
        #expect(throws: StoreError.blockingFindings(caseId, check)) {
            try fixture.database.approveCase(caseId, CaseApproval(timeline: timeline))
        }
        // Then nothing is approved and nothing is logged as approved
        #expect(try fixture.database.caseOverview(caseId).round == nil)
        #expect(!(try fixture.database.auditEntries().contains { $0.action == "case.approve" }))

        // When the moderator overrides, it is approved and the log says it was an override
        _ = try fixture.database.approveCase(caseId, CaseApproval(timeline: timeline, override: true))
        #expect(try fixture.database.caseOverview(caseId).round != nil)
        let approval = try #require(try fixture.database.auditEntries().first { $0.action == "case.approve" })
        #expect(approval.detail.contains("override"))
    }

    @Test func unsubscribedPanelistsGetNoFurtherMail() throws {
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        let first = try fixture.database.panelists(municipalityId: "utrecht")[0]
        try fixture.database.markQueued(try fixture.database.messages().map { $0.id! }, now: fixture.start)
        try fixture.database.unsubscribe(panelistId: first.id!)
        // The case mail not yet delivered to them is given up, with the reason; the others' stays queued
        let byPanelist = Dictionary(grouping: try fixture.database.messages(), by: { $0.panelistId })
        #expect(byPanelist[first.id!]?.map(\.state) == [.failed])
        #expect(byPanelist[first.id!]?.first?.lastError == "not sent: the panelist unsubscribed")
        #expect(byPanelist.filter { $0.key != first.id! }.values.joined().allSatisfy { $0.state == .queued })
        // …and no new mail is written for them
        #expect(try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example") == 2)
    }

    @Test func theSchemaEnforcesOneMessagePerPurposeRoundAndRecipient() throws {
        let fixture = try StoreFixture(panelSize: 1)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        var duplicate = try #require(try fixture.database.messages().first)
        duplicate.id = nil
        duplicate.messageId = "other@t.example"
        #expect(throws: DatabaseError.self) { try fixture.database.writer.write { db in try duplicate.insert(db) } }
    }
}

@Suite struct ArgumentationTests {
    @Test func closingARoundFixesItsArgumentation() throws {
        let fixture = try StoreFixture(panelSize: 8)
        defer { fixture.remove() }
        let (round, panel) = try fixture.publishedRound()
        let id = round.id!
        let texts = [
            "Verhuizen is de goedkoopst adequate oplossing, de kosten van een traplift zijn te hoog.",
            "De kosten tellen: een traplift is duur en de goedkoopst adequate regel is duidelijk.",
            "Een gelijkvloerse woning is veiliger voor haar dan een traplift in een steil huis.",
            "Ze woont al 52 jaar in dit huis, de buren helpen haar elke dag; weg uit de vertrouwde buurt is wreed.",
            "De buren en de vertrouwde buurt zijn haar vangnet, dat raakt ze kwijt bij een verhuizing.",
            "Op 90 jaar verhuizen is te zwaar, de leeftijd moet zwaarder wegen.",
            "De brief was kil en de toon onvriendelijk, dat maakt het besluit nog harder.",
            "Het is niet duidelijk hoe steil de trap is, die informatie ontbreekt in de casus.",
        ]
        for (index, text) in texts.enumerated() {
            try fixture.database.fileReply(
                ReplyFiling(
                    spoolName: "m\(index)", raw: Data(), messageId: "m\(index)@x", fromAddress: nil, roundId: id,
                    panelistId: panel[index],
                    text: text, parentNumber: nil, flags: [], attachmentCount: 0),
                now: fixture.start, messageDomain: "t.example", moderatorAddress: nil)
        }
        try fixture.database.take(.openVoting, roundId: id, now: round.voteAt, messageDomain: "t.example")
        for index in 0..<8 {
            try fixture.database.castVote(
                roundId: id, panelistId: panel[index], choice: index < 3 ? .support : .oppose, now: round.voteAt)
        }
        try fixture.database.take(.close, roundId: id, now: round.deadline, messageDomain: "t.example")
        let closed = try #require(try fixture.database.round(id))
        let argumentation = try #require(Argumentation.decode(closed.argumentation))
        #expect(argumentation.rows.count == 8)
        #expect(!argumentation.keyPoints.isEmpty)
        #expect(argumentation.keyPoints.allSatisfy { $0.sentence.hasSuffix(".") && !$0.arguments.isEmpty })
        #expect(argumentation.report.missingInformation.map(\.arguments) == [[8]])
        #expect(argumentation.report.tone.map(\.arguments) == [[7]])
        // Nothing in the snapshot ties an argument to its author or the author's vote
        let json = try #require(closed.argumentation)
        #expect(!json.contains("pseudonym") && !json.contains("panelist") && !json.contains("\"choice\""))
        // Deterministic: the same arguments give the same snapshot
        let again = try fixture.database.reader.read { db in
            try AppDatabase.argumentation(db, round: closed, panelCase: try PanelCase.fetchOne(db, key: closed.caseId)!)
        }
        #expect(again == argumentation)
    }

    @Test func aQuestionInsideAnArgumentIsOfferedToTheMunicipalityAtOnce() throws {
        // Given a published round
        let fixture = try StoreFixture(panelSize: 4)
        defer { fixture.remove() }
        let (round, panel) = try fixture.publishedRound()
        let id = round.id!
        func file(_ index: Int, _ text: String, flags: HoldFlags = []) throws {
            try fixture.database.fileReply(
                ReplyFiling(
                    spoolName: "q\(index)", raw: Data(), messageId: "q\(index)@x", fromAddress: nil, roundId: id,
                    panelistId: panel[index], text: text, parentNumber: nil, flags: flags, attachmentCount: 0),
                now: fixture.start, messageDomain: "t.example", moderatorAddress: nil)
        }
        // When two panelists ask the same factual question inside their arguments, and one asks a rhetorical one
        try file(
            0, "Ik steun het besluit niet. Heeft de gemeente gekeken of een traplift in dit huis past? De buren helpen haar.")
        try file(1, "Verhuizen is zwaar. Heeft de gemeente wel gekeken of die traplift in het huis past?")
        try file(2, "Sparen? Waarvan? Ze heeft niks.")
        // And one asks inside an argument held for the moderator
        try file(3, "Is er met haar huisarts gesproken over haar gezondheid?", flags: [.personalData])
        // Then the municipality has one question, asked by two, and the arguments stay arguments
        let questions = try fixture.database.questions(roundId: id)
        #expect(questions.map(\.text) == ["Heeft de gemeente gekeken of een traplift in dit huis past?"])
        #expect(questions.first?.askCount == 2)
        let published = try fixture.database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM argument WHERE roundId = ? AND status = 'published'", arguments: [id])
        }
        #expect(published == 3)
    }
}

@Suite struct WeightingTests {
    @Test func theVerdictIsAlsoWeightedToThePopulation() throws {
        // Given a panel where the old are over-represented among voters, and they oppose
        let fixture = try StoreFixture(panelSize: 0)
        defer { fixture.remove() }
        let rows = (0..<10).map { PanelistRow(email: "p\($0)@example.nl", ageBand: $0 < 8 ? "75+" : "18-34") }
        _ = try fixture.database.importPanel(municipalityId: "utrecht", rows: rows)
        try fixture.database.setMargins(
            municipalityId: "utrecht",
            margins: [
                Margin(variable: "age_band", category: "75+", share: 0.5),
                Margin(variable: "age_band", category: "18-34", share: 0.5),
            ])
        let round = try fixture.approvedRound()
        let id = round.id!
        try fixture.database.take(.publish, roundId: id, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: id, now: round.voteAt, messageDomain: "t.example")
        for (index, panelist) in try fixture.database.panelists(municipalityId: "utrecht").enumerated() {
            try fixture.database.castVote(
                roundId: id, panelistId: panelist.id!, choice: index < 8 ? .oppose : .support, now: round.voteAt)
        }
        // When the round closes
        try fixture.database.take(.close, roundId: id, now: round.deadline, messageDomain: "t.example")
        // Then unweighted 20% support becomes 50% weighted, with a smaller effective sample
        let closed = try #require(try fixture.database.round(id))
        #expect(closed.tally?.supportPercent == 20)
        #expect(abs((closed.weightedSupport ?? 0) - 0.5) < 1e-6)
        #expect((closed.effectiveVotes ?? 10) < 10)
        #expect((closed.weightedLower ?? 1) < 0.5 && (closed.weightedUpper ?? 0) > 0.5)
    }
}

/// Several cases of one municipality at once: at most one case mail per panelist per day, a panelist in
/// at most a few open rounds, and a fair draw when a case needs only part of the panel.
@Suite struct PanelLoadTests {
    func submitAndApprove(_ fixture: StoreFixture, target: Int? = nil, publishAt: Date) throws -> Round {
        let file = try CaseFile.parse(CaseFixture.text)
        let caseId = try fixture.database.submitCase(municipalityId: "utrecht", file: file, source: CaseFixture.text)
        return try fixture.database.approveCase(
            caseId, CaseApproval(timeline: try Timeline.make(publishAt: publishAt), panelTarget: target, override: true))
    }

    @Test func aSecondCaseMailTheSameDayWaitsForTheNextDay() throws {
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let first = try submitAndApprove(fixture, publishAt: fixture.start)
        let second = try submitAndApprove(fixture, publishAt: fixture.start)
        try fixture.database.take(.publish, roundId: first.id!, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(
            .publish, roundId: second.id!, now: fixture.start.addingTimeInterval(3_600), messageDomain: "t.example")
        try fixture.database.markQueued(
            try fixture.database.messages().map { $0.id! }, now: fixture.start.addingTimeInterval(3_600))
        // 09:00 and 10:00 on 1 December: the second round's case mail waits until 2 December
        let due = try fixture.database.deliverableMessages(now: fixture.start.addingTimeInterval(7_200), limit: 100)
        #expect(due.count == 3 && due.allSatisfy { $0.roundId == first.id })
        let nextDay = ISOTime.parse("2026-12-02T00:00:00+01:00")!
        let later = try fixture.database.deliverableMessages(now: nextDay, limit: 100)
        #expect(later.count == 6)
    }

    @Test func aPanelistIsInAtMostMaxOpenRounds() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let plan = DiscussionPlan(maxOpenRounds: 2)
        var sizes: [Int] = []
        for _ in 0..<3 {
            let round = try submitAndApprove(fixture, publishAt: fixture.start)
            do {
                try fixture.database.take(
                    .publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example", plan: plan)
                sizes.append(try #require(try fixture.database.round(round.id!)?.panelSize))
            } catch StoreError.emptyPanel {
                sizes.append(0)
            }
        }
        #expect(sizes == [2, 2, 0])
    }

    @Test func aSubsetIsDrawnFromWhoServedLeast() throws {
        let fixture = try StoreFixture(panelSize: 10)
        defer { fixture.remove() }
        let plan = DiscussionPlan(maxOpenRounds: 0)
        var served: [Int64: Int] = [:]
        var draws: [[Int64]] = []
        for _ in 0..<5 {
            let round = try submitAndApprove(fixture, target: 4, publishAt: fixture.start)
            try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example", plan: plan)
            let members = try fixture.database.writer.read { db in
                try Int64.fetchAll(db, sql: "SELECT panelistId FROM roundMember WHERE roundId = ?", arguments: [round.id])
            }
            #expect(members.count == 4)
            draws.append(members.sorted())
            for member in members { served[member, default: 0] += 1 }
        }
        // 20 places over 10 panelists: everyone serves exactly twice
        #expect(served.count == 10 && served.values.allSatisfy { $0 == 2 })
        #expect(Set(draws).count > 1)
    }
}

/// A database made by the previous release keeps every row through the new migrations.
@Suite struct MigrationTests {
    @Test func v9KeepsTheOutboxAndMakesEveryCaseVersionOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        // Given a database at v8 with a published round and its mail
        let queue = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(queue, upTo: "v8: population margins and the weighted verdict")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO municipality (id, name, email, createdAt) VALUES ('ede', 'Gemeente Ede', 'wmo@ede.example', '2026-01-01 00:00:00.000');
                    INSERT INTO panelist (id, municipalityId, email, status, createdAt, updatedAt)
                      VALUES (7, 'ede', 'p@example.nl', 'active', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
                    INSERT INTO panelCase (id, municipalityId, title, domain, consentReference, decision, municipalityView,
                      applicantView, framework, question, source, status, createdAt)
                      VALUES (3, 'ede', 'Traplift', 'Wmo', 'EDE-1', 'a', 'b', 'c', 'd', 'e?', 'bron', 'approved', '2026-01-01 00:00:00.000');
                    INSERT INTO round (id, caseId, state, publishAt, voteAt, voteReminderAt, deadline)
                      VALUES (5, 3, 'discussion', '2026-01-01 00:00:00.000', '2026-01-10 00:00:00.000', '2026-01-12 00:00:00.000', '2026-01-14 00:00:00.000');
                    INSERT INTO roundMember (roundId, panelistId) VALUES (5, 7);
                    INSERT INTO outbox (id, kind, roundId, panelistId, recipientKey, sequence, toAddress, messageId, state, createdAt, attempts)
                      VALUES (11, 'case', 5, 7, 'p7', 0, 'p@example.nl', 'case.r5.p7@t.example', 'sent', '2026-01-01 00:00:00.000', 1);
                    """)
        }
        try queue.close()
        // When the new release opens it
        let database = try AppDatabase.open(path: path)
        // Then the mail is still there, now linked to its case, and the case has version 1
        let message = try #require(try database.outboxMessage(11))
        #expect(message.roundId == 5 && message.caseId == 3 && message.state == .sent)
        #expect(try database.caseVersions(3).map(\.version) == [1])
        #expect(try database.caseVersions(3).first?.source == "bron")
        #expect(try database.caseOverview(3).panelCase.version == 1)
        // And the unique key still holds for round mail
        var duplicate = message
        duplicate.id = nil
        duplicate.messageId = "other@t.example"
        #expect(throws: DatabaseError.self) { try database.writer.write { db in try duplicate.insert(db) } }
    }
}

/// What a panelist can ask by mail, and what erasure and retention leave behind.
@Suite struct PrivacyTests {
    @Test(arguments: [
        ("MIJN GEGEVENS", "", PanelistRequest.myData), ("Re: mijn gegevens", "", .myData), ("", "Verwijder mij!\n> oud", .erase),
        ("AFMELDEN", "", .unsubscribe), ("Re: zaak 3", "pauze", .pause(weeks: 4)), ("PAUZE 8 weken", "", .pause(weeks: 8)),
    ])
    func commandsAreRead(subject: String, reply: String, expected: PanelistRequest) {
        #expect(PanelistRequest.read(subject: subject, reply: reply) == expected)
    }

    @Test func argumentsThatMentionACommandAreNotCommands() {
        #expect(PanelistRequest.read(subject: "Re: zaak 3", reply: "Ik wil een pauze in de procedure voorstellen.") == nil)
        #expect(PanelistRequest.read(subject: "Re: Nieuwe casus", reply: "Mijn gegevens staan al bij de gemeente, dus...") == nil)
        #expect(PanelistRequest.read(subject: "PAUZE 99", reply: "") == nil)
    }

    @Test func erasureKeepsTheVoteCountedButNotThePerson() throws {
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        let panelist = try fixture.database.panelists(municipalityId: "utrecht")[0]
        _ = try fixture.database.castVote(roundId: round.id!, panelistId: panelist.id!, choice: .oppose, now: round.voteAt)
        _ = try fixture.database.erase(panelistId: panelist.id!, now: round.voteAt)
        let overview = try fixture.database.caseOverview(round.caseId)
        #expect(overview.votes?.oppose == 1)
        let erased = try #require(try fixture.database.panelist(panelist.id!))
        #expect(erased.email.hasSuffix("@verwijderd.invalid") && erased.name == nil && erased.erasedAt != nil)
        let file = try Data(contentsOf: fixture.folder.appendingPathComponent("test.sqlite"))
        #expect(file.range(of: Data(panelist.email.utf8)) == nil)
        #expect(try fixture.database.panelists(email: panelist.email).isEmpty)
    }

    @Test func retentionClearsRawMailOfOldClosedRoundsOnly() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        try fixture.database.take(.close, roundId: round.id!, now: round.deadline, messageDomain: "t.example")
        let mail = InboundMail(
            spoolName: "x.eml", receivedAt: round.deadline, messageId: "m@x", fromAddress: "p1@example.nl", roundId: round.id,
            panelistId: nil, disposition: .late, detail: nil, raw: Data("From: p1@example.nl\r\n\r\ntekst".utf8))
        _ = try fixture.database.recordInbound(mail, messageDomain: "t.example", now: round.deadline)
        #expect(try fixture.database.applyRetention(closedBefore: round.deadline, now: round.deadline) == 0)
        #expect(try fixture.database.applyRetention(closedBefore: round.deadline + 1, now: round.deadline + 1) == 1)
        let raw = try fixture.database.writer.read { db in try Data.fetchOne(db, sql: "SELECT raw FROM inbound") }
        #expect(raw?.isEmpty == true)
        #expect(
            try fixture.database.messages(roundId: round.id).filter { $0.state == .sent || $0.state == .failed }
                .allSatisfy { $0.toAddress.isEmpty })
        #expect(try fixture.database.applyRetention(closedBefore: round.deadline + 2, now: round.deadline + 2) == 0)
    }

    /// Finding 9 of the outside test: mail outside any round was kept for ever, junk at any size.
    @Test func retentionClearsMailOutsideRoundsByItsOwnDateAndJunkIsCapped() throws {
        let fixture = try StoreFixture(panelSize: 1)
        defer { fixture.remove() }
        let received = fixture.start
        let junk = InboundMail(
            spoolName: "junk.eml", receivedAt: received, messageId: "j@x", fromAddress: "spam@example.com", roundId: nil,
            panelistId: nil, disposition: .unknownRecipient, detail: nil, raw: Data(repeating: 65, count: 1_000_000))
        let request = InboundMail(
            spoolName: "req.eml", receivedAt: received, messageId: "r@x", fromAddress: "p1@example.nl", roundId: nil,
            panelistId: nil, disposition: .request, detail: nil, raw: Data("From: p1@example.nl\r\n\r\nMIJN GEGEVENS".utf8))
        _ = try fixture.database.recordInbound(junk, messageDomain: "t.example", now: received)
        _ = try fixture.database.recordInbound(request, messageDomain: "t.example", now: received)
        func raw(_ name: String) throws -> Data? {
            try fixture.database.writer.read { db in
                try Data.fetchOne(db, sql: "SELECT raw FROM inbound WHERE spoolName = ?", arguments: [name])
            }
        }
        #expect(try raw("junk.eml")?.count == 64 * 1024)
        // After 31 days the junk is gone, the request not yet (a year's retention)
        let month = received.addingTimeInterval(31 * 86_400)
        _ = try fixture.database.applyRetention(closedBefore: month.addingTimeInterval(-365 * 86_400), now: month)
        #expect(try raw("junk.eml")?.isEmpty == true)
        #expect(try raw("req.eml")?.isEmpty == false)
        // After the retention period the request goes too
        let year = received.addingTimeInterval(366 * 86_400)
        _ = try fixture.database.applyRetention(closedBefore: year.addingTimeInterval(-365 * 86_400), now: year)
        #expect(try raw("req.eml")?.isEmpty == true)
    }
}

/// The audit log: every moderator and municipality action, append-only, and any edit found by `verify`.
@Suite struct AuditTests {
    @Test func aRefusedActionLeavesNoEntry() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        let before = try fixture.database.auditEntries().count
        #expect(throws: StoreError.self) {
            try fixture.database.returnCase(round.caseId, reason: "te laat", now: fixture.start, messageDomain: "t")
        }
        #expect(try fixture.database.auditEntries().count == before)
    }

    @Test func theLogIsAppendOnlyAndTamperingIsFound() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        _ = try fixture.approvedRound()
        try fixture.database.audit(actor: "moderator", action: "keys.rotate", subject: "key k2")
        let entries = try fixture.database.auditEntries()
        #expect(entries.map(\.action) == ["municipality.add", "panel.import", "case.submit", "case.approve", "keys.rotate"])
        let intact = try fixture.database.verifyAudit()
        #expect(intact.firstBroken == nil && intact.entries == 5 && intact.head == entries.last?.hash)
        // SQLite refuses edits and deletions
        #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in try db.execute(sql: "UPDATE auditLog SET actor = 'x' WHERE id = 2") }
        }
        #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM auditLog WHERE id = 2") }
        }
        // Someone with the file drops the triggers and edits an entry: verify names it
        try fixture.database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_no_update; DROP TRIGGER auditLog_no_delete")
            try db.execute(sql: "UPDATE auditLog SET detail = 'consent NIETS' WHERE id = 3")
        }
        #expect(try fixture.database.verifyAudit().firstBroken?.id == 3)
        // or removes one: the next no longer follows
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE auditLog SET detail = ? WHERE id = 3", arguments: [entries[2].detail])
            try db.execute(sql: "DELETE FROM auditLog WHERE id = 4")
        }
        #expect(try fixture.database.verifyAudit().firstBroken?.id == 5)
    }
}

/// The moderator holds a case's mail (a mistake found late) and releases it.
@Suite struct HoldTests {
    @Test func heldMailIsNeitherRenderedNorSentUntilReleased() throws {
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        let ids = try fixture.database.pendingMessages(limit: 10).map { $0.id! }
        try fixture.database.markQueued([ids[0]], now: fixture.start)
        #expect(try fixture.database.hold(.caseId(round.caseId), now: fixture.start) == 3)
        #expect(try fixture.database.pendingMessages(limit: 10).isEmpty)
        #expect(try fixture.database.deliverableMessages(now: fixture.start + 60, limit: 10).isEmpty)
        #expect(try fixture.database.queueStatus().counts[.held] == 3)
        #expect(try fixture.database.release(.ids([ids[1]])) == 1)
        #expect(try fixture.database.pendingMessages(limit: 10).map { $0.id! } == [ids[1]])
        #expect(try fixture.database.release(.all) == 2)
        #expect(try fixture.database.hold(.all, now: fixture.start) == 3)
        // Sent mail cannot be held
        try fixture.database.release(.all)
        try fixture.database.markSent(ids[2], code: 250, now: fixture.start)
        #expect(try fixture.database.hold(.all, now: fixture.start) == 2)
    }
}

@Suite struct InboundDetailTests {
    @Test func theStructuredDetailsComeBackAsTheyWentAndFreeTextIsNoneOfThem() {
        for detail in [InboundDetail.attachments(3), .question(42)] {
            #expect(InboundDetail(detail.rawValue) == detail)
        }
        #expect(InboundDetail.question(42).rawValue == "question:42")  // what rows already stored hold
        #expect(InboundDetail.attachments(2).rawValue == "attachments:2")
        for text in [nil, "thanks", "vote-word:other-address", "question:", "attachments:x", "follow-up:link"] {
            #expect(InboundDetail(text) == nil, "\(text ?? "nil")")
        }
    }
}
