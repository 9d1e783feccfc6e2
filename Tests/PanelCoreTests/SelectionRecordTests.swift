import Foundation
import Testing

@testable import PanelCore

/// A stored draw: repeatable by anyone from its inputs and seed, with reserves that keep the quotas.
@Suite struct SelectionRecordTests {
    static let quotas = try! Quota.parse(
        """
        category,value,min,max
        gender,vrouw,4,6
        gender,man,4,6
        district,Noord,3,6
        district,Zuid,3,6
        """)

    static let volunteers: [Volunteer] = (0..<40).map { (index: Int) -> Volunteer in
        let gender: String = index % 3 == 0 ? "man" : "vrouw"
        let district: String = index % 4 == 0 ? "Zuid" : "Noord"
        let household: String? = index < 10 ? "Dorpsstraat \(index / 2)" : nil
        return Volunteer(id: Int64(100 + index), household: household, features: ["gender": gender, "district": district])
    }

    static func draw(seed: UInt64 = 7, reserves: Int = 10) throws -> SelectionRecord {
        try SelectionRecord.draw(
            size: 10, pool: volunteers, quotas: quotas, seed: seed, replicas: 200, reserves: reserves, invited: 120
        ).0
    }

    @Test func aStoredDrawIsRepeatedExactly() throws {
        let record = try Self.draw()
        let stored = try JSONDecoder().decode(SelectionRecord.self, from: JSONEncoder().encode(record))
        let audit = stored.audit()
        #expect(audit.matches, "\(audit.differences)")
        #expect(record.selected.count == 10 && record.meetsAllQuotas && record.invited == 120)
        #expect(record.minimumProbability > 0 && record.minimumProbability <= record.medianProbability)
    }

    @Test func anAlteredRecordDoesNotMatchAndSaysWhat() throws {
        var record = try Self.draw()
        let outsider = try #require(Self.volunteers.map(\.id).first { !record.selected.contains($0) })
        record.selected[0] = outsider
        let audit = record.audit()
        #expect(!audit.matches)
        #expect(audit.differences.contains { $0.contains("members differ") && $0.contains(String(outsider)) })

        var reseeded = try Self.draw()
        reseeded.seed = "8"
        #expect(!reseeded.audit().matches, "another seed gives another draw")
    }

    @Test func aDrawOfAnotherMethodIsNotClaimedToMatch() throws {
        var record = try Self.draw()
        record.method = "greedy-legacy"
        let audit = record.audit()
        #expect(!audit.matches && audit.differences[0].contains("cannot repeat it"))
    }

    @Test func householdsAreStoredAsLabelsOnly() throws {
        let record = try Self.draw()
        let text = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(!text.contains("Dorpsstraat"))
        let labels = record.pool.compactMap(\.household)
        #expect(Set(labels).count == 5 && labels.allSatisfy { $0.hasPrefix("h") })
    }

    @Test func reservesNeverShareAHouseholdWithAMemberOrEachOther() throws {
        let record = try Self.draw(reserves: 30)
        let household = Dictionary(uniqueKeysWithValues: record.pool.map { ($0.id, $0.household) })
        let memberHouseholds = Set(record.selected.compactMap { household[$0] ?? nil })
        let reserveHouseholds = record.reserves.compactMap { household[$0] ?? nil }
        #expect(Set(reserveHouseholds).isDisjoint(with: memberHouseholds))
        #expect(Set(reserveHouseholds).count == reserveHouseholds.count)
        #expect(Set(record.reserves).isDisjoint(with: record.selected))
    }

    @Test func theReserveListKeepsThePanelsProportionsFromTheTop() throws {
        let record = try Self.draw(reserves: 10)
        let gender = Dictionary(uniqueKeysWithValues: Self.volunteers.map { ($0.id, $0.features["gender"]!) })
        // The quotas want half men; the pool has a third. The first ten reserves lean towards the quotas.
        let men = record.reserves.prefix(10).filter { gender[$0] == "man" }.count
        #expect((4...6).contains(men), "\(men) men in the first ten reserves")
    }

    @Test func theNextFittingReserveKeepsEveryQuota() throws {
        // A panel of nine after a man left: 6 vrouw (its maximum) and 3 man (one below the minimum).
        var panel: [Volunteer] = []
        for index in 0..<6 {
            panel.append(
                Volunteer(id: -Int64(index + 1), features: ["gender": "vrouw", "district": index < 3 ? "Noord" : "Zuid"]))
        }
        for index in 0..<3 {
            panel.append(
                Volunteer(id: -Int64(index + 10), features: ["gender": "man", "district": index < 2 ? "Noord" : "Zuid"]))
        }
        let reserves = [
            Volunteer(id: 1, features: ["gender": "vrouw", "district": "Noord"]),
            Volunteer(id: 2, household: "h9", features: ["gender": "man", "district": "Noord"]),
            Volunteer(id: 3, features: ["gender": "man", "district": "Zuid"]),
        ]
        // A woman would break vrouw ≤ 6; the first man shares a household with a member; the second man fits.
        let member = Volunteer(id: -99, household: "h9", features: [:])
        #expect(ReserveList.nextFitting(panel: panel + [member], reserves: reserves, quotas: Self.quotas)?.id == 3)
        #expect(ReserveList.nextFitting(panel: panel, reserves: reserves, quotas: Self.quotas)?.id == 2)
        // Nobody fits perfectly: the one that comes closest.
        let onlyWomen = [reserves[0]]
        #expect(ReserveList.nextFitting(panel: panel, reserves: onlyWomen, quotas: Self.quotas)?.id == 1)
    }
}
