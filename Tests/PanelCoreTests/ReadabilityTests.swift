import Foundation
import Testing

@testable import PanelCore

@Suite struct ReadabilityTests {
    // MARK: - Syllables

    @Test(arguments: [
        // Everyday words
        ("gemeente", 3), ("traplift", 2), ("aanvraag", 2), ("beslissing", 3), ("ondersteuning", 4),
        ("maatschappelijk", 4), ("maatschappelijke", 5), ("voorziening", 3), ("maatwerkvoorziening", 5),
        ("verhuizing", 3), ("eigen", 2), ("eigenlijk", 3), ("woning", 2), ("trap", 1), ("huis", 1),
        ("thuis", 1), ("hulp", 1), ("mevrouw", 2), ("aanvrager", 3), ("besluit", 2), ("standpunt", 2),
        ("duidelijk", 3), ("uitkering", 3), ("ziekenhuis", 3), ("huishouden", 3), ("rolstoel", 2),
        ("scootmobiel", 3), ("douche", 2), ("kinderen", 3), ("zeventig", 3), ("persoonsgebonden", 5),
        ("vrijwilliger", 4), ("bijzonder", 3), ("bijeenkomst", 3), ("beoordeling", 4), ("beantwoorden", 4),
        ("geopend", 3), ("auto", 2), ("euro", 2),
        // Vowel groups that count once
        ("leeuw", 1), ("eeuw", 1), ("nieuw", 1), ("nieuwe", 2), ("zee", 1), ("knie", 1), ("idee", 2),
        ("mooi", 1), ("mooie", 2), ("groeien", 2), ("haai", 1), ("ijs", 1), ("vrij", 1), ("trein", 1),
        ("duur", 1), ("boek", 1), ("oud", 1),
        // Vowels that meet without making one sound
        ("theater", 3), ("situatie", 4), ("januari", 4), ("individueel", 5), ("bioscoop", 3),
        // Trema and other accents
        ("ruïne", 3), ("reünie", 3), ("coöperatie", 5), ("geïnteresseerd", 5), ("zeeën", 2), ("café", 2),
        ("één", 1),
        // Loanwords
        ("bureau", 2), ("niveau", 2), ("baby", 2), ("hobby", 2), ("systeem", 2), ("consequent", 3),
        ("pensioen", 2), ("e-mail", 2),
    ])
    func syllables(word: String, expected: Int) {
        #expect(Readability.syllables(word) == expected, "\(word)")
    }

    @Test func syllablesOfOddWords() {
        #expect(Readability.syllables("PGB") == 1)  // letters without a vowel
        #expect(Readability.syllables("Gemeente") == 3)  // case does not matter
        #expect(Readability.syllables("2015") == 0)
        #expect(Readability.syllables("") == 0)
    }

    // MARK: - Sentences

    @Test func splitsOnSentenceEnds() {
        #expect(
            Readability.sentences("De gemeente zei nee! Klopt dat? Ja. Het besluit viel in 2026. Daarna kwam bezwaar.")
                == ["De gemeente zei nee!", "Klopt dat?", "Ja.", "Het besluit viel in 2026.", "Daarna kwam bezwaar."])
    }

    @Test func abbreviationsBeforeLowercaseDoNotEndASentence() {
        #expect(Readability.sentences("Neem bijv. een traplift. Dat is duur.") == ["Neem bijv. een traplift.", "Dat is duur."])
        #expect(
            Readability.sentences("Dit geldt o.a. voor ouderen. Zie art. 2.3.5 van de wet. Het gaat om nr. 5 van de lijst.")
                == ["Dit geldt o.a. voor ouderen.", "Zie art. 2.3.5 van de wet.", "Het gaat om nr. 5 van de lijst."])
        #expect(Readability.sentences("Zij sprak met mevr. de Vries en dhr. Bakker. Zij zeiden nee.").count == 2)
        #expect(Readability.sentences("Dat kost tijd, geld enz. Daarna volgt het besluit.").count == 2)
    }

    @Test func listItemsAndParagraphsAreSentences() {
        let text = """
            ## Wat de gemeente noemt
            De gemeente noemt twee redenen:
            - de kosten
            - de wachttijd van een
              half jaar

            Een nieuwe alinea
            zonder punt
            1. eerste punt
            """
        #expect(
            Readability.sentences(text) == [
                "Wat de gemeente noemt", "De gemeente noemt twee redenen:", "de kosten", "de wachttijd van een half jaar",
                "Een nieuwe alinea zonder punt", "eerste punt",
            ])
    }

    @Test func sentenceSpansKnowTheirLine() {
        let spans = Readability.sentenceSpans([(3, "Eerste zin. Tweede"), (4, "zin loopt door. Derde zin.")])
        #expect(spans.map(\.line) == [3, 3, 4])
        #expect(spans.map(\.text) == ["Eerste zin.", "Tweede zin loopt door.", "Derde zin."])
    }

    // MARK: - Flesch–Douma

    static let simple = """
        Mevrouw is negentig jaar. Zij woont al lang in haar huis. De trap is te steil voor haar. \
        Zij wil een traplift. De gemeente zegt nee.
        """
    static let bureaucratic = """
        Ingevolge artikel 2.3.5 van de Wet maatschappelijke ondersteuning is het college derhalve gehouden om, \
        teneinde de zelfredzaamheid en participatie van de belanghebbende te waarborgen, een maatwerkvoorziening te \
        verstrekken, indien en voor zover de belanghebbende niet op eigen kracht dan wel met gebruikmaking van een \
        algemene voorziening in de ondervonden beperkingen kan voorzien.
        """

    @Test func simpleTextScoresHigherThanBureaucraticText() throws {
        let simple = try #require(Readability.fleschDouma(Self.simple))
        let bureaucratic = try #require(Readability.fleschDouma(Self.bureaucratic))
        #expect(simple > 80 && simple < 110, "simple: \(simple)")
        #expect(bureaucratic < 20, "bureaucratic: \(bureaucratic)")
        #expect(simple > bureaucratic + 50)
    }

    @Test func fleschDoumaByHand() throws {
        // 2 sentences, 6 words, 8 syllables (de 1, gemeente 3, zegt 1; zij 1, huilt 1, niet 1).
        let score = try #require(Readability.fleschDouma("De gemeente zegt. Zij huilt niet."))
        let expected = 206.835 - 0.93 * 3 - 77 * (8.0 / 6.0)
        #expect(abs(score - expected) < 1e-9)
    }

    @Test func noWordsNoScore() {
        #expect(Readability.fleschDouma("") == nil)
        #expect(Readability.fleschDouma("2015. 42!\n\n- 3") == nil)
    }

    @Test func wordsLeaveOutNumbersAndLinks() {
        #expect(
            Readability.words(in: "Zie [de wet](https://wetten.overheid.nl/x) uit 2015, **echt** www.wmo.nl en/of de e-mail.")
                == ["Zie", "de", "wet", "uit", "echt", "en", "of", "de", "e-mail"])
    }
}
