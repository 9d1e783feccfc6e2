import Testing

@testable import PanelCore

/// Who took part per group: the counts a municipality sees, and the ones it must never see.
@Suite struct ParticipationTests {
    static func members(_ district: String, count: Int, support: Int, oppose: Int) -> [Participation.Member] {
        (0..<count).map { index in
            Participation.Member(
                profile: ["district": district],
                support: index < support ? true : index < support + oppose ? false : nil)
        }
    }

    func group(_ participation: Participation, _ value: String) throws -> Participation.Group {
        try #require(participation.categories[0].groups.first { $0.value == value })
    }

    @Test func showsTurnoutAndSplitWhenEveryCountIsFiveOrMore() throws {
        let result = Participation(
            members: Self.members("Noord", count: 20, support: 6, oppose: 8)
                + Self.members("Zuid", count: 12, support: 5, oppose: 5) + Self.members("Oost", count: 15, support: 6, oppose: 6),
            categories: ["district"])
        let noord = try group(result, "Noord")
        #expect(noord.members == 20 && noord.voted == 14 && noord.support == 6 && noord.oppose == 8)
        #expect(noord.turnoutPercent == 70)
        #expect(result.hidesAnything == false)
    }

    @Test func hidesAGroupWithFewerThanFiveVotersAndItsComplement() throws {
        // Haven: 4 voters. With the total number of voters known, hiding only Haven would let anyone subtract; the
        // smallest other group is hidden too.
        let result = Participation(
            members: Self.members("Noord", count: 20, support: 8, oppose: 8)
                + Self.members("Zuid", count: 9, support: 3, oppose: 3)
                + Self.members("Haven", count: 10, support: 2, oppose: 2),
            categories: ["district"])
        let haven = try group(result, "Haven"), zuid = try group(result, "Zuid"), noord = try group(result, "Noord")
        #expect(haven.voted == nil && haven.members == nil)
        #expect(zuid.voted == nil, "the complement: the next smallest group")
        #expect(noord.voted == 16)
    }

    @Test func neverShowsASplitThatTellsHowEveryoneVoted() throws {
        // Zuid: 6 voters, all for. 6 to 0 would say how each of them voted: turnout shows, the split does not.
        let result = Participation(
            members: Self.members("Noord", count: 20, support: 7, oppose: 9)
                + Self.members("Zuid", count: 8, support: 6, oppose: 0)
                + Self.members("Oost", count: 20, support: 5, oppose: 6),
            categories: ["district"])
        let zuid = try group(result, "Zuid")
        #expect(zuid.voted == 6 && zuid.support == nil && zuid.oppose == nil)
        // and the complement: the split of the smallest other group by voters goes too (Oost, 11 voters)
        #expect(try group(result, "Oost").support == nil)
        #expect(try group(result, "Noord").support == 7)
    }

    @Test func membersWithoutAnAnswerAreAGroupOfTheirOwnListedLast() throws {
        let result = Participation(
            members: Self.members("Noord", count: 10, support: 5, oppose: 5)
                + (0..<10).map { _ in Participation.Member(profile: [:], support: true) },
            categories: ["district"])
        #expect(result.categories[0].groups.map(\.value) == ["Noord", Participation.unknownValue])
    }

    @Test func survivesItsStorage() throws {
        let result = Participation(members: Self.members("Noord", count: 10, support: 5, oppose: 5), categories: ["district"])
        #expect(Participation.decode(result.encoded()) == result)
    }
}
