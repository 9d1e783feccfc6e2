import Foundation

extension TimeZone {
    /// The time zone of dates in mail and on pages when `mail.time_zone` says nothing: the Netherlands'. The one
    /// place this default is written; what the configuration says is passed on from there.
    public static let panelDefault = TimeZone(identifier: "Europe/Amsterdam")!
}
