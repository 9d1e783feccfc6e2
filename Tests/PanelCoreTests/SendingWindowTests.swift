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

/// Timelines count calendar days in the panel's time zone, so deadlines keep their hour across DST.
@Suite struct TimelineDaylightSavingTests {
    @Test func aDeadlineAcrossTheAutumnChangeKeepsItsLocalHour() throws {
        // Published Friday 16 October 2026 17:00 CEST; summer time ends Sunday 25 October.
        let publish = try #require(ISOTime.parse("2026-10-16T17:00:00+02:00"))
        let timeline = try Timeline.make(publishAt: publish)
        #expect(ISOTime.format(timeline.deadline) == "2026-10-30T17:00:00+01:00")
        #expect(ISOTime.format(timeline.voteAt) == "2026-10-26T17:00:00+01:00")
        // 14 calendar days are 14 × 24 hours plus the hour the clocks went back
        #expect(timeline.deadline.timeIntervalSince(publish) == 14 * 86_400 + 3_600)
    }

    @Test func aDeadlineAcrossTheSpringChangeKeepsItsLocalHour() throws {
        // Summer time starts Sunday 28 March 2027.
        let publish = try #require(ISOTime.parse("2027-03-20T09:00:00+01:00"))
        let timeline = try Timeline.make(publishAt: publish, defaults: TimelineTemplate.builtIn[1].defaults)
        #expect(ISOTime.format(timeline.deadline) == "2027-03-27T09:00:00+01:00")
        let long = try Timeline.make(publishAt: publish, defaults: TimelineTemplate.builtIn[2].defaults)
        #expect(ISOTime.format(long.deadline) == "2027-04-10T09:00:00+02:00")
        #expect(long.deadline.timeIntervalSince(publish) == 21 * 86_400 - 3_600)
        // The reminder stays 48 real hours before the deadline
        #expect(long.deadline.timeIntervalSince(long.voteReminderAt) == 48 * 3_600)
    }

    @Test func theSendingWindowOpensAtEightOnTheDaysTheClocksChange() throws {
        let window = try #require(SendingWindow.parse("08:00-20:00", timeZone: TimeZone(identifier: "Europe/Amsterdam")!))
        let autumnNight = try #require(ISOTime.parse("2026-10-25T02:30:00+01:00"))
        #expect(ISOTime.format(window.nextOpening(after: autumnNight)) == "2026-10-25T08:00:00+01:00")
        let springNight = try #require(ISOTime.parse("2027-03-28T01:30:00+01:00"))
        #expect(ISOTime.format(window.nextOpening(after: springNight)) == "2027-03-28T08:00:00+02:00")
    }
}
