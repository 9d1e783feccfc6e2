import Foundation
import Logging
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Size and count limits on what one panelist can publish (issue #17, finding 6), and one moderation mail for a
/// burst of held arguments (finding 7).
@Suite struct MailroomLimitsTests {
    let fixture = MailroomBounceTests()

    func reply(to: String, body: String, id: String) -> [UInt8] {
        MailroomBounceTests.reply(from: "anna@example.nl", to: to, body: body, id: id)
    }

    func annasAddress(_ messages: [OutboxMessage]) throws -> String {
        try fixture.replyAddress(of: "anna@example.nl", in: messages)
    }

    @Test func aHugeReplyIsCutAndHeldQuickly() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let address = try annasAddress(messages)
        // A 2 MB reply: words, so trimming and scanning do real work
        let huge = String(repeating: "De buren kunnen helpen met boodschappen en de was. ", count: 40_000)
        let started = ContinuousClock.now
        let (result, _) = try fixture.deliver(
            mailroom, reply(to: address, body: huge, id: "huge"), to: address, at: fixture.start.addingTimeInterval(600))
        let elapsed = ContinuousClock.now - started
        #expect(result == .filed(.held))
        let argument = try #require(try mailroom.database.argument(1))
        #expect(argument.text.count <= MessageComposer.argumentCharacters + 4)
        #expect(argument.text.hasSuffix(" […]"))
        #expect(argument.flags.contains(.tooLong))
        // Not a timing test (those are benchmarks): a guard against reading all 2 MB quadratically.
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func afterSixArgumentsInADayTheRestAreHeldAndTheModeratorGetsOneMail() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (plain, messages) = try fixture.published()
        let mailroom = Mailroom(
            database: plain.database, spool: plain.spool, signer: plain.signer, messageDomain: plain.messageDomain,
            moderatorAddress: "moderator@t.example", logger: Logger(label: "test"))
        let address = try annasAddress(messages)
        var results: [MailroomResult] = []
        for n in 1...9 {
            let (result, _) = try fixture.deliver(
                mailroom, reply(to: address, body: "Argument nummer \(n): de buren helpen.", id: "burst\(n)"), to: address,
                at: fixture.start.addingTimeInterval(600 + Double(n)))
            results.append(result)
        }
        #expect(results.prefix(AppDatabase.argumentsPerDay).allSatisfy { $0 == .filed(.argument) })
        #expect(results.dropFirst(AppDatabase.argumentsPerDay).allSatisfy { $0 == .filed(.held) })
        let moderation = try mailroom.database.messages(roundId: messages[0].roundId).filter { $0.kind == .moderation }
        #expect(moderation.count == 1)
        // The next day the panelist may publish again
        let (nextDay, _) = try fixture.deliver(
            mailroom, reply(to: address, body: "Een nieuwe dag, een nieuw argument.", id: "day2"), to: address,
            at: fixture.start.addingTimeInterval(600 + 86_400 + 60))
        #expect(nextDay == .filed(.argument))
    }

    @Test func twelveRequestsForMyDataAreOneMailAndAutomaticAnswersAreCappedPerDay() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let address = try annasAddress(messages)
        for n in 1...12 {
            _ = try fixture.deliver(
                mailroom, reply(to: address, body: "MIJN GEGEVENS", id: "data\(n)"), to: address,
                at: fixture.start.addingTimeInterval(600 + Double(n)))
        }
        for n in 1...12 {
            _ = try fixture.deliver(
                mailroom, reply(to: address, body: "Argument \(n) over de buren.", id: "arg\(n)"), to: address,
                at: fixture.start.addingTimeInterval(700 + Double(n)))
        }
        let toAnna = try mailroom.database.messages().filter { $0.toAddress == "anna@example.nl" }
        #expect(toAnna.filter { $0.kind == .myData }.count == 1)
        #expect(toAnna.filter(\.kind.isAutomaticAnswer).count <= AppDatabase.automaticAnswersPerDay)
    }
}
