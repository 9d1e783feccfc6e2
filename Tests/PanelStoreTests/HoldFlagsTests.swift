import GRDB
import Testing

@testable import PanelStore

/// Hold flags are typed everywhere and stored as the comma-separated text every existing row already has.
@Suite struct HoldFlagsTests {
    @Test func readsWhatEarlierVersionsStoredAndWritesItBackUnchanged() {
        let stored = "link,personal-data,question,some-future-flag"
        let flags = HoldFlags(stored: stored)
        #expect(flags.flags == [.reason(.link), .reason(.personalData), .question, .unknown("some-future-flag")])
        #expect(flags.stored == stored)
        #expect(flags.contains(.link) && !flags.contains(.tooMany))
        #expect(
            flags.explained == [
                HoldReason.link.description, HoldReason.personalData.description, "door de moderator een vraag gemaakt",
                "some-future-flag",
            ])
        #expect(HoldFlags(stored: "").isEmpty)
    }

    @Test func aFlagIsNeverStoredTwice() {
        var flags: HoldFlags = [.link]
        flags.insert(.link)
        flags.insert(.question)
        flags.insert(.question)
        #expect(flags.stored == "link,question")
    }

    @Test func survivesTheDatabase() throws {
        let queue = try DatabaseQueue()
        let flags: HoldFlags = [.otherSender, .authenticationFailed]
        let back = try queue.read { db in try HoldFlags.fetchOne(db, sql: "SELECT ?", arguments: [flags]) }
        #expect(back == flags)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT ?", arguments: [flags]) } == "other-sender,auth-fail")
    }
}
