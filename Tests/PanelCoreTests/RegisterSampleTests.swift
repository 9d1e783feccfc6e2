import Foundation
import Testing

@testable import PanelCore

@Suite struct RegisterSampleTests {
    /// 60 people; the first 20 live two by two in 10 households.
    static let extract: String = {
        var lines = ["id,household,Naam,Straat"]
        for row in 1...60 {
            let household = row <= 20 ? "A\((row + 1) / 2)" : ""
            lines.append("\(row),\(household),\"Bewoner \(row)\",Dorpsstraat \(row)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func readsIdHouseholdAndPassThroughColumns() throws {
        let register = try RegisterExtract.parse(Self.extract)
        #expect(register.columns == ["id", "household", "Naam", "Straat"])
        #expect(register.rows.count == 60)
        #expect(
            register.rows[0] == RegisterRow(line: 2, id: "1", household: "A1", fields: ["1", "A1", "Bewoner 1", "Dorpsstraat 1"]))
        #expect(register.rows[59].household == nil)
        #expect(register.householdCount == 50)
    }

    @Test func theSameSeedGivesTheSamePeopleAndCodes() throws {
        let register = try RegisterExtract.parse(Self.extract)
        let first = try RegisterSample.draw(count: 25, from: register, seed: 2026)
        let again = try RegisterSample.draw(count: 25, from: register, seed: 2026)
        let other = try RegisterSample.draw(count: 25, from: register, seed: 2027)
        #expect(first == again)
        #expect(first.invitations.map(\.row.id) != other.invitations.map(\.row.id))
        #expect(first.invitations.map(\.code) != other.invitations.map(\.code))
    }

    @Test func drawsAtMostOnePerHouseholdWithUniqueCodesInRegisterOrder() throws {
        let register = try RegisterExtract.parse(Self.extract)
        for seed in UInt64(0)..<30 {
            let sample = try RegisterSample.draw(count: 50, from: register, seed: seed)
            let households = sample.invitations.compactMap(\.row.household)
            #expect(sample.invitations.count == 50)
            #expect(Set(households).count == households.count)
            #expect(Set(sample.invitations.map(\.code)).count == 50)
            #expect(sample.invitations.map(\.row.line) == sample.invitations.map(\.row.line).sorted())
        }
    }

    @Test func writesTheExtractColumnsPlusCode() throws {
        let register = try RegisterExtract.parse("ID,Naam\n7,\"Vries, Anna de\"\n8,=SOM(A1)\n")
        let sample = try RegisterSample.draw(count: 2, from: register, seed: 1)
        let lines = sample.csv().components(separatedBy: "\r\n")
        #expect(lines[0] == "\"ID\",\"Naam\",\"code\"")
        #expect(lines[1] == "\"7\",\"Vries, Anna de\",\"\(sample.invitations[0].code.formatted)\"")
        #expect(lines[2].hasPrefix("\"8\",\"'=SOM(A1)\","))
        let code = try #require(InvitationCode.parse(sample.invitations[1].code.formatted))
        #expect(code == sample.invitations[1].code)
    }

    @Test func badExtractsNameTheLinesToFix() {
        func problems(_ text: String) -> [PanelImportError.Problem] {
            do {
                _ = try RegisterExtract.parse(text)
                return []
            } catch {
                return error.problems
            }
        }
        #expect(problems("").map(\.line) == [1])
        #expect(problems("")[0].reason.contains("empty"))
        #expect(problems("naam,straat\nA,B\n")[0].reason.contains("no `id` column"))
        let duplicates = problems("id,naam\n1,A\n2,B\n1,C\n,D\n")
        #expect(duplicates.map(\.line) == [4, 5])
        #expect(duplicates[0].reason == "id 1 is already on line 2")
        #expect(duplicates[1].reason == "id is empty")
        #expect(problems("id,code\n1,X\n")[0].reason.contains("already has a `code` column"))
        #expect(problems("id,naam\n")[0].reason.contains("no people"))
        #expect(problems("id,naam\n1,A,extra\n")[0].reason == "has 3 fields, the header has 2")
    }

    @Test func refusesToDrawMoreThanTheHouseholds() throws {
        let register = try RegisterExtract.parse(Self.extract)
        #expect(throws: RegisterSampleError.countTooLarge(requested: 51, people: 60, households: 50)) {
            try RegisterSample.draw(count: 51, from: register, seed: 1)
        }
        #expect(
            RegisterSampleError.countTooLarge(requested: 51, people: 60, households: 50).description
                == "cannot draw 51 invitations from 60 people in 50 households (at most one per household); "
                + "ask for at most 50 or send a larger extract")
        #expect(throws: RegisterSampleError.countNotPositive(0)) { try RegisterSample.draw(count: 0, from: register, seed: 1) }
    }
}
