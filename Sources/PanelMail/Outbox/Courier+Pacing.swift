import Foundation

extension Courier {
    /// While the sending domain warms up (`DeliverySettings.pacing.warmUp`): how many more messages may be sent
    /// today (local day of the mail's time zone), counting what this database already sent since midnight; nil when
    /// there is no warm-up or it is over.
    func warmUpAllowance(now: Date) throws -> Int? {
        let timeZone = composer.settings.timeZone
        guard let limit = delivery.pacing.warmUp?.dailyLimit(on: now, timeZone: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let sent = try database.sentCount(since: calendar.startOfDay(for: now))
        return max(0, limit - sent)
    }
}
