import Foundation
import Testing

@testable import PanelCore

@Suite struct DutchStemmerTests {
    /// Pairs from Snowball's published Dutch vocabulary and its output (snowball-data, dutch/), each also traced
    /// through the algorithm: R1/R2 deletions, en/heden/s endings, undoubling, the e/lijk/heid/ig chain and accents.
    static let published: [(word: String, stem: String)] = [
        ("lichaamsziek", "lichaamsziek"),
        ("lichamelijk", "licham"),
        ("lichamelijke", "licham"),
        ("lichamelijkheden", "licham"),
        ("lichamen", "licham"),
        ("lichijten", "lichijt"),
        ("lichtbeelden", "lichtbeeld"),
        ("lichtbron", "lichtbron"),
        ("lichtdoorlatende", "lichtdoorlat"),
        ("lichte", "licht"),
        ("lichten", "licht"),
        ("lichtende", "lichtend"),
        ("lichtenden", "lichtend"),
        ("lichter", "lichter"),
        ("lichtere", "lichter"),
        ("lichtgevende", "lichtgev"),
        ("lichtgevoelig", "lichtgevoel"),
        ("lichtglans", "lichtglan"),
        ("aachen", "aach"),
        ("aalders", "aalder"),
        ("aalmoezen", "aalmoez"),
        ("aalscholvers", "aalscholver"),
        ("aalsmeer", "aalsmer"),
        ("aalsmeerbaan", "aalsmeerban"),
        ("aalsmeerse", "aalsmer"),
        ("aalten", "aalt"),
        ("aaltenaar", "aaltenar"),
        ("aanbelde", "aanbeld"),
        ("aanbellen", "aanbell"),
        ("aanbesteding", "aanbested"),
        ("aanbestedingen", "aanbested"),
        ("aanbestedingsprocedure", "aanbestedingsprocedur"),
        ("aanbevelingen", "aanbevel"),
        ("aanbiddelijk", "aanbid"),
        ("aanbiddelijke", "aanbid"),
        ("aanbidden", "aanbid"),
        ("aanbiddend", "aanbid"),
        ("aanbidding", "aanbid"),
        ("aanbieders", "aanbieder"),
        ("aanbiedplaatsen", "aanbiedplaats"),
        ("aanbood", "aanbod"),
        ("aandachtig", "aandacht"),
        ("aandachtige", "aandacht"),
        ("aandachtiger", "aandachtiger"),
        ("aandachtspunten", "aandachtspunt"),
        ("aandeed", "aanded"),
        ("aandeel", "aandel"),
        ("aandeelhoudersvergadering", "aandeelhoudersvergader"),
        ("aandelenkapitaal", "aandelenkapital"),
        ("aandoening", "aandoen"),
        ("aandoenlijke", "aandoen"),
        ("aandrijvende", "aandrijv"),
        ("aaneen", "aanen"),
        ("aangaande", "aangaand"),
        ("aangelegenheden", "aangeleg"),
        ("aangelegenheid", "aangeleg"),
        ("aangenaam", "aangenam"),
        ("aangenaamste", "aangenaamst"),
        ("aangewend", "aangew"),
        ("aanhangwagens", "aanhangwagen"),
        ("aanhankelijkheden", "aanhank"),
        ("aanhankelijkheid", "aanhank"),
        ("aankondiging", "aankond"),
        ("aannames", "aannames"),
        ("aanpasbaarheid", "aanpas"),
        ("aanschafwaarde", "aanschafwaard"),
        ("aansprakelijkheid", "aansprak"),
        ("aansprakelijkheidsverzekering", "aansprakelijkheidsverzeker"),
        ("aanstellerigheid", "aansteller"),
        ("aanstellerij", "aanstellerij"),
        ("á", "a"),
        ("à", "à"),
    ]

    @Test func stemsThePublishedVocabulary() {
        #expect(Self.published.count >= 60)
        for (word, stem) in Self.published {
            #expect(DutchStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func keepsWordsWithoutAStemmableEnding() {
        #expect(DutchStemmer.stem("") == "")
        #expect(DutchStemmer.stem("ik") == "ik")
        #expect(DutchStemmer.stem("traplift") == "traplift")
    }

    @Test func conflatesTheFormsOfAWord() {
        #expect(DutchStemmer.stem("kosten") == DutchStemmer.stem("kost"))
        #expect(DutchStemmer.stem("woningen") == DutchStemmer.stem("woning"))
        #expect(DutchStemmer.stem("verhuizen") == DutchStemmer.stem("verhuizing"))
        #expect(DutchStemmer.stem("buren") == "bur")
        #expect(DutchStemmer.stem("Lichamelijke") == "licham")
    }

    @Test func treatsIAndYBetweenVowelsAsConsonants() {
        // "i" between vowels and "y" after a vowel are consonants, so "-en" after them goes ("en" needs a non-vowel).
        #expect(DutchStemmer.stem("mooie") == "mooi")
        #expect(DutchStemmer.stem("haaien") == "haai")
        #expect(DutchStemmer.stem("royen") == "roy")
    }

    @Test func handlesHedenAndHeid() {
        #expect(DutchStemmer.stem("vrijheden") == "vrijheid")  // heden → heid in R1; heid itself is not in R2
        #expect(DutchStemmer.stem("mogelijkheid") == "mogelijk")  // heid in R2 goes, lijk is not in R2
        #expect(DutchStemmer.stem("gemeenten") == "gemeent")
    }

    @Test func keepsEnAfterGem() {
        // A valid en-ending is a non-vowel not preceded by "gem": "gemen" keeps its "en".
        #expect(DutchStemmer.stem("algemeen") == "algemen")
        #expect(DutchStemmer.stem("ingemen") == "ingemen")
    }
}

@Suite struct DutchTokenizerTests {
    @Test func keepsNegations() {
        #expect(DutchTokenizer.tokens("Dat is niet eerlijk en geen oplossing.") == ["niet", "eerlijk", "geen", "oplossing"])
    }

    @Test func lowercasesSplitsAndDropsStopWordsAndSingleLetters() {
        #expect(
            DutchTokenizer.tokens("De TRAPLIFT (ca. 8.000 euro) is voor de auto's van u duur!")
                == ["traplift", "ca", "000", "euro", "auto", "duur"])
        #expect(DutchTokenizer.tokens("Ze is 90 jaar.") == ["90", "jaar"])
    }

    @Test func keepsAccentedLettersInWords() {
        #expect(DutchTokenizer.tokens("Eén reeël idee, café-eigenaar") == ["eén", "reeël", "idee", "café", "eigenaar"])
        // Decomposed accents are composed first, so they stay inside their word.
        #expect(DutchTokenizer.words("cafe\u{301}") == ["café"])
    }

    @Test func wordsKeepEverything() {
        #expect(DutchTokenizer.words("Mis ik iets? Ja.") == ["mis", "ik", "iets", "ja"])
    }

    @Test func stopWordsAreAboutAHundredCommonWordsWithoutNegations() {
        #expect(DutchTokenizer.stopWords.count >= 100)
        #expect(!DutchTokenizer.stopWords.contains("niet"))
        #expect(!DutchTokenizer.stopWords.contains("geen"))
        #expect(DutchTokenizer.stopWords.isSuperset(of: ["de", "het", "een", "en", "van", "dat", "die", "is"]))
    }
}
