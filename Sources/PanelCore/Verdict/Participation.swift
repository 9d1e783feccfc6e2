import Foundation

/// Who took part in a round, per group of each panel category (age, gender, district, education), as the
/// municipality may see it: counts of fewer than `minimumCell` people are never shown.
///
/// Rules, so that nobody's vote can be read from the table:
/// * a group's members and voters are shown only when both are at least `minimumCell`; otherwise the group shows
///   "fewer than 5";
/// * a group's split (for / against) is shown only when both counts are at least `minimumCell`: a split of 5 to 0
///   would tell how each of those five voted;
/// * when exactly one group of a category hides a count whose total is known (voters; for and against), the next
///   smallest shown group hides it too, so the hidden count cannot be worked out by subtraction.
public struct Participation: Sendable, Equatable, Codable {
    public static let minimumCell = 5

    public struct Group: Sendable, Equatable, Codable {
        public var value: String
        /// Nil: hidden (fewer than `minimumCell`).
        public var members: Int?
        public var voted: Int?
        public var support: Int?
        public var oppose: Int?

        /// Turnout in percent, when both counts are shown.
        public var turnoutPercent: Double? {
            guard let members, let voted, members > 0 else { return nil }
            return Double(voted) / Double(members) * 100
        }

        /// Share supporting among the group's voters, in percent, when the split is shown.
        public var supportPercent: Double? {
            guard let support, let oppose, support + oppose > 0 else { return nil }
            return Double(support) / Double(support + oppose) * 100
        }
    }

    public struct Category: Sendable, Equatable, Codable {
        public var name: String
        public var groups: [Group]
    }

    public var categories: [Category]

    /// One round member: their answers per category and their vote, if any (true: for the decision).
    public struct Member: Sendable {
        public var profile: [String: String]
        public var support: Bool?

        public init(profile: [String: String], support: Bool?) {
            self.profile = profile
            self.support = support
        }
    }

    /// The value shown for members without an answer in a category.
    public static let unknownValue = "onbekend"

    public init(categories: [Category]) { self.categories = categories }

    /// Tallies `members` per value of each of `categories` and hides what must be hidden.
    public init(members: [Member], categories names: [String]) {
        categories = names.map { name in
            var order: [String] = []
            var tally: [String: (members: Int, voted: Int, support: Int)] = [:]
            for member in members {
                let value = member.profile[name].flatMap { $0.isEmpty ? nil : $0 } ?? Self.unknownValue
                if tally[value] == nil { order.append(value) }
                var entry = tally[value] ?? (0, 0, 0)
                entry.members += 1
                if let support = member.support {
                    entry.voted += 1
                    if support { entry.support += 1 }
                }
                tally[value] = entry
            }
            let values = order.sorted { ($0 == Self.unknownValue ? 1 : 0, $0) < ($1 == Self.unknownValue ? 1 : 0, $1) }
            var groups = values.map { value -> Group in
                let entry = tally[value]!
                let shown = entry.members >= Self.minimumCell && entry.voted >= Self.minimumCell
                let split = shown && entry.support >= Self.minimumCell && entry.voted - entry.support >= Self.minimumCell
                return Group(
                    value: value, members: shown ? entry.members : nil, voted: shown ? entry.voted : nil,
                    support: split ? entry.support : nil, oppose: split ? entry.voted - entry.support : nil)
            }
            Self.protectByComplement(&groups, size: { tally[$0.value]!.voted }, isShown: { $0.voted != nil }) {
                $0.members = nil
                $0.voted = nil
                $0.support = nil
                $0.oppose = nil
            }
            Self.protectByComplement(&groups, size: { tally[$0.value]!.voted }, isShown: { $0.support != nil }) {
                $0.support = nil
                $0.oppose = nil
            }
            return Category(name: name, groups: groups)
        }
    }

    /// When exactly one group hides a count, hides it in the smallest group still showing it as well.
    static func protectByComplement(
        _ groups: inout [Group], size: (Group) -> Int, isShown: (Group) -> Bool, hide: (inout Group) -> Void
    ) {
        guard groups.filter({ !isShown($0) }).count == 1 else { return }
        let shown = groups.indices.filter { isShown(groups[$0]) }
        guard let smallest = shown.min(by: { (size(groups[$0]), $0) < (size(groups[$1]), $1) }) else { return }
        hide(&groups[smallest])
    }

    /// Whether any group of any category is hidden.
    public var hidesAnything: Bool { categories.contains { $0.groups.contains { $0.voted == nil || $0.support == nil } } }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func decode(_ text: String?) -> Participation? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(Participation.self, from: Data(text.utf8))
    }
}
