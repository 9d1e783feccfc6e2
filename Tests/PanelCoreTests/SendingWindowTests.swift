import Foundation
import Testing

@testable import PanelCore

@Suite struct SendingWindowTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    @Test func opensAtEightAmsterdamTimeInWinterAndSummer() throws {
        let window = try #require(SendingWindow.parse("08:00-20:00", timeZone: amsterdam))
        // Winter (UTC+1) and summer (UTC+2): the same local hours
        #expect(!window.contains(ISOTime.parse("2026-12-01T06:59:00Z")!))
        #expect(window.contains(ISOTime.parse("2026-12-01T07:00:00Z")!))
        #expect(window.contains(ISOTime.parse("2026-12-01T18:59:00Z")!))
        #expect(!window.contains(ISOTime.parse("2026-12-01T19:00:00Z")!))
        #expect(!window.contains(ISOTime.parse("2026-07-01T05:59:00Z")!))
        #expect(window.contains(ISOTime.parse("2026-07-01T06:00:00Z")!))
    }

    @Test func nextOpeningIsTheNextLocalMorning() throws {
        let window = try #require(SendingWindow.parse("08:00-20:00", timeZone: amsterdam))
        #expect(
            window.nextOpening(after: ISOTime.parse("2026-12-01T22:30:00+01:00")!) == ISOTime.parse("2026-12-02T08:00:00+01:00")!)
        #expect(
            window.nextOpening(after: ISOTime.parse("2026-12-01T03:00:00+01:00")!) == ISOTime.parse("2026-12-01T08:00:00+01:00")!)
        // Across the switch to summer time (29 March 2026)
        #expect(
            window.nextOpening(after: ISOTime.parse("2026-03-28T21:00:00+01:00")!) == ISOTime.parse("2026-03-29T08:00:00+02:00")!)
    }

    @Test func alwaysAndBadInput() {
        #expect(SendingWindow.parse("always", timeZone: amsterdam)?.contains(Date()) == true)
        #expect(SendingWindow.parse("8-20", timeZone: amsterdam) == nil)
        #expect(SendingWindow.parse("25:00-26:00", timeZone: amsterdam) == nil)
        let overnight = SendingWindow.parse("22:00-06:00", timeZone: amsterdam)!
        #expect(overnight.contains(ISOTime.parse("2026-12-01T23:00:00+01:00")!))
        #expect(!overnight.contains(ISOTime.parse("2026-12-01T12:00:00+01:00")!))
    }
}
