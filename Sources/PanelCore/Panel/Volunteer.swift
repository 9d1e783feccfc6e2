/// Someone who answered an invitation and is willing to sit on the panel.
public struct Volunteer: Sendable, Equatable {
    public var id: Int64
    /// Volunteers with the same household sit on a panel at most one at a time; nil is a household of one.
    public var household: String?
    /// Category to value, e.g. `["age_band": "35-49", "district": "Noord"]`, matched against quota values
    /// case-sensitively after trimming spaces. A missing or unlisted value is not limited by that category's quotas.
    public var features: [String: String]

    public init(id: Int64, household: String? = nil, features: [String: String]) {
        self.id = id
        self.household = household
        self.features = features
    }
}
