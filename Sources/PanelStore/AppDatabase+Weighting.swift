import Foundation
import GRDB
import PanelCore

/// One population margin: the share of `category` among the municipality's residents.
public struct Margin: Sendable, Equatable {
    public var variable: String
    public var category: String
    public var share: Double

    public init(variable: String, category: String, share: Double) {
        self.variable = variable
        self.category = category
        self.share = share
    }

    public static let variables = ["age_band", "gender", "district"]
}

extension AppDatabase {
    /// Replaces a municipality's population margins (from the population register's statistics).
    public func setMargins(municipalityId: String, margins: [Margin]) throws {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else { throw StoreError.unknownMunicipality(municipalityId) }
            try db.execute(sql: "DELETE FROM margin WHERE municipalityId = ?", arguments: [municipalityId])
            try Self.audit(
                db, actor: "moderator", action: "municipality.margins", subject: "municipality \(municipalityId)",
                detail: "\(margins.count) margins", now: Date())
            for margin in margins {
                try db.execute(
                    sql: "INSERT INTO margin (municipalityId, variable, category, share) VALUES (?, ?, ?, ?)",
                    arguments: [municipalityId, margin.variable, margin.category, margin.share])
            }
        }
    }

    /// The verdict weighted to the population: voters' profiles raked to the margins (weights capped at 5),
    /// the weighted share supporting, its Wilson interval at the effective sample size. Nil without margins.
    static func weightedSupport(_ db: Database, roundId: Int64, municipalityId: String) throws -> (
        share: Double, interval: WilsonInterval?, effective: Double
    )? {
        let marginRows = try Row.fetchAll(
            db, sql: "SELECT variable, category, share FROM margin WHERE municipalityId = ? ORDER BY variable, category",
            arguments: [municipalityId])
        guard !marginRows.isEmpty else { return nil }
        var targets: [String: [String: Double]] = [:]
        for row in marginRows { targets[row["variable"], default: [:]][row["category"]] = row["share"] }
        let variables = targets.keys.sorted().map { RakingVariable(name: $0, targets: targets[$0]!) }
        let voters = try Row.fetchAll(
            db,
            sql: """
                SELECT v.choice, p.ageBand, p.gender, p.district FROM vote v JOIN panelist p ON p.id = v.panelistId
                WHERE v.roundId = ? ORDER BY v.panelistId
                """,
            arguments: [roundId])
        guard !voters.isEmpty else { return nil }
        let respondents = voters.map { row -> [String: String] in
            var profile: [String: String] = [:]
            if let value: String = row["ageBand"] { profile["age_band"] = value }
            if let value: String = row["gender"] { profile["gender"] = value }
            if let value: String = row["district"] { profile["district"] = value }
            return profile
        }
        let raked = Raking.rake(respondents: respondents, variables: variables)
        let total = raked.weights.reduce(0, +)
        guard total > 0 else { return nil }
        let supporting = zip(raked.weights, voters).reduce(0.0) { sum, pair in
            sum + ((pair.1["choice"] as String?) == VoteChoice.support.rawValue ? pair.0 : 0)
        }
        let share = supporting / total
        return (
            share, VerdictStatistics.weightedWilson(share: share, effectiveN: raked.effectiveSampleSize),
            raked.effectiveSampleSize
        )
    }
}
