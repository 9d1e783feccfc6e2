import Foundation
import Testing

@testable import PanelCore

@Suite struct PersonalDataScannerTests {
    /// The findings of `text` as (kind, matched text) pairs, in order.
    static func found(_ text: String) -> [(PersonalDataFinding.Kind, String)] {
        PersonalDataScanner.findings(in: text).map { ($0.kind, String(text[$0.range])) }
    }

    static func found(_ kind: PersonalDataFinding.Kind, in text: String) -> [String] {
        found(text).filter { $0.0 == kind }.map(\.1)
    }

    // MARK: - BSN

    @Test(arguments: [
        ("BSN 123456782.", "123456782"),
        ("burgerservicenummer: 123.456.782", "123.456.782"),
        ("mijn bsn is 1234 56 782, graag vertrouwelijk", "1234 56 782"),
        ("nummer 123 456 782", "123 456 782"),
        ("(111222333)", "111222333"),
        ("BSN: 12345672", "12345672"),  // 8 digits, a leading 0 dropped, right after "BSN"
    ])
    func findsBSN(text: String, bsn: String) {
        #expect(Self.found(.bsn, in: text) == [bsn], "\(text)")
    }

    @Test(arguments: [
        "123456789",  // fails the elfproef
        "000000000",
        "12345672",  // 8 digits without "BSN" nearby
        "€ 123.456.782",  // an amount
        "123.456.782,00",
        "1234567820",  // ten digits
        "zaak UTR-123456782",
        "12-03-2024",
        "artikel 2.3.5 Wmo",
    ])
    func doesNotFindBSN(text: String) {
        #expect(Self.found(.bsn, in: text).isEmpty, "\(text)")
    }

    @Test func elfproef() {
        #expect(PersonalDataTextScanner.elfproef([1, 2, 3, 4, 5, 6, 7, 8, 2]))
        #expect(!PersonalDataTextScanner.elfproef([1, 2, 3, 4, 5, 6, 7, 8, 9]))
        #expect(!PersonalDataTextScanner.elfproef([0, 0, 0, 0, 0, 0, 0, 0, 0]))
    }

    // MARK: - IBAN

    @Test(arguments: [
        ("IBAN NL91 ABNA 0417 1643 00 t.n.v. Jansen", "NL91 ABNA 0417 1643 00"),
        ("rekening NL91ABNA0417164300.", "NL91ABNA0417164300"),
        ("nl20ingb0001234567", "nl20ingb0001234567"),
        ("Duitse rekening DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
        ("BE68539007547034", "BE68539007547034"),
        ("FR14 2004 1010 0505 0001 3M02 606 is van mijn zoon", "FR14 2004 1010 0505 0001 3M02 606"),
    ])
    func findsIBAN(text: String, iban: String) {
        #expect(Self.found(.iban, in: text) == [iban], "\(text)")
    }

    @Test(arguments: [
        "NL91 ABNA 0417 1643 01",  // wrong check digits
        "NL91ABNA041716430",  // too short
        "NL91ABNA04171643001",  // too long
        "XX91ABNA0417164300",  // no such country
        "UTR-2026-0042",
    ])
    func doesNotFindIBAN(text: String) {
        #expect(Self.found(.iban, in: text).isEmpty, "\(text)")
    }

    @Test func ibanDigitsAreNotAlsoAPhoneNumber() {
        #expect(Self.found("NL91ABNA0417164300").map(\.0) == [.iban])
    }

    // MARK: - Phone

    @Test(arguments: [
        ("bel 06-12345678 als het kan", "06-12345678"),
        ("06 1234 5678", "06 1234 5678"),
        ("0612345678", "0612345678"),
        ("06 12 34 56 78", "06 12 34 56 78"),
        ("+31 6 12345678", "+31 6 12345678"),
        ("+31 (0)6 1234 5678", "+31 (0)6 1234 5678"),
        ("+31612345678", "+31612345678"),
        ("0031 6 12345678", "0031 6 12345678"),
        ("010-1234567", "010-1234567"),
        ("020 123 4567", "020 123 4567"),
        ("(030) 1234567", "(030) 1234567"),
        ("030 - 123 45 67", "030 - 123 45 67"),
        ("tel.0612345678", "0612345678"),
        ("mijn zus in België: +32 470 12 34 56.", "+32 470 12 34 56"),
        ("Tel: 0318-123456, na 18.00 uur", "0318-123456"),
    ])
    func findsPhone(text: String, phone: String) {
        #expect(Self.found(.phone, in: text) == [phone], "\(text)")
    }

    @Test(arguments: [
        "op 12-03-2024 kreeg ze de brief",
        "01-03-2024 10:00",
        "03.03.2026",
        "€ 1.250,00",
        "€ 0612345678",
        "in 1974 gekocht, nu 2026",
        "zaak UTR-2026-0042",
        "van 09:00 tot 17:00",
        "09.00-10.30 uur",
        "75% van de kosten",
        "artikel 2.3.5 Wmo",
        "0800-1234",  // a service number
        "0900-1234567",
        "06-1234567",  // too short
        "061234567890",  // too long
        "ref 0612345678X",
    ])
    func doesNotFindPhone(text: String) {
        #expect(Self.found(.phone, in: text).isEmpty, "\(text)")
    }

    // MARK: - E-mail

    @Test(arguments: [
        ("mail jan.de.vries@ziggo.nl gerust", "jan.de.vries@ziggo.nl"),
        ("<J.Jansen+panel@Gmail.com>.", "J.Jansen+panel@Gmail.com"),
        ("renée@voorbeeld.nl", "renée@voorbeeld.nl"),
        ("info@gemeente-utrecht.example.", "info@gemeente-utrecht.example"),
    ])
    func findsEmail(text: String, email: String) {
        #expect(Self.found(.email, in: text) == [email], "\(text)")
    }

    @Test(arguments: [
        "volg @gemeenteutrecht",
        "jan@localhost",
        "@ b.nl",
        "prijs 3 @ 2,50",
        "@",
    ])
    func doesNotFindEmail(text: String) {
        #expect(Self.found(.email, in: text).isEmpty, "\(text)")
    }

    // MARK: - Postcode and house number

    @Test(arguments: [
        ("3511 AB 12", "3511 AB 12"),
        ("3511AB, 12a", "3511AB, 12a"),
        ("3511ab 7", "3511ab 7"),
        ("Ze woont op Hoofdstraat 12, 3511 AB Utrecht.", "Hoofdstraat 12, 3511 AB"),
        ("Hoofdstraat 12\n3511 AB  Utrecht", "Hoofdstraat 12\n3511 AB"),
        ("mijn adres is Hoofdstraat 12.", "Hoofdstraat 12"),
        ("in de Kerkstraat 5-bis", "Kerkstraat 5-bis"),
        ("Oude Gracht 12a", "Oude Gracht 12a"),
        ("op de Burgemeester de Withstraat 3 A, helaas", "Burgemeester de Withstraat 3 A"),
        ("hoofdstraat 12", "hoofdstraat 12"),
        ("postcode 3511 AB", "3511 AB"),
        ("3511 AB Utrecht", "3511 AB"),
        ("Ik woon in 3511 AB.", "3511 AB"),  // a bare postcode is an address too (finding 2 of the outside test)
    ])
    func findsAddress(text: String, address: String) {
        #expect(Self.found(.postcodeHouseNumber, in: text) == [address], "\(text)")
    }

    @Test(arguments: [
        "in 2026 is dat anders",
        "artikel 2.3.5 Wmo",
        "de weg 3 keer op en neer",
        "hoofdstuk 3 van de verordening",
        "op de snelweg 12 kilometer file",
        "na een loopbaan 30 jaar lang",
        "zaak UTR-2026-0042",
        "vanaf 2024 EN verder",  // a shouted word after a year, not a postcode
        "1234 SS 12",  // SS is never used in postcodes
        "Straat 5",  // the word alone
        "Wmo 2015",
    ])
    func doesNotFindAddress(text: String) {
        #expect(Self.found(.postcodeHouseNumber, in: text).isEmpty, "\(text)")
    }

    // MARK: - URL

    @Test(arguments: [
        ("zie https://www.utrecht.nl/wmo/traplift.", "https://www.utrecht.nl/wmo/traplift"),
        ("(zie http://example.org/a_(b))", "http://example.org/a_(b)"),
        ("kijk op www.regelhulp.nl", "www.regelhulp.nl"),
        ("op zorgwijzer.nl/traplift staat meer", "zorgwijzer.nl/traplift"),
        ("kijk op hulpmiddelenwijzer.nl, daar", "hulpmiddelenwijzer.nl"),
    ])
    func findsURL(text: String, url: String) {
        #expect(Self.found(.url, in: text) == [url], "\(text)")
        #expect(PersonalDataScanner.containsLink(text))
    }

    @Test(arguments: [
        "mail jan@ziggo.nl",
        "artikel 2.3.5 Wmo",
        "bijv. dit of d.w.z. dat",
        "Mw.De Vries",
        "verslag.pdf",
        "om 09:00 uur",
    ])
    func doesNotFindURL(text: String) {
        #expect(!PersonalDataScanner.containsLink(text), "\(text)")
        #expect(Self.found(.url, in: text).isEmpty, "\(text)")
    }

    @Test func numbersInsideAURLAreNotPersonalData() {
        let text = "https://wa.me/31612345678 en https://x.nl/zaak/123456782"
        #expect(Self.found(text).map(\.0) == [.url, .url])
        #expect(PersonalDataScanner.mask(text).text == text)
    }

    @Test func emailInsideAURLIsMaskedAndTheURLStillReported() {
        let text = "https://x.nl/?m=jan@ziggo.nl"
        #expect(Self.found(text).map(\.0) == [.url, .email])
        #expect(PersonalDataScanner.mask(text).text == "https://x.nl/?m=[e-mailadres verwijderd]")
    }

    // MARK: - Masking

    @Test func masksEveryKindWithItsDutchPlaceholder() {
        let text = """
            Mijn moeder (BSN 123456782) woont op Hoofdstraat 12, 3511 AB Utrecht.
            Bel me op 06-12345678 of mail jan.de.vries@ziggo.nl. Geld naar NL91 ABNA 0417 1643 00.
            Meer op https://www.utrecht.nl/wmo.
            """
        let masked = PersonalDataScanner.mask(text)
        #expect(
            masked.text == """
                Mijn moeder (BSN [BSN verwijderd]) woont op [adres verwijderd] Utrecht.
                Bel me op [telefoonnummer verwijderd] of mail [e-mailadres verwijderd]. Geld naar [IBAN verwijderd].
                Meer op https://www.utrecht.nl/wmo.
                """)
        #expect(masked.kinds == [.bsn, .postcodeHouseNumber, .phone, .email, .iban])
    }

    @Test func maskLeavesEverythingElseByteIdentical() {
        let prefix =
            "Geachte heer/mevrouw,\r\n\r\nOp 12-03-2024 om 09:00 schreef de gemeente (zaak UTR-2026-0042, artikel 2.3.5 Wmo) dat 75% van € 1.250,00 vergoed wordt 😀 — "
        let suffix = " \u{00A0}café 👍🏽\r\n\tEinde."
        let text = prefix + "06 1234 5678" + suffix
        let masked = PersonalDataScanner.mask(text)
        #expect(masked.text == prefix + "[telefoonnummer verwijderd]" + suffix)
        #expect(Array(masked.text.utf8) == Array((prefix + "[telefoonnummer verwijderd]" + suffix).utf8))
        #expect(masked.kinds == [.phone])
    }

    @Test func textWithoutPersonalDataIsUnchanged() {
        let text = """
            Ik steun het besluit niet. Zaak UTR-2026-0042: de traplift kost € 4.500,00, dat is 0,3% van het
            budget. De brief van 12-03-2024 noemt artikel 2.3.5 Wmo; bellen kan tussen 09:00 en 17:00.
            Ze woont er sinds 1974, al 52 jaar. Steun: 7 van de 12 (58%).
            """
        #expect(PersonalDataScanner.findings(in: text).isEmpty)
        let masked = PersonalDataScanner.mask(text)
        #expect(masked.text == text)
        #expect(masked.kinds.isEmpty)
    }

    @Test func linksAreReportedButNotMasked() {
        let text = "Zie www.regelhulp.nl voor hulp."
        let masked = PersonalDataScanner.mask(text)
        #expect(masked.text == text)
        #expect(masked.kinds.isEmpty)
        #expect(PersonalDataScanner.findings(in: text).map(\.kind) == [.url])
    }

    @Test func findingsAreOrderedAndDoNotOverlap() {
        let text = "06-12345678, jan@x.nl, 3511 AB 12, NL91ABNA0417164300, 123456782"
        let findings = PersonalDataScanner.findings(in: text)
        #expect(findings.map(\.kind) == [.phone, .email, .postcodeHouseNumber, .iban, .bsn])
        for (a, b) in zip(findings, findings.dropFirst()) {
            #expect(a.range.upperBound <= b.range.lowerBound)
        }
    }

    @Test func emptyText() {
        #expect(PersonalDataScanner.findings(in: "").isEmpty)
        #expect(PersonalDataScanner.mask("").text == "")
        #expect(!PersonalDataScanner.containsLink(""))
    }
}

/// Found by the case-file fuzzer, and the writer's own name in a sign-off.
@Suite struct PersonalDataScannerRegressionTests {
    @Test func overlappingAddressPiecesDoNotCrash() {
        let masked = PersonalDataScanner.mask("etlaan 2e stkade 1")
        #expect(!masked.text.isEmpty)
    }

    @Test(arguments: [
        ("Met vriendelijke groet,\nAnna de Vries", "Anna de Vries", "Met vriendelijke groet,\n[naam]"),
        ("groet, ANNA", "Anna de Vries", "groet, [naam]"),
        ("Ik vind Annabel een mooie naam.", "Anna de Vries", "Ik vind Annabel een mooie naam."),
        ("De Vries en de buren helpen.", "Anna de Vries", "[naam] en de buren helpen."),
        ("Céline: het kan niet. Celine de Wit", "Céline de Wit", "[naam]: het kan niet. [naam]"),
        ("Geen naam bekend.", nil, "Geen naam bekend."),
    ])
    func theWritersOwnNameIsMasked(text: String, name: String?, expected: String) {
        let context = PersonalDataContext(names: PanelistNames(name.map { [$0] } ?? []))
        #expect(PersonalDataScanner.mask(text, context: context).text == expected)
    }
}
