import Foundation

/// Everything a panel draw used and produced, so that anyone can repeat it and check the result: the inputs (quotas,
/// the volunteers' answers, households as anonymous labels, the seed, the settings) and the outcome (members,
/// reserves, the chances, how far each quota was met).
///
/// Households are stored as labels (`h1`, `h2`, …, numbered by first appearance in id order): the draw only needs to
/// know who shares a household, never where anyone lives.
public struct SelectionRecord: Sendable, Equatable, Codable {
    /// A quota and how many members of the whole panel (fixed members of a top-up included) have its value.
    public struct QuotaOutcome: Sendable, Equatable, Codable {
        public var category: String
        public var value: String
        public var minimum: Int
        public var maximum: Int
        public var selected: Int

        public var isMet: Bool { minimum <= selected && selected <= maximum }
    }

    /// A volunteer as the draw saw them.
    public struct Candidate: Sendable, Equatable, Codable {
        public var id: Int64
        public var household: String?
        public var features: [String: String]

        var volunteer: Volunteer { Volunteer(id: id, household: household, features: features) }
    }

    /// The selection method; an audit of a record made by another method says so instead of failing silently.
    public var method: String
    public var size: Int
    public var quotas: [Quota]
    /// For a top-up: the members who stayed (ids are the negated panelist ids).
    public var fixed: [Candidate]
    /// The confirmed volunteers the draw chose from.
    public var pool: [Candidate]
    /// Decimal text: a seed above 2^63 survives every JSON reader.
    public var seed: String
    public var replicas: Int
    public var reserveCount: Int
    /// How many residents the municipality's register sample invited, when known.
    public var invited: Int?

    public var selected: [Int64]
    /// Reserves in the order they are invited when a seat falls empty.
    public var reserves: [Int64]
    public var minimumProbability: Double
    public var medianProbability: Double
    public var gini: Double
    public var quotaOutcomes: [QuotaOutcome]

    public var isTopUp: Bool { !fixed.isEmpty }
    public var meetsAllQuotas: Bool { quotaOutcomes.allSatisfy(\.isMet) }
    public var categories: [String] {
        var seen: [String] = []
        for quota in quotas where !seen.contains(quota.category) { seen.append(quota.category) }
        return seen
    }

    /// Draws a panel (or a top-up around `fixed`) and its reserves, and records how.
    public static func draw(
        size: Int, fixed: [Volunteer] = [], pool: [Volunteer], quotas: [Quota], seed: UInt64, replicas: Int,
        reserves reserveCount: Int, invited: Int? = nil
    ) throws(SelectionError) -> (SelectionRecord, PanelSelection) {
        let (fixed, pool) = anonymisingHouseholds(fixed: fixed, pool: pool)
        var record = SelectionRecord(
            method: PanelSelection.method, size: size, quotas: quotas,
            fixed: fixed.map { Candidate(id: $0.id, household: $0.household, features: $0.features) },
            pool: pool.map { Candidate(id: $0.id, household: $0.household, features: $0.features) },
            seed: String(seed), replicas: replicas, reserveCount: Swift.max(reserveCount, 0), invited: invited,
            selected: [], reserves: [], minimumProbability: 0, medianProbability: 0, gini: 0, quotaOutcomes: [])
        let selection = try record.run()
        return (record, selection)
    }

    /// Runs the draw from the recorded inputs, filling in the outcome.
    @discardableResult
    mutating func run() throws(SelectionError) -> PanelSelection {
        var settings = SelectionSettings.standard
        settings.replicas = replicas
        let seed = UInt64(self.seed) ?? 0
        let fixed = self.fixed.map(\.volunteer)
        let pool = self.pool.map(\.volunteer)
        let selection =
            fixed.isEmpty
            ? try PanelSelection.select(size: size, from: pool, quotas: quotas, seed: seed, settings: settings)
            : try PanelSelection.topUp(
                adding: size - fixed.count, to: fixed, from: pool, quotas: quotas, seed: seed, settings: settings)
        selected = selection.selected
        let chances = selection.probabilities.map(\.probability).sorted()
        minimumProbability = chances.first ?? 0
        medianProbability =
            chances.isEmpty
            ? 0
            : chances.count.isMultiple(of: 2)
                ? (chances[chances.count / 2 - 1] + chances[chances.count / 2]) / 2 : chances[chances.count / 2]
        gini = selection.fairness.gini
        quotaOutcomes = selection.quotaCounts.map {
            QuotaOutcome(
                category: $0.quota.category, value: $0.quota.value, minimum: $0.quota.minimum,
                maximum: $0.quota.maximum, selected: $0.selected)
        }
        let seated = Set(selected)
        let members = fixed + pool.filter { seated.contains($0.id) }
        reserves = ReserveList.order(
            members: members, candidates: pool.filter { !seated.contains($0.id) }, quotas: quotas,
            count: reserveCount, seed: seed)
        return selection
    }

    /// What an audit found: whether repeating the draw from the stored inputs and seed gives the stored outcome.
    public struct Audit: Sendable, Equatable {
        public var matches: Bool
        /// Each difference, in words; empty when it matches.
        public var differences: [String]
        public var repeated: SelectionRecord?
    }

    /// Repeats the draw from the recorded inputs and compares every part of the outcome.
    public func audit() -> Audit {
        guard method == PanelSelection.method else {
            return Audit(
                matches: false,
                differences: [
                    "this draw was made with method \(method); this program selects with \(PanelSelection.method) and cannot repeat it"
                ], repeated: nil)
        }
        var repeated = self
        do { try repeated.run() } catch {
            return Audit(matches: false, differences: ["repeating the draw failed: \(error)"], repeated: nil)
        }
        var differences: [String] = []
        if repeated.selected != selected {
            let gone = Set(selected).subtracting(repeated.selected).sorted()
            let new = Set(repeated.selected).subtracting(selected).sorted()
            differences.append(
                "members differ: recorded but not drawn again \(gone.map(String.init).joined(separator: ", ")); "
                    + "drawn again but not recorded \(new.map(String.init).joined(separator: ", "))")
        }
        if repeated.reserves != reserves { differences.append("the reserve list differs") }
        for (name, stored, again) in [
            ("lowest selection probability", minimumProbability, repeated.minimumProbability),
            ("median selection probability", medianProbability, repeated.medianProbability), ("Gini", gini, repeated.gini),
        ] where abs(stored - again) > 1e-9 {
            differences.append("\(name): recorded \(stored), repeated \(again)")
        }
        if repeated.quotaOutcomes != quotaOutcomes { differences.append("the quota counts differ") }
        return Audit(matches: differences.isEmpty, differences: differences, repeated: repeated)
    }

    /// Households replaced by labels numbered in order of first appearance (fixed members first, each by id), so the
    /// stored record says who shares a household and nothing more. The draw only compares households, so the labels
    /// change nothing in its result.
    static func anonymisingHouseholds(fixed: [Volunteer], pool: [Volunteer]) -> ([Volunteer], [Volunteer]) {
        var labels: [String: String] = [:]
        func relabel(_ volunteers: [Volunteer]) -> [Volunteer] {
            volunteers.sorted { $0.id < $1.id }.map { volunteer in
                var copy = volunteer
                if let key = volunteer.household?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
                    if labels[key] == nil { labels[key] = "h\(labels.count + 1)" }
                    copy.household = labels[key]
                } else {
                    copy.household = nil
                }
                return copy
            }
        }
        let fixed = relabel(fixed)
        return (fixed, relabel(pool))
    }
}

/// The reserve list: who is invited, in which order, when a seat falls empty, and who fits a seat.
public enum ReserveList {
    /// Orders up to `count` of `candidates` (never someone from a member's household, at most one per household) so
    /// that every stretch from the top keeps the panel's proportions: at each place, the candidate whose values the
    /// quotas want most, relative to what the list already holds, with a seeded random order breaking ties.
    public static func order(members: [Volunteer], candidates: [Volunteer], quotas: [Quota], count: Int, seed: UInt64)
        -> [Int64]
    {
        guard count > 0 else { return [] }
        var taken = Set(members.compactMap(\.household))
        var generator = SplitMix64(seed: seed ^ 0x5245_5345_5256_4553)  // "RESERVES"
        var shuffled = candidates.sorted { $0.id < $1.id }
        for index in shuffled.indices.reversed() where index > 0 {
            shuffled.swapAt(index, generator.uniform(below: index + 1))
        }
        // Each quota's wanted share of the list: the middle of its range over the panel size.
        let size = Double(Swift.max(members.count, 1))
        let wanted = quotas.map { Double($0.minimum + $0.maximum) / 2 / size }
        var held = Array(repeating: 0, count: quotas.count)
        var order: [Int64] = []
        var remaining = shuffled
        while order.count < count, !remaining.isEmpty {
            var best: (index: Int, score: Double)?
            for (index, candidate) in remaining.enumerated() {
                if let household = candidate.household, taken.contains(household) { continue }
                var score = 0.0
                for (q, quota) in quotas.enumerated() where candidate.features[quota.category] == quota.value {
                    score += wanted[q] - Double(held[q]) / Double(order.count + 1)
                }
                if best == nil || score > best!.score + 1e-12 { best = (index, score) }
            }
            guard let best else { break }
            let chosen = remaining.remove(at: best.index)
            for (q, quota) in quotas.enumerated() where chosen.features[quota.category] == quota.value { held[q] += 1 }
            if let household = chosen.household { taken.insert(household) }
            order.append(chosen.id)
        }
        return order
    }

    /// How far a panel is from its quotas: seats missing below minimums plus seats over maximums; 0 when all hold.
    public static func shortfall(_ panel: [Volunteer], quotas: [Quota]) -> Int {
        quotas.reduce(0) { total, quota in
            let count = panel.filter { $0.features[quota.category] == quota.value }.count
            return total + Swift.max(quota.minimum - count, 0) + Swift.max(count - quota.maximum, 0)
        }
    }

    /// The reserve to invite for an empty seat: the first in list order who shares no household with `panel` and
    /// whose seat keeps every quota; when nobody does, the first who brings the panel closest to its quotas. Nil when
    /// every reserve shares a household with a member.
    public static func nextFitting(panel: [Volunteer], reserves: [Volunteer], quotas: [Quota]) -> Volunteer? {
        let households = Set(panel.compactMap(\.household))
        var best: (volunteer: Volunteer, shortfall: Int)?
        for reserve in reserves {
            if let household = reserve.household, households.contains(household) { continue }
            let shortfall = shortfall(panel + [reserve], quotas: quotas)
            if shortfall == 0 { return reserve }
            if best == nil || shortfall < best!.shortfall { best = (reserve, shortfall) }
        }
        return best?.volunteer
    }
}

extension PanelSelection {
    /// Names the selection method in stored records, so an audit knows whether this program can repeat a draw.
    /// 1: LEXIMIN with heuristic pricing (≤ 200 classes) or Hedge; 2: LEXIMIN with exact pricing (CBC) and CLP's
    /// master LP (≤ 1,000 classes) or Hedge.
    public static let method = "leximin-exact-or-hedge-2"
}

/// How the panel of a round was drawn, as the verdict and the council report state it: fixed when the round closes.
public struct PanelDrawSummary: Sendable, Equatable, Codable {
    public var drawnAt: Date
    /// Residents the register sample invited, when known.
    public var invited: Int?
    /// Confirmed volunteers the draw chose from.
    public var volunteers: Int
    public var size: Int
    public var seed: String
    public var minimumProbability: Double
    public var medianProbability: Double
    /// The quotas after the latest draw (a top-up counts the whole panel).
    public var quotas: [SelectionRecord.QuotaOutcome]
    /// Top-ups since the draw.
    public var topUps: Int
    /// Reserves who took an empty seat since the draw.
    public var reservesSeated: Int
    /// The id of the draw, for `panel audit --run`.
    public var run: Int64

    public init(
        drawnAt: Date, invited: Int?, volunteers: Int, size: Int, seed: String, minimumProbability: Double,
        medianProbability: Double, quotas: [SelectionRecord.QuotaOutcome], topUps: Int, reservesSeated: Int, run: Int64
    ) {
        self.drawnAt = drawnAt
        self.invited = invited
        self.volunteers = volunteers
        self.size = size
        self.seed = seed
        self.minimumProbability = minimumProbability
        self.medianProbability = medianProbability
        self.quotas = quotas
        self.topUps = topUps
        self.reservesSeated = reservesSeated
        self.run = run
    }

    public var quotasMet: Int { quotas.filter(\.isMet).count }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func decode(_ text: String?) -> PanelDrawSummary? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(PanelDrawSummary.self, from: Data(text.utf8))
    }
}
