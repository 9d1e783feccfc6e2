import Foundation
import Testing

@testable import PanelCore

@Suite struct PanelCSVTests {
    @Test func readsQuotedFieldsAnyColumnOrderAndCRLF() throws {
        let text = "name,email,district\r\n\"Vries, Anna de\",Anna@Example.NL,Oost\r\n\"Zeg \"\"Bram\"\"\",bram@example.nl,\r\n"
        let rows = try PanelCSV.parse(text)
        #expect(
            rows == [
                PanelistRow(email: "anna@example.nl", name: "Vries, Anna de", district: "Oost"),
                PanelistRow(email: "bram@example.nl", name: "Zeg \"Bram\""),
            ])
    }

    /// Finding 10 of the outside test: an ESC in a CSV name was printed raw by `panel export`.
    @Test func hiddenCharactersNeitherComeInNorGoOut() throws {
        let rows = try PanelCSV.parse("name,email\n\"Anna\u{1B}[2J \u{202E}Vries\",anna@example.nl\n")
        #expect(rows.map(\.name) == ["Anna[2J Vries"])
        #expect(CSVField.quoted("a\u{202E}b\u{1B}c") == "\"abc\"")
        #expect(CSVField.quoted("\u{200B}=1+1") == "\"'=1+1\"")
    }

    @Test func listsEveryBadLineWithItsNumber() {
        let text = """
            email,name,age_band
            ok@example.nl,Ok,35-49
            not-an-address,Bad,18-34
            ok@example.nl,Twice,50-64
            ,Empty,75+
            short@example.nl
            """
        do {
            _ = try PanelCSV.parse(text)
            Issue.record("a bad file was accepted")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 5, 6])
            #expect(error.problems[0].reason.contains("not a valid e-mail address"))
            #expect(error.problems[1].reason.contains("already on line 2"))
            #expect(error.problems[2].reason.contains("email is empty"))
            #expect(error.problems[3].reason.contains("has 1 fields"))
        }
    }

    @Test func refusesAHeaderWithoutEmailOrWithUnknownColumns() {
        #expect(throws: PanelImportError.self) { try PanelCSV.parse("name\nAnna\n") }
        #expect(throws: PanelImportError.self) { try PanelCSV.parse("email,shoe_size\na@b.nl,42\n") }
        #expect(throws: PanelImportError.self) { try PanelCSV.parse("") }
    }

    @Test func emailPlausibility() {
        for good in ["a@b.nl", "first.last+tag@sub.example.org", "o'brien@example.ie"] { #expect(EmailAddress.isPlausible(good)) }
        for bad in ["", "a", "a@b", "a@@b.nl", "a b@c.nl", "a@b..nl", ".a@b.nl", "a@-b.nl", "a@b.nl\r\nBcc: x@y.nl"] {
            #expect(!EmailAddress.isPlausible(bad), "\(bad)")
        }
    }
}
