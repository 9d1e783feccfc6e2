import Foundation
import Testing

@testable import PanelCore

@Suite struct RoundSchedulerTests {
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!
    var timeline: Timeline { try! Timeline.make(publishAt: start) }

    @Test func defaultTimelineFollowsThePilot() {
        let day: TimeInterval = 86_400
        #expect(timeline.voteAt == start.addingTimeInterval(10 * day))
        #expect(timeline.deadline == start.addingTimeInterval(14 * day))
        #expect(timeline.voteReminderAt == timeline.deadline.addingTimeInterval(-48 * 3_600))
    }

    @Test func invalidTimelinesAreRefusedWithTheOptionToFix() {
        #expect(throws: TimelineError.deadlineNotAfterVote) {
            try Timeline.make(publishAt: start, voteAt: start.addingTimeInterval(100), deadline: start.addingTimeInterval(50))
        }
        #expect(throws: TimelineError.voteBeforePublish) {
            try Timeline.make(publishAt: start, voteAt: start.addingTimeInterval(-10))
        }
    }

    @Test func stepsFollowTheClock() {
        func steps(_ state: RoundState, at date: Date, reminded: Bool = false) -> [RoundStep] {
            RoundScheduler.dueSteps(
                progress: RoundProgress(state: state, digestsSent: 99, replyReminderSent: true, voteReminderSent: reminded),
                timeline: timeline, now: date)
        }
        #expect(steps(.scheduled, at: start.addingTimeInterval(-1)) == [])
        #expect(steps(.scheduled, at: start) == [.publish])
        #expect(steps(.discussion, at: timeline.voteAt.addingTimeInterval(-1)) == [])
        #expect(steps(.discussion, at: timeline.voteAt) == [.openVoting])
        #expect(steps(.voting, at: timeline.voteReminderAt) == [.remindVoters])
        #expect(steps(.voting, at: timeline.voteReminderAt, reminded: true) == [])
        #expect(steps(.voting, at: timeline.deadline, reminded: true) == [.close])
        #expect(steps(.closed, at: timeline.deadline.addingTimeInterval(86_400)) == [])
    }

    @Test func aRoundThatMissedEverythingCatchesUpWithoutALateReminder() {
        let late = timeline.deadline.addingTimeInterval(3_600)
        #expect(
            RoundScheduler.dueSteps(progress: RoundProgress(state: .scheduled), timeline: timeline, now: late) == [
                .publish, .openVoting, .close,
            ])
    }

    @Test func digestsEveryThreeDaysAndOneReplyReminderHalfwayThroughDiscussion() {
        let plan = DiscussionPlan(digestInterval: 3 * 86_400)
        let day: TimeInterval = 86_400
        func steps(_ progress: RoundProgress, day offset: Double) -> [RoundStep] {
            RoundScheduler.dueSteps(
                progress: progress, timeline: timeline, plan: plan, now: start.addingTimeInterval(offset * day))
        }
        #expect(steps(RoundProgress(state: .discussion), day: 2.9) == [])
        #expect(steps(RoundProgress(state: .discussion), day: 3) == [.sendDigest])
        #expect(steps(RoundProgress(state: .discussion, digestsSent: 1), day: 5) == [.remindRepliers])
        #expect(steps(RoundProgress(state: .discussion, digestsSent: 1, replyReminderSent: true), day: 6) == [.sendDigest])
        #expect(steps(RoundProgress(state: .discussion, digestsSent: 2, replyReminderSent: true), day: 9) == [.sendDigest])
        // Voting opens on day 10: no digest then (the vote mail summarises), and none is caught up
        #expect(steps(RoundProgress(state: .discussion, digestsSent: 2, replyReminderSent: true), day: 10) == [.openVoting])
        #expect(plan.digestsDue(timeline: timeline, now: start.addingTimeInterval(10 * day)) == 3)
    }

    @Test func tallyAndVerdict() {
        // Support or oppose only when the 95% Wilson interval excludes 50% and the quorum is met
        #expect(Tally(support: 70, oppose: 30, panelSize: 200).verdict(quorum: 30) == .support)
        #expect(Tally(support: 30, oppose: 70, panelSize: 200).verdict(quorum: 30) == .oppose)
        #expect(Tally(support: 52, oppose: 48, panelSize: 200).verdict(quorum: 30) == .tooClose)
        #expect(Tally(support: 10, oppose: 5, panelSize: 200).verdict(quorum: 30) == .noQuorum)
        #expect(Tally(support: 0, oppose: 0, panelSize: 10).verdict(quorum: 30) == .noQuorum)
        #expect(Tally(support: 5, oppose: 3, panelSize: 10).supportPercent?.dutchPercent == "62,5")
        #expect(Tally(support: 5, oppose: 3, panelSize: 10).turnoutPercent?.dutchPercent == "80")
        #expect(Tally(support: 0, oppose: 0, panelSize: 0).turnoutPercent == nil)
    }
}

@Suite struct QuestionScheduleTests {
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    @Test func questionsGoToTheMunicipalityAtMostOnceADay() throws {
        let timeline = try Timeline.make(publishAt: start)
        func steps(_ progress: RoundProgress, hours: Double) -> [RoundStep] {
            RoundScheduler.dueSteps(progress: progress, timeline: timeline, now: start.addingTimeInterval(hours * 3_600))
                .filter { $0 == .sendQuestions }
        }
        let quiet = RoundProgress(state: .discussion, digestsSent: 9, replyReminderSent: true)
        #expect(steps(quiet, hours: 5) == [])
        var asked = quiet
        asked.unmailedQuestions = 2
        #expect(steps(asked, hours: 5) == [.sendQuestions])
        asked.questionsMailedAt = start.addingTimeInterval(2 * 3_600)
        #expect(steps(asked, hours: 20) == [])
        #expect(steps(asked, hours: 26) == [.sendQuestions])
        asked.state = .closed
        #expect(steps(asked, hours: 26) == [])
    }
}
