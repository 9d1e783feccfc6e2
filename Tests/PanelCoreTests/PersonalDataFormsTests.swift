import PanelCore
import Testing

/// The forms an outside security test got past the scanner (issue 17, finding 2): each was published unmasked.
@Suite struct PersonalDataFormsTests {
    static let panel = PanelistNames(["Céline de Wit", "Normaal Een", "Piet Jansen", "Anouk Bakker", "Ömer Özdemir"])
    static let context = PersonalDataContext(names: panel, year: 2026)

    static func masked(_ text: String) -> String {
        PersonalDataScanner.mask(text, context: context).text
    }

    static func kinds(_ text: String) -> [PersonalDataFinding.Kind] {
        PersonalDataScanner.findings(in: text, context: context).map(\.kind)
    }

    @Test(arguments: [
        (
            "Mijn moeder is geboren op 12-03-1936 en woont alleen.",
            "Mijn moeder is geboren op [geboortedatum verwijderd] en woont alleen."
        ),
        ("Zij is van 1 januari 1950.", "Zij is van [geboortedatum verwijderd]."),
        (
            "Mijn vader (geboren in 1938) kan de trap niet meer op.",
            "Mijn vader (geboren in [geboortedatum verwijderd]) kan de trap niet meer op."
        ),
    ])
    func datesOfBirthInReplies(text: String, expected: String) {
        #expect(Self.masked(text) == expected)
    }

    @Test(arguments: [
        "Mijn BSN is 1112-22333.", "Mijn BSN is 1 1 1 2 2 2 3 3 3.", "Mijn BSN is 111 22 23 33.",
        "Mijn BSN is 111\u{200B}222\u{200B}333.", "BSN: 111\u{00AD}222333",
    ])
    func bsnWrittenAnyWay(text: String) {
        #expect(Self.kinds(text) == [.bsn], "\(text)")
        #expect(!Self.masked(text).contains("333"))
    }

    @Test(arguments: ["NL91-ABNA-0417-1643-00", "nl91 abna 0417 1643 00", "NL91.ABNA.0417.1643.00"])
    func ibanWithDashesDotsOrLowercase(iban: String) {
        #expect(Self.kinds("Stort het op \(iban) graag.") == [.iban], "\(iban)")
    }

    @Test(arguments: [
        "Bel me op 06\u{2011}12345678.", "Bel me op 06\u{2013}12345678.", "Bel me op ０６－１２３４５６７８.",
        "Bel me: nul zes een twee drie vier vijf zes zeven acht.", "Bel 0 6 1 2 3 4 5 6 7 8 maar.",
        "Mijn nummer is nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig.",
    ])
    func phoneWrittenAnyWay(text: String) {
        #expect(Self.kinds(text) == [.phone], "\(text)")
    }

    @Test(arguments: [
        ("Mail naar naam punt achternaam apenstaartje gmail punt com", "naam punt achternaam apenstaartje gmail punt com"),
        ("jan [at] ziggo [dot] nl is mijn adres", "jan [at] ziggo [dot] nl"),
        ("jan(at)kpnmail(dot)nl", "jan(at)kpnmail(dot)nl"),
        ("schrijf anna.bakker@gmail .com", "anna.bakker@gmail .com"),
        ("of anna at hotmail dot com", "anna at hotmail dot com"),
    ])
    func emailSpelledOut(text: String, email: String) {
        let findings = PersonalDataScanner.findings(in: text, context: Self.context)
        #expect(findings.filter { $0.kind == .email }.map { String(text[$0.range]) } == [email], "\(text)")
    }

    @Test(arguments: [
        ("Ik woon op nr. 14, de trap is steil.", "nr. 14"),
        ("Op huisnummer 12 woont een oudere dame.", "huisnummer 12"),
        ("Zij woont op nummer 12 van de Biltstraat.", "nummer 12 van de Biltstraat"),
        ("Adres: 123bis, tweede verdieping.", "123bis"),
        ("Ik woon op 14 Biltstraat sinds jaren.", "14 Biltstraat"),
        ("Oudegracht 123 is mijn huis.", "Oudegracht 123"),
    ])
    func addressesWithoutTheUsualStreetAndNumber(text: String, address: String) {
        let findings = PersonalDataScanner.findings(in: text, context: Self.context)
        #expect(findings.map { String(text[$0.range]) } == [address], "\(text)")
    }

    @Test(arguments: [
        ("Ik sprak Piet Jansen erover.", "Ik sprak [naam] erover."),
        ("Groet, Celine", "Groet, [naam]"),
        ("jansen heeft gelijk", "[naam] heeft gelijk"),
        ("Volgens Ozdemir klopt het niet.", "Volgens [naam] klopt het niet."),
        ("Normaal Een schreef dat al.", "[naam] schreef dat al."),
        ("Mevrouw Bakker zei het ook.", "Mevrouw [naam] zei het ook."),
    ])
    func namesOfThePanelWithoutDiacriticsOrCase(text: String, expected: String) {
        #expect(Self.masked(text) == expected)
    }

    /// A panelist's name that is an ordinary word must not eat the word.
    @Test(arguments: [
        "Hoeveel kost een verhuizing?", "Dat is normaal voor deze leeftijd.", "Normaal gesproken helpt de buurt.",
        "De bakker op de hoek brengt brood.", "Een wit geschilderde muur.", "Per 1 januari 2025 geldt de regel.",
        "Op 12-03-2026 kreeg ik de brief.", "Artikel nr. 14 van de verordening.", "Mijn moeder is 88.",
        "Dat kost € 1.250,00 per jaar.", "Zaak 2026-0142 gaat over een traplift.", "Het is nummer 1 prioriteit.",
    ])
    func ordinaryTextStaysAsItIs(text: String) {
        #expect(Self.masked(text) == text)
    }

    /// Finding 10: what a reader cannot see must not reach the digest (a right-to-left override, ESC).
    @Test func hiddenCharactersAreRemovedFromWhatIsShown() {
        #expect(Self.masked("Goed \u{202E}besluit\u{202C} en \u{1B}[31mrood") == "Goed besluit en [31mrood")
        #expect(OutsideText.neutralised("👨‍👩‍👧 gezin") == "👨‍👩‍👧 gezin")
    }
}
