import Foundation

/// The hours in which panel mail may go out, in the panel's own time zone (DST-correct):
/// nobody's phone should buzz with a case at three in the morning because cron ran then.
public struct SendingWindow: Sendable, Equatable {
    /// Minutes after local midnight; `start == end` means always open.
    public var start: Int
    public var end: Int
    public var timeZone: TimeZone

    public static let always = SendingWindow(start: 0, end: 0, timeZone: TimeZone(identifier: "UTC")!)

    public init(start: Int, end: Int, timeZone: TimeZone) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// "08:00-20:00" or "always".
    public static func parse(_ text: String, timeZone: TimeZone) -> SendingWindow? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "always" { return .always }
        let parts = trimmed.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]) else { return nil }
        return SendingWindow(start: start, end: end, timeZone: timeZone)
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1_440
        else { return nil }
        return hour * 60 + minute
    }

    public var isAlways: Bool { start == end }

    public func contains(_ date: Date) -> Bool {
        if isAlways { return true }
        let local = minuteOfDay(date)
        return start < end ? (local >= start && local < end) : (local >= start || local < end)
    }

    /// The first moment at or after `date` inside the window.
    public func nextOpening(after date: Date) -> Date {
        if contains(date) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: date)
        for dayOffset in 0...2 {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: today),
                let opening = calendar.date(bySettingHour: start / 60, minute: start % 60, second: 0, of: day)
            else { continue }
            if opening > date { return opening }
        }
        return date.addingTimeInterval(86_400)
    }

    func minuteOfDay(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}
