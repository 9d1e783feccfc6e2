import Foundation
import Testing

@testable import PanelCore

@Suite struct KeyPointAnalysisTests {
    static let caseText = KeyPointCaseText(
        municipalityView: """
            - Een traplift is een dure voorziening; verhuizen is de goedkoopst adequate oplossing.
            - De aanvrager had kunnen voorzien dat traplopen moeilijk zou worden.
            """,
        applicantView: """
            - De aanvrager woont al 52 jaar in dit huis en wil er blijven wonen.
            - De buren helpen dagelijks; in een andere straat valt dat weg.
            """,
        fullText: "Een traplift is een dure voorziening; verhuizen is de goedkoopst adequate oplossing.")

    static func argument(_ number: Int, _ text: String, vote: VoteChoice? = nil, reactsTo: Int? = nil) -> KeyPointArgument {
        KeyPointArgument(number: number, author: Int64(100 + number), vote: vote, text: text, reactsTo: reactsTo)
    }

    /// Arguments numbered from `first`, one per text, each by its own resident.
    static func numbered(_ texts: [String], from first: Int = 10) -> [KeyPointArgument] {
        texts.enumerated().map { argument(first + $0.offset, $0.element) }
    }

    /// The readings of `extra` arguments analysed beside the arguments below, by argument number.
    static func readings(adding extra: [KeyPointArgument]) -> [Int: ArgumentReading] {
        readings(of: report(adding: extra), extra)
    }

    /// The report on the arguments below and `extra`.
    static func report(adding extra: [KeyPointArgument]) -> KeyPointReport {
        KeyPointAnalysis.analyse(arguments + extra, caseText: caseText)
    }

    /// The readings in `report` of the `extra` arguments, by argument number.
    static func readings(of report: KeyPointReport, _ extra: [KeyPointArgument]) -> [Int: ArgumentReading] {
        let numbers = Set(extra.map(\.number))
        return Dictionary(uniqueKeysWithValues: report.readings.filter { numbers.contains($0.number) }.map { ($0.number, $0) })
    }

    /// Three residents on the neighbours in different words, three on money in different words.
    static let arguments: [KeyPointArgument] = [
        argument(1, "De buren helpen haar elke dag, dat vangnet raakt ze kwijt als ze moet verhuizen.", vote: .oppose),
        argument(2, "Haar netwerk van buren en mantelzorgers valt weg bij een verhuizing.", vote: .oppose),
        argument(3, "In een nieuwe buurt heeft ze geen buren die helpen, dat sociale vangnet is weg.", vote: .support),
        argument(4, "Een traplift kost veel geld, verhuizen is goedkoper voor de gemeenschap.", vote: .support),
        argument(5, "Het gaat om belastinggeld en een traplift is gewoon te duur.", vote: .support),
        argument(6, "De kosten van een traplift zijn veel hoger dan een verhuizing.", vote: .oppose),
        argument(7, "Eens met #1", vote: .oppose, reactsTo: 1),
        argument(8, "Bedankt voor de duidelijke uitleg, goed dat de gemeente dit voorlegt!", vote: .support),
        argument(9, "Hoeveel kost een traplift eigenlijk?", vote: nil),
    ]

    @Test func paraphrasesOfOnePointBecomeOneKeyPointCountedByResidents() throws {
        // Given arguments that make two points in different words
        let report = KeyPointAnalysis.analyse(Self.arguments, caseText: Self.caseText)

        // Then each point is one key point, stated as a sentence, with the residents behind it
        let neighbours = try #require(report.keyPoints.first { $0.arguments.contains(1) })
        #expect(Set(neighbours.arguments).isSuperset(of: [1, 2, 3]))
        #expect(neighbours.sentence.hasSuffix("."))
        #expect(neighbours.sentence.split(separator: " ").count >= 5, "a sentence, not a keyword list")
        let money = try #require(report.keyPoints.first { $0.arguments.contains(4) })
        #expect(Set(money.arguments).isSuperset(of: [4, 5, 6]))
        #expect(neighbours.id != money.id)
    }

    @Test func aKeyPointIsStatedByAContentSentenceNotByFillerOrAReference() throws {
        // Given a point made by four residents, three of whom open with a sentence that says nothing about the case
        // and one who leans on "#1"
        let arguments = [
            Self.argument(
                1, "Ik heb er lang over nagedacht. De buren helpen haar elke dag en dat vangnet valt weg bij een verhuizing."),
            Self.argument(
                2,
                "Na veel wikken en wegen kom ik hierop uit. Haar buren en mantelzorgers helpen elke dag, dat netwerk raakt ze kwijt."
            ),
            Self.argument(
                3,
                "Eens met #1 en #2: de buren en mantelzorgers helpen elke dag, dat vangnet en netwerk valt weg bij een verhuizing."
            ),
            Self.argument(
                4, "Dit vind ik echt een lastige afweging. In een nieuwe buurt heeft ze geen buren die haar elke dag helpen."),
            Self.argument(5, "Een traplift kost veel geld, verhuizen is goedkoper voor de gemeenschap."),
            Self.argument(6, "Het gaat om belastinggeld en een traplift is gewoon te duur."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)

        // Then the neighbours' key point is stated by one of the sentences about the neighbours
        let neighbours = try #require(report.keyPoints.first { Set($0.arguments).isSuperset(of: [1, 2, 3]) })
        #expect(neighbours.sentence.lowercased().contains("buren"), "\(neighbours.sentence)")
        #expect(!neighbours.sentence.contains("#"), "\(neighbours.sentence)")
        for opener in ["nagedacht", "wikken", "afweging"] {
            #expect(!neighbours.sentence.contains(opener), "\(neighbours.sentence)")
        }
    }

    /// A key point's sentence is read alone by a case officer: it states the point itself, not by leaning on the
    /// sentence before ("Dan …") or by a resident's own story.
    @Test func aKeyPointIsStatedByASentenceThatStandsAlone() throws {
        let arguments = [
            Self.argument(1, "Ze woont er al 52 jaar. Dan raakt ze de buren kwijt die haar elke dag helpen."),
            Self.argument(2, "Mijn moeder had ook buren die elke dag hielpen, die raakte ze kwijt bij de verhuizing."),
            Self.argument(3, "Bij een verhuizing raakt mevrouw de buren kwijt die haar elke dag helpen."),
            Self.argument(4, "Dan zijn de buren weg die haar elke dag helpen."),
            Self.argument(5, "Een traplift kost veel geld, verhuizen is goedkoper voor de gemeenschap."),
            Self.argument(6, "Het gaat om belastinggeld en een traplift is gewoon te duur."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let neighbours = try #require(report.keyPoints.first { Set($0.arguments).isSuperset(of: [1, 3, 4]) })
        #expect(neighbours.sentence == "Bij een verhuizing raakt mevrouw de buren kwijt die haar elke dag helpen.")
    }

    /// In a round too small for the "words everyone uses" rule (under 20 arguments), one opener written word for word
    /// by three of six residents used to state their point (the stemmer maps "over" onto the stem of "overheid", so the
    /// opener carries the government-and-trust group; recorded as a known issue until 2026-12-05). A sentence of few
    /// content words about the resident's own deliberation now weighs less as a key point's sentence.
    @Test func aPointOfOneResidentThatLeansOnTheSentenceBeforeIsShownWithIt() throws {
        // Given one resident whose point opens on what she said before
        let extra = [
            Self.argument(
                20,
                "Haar dorp heeft geen thuiszorg meer. Dan kan de gemeente moeilijk volhouden dat een wasservice met "
                    + "bezorging een redelijk alternatief is.")
        ]
        let report = Self.report(adding: extra)

        // Then her key point says what "dan" leans on
        let point = try #require(report.keyPoints.first { $0.arguments == [20] })
        #expect(point.sentence.hasPrefix("Haar dorp heeft geen thuiszorg meer. Dan kan de gemeente"), "\(point.sentence)")
    }

    @Test func anOpenerRepeatedWordForWordInATinyRoundNoLongerWins() throws {
        let arguments = [
            Self.argument(
                1, "Ik heb er lang over nagedacht. De buren helpen haar elke dag en dat vangnet valt weg bij een verhuizing."),
            Self.argument(
                2, "Ik heb er lang over nagedacht. Haar buren en mantelzorgers helpen elke dag, dat netwerk raakt ze kwijt."),
            Self.argument(3, "In een nieuwe buurt heeft ze geen buren die haar elke dag helpen, dat vangnet is weg."),
            Self.argument(4, "Ik heb er lang over nagedacht. In een nieuwe buurt heeft ze geen buren die haar elke dag helpen."),
            Self.argument(5, "Een traplift kost veel geld, verhuizen is goedkoper voor de gemeenschap."),
            Self.argument(6, "Het gaat om belastinggeld en een traplift is gewoon te duur."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let neighbours = try #require(report.keyPoints.first { Set($0.arguments).isSuperset(of: [1, 2]) })
        #expect(!neighbours.sentence.contains("nagedacht"), "\(neighbours.sentence)")
    }

    /// The demo round (`scripts/demo.sh`) with the stair-lift case's standpoints: "a stair-lift is more expensive in the
    /// long run" stands for refusing it, and this round's words say so, while "duurder" leans against decisions across
    /// the labelled set ("op termijn duurder" is how residents there oppose a cut). The digest showed it against the
    /// decision. Every point of the demo is on its side.
    @Test func whereThisRoundsWordsClearlyDisagreeWithTheLabelledSetTheRoundDecidesTheSide() throws {
        let caseText = KeyPointCaseText(
            municipalityView: """
                - Een traplift is een dure voorziening; verhuizen is volgens de Wmo de goedkoopst adequate oplossing \
                als er een geschikte woning beschikbaar is.
                - In dezelfde wijk staan twee gelijkvloerse huurwoningen leeg.
                - De aanvrager had bij de aankoop van de woning kunnen voorzien dat traplopen moeilijk zou worden.
                """,
            applicantView: """
                - De aanvrager woont al 52 jaar in dit huis en wil er blijven wonen.
                - De buren helpen dagelijks; in een andere straat valt dat weg.
                - Een verhuizing op deze leeftijd is zwaar en kan eenzaamheid vergroten.
                """)
        let texts = [
            "Ik steun de gemeente. Een traplift is duur en op termijn is een gelijkvloerse woning beter.",
            "Ik steun het besluit niet. Na 52 jaar in hetzelfde huis is verhuizen voor een negentigjarige te zwaar.",
            "De kosten zijn doorslaggevend: verhuizen is de goedkoopst adequate oplossing en zo staat het in de regels.",
            "Een traplift is op termijn duurder dan een verhuizing, de onderhoudskosten lopen flink op.",
            "Een gelijkvloerse woning is veiliger, met een traplift kan ze alsnog vallen.",
            "Ze woont al 52 jaar in dit huis en de buren helpen haar elke dag. Weg uit de vertrouwde buurt is wreed.",
            "De buren en de vertrouwde buurt zijn haar vangnet; dat raakt ze kwijt bij een verhuizing.",
            "Op 90 jaar verhuizen is te zwaar. De leeftijd moet zwaarder wegen dan de kosten.",
        ]
        let report = KeyPointAnalysis.analyse(Self.numbered(texts, from: 1), caseText: caseText)
        let expensive = try #require(report.keyPoints.first { $0.arguments.contains(4) })
        #expect(expensive.stance == .support, "\(expensive.sentence)")
        for point in report.keyPoints {
            let support = point.arguments.allSatisfy { [1, 3, 4, 5].contains($0) }
            let oppose = point.arguments.allSatisfy { [2, 6, 7, 8].contains($0) }
            if support { #expect(point.stance == .support, "\(point.sentence)") }
            if oppose { #expect(point.stance == .oppose, "\(point.sentence)") }
        }
    }

    /// A sentence that says its side and that no group took joins the closest key point on that side if somewhat
    /// alike (without this step "gemeenschapsgeld is schaars" stood alone), not when it shares nothing.
    @Test func aSentenceThatSaysItsSideJoinsTheClosestPointOnThatSide() throws {
        let extra = Self.numbered([
            "Terecht besluit, want gemeenschapsgeld is schaars en de kosten lopen op.",
            "Terecht besluit, de bibliotheek in het dorp sluit ook al.",
        ])
        let report = Self.report(adding: extra)
        let readings = Self.readings(of: report, extra)
        let money = try #require(report.keyPoints.first { $0.arguments.contains(4) })
        #expect(money.stance == .support)
        #expect(try #require(readings[10]).keyPoints == [money.id])
        #expect(try !#require(readings[11]).keyPoints.contains(money.id))
    }

    @Test func anAgreeingReactionCountsItsAuthorTowardTheArgumentsKeyPoint() throws {
        let report = KeyPointAnalysis.analyse(Self.arguments, caseText: Self.caseText)
        let neighbours = try #require(report.keyPoints.first { $0.arguments.contains(1) })
        #expect(neighbours.arguments.contains(7))
        #expect(neighbours.residents == 4)
        let reading = try #require(report.readings.first { $0.number == 7 })
        #expect(reading.signals.contains(.reaction))
        #expect(reading.keyPoints == [neighbours.id])
    }

    @Test func thanksAndQuestionsAreNoKeyPoints() throws {
        let report = KeyPointAnalysis.analyse(Self.arguments, caseText: Self.caseText)
        for number in [8, 9] {
            let reading = try #require(report.readings.first { $0.number == number })
            #expect(reading.keyPoints.isEmpty, "argument \(number) made no point")
            #expect(!report.keyPoints.contains { $0.arguments.contains(number) })
        }
        #expect(report.readings.first { $0.number == 8 }?.signals.contains(.noArgument) == true)
        #expect(report.questions.map(\.number) == [9])
    }

    @Test func missingInformationIsMergedByMeaningAndKeptOutOfTheKeyPoints() throws {
        // Given three residents who say in different words that the income is not known, one who misses the cost
        let arguments = [
            Self.argument(1, "Ik weet niet wat ze verdient, dat staat nergens in de casus."),
            Self.argument(2, "Wat haar inkomen is wordt niet vermeld. Zonder dat kan ik niet oordelen."),
            Self.argument(3, "Ik mis informatie over het inkomen van mevrouw."),
            Self.argument(4, "Hoeveel een traplift kost is niet duidelijk."),
            Self.argument(5, "De buren helpen haar dagelijks en dat valt weg bij een verhuizing."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let income = try #require(report.missingInformation.first { $0.arguments.contains(1) })
        #expect(income.arguments == [1, 2, 3])
        #expect(income.residents == 3)
        #expect(report.missingInformation.contains { $0.arguments == [4] })
        for number in 1...4 {
            #expect(report.readings.first { $0.number == number }?.signals.contains(.missingInformation) == true)
        }
        #expect(!report.keyPoints.contains { $0.arguments.contains(3) })
    }

    @Test func aMissingInformationRemarkWithoutWordsOfItsOwnIsReadWithTheSentenceBeforeIt() throws {
        // Given a resident who asks about the income and adds "Dat lees ik nergens", and one who says only what the
        // daughter earns is not stated, in a sentence before a remark that names nothing
        let arguments = [
            Self.argument(1, "Ik weet niet wat ze verdient. Dat lees ik nergens."),
            Self.argument(2, "Haar dochter werkt misschien fulltime. Staat nergens."),
            Self.argument(3, "Wat haar inkomen is wordt niet vermeld."),
            Self.argument(4, "De buren helpen haar dagelijks en dat valt weg bij een verhuizing."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        var reading = KeyPointReading(lexicon: .socialDomain)
        for s in reading.read(arguments, caseText: Self.caseText) {
            print("DBG", s.text, s.role, s.missing, s.features.map { reading.featureNames[Int($0)] })
        }

        // Then the first stands once, with the income, and the second says what it is about
        #expect(report.missingInformation.filter { $0.arguments.contains(1) }.count == 1)
        #expect(!report.missingInformation.contains { $0.sentence.hasPrefix("Dat lees ik nergens") })
        let daughter = try #require(report.missingInformation.first { $0.arguments == [2] })
        #expect(daughter.sentence.contains("dochter") && daughter.sentence.contains("Staat nergens"))
    }

    @Test func aRemarkOnToneIsTiedToTheMunicipalitySentenceItAnswers() throws {
        let arguments = [
            Self.argument(1, "Dat de aanvrager had kunnen voorzien dat traplopen moeilijk wordt, klinkt als een verwijt."),
            Self.argument(2, "De buren helpen haar dagelijks en dat valt weg bij een verhuizing."),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let remark = try #require(report.tone.first)
        #expect(remark.arguments == [1])
        #expect(remark.about?.contains("had kunnen voorzien") == true)
    }

    @Test func aKeyPointsStanceComesFromWhatItSaysNotFromItsAuthorsVotes() throws {
        // Given three residents who all voted to support the decision but argue against it
        let arguments = [
            Self.argument(1, "Het besluit is onterecht, de buren zijn haar vangnet en helpen elke dag.", vote: .support),
            Self.argument(2, "Onredelijk besluit: de hulp van de buren valt weg als ze verhuist.", vote: .support),
            Self.argument(3, "Ik ben het niet eens met de gemeente, want haar buren helpen haar dagelijks.", vote: .support),
        ]
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let point = try #require(report.keyPoints.first)
        #expect(point.stance == .oppose)
        #expect(point.split == nil, "three votes are under the small-cell threshold")
    }

    @Test func wordsOfTheLabelledSetGiveASideWhereNoPhraseNamesOne() throws {
        // Given an argument that names no side in so many words ("terecht", "ik ben tegen"), but whose words stand
        // mostly in arguments for a decision across the labelled set's cases, and one whose words stand against
        let extra = Self.numbered([
            "Liever netjes binnen het budget blijven, het potje is niet eindeloos.",
            "Dan raakt ze alles kwijt en gaat het nog erger mis, en dat wordt uiteindelijk duurder.",
        ])
        // When the round is read with the shipped words, and without any
        let shipped = Self.readings(adding: extra)
        let none = Self.readings(
            of: KeyPointAnalysis.analyse(Self.arguments + extra, caseText: Self.caseText, model: .none), extra)
        // Then the words give each its side, which nothing else in the round gave it
        #expect(try #require(shipped[10]).stance == .support)
        #expect(try #require(shipped[11]).stance == .oppose)
        #expect(try #require(none[10]).stance != .support)
        #expect(try #require(none[11]).stance != .oppose)
    }

    @Test func whatASentenceConcedesBeforeMaarDoesNotLean() throws {
        // Given concessions before "maar", in one sentence or over two, and sentences where "maar" means "only"
        let texts = [
            "Zielig voor haar, maar de pot is leeg.",
            "Iedereen heeft recht op hulp maar de pot is leeg.",
            "Sneu voor hem. Maar de pot is leeg.",
            "Het kost maar een paar euro per week.",
            "Dat maakt het alleen maar erger.",
        ]
        let arguments = texts.enumerated().map { Self.argument(20 + $0.offset, $0.element) }
        var reading = KeyPointReading(lexicon: .socialDomain)
        let sentences = reading.read(arguments, caseText: Self.caseText)
        let words = { (number: Int) in
            sentences.filter { arguments[$0.argument].number == number }.flatMap(\.stanceWords)
        }
        // Then only what follows "maar" leans; the granted words ("zielig", "recht", "sneu") do not
        let stem = DutchStemmer.stem
        #expect(!words(20).contains(stem("zielig")) && words(20).contains(stem("leeg")))
        #expect(!words(21).contains(stem("recht")) && words(21).contains(stem("leeg")))
        #expect(!words(22).contains(stem("sneu")) && words(22).contains(stem("leeg")))
        let conceded = try #require(sentences.first { arguments[$0.argument].number == 20 })
        #expect(conceded.leanFeatures.count < conceded.features.count, "the round's lean skips them too")
        // And "maar" as "only" concedes nothing
        #expect(words(23).contains(stem("kost")) && words(24).contains(stem("erger")))
        #expect(
            KeyPointReading.concedingBut(["het", "kost", "maar", "een", "paar", "euro"], text: "Het kost maar een paar euro")
                == nil)
        #expect(
            KeyPointReading.concedingBut(
                ["sneu", "maar", "een", "regel", "is", "een", "regel"], text: "Sneu, maar een regel is een regel") == 1)
    }

    @Test func aSideNamedInOneWordAfterASoftenerOpensTheSentence() {
        func side(_ text: String) -> KeyPointCue? { KeyPointReading.openingSide(KeyPointText.words(text), text: text) }
        #expect(side("Voor, mits er een vangnet is.") == .support)
        #expect(side("Toch voor, want een taxi voor één kind is zonde van het geld.") == .support)
        #expect(side("Wel voor.") == .support)
        #expect(side("Nog steeds tegen: het gaat om een kind.") == .oppose)
        #expect(side("Eens!") == .support)
        // A preposition is no side
        #expect(side("Voor iedereen gelden dezelfde regels.") == nil)
        #expect(side("Toch voor de kinderen een lastige tijd.") == nil)
        #expect(side("Dus tegen de tijd dat hij 18 is, kan hij het zelf.") == nil)
    }

    @Test func stanceWordsAreStemsWithNegationsMarked() {
        let words = ["het", "is", "niet", "duurder", "maar", "wel", "eerlijk", "in", "2027"]
        let read = CorpusModel.stanceWords(words, stems: words.map(DutchStemmer.stem))
        #expect(read.first == "niet")
        #expect(read.contains("¬" + DutchStemmer.stem("duurder")))
        #expect(!read.contains(DutchStemmer.stem("duurder")))
        #expect(!read.contains("2027") && !read.contains("het"))
        // Every shipped weight parses, and a word of one side outweighs nothing
        #expect(CorpusModel.shipped.stance.count > 100 && CorpusModel.shipped.features.count > 50)
        #expect(CorpusModel.shipped.lean(["budget", "budget"]) == CorpusModel.shipped.lean(["budget"]))
        let parsed = CorpusModel(text: "# comment\nstance budget 1.5\nstance kapot -0.75\n\nfeature =eerlijk 0.25\nfout")
        #expect(parsed.stance == ["budget": 1.5, "kapot": -0.75] && parsed.features == ["=eerlijk": 0.25])
    }

    @Test func countsByVoteOnlyWhenEveryGroupHasAtLeastFive() {
        #expect(
            VoteSplit.of(Array(repeating: .support, count: 5) + Array(repeating: .oppose, count: 5))
                == VoteSplit(support: 5, oppose: 5, noVote: 0))
        #expect(VoteSplit.of(Array(repeating: .support, count: 4) + Array(repeating: .oppose, count: 6)) == nil)
        #expect(VoteSplit.of(Array(repeating: .support, count: 12)) == nil, "a zero would tie every quote to a vote")
        #expect(VoteSplit.of(Array(repeating: .support, count: 6) + Array(repeating: .oppose, count: 6) + [nil]) == nil)
    }

    @Test func theSameArgumentsInAnyOrderGiveTheSameReport() {
        let forward = KeyPointAnalysis.analyse(Self.arguments, caseText: Self.caseText)
        let backward = KeyPointAnalysis.analyse(Self.arguments.reversed(), caseText: Self.caseText)
        #expect(forward == backward)
    }

    @Test func anArgumentMakingTwoPointsCountsTowardBoth() throws {
        var arguments = Self.arguments
        arguments += [
            Self.argument(11, "Als ze verhuist is ze de hulp van haar buren kwijt, dat netwerk is haar vangnet."),
            Self.argument(12, "Het geld voor een dure traplift kan de gemeente beter anders besteden, verhuizen kost minder."),
            Self.argument(13, "Zonder de buren die dagelijks helpen redt ze het niet, dat vangnet moet blijven."),
            Self.argument(14, "Een traplift is veel te duur, dat is belastinggeld van ons allemaal."),
        ]
        arguments.append(
            Self.argument(
                10, "Haar buren zijn haar vangnet en helpen elke dag. Maar een traplift kost de gemeenschap veel te veel geld."))
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        let reading = try #require(report.readings.first { $0.number == 10 })
        let neighbours = try #require(report.keyPoints.first { $0.arguments.contains(1) })
        let money = try #require(report.keyPoints.first { $0.arguments.contains(4) })
        #expect(reading.keyPoints == [neighbours.id, money.id], "in the order the argument makes them")
    }

    @Test func pointsAreNotFormedOnStopWordsNumbersOrWordsEveryoneUses() {
        // Given arguments that share only "gemeente", "casus", a number and filler words
        let arguments = (1...6).map { number in
            Self.argument(
                number,
                [
                    "De gemeente moet in deze casus eigenlijk 90 dagen wachten met verhuizen.",
                    "Volgens de casus heeft de gemeente 90 procent van de kosten betaald aan de thuiszorg.",
                    "De gemeente staat eigenlijk eerst voor de keuze van een rolstoel, 90 euro.",
                    "In de casus zegt de gemeente eigenlijk niets over de mantelzorg van de dochter.",
                    "Eigenlijk is de gemeente in deze casus te laat met de brief over 90 uur.",
                    "De gemeente moet eerst met de huisarts praten, eigenlijk in elke casus.",
                ][number - 1])
        }
        let report = KeyPointAnalysis.analyse(arguments, caseText: Self.caseText)
        #expect(report.keyPoints.allSatisfy { $0.residents == 1 }, "\(report.keyPoints.map(\.sentence))")
    }

    @Test func theVoteSummaryShowsBothSidesInEqualNumbers() {
        func point(_ id: Int, _ stance: Stance, _ residents: Int) -> KeyPoint {
            KeyPoint(id: id, sentence: "Punt \(id).", stance: stance, residents: residents, arguments: [id], quotes: [])
        }
        let report = KeyPointReport(keyPoints: [
            point(1, .support, 20), point(2, .support, 15), point(3, .support, 12), point(4, .oppose, 6),
            point(5, .middle, 5), point(6, .oppose, 2),
        ])
        let summary = report.balanced(limit: 4)
        #expect(summary.map(\.id) == [1, 4, 5], "one of each side (one oppose point of three or more), then the middle way")
    }

    @Test func sentencesAreSplitWithoutBreakingNumbersOrAbbreviations() {
        let sentences = KeyPointText.sentences(
            "Het kost ca. 1.500 euro. dat is veel! Waarom?\nen verder\n- punt een\n- punt twee")
        #expect(sentences == ["Het kost ca. 1.500 euro.", "dat is veel!", "Waarom?", "en verder", "punt een", "punt twee"])
        #expect(KeyPointText.standalone("ik vind dat de buren haar echt helpen") == "De buren haar echt helpen.")
    }

    @Test func wordsAreFoldedAndFormatCharactersJoin() {
        #expect(KeyPointText.words("Één ideeën, be\u{200B}drag ＡＢ") == ["een", "ideeen", "bedrag", "ab"])
    }

    /// Sympathy without a reason, a remark about the panel's mails, and a turn to another matter ("Niet over deze zaak
    /// maar …") make no key point.
    @Test func sympathyMailAboutThePanelAndAnotherMatterMakeNoKeyPoint() throws {
        let texts = [
            "Het verhaal van mevrouw raakt me. Ik hoop dat het goed komt met haar en haar buren.",
            "ik krijg nu al de derde herinnering terwijl ik allang gestemd heb. iets minder mails graag",
            "Niet over deze zaak maar wel Wmo: ik wacht al elf weken op een beslissing over hulp voor mijn man.",
        ]
        let extra = texts.enumerated().map { Self.argument(20 + $0.offset, $0.element) }
        let readings = Self.readings(adding: extra)
        for number in 20...22 {
            let reading = try #require(readings[number])
            #expect(reading.keyPoints.isEmpty, "#\(number)")
        }
    }

    /// "Los van deze casus: …" turns to something else: no key point, no question for the municipality's officer,
    /// while the same words without the turn are a point.
    @Test func aReplyThatTurnsToAnotherSubjectIsNoArgument() throws {
        let offTopic =
            "Los van deze casus: kan de gemeente ook eens iets doen aan het grofvuil? "
            + "Bij ons staan kapotte wasmachines en koelkasten wekenlang op de stoep."
        let report = KeyPointAnalysis.analyse(
            Self.arguments + [
                Self.argument(10, offTopic),
                Self.argument(11, offTopic.replacingOccurrences(of: "Los van deze casus: ", with: "")),
                Self.argument(
                    12, "Kan de gemeente ook eens iets doen aan een traplift te huur? Dat is vast goedkoper dan kopen."),
            ],
            caseText: Self.caseText)
        let reading = try #require(report.readings.first { $0.number == 10 })
        #expect(reading.keyPoints.isEmpty)
        #expect(reading.signals.contains(.noArgument))
        #expect(!reading.signals.contains(.question) && !reading.signals.contains(.missingInformation))
        #expect(!report.questions.contains { $0.number == 10 })
        // Without the turn, the bulky waste on the pavement is still another matter of the municipality; a question
        // of the same shape about the case is read as usual.
        #expect(!report.questions.contains { $0.number == 11 })
        #expect(try #require(report.readings.first { $0.number == 11 }).keyPoints.isEmpty)
        #expect(report.questions.contains { $0.number == 12 })
    }

    /// Issue #13: "a compliment on how the case was written is counted as a reason to support the decision".
    @Test func aComplimentOnHowTheCaseIsWrittenIsNoArgument() throws {
        let report = KeyPointAnalysis.analyse(
            Self.arguments + [
                Self.argument(
                    10, "Goed en duidelijk opgeschreven deze casus, zo snap ik tenminste wat de regels zijn. Complimenten."),
                Self.argument(11, "Helder beschreven, maar de buren kunnen helpen, dus ik ben tegen."),
                Self.argument(
                    12,
                    "Goed dat jullie het standpunt van de aanvrager ook zo uitgebreid opschrijven. Zo kan ik me echt een oordeel vormen."
                ),
            ],
            caseText: Self.caseText)
        for number in [10, 12] {
            let compliment = try #require(report.readings.first { $0.number == number })
            #expect(compliment.keyPoints.isEmpty, "#\(number)")
            #expect(compliment.signals.contains(.noArgument), "#\(number)")
        }
        // A compliment beside a stance still leaves the stance its point.
        let stance = try #require(report.readings.first { $0.number == 11 })
        #expect(!stance.keyPoints.isEmpty)
    }

    @Test func aResidentWhoSaysHeHasNoOpinionMakesNoPoint() throws {
        let extra = Self.numbered([
            "Ik heb hier geen mening over, ik weet te weinig van trapliften om er iets zinnigs over te zeggen.",
            "Kan de gemeente uitleggen wat een traplift precies kost? Ik ben niet zo thuis in die regelingen.",
            "Wat zei de ergotherapeut precies? Zonder dat advies kan ik hier eigenlijk niks over zeggen.",
            "Over de kosten heb ik geen mening, maar de buren helpen haar elke dag en dat valt weg als ze verhuist.",
            "Ik heb het gelezen maar vind het lastig. Ik stem deze keer niet.",
            "Mooi hoe de zaak is uitgelegd, duidelijk en niet te lang. Dank daarvoor.",
        ])
        let readings = Self.readings(adding: extra)
        for number in [10, 11, 12, 14, 15] {
            let reading = try #require(readings[number])
            #expect(reading.keyPoints.isEmpty, "#\(number) gave no opinion")
        }
        // "Geen mening" about one thing beside a point about another leaves that point.
        #expect(try !#require(readings[13]).keyPoints.isEmpty)
    }

    /// "Niet eens" is "not even" as often as "disagree": only "het niet eens", "niet eens met" … take a side.
    @Test func notEvenTakesNoSide() throws {
        let report = KeyPointAnalysis.analyse(
            Self.arguments + [
                Self.argument(10, "Wat een afstandelijke brief. Er staat niet eens in hoe de jongen heet of wat hij leuk vindt."),
                Self.argument(11, "Ik ben het niet eens met dit besluit, de buren helpen haar."),
            ],
            caseText: Self.caseText)
        let tone = try #require(report.readings.first { $0.number == 10 })
        #expect(tone.stance == .unclear && tone.keyPoints.isEmpty && tone.signals.contains(.tone))
        #expect(try #require(report.readings.first { $0.number == 11 }).stance == .oppose)
    }

    @Test func aSplitVerbMatchesTheWholeVerb() throws {
        // Given one resident who writes the whole verb and one who splits it, and one "over" that is a preposition
        var reading = KeyPointReading(lexicon: .socialDomain)
        let read = reading.read(
            [
                Self.argument(1, "Van een bijstandsuitkering kun je gewoon niks overhouden."),
                Self.argument(2, "Aan het eind van de maand houdt ze niks over, dus sparen lukt niet."),
                Self.argument(3, "Ze praat over de kosten van de wasmachine en de koelkast."),
            ],
            caseText: Self.caseText)
        var stems = StemCache()
        let joined = try #require(reading.featureIds["¬" + stems.stem("overhouden")], "negated, as \"niks overhouden\" is")

        // Then the split verb carries the whole verb's feature; the preposition joins nothing
        #expect(read[0].features.contains(joined))
        #expect(read[1].features.contains(joined))
        let overWords = reading.featureNames.filter { $0.hasPrefix("¬over") || $0.hasPrefix("over") && $0 != "over" }
        #expect(overWords == ["¬" + stems.stem("overhouden")])
    }

    @Test func aSentenceLeadingUpToARemarkOnToneIsPartOfIt() throws {
        // Given a reply that takes no side and ends with a remark on tone
        let readings = Self.readings(adding: [
            Self.argument(
                10,
                "Nergens in het stuk een woord over hoe ze zich nu behelpt met de trap. Dat kan echt menselijker opgeschreven worden."
            )
        ])

        // Then the reply is a remark on tone, not a key point
        let reading = try #require(readings[10])
        #expect(reading.keyPoints.isEmpty)
        #expect(reading.signals.contains(.tone))
    }

    @Test func whatAResidentWantsCheckedIsMissingInformation() throws {
        let readings = Self.readings(adding: [
            Self.argument(10, "Uit het verhaal blijkt niet of er binnen een jaar echt een woning vrijkomt."),
            Self.argument(11, "Welk deel van de kosten betaalt de corporatie dan?"),
            Self.argument(12, "Ik zou wel willen weten wat een traplift kost voordat ik er echt iets van vind."),
            Self.argument(13, "Verhuizen is duur en zwaar voor haar. En gaat haar huurtoeslag dan ook omlaag?"),
            Self.argument(14, "Daarnaast vraag ik mij af hoeveel de buren nu echt doen."),
            Self.argument(15, "Het zou helpen als duidelijk was hoe lang ze nog zelf de trap op kan."),
        ])
        for number in 10...15 {
            #expect(try #require(readings[number]).signals.contains(.missingInformation), "#\(number)")
        }
    }

    @Test func fairnessOfTheWriteUpAndAsidesAreNoArguments() throws {
        let readings = Self.readings(adding: [
            Self.argument(
                10,
                "Compliment voor hoe dit is opgeschreven, beide kanten komen eerlijk aan bod. Zo kan ik me er tenminste een mening over vormen."
            ),
            Self.argument(
                11, "Mag ik ook even iets anders kwijt, de grijze container is in onze straat al twee keer niet geleegd."),
        ])
        for number in [10, 11] {
            let reading = try #require(readings[number])
            #expect(reading.keyPoints.isEmpty && reading.stance == .unclear, "#\(number)")
        }
    }

    @Test func aSideGivenWayOnWithMaarIsAMiddleWay() throws {
        // Giving way is a middle way; a "maar" about tone, what is missing, or that takes a side itself is not.
        let expected: [(text: String, stance: Stance)] = [
            (
                "Ik ben voor, maar van de ene op de andere dag verhuizen is wel veel gevraagd. Een jaar erbij had ik beter gevonden.",
                .middle
            ),
            ("Ik stem tegen. Maar als de gemeente per se wil dat ze verhuist, help haar dan met de verhuiskosten.", .middle),
            // inverted "ben ik voor"; the maar is about tone
            (
                "Inhoudelijk ben ik voor, verhuizen is goedkoper. Maar die zin over voorzien had anders geformuleerd kunnen worden.",
                .support
            ),
            ("Ik ben tegen, maar ik weet niet hoeveel een traplift kost.", .oppose),
            ("Ik ben het eens met de gemeente, maar de buren helpen haar en dat is onterecht weg te nemen.", .oppose),
            // Middle ways in other words: easing it in, an addition instead of a replacement, a second look
            ("Bouw het rustig af over een half jaar, dan kan ze aan de trap wennen.", .middle),
            ("Een verhuiscoach is prima als aanvulling, maar niet als vervanging van de thuiszorg.", .middle),
            ("Spreek af dat het na drie maanden opnieuw bekeken wordt, samen met mevrouw.", .middle),
        ]
        let readings = Self.readings(adding: Self.numbered(expected.map(\.text)))
        for (offset, entry) in expected.enumerated() {
            #expect(try #require(readings[10 + offset]).stance == entry.stance, "\(entry.text)")
        }
    }

    /// Residents write the participle as often as the infinitive of a cue ("aan haar lot overgelaten"); a negation
    /// before it turns the side.
    @Test func aCueAsAParticipleTakesItsSideAndANegationTurnsIt() throws {
        let readings = Self.readings(adding: [
            Self.argument(10, "Zo wordt een vrouw van 80 gewoon aan haar lot overgelaten."),
            Self.argument(11, "Eén uur per week is nog altijd hulp. Ze wordt niet aan haar lot overgelaten."),
        ])
        #expect(try #require(readings[10]).stance == .oppose)
        #expect(try #require(readings[11]).stance == .support)
    }

    @Test func aWordThatOnlyLooksLikeAMiddleWayTakesNoMiddle() throws {
        let readings = Self.readings(adding: [
            Self.argument(
                10, "Het grootste deel van haar pensioen gaat al op aan de huur, reken maar uit wat er na een jaar over is."),
            Self.argument(
                11, "Ik kan me vinden in het besluit, met een kanttekening: de verhuizing moet wel binnen een jaar rond zijn."),
        ])
        #expect(try #require(readings[10]).stance != .middle)
        #expect(try #require(readings[11]).stance == .middle)
    }

    @Test func aReactionTakesTheSideOfWhatItAgreesWithOrTheOtherSide() throws {
        let readings = Self.readings(adding: [
            Self.argument(10, "Onterecht besluit. Ze woont er al 52 jaar en de buren zijn haar vangnet."),
            Self.argument(11, "Precies wat #10 zegt.", reactsTo: 10),
            Self.argument(12, "Ik ben het eens met #10.", reactsTo: 10),
            Self.argument(13, "#10 klopt niet, een traplift is gewoon veel te duur voor de gemeente.", reactsTo: 10),
            Self.argument(
                14, "#10 dat is makkelijk gezegd, maar een traplift kost de gemeenschap duizenden euro's.", reactsTo: 10),
        ])
        #expect(try #require(readings[10]).stance == .oppose)
        // "eens" about another resident is no support for the decision
        #expect(try #require(readings[11]).stance == .oppose)
        #expect(try #require(readings[12]).stance == .oppose)
        #expect(try #require(readings[13]).stance == .support)
        // A rebuttal without a stance phrase: the other side, and not counted toward the point it answers
        let rebuttal = try #require(readings[14])
        #expect(rebuttal.stance == .support)
        #expect(!rebuttal.signals.contains(.reaction))
        #expect(Set(rebuttal.keyPoints).isDisjoint(with: try #require(readings[10]).keyPoints))
    }

    @Test func anArgumentNamingNoSideLeansToTheSideItsWordsStandOnInThisRound() throws {
        // Given a round where residents who say "terecht" talk about the stairs being dangerous and the house being
        // too big, and those who say "onterecht" about her garden and the church
        let sides = [
            "Terecht besluit, die trap is levensgevaarlijk en het huis is veel te groot voor haar alleen.",
            "Volkomen terecht: met die gevaarlijke trap en zo'n groot huis moet je niet willen blijven.",
            "Ik steun het besluit, de trap is gevaarlijk en het huis te groot.",
            "Onterecht, haar moestuin en de kerk om de hoek houden haar gezond.",
            "Onredelijk besluit, zonder haar moestuin en haar kerk in de buurt kwijnt ze weg.",
            "Ik ben het niet eens met de gemeente, de moestuin en de kerk zijn haar leven.",
        ]
        let extra =
            sides.enumerated().map { Self.argument(20 + $0.offset, $0.element) } + [
                Self.argument(30, "Met zo'n gevaarlijke trap in een groot huis blijven wonen, dat gaat een keer mis."),
                Self.argument(31, "Die moestuin en de kerk, daar draait haar week om."),
            ]
        let arguments = Self.arguments + extra
        var reading = KeyPointReading(lexicon: .socialDomain)
        let sentences = reading.read(arguments, caseText: Self.caseText)
        let clustering = KeyPointClustering(
            arguments: arguments, sentences: sentences, reading: reading, model: .shipped)

        // Then the two without a stance word lean clearly to the side their words stand on
        let lean = { (number: Int) in clustering.learnt[try #require(arguments.firstIndex { $0.number == number })] }
        #expect(try lean(30) >= KeyPointAnalysis.learntMargin)
        #expect(try lean(31) <= -KeyPointAnalysis.learntMargin)
        #expect(try abs(lean(9)) < KeyPointAnalysis.learntMargin, "a question leans nowhere")
        let readings = Self.readings(adding: extra)
        #expect(try #require(readings[30]).stance == .support)
        #expect(try #require(readings[31]).stance == .oppose)
    }

    @Test func aWordSeenOnlyAgainstTheDecisionDoesNotLeanForItWhenFewArgueFor() throws {
        // Given a round where one resident says the decision is right and six that it is wrong, two of them about
        // the market
        let sides = [
            "Terecht besluit, die trap is levensgevaarlijk.",
            "Onterecht, ze fietst elke dinsdag naar de markt.",
            "Onredelijk besluit, op de markt ziet ze iedereen die ze kent.",
            "Ik ben het niet eens met de gemeente, haar kinderen wonen om de hoek.",
            "Onterecht, de huisarts zit in dezelfde straat.",
            "Onredelijk, ze woont er al vijftig jaar.",
            "Ik ben tegen, de kerk is haar houvast.",
        ]
        let extra =
            sides.enumerated().map { Self.argument(20 + $0.offset, $0.element) } + [
                Self.argument(30, "Die markt is haar uitje van de week.")
            ]
        let arguments = Self.arguments + extra
        var reading = KeyPointReading(lexicon: .socialDomain)
        let sentences = reading.read(arguments, caseText: Self.caseText)
        let clustering = KeyPointClustering(
            arguments: arguments, sentences: sentences, reading: reading, model: .none)

        // Then a resident who names no side but speaks of the market leans against it, as everyone who spoke of it
        // did: the few arguments for it do not make a rare word lean their way
        let lean = clustering.learnt[try #require(arguments.firstIndex { $0.number == 30 })]
        #expect(lean <= -KeyPointAnalysis.learntMargin)
    }

    @Test func aRemarkOnAnotherMatterOfTheMunicipalityIsNoArgument() throws {
        let readings = Self.readings(
            adding: Self.numbered([
                "Kan de gemeente ook eens iets doen aan de losliggende stoeptegels bij de kerk? Daar vallen ouderen echt.",
                "Ik wil even kwijt dat het loket telefonisch slecht bereikbaar is. Een half uur in de wacht gestaan.",
                "Mijn energietoeslag is nog niet uitbetaald terwijl ik er recht op had. Kan iemand daar naar kijken?",
                // About the pavement too, but taking a side, or in the case's own words: arguments
                "Met die losse stoeptegels kan ze nergens heen, dus een traplift weigeren is onterecht.",
                "De buren helpen haar elke dag over de kapotte stoep naar de winkel.",
            ]))
        for number in [10, 11, 12] {
            let reading = try #require(readings[number])
            #expect(reading.keyPoints.isEmpty && reading.stance == .unclear, "#\(number)")
            #expect(!reading.signals.contains(.question), "#\(number): not a question for this case's officer")
        }
        #expect(try #require(readings[13]).stance == .oppose)
        #expect(try !#require(readings[14]).keyPoints.isEmpty)
        // The panel's own mail is another matter too.
        let mail = try #require(
            Self.readings(adding: [Self.argument(20, "Ik krijg deze mails trouwens steeds dubbel, één keer zonder bijlage.")])[20]
        )
        #expect(mail.keyPoints.isEmpty && mail.signals.contains(.noArgument))
    }

    @Test func aQuoteIsARemarkOnToneOnlyWhenItSaysSomethingAboutTheWords() throws {
        let readings = Self.readings(adding: [
            Self.argument(10, "Er staat 'verhuizen is de goedkoopst adequate oplossing', maar een verhuizer kost ook veel geld."),
            Self.argument(11, "'Verhuizen is de goedkoopst adequate oplossing' klinkt alsof ze een doos is die je verplaatst."),
            Self.argument(12, "De gemeente schrijft dat het budget onder druk staat, alsof mevrouw daar iets aan kan doen."),
            Self.argument(13, "De gemeente stelt dat een verhuizer weinig kost, maar dat is niet zo."),
            Self.argument(14, "Het woord 'dure voorziening' zegt haar niks, leg het uit."),
            Self.argument(15, "Van de trap naar verhuizen in één keer is erg bot, bouw het af."),
        ])
        #expect(try !#require(readings[10]).signals.contains(.tone))
        #expect(try #require(readings[11]).signals.contains(.tone))
        // How the municipality writes it, without a quote.
        #expect(try #require(readings[12]).signals.contains(.tone))
        #expect(try !#require(readings[13]).signals.contains(.tone))
        // A quote of two words is a quote; "bot" about the decision itself is no remark on the letter.
        #expect(try #require(readings[14]).signals.contains(.tone))
        #expect(try !#require(readings[15]).signals.contains(.tone))
    }

    @Test func aRhetoricalQuestionIsNoQuestionForTheMunicipality() throws {
        let extra = [
            Self.argument(10, "Sparen? Waarvan? Een traplift betaal je niet van een AOW. Wat wil je nog meer?"),
            Self.argument(11, "Ik vraag me af of de buren dat elke dag kunnen blijven doen."),
        ]
        let report = Self.report(adding: extra)
        let readings = Self.readings(of: report, extra)
        #expect(try !#require(readings[10]).signals.contains(.question))
        #expect(!report.questions.contains { $0.number == 10 })
        #expect(try #require(readings[11]).signals.contains(.question))
        #expect(report.questions.contains { $0.number == 11 })
    }

    /// A question behind a clause of its own, a yes/no question opening with any verb, and "zou ik willen weten" ask
    /// the municipality something; "Waarom zou …", "Waarom niet gewoon …" and "… toch?" argue.
    @Test func aQuestionIsReadWhereverItOpensAndNotWhenItArgues() throws {
        let asking = [
            "Ik ben voor, maar wat moet hij in die stabilisatiefase nou precies doen?",
            "Ik heb een vraag: hoe vaak komt de regiotaxi hier eigenlijk te laat?",
            "Telt zo'n afgeronde behandeling dan helemaal niet mee?",
            "Hoeveel kilometer is het via een route waar je als kind veilig kunt fietsen?",
            "Voor. Wel zou ik willen weten wat de boodschappendienst haar per maand kost.",
            "Ik begrijp het nog niet, is er een nieuwe indicatie gedaan of is dit gewoon een bezuiniging?",
            "Hoeveel scheelt een traplift nou eigenlijk met een verhuizing, ik zie nergens bedragen staan",
        ]
        let arguing = [
            "Waarom zou iemand in de bijstand die cadeau krijgen?",
            "Waarom niet gewoon een gebruikte wasmachine via de kringloop?",
            "Die jongen zet je toch niet in zijn eentje in de bus met een overstap?",
            "Waarom zou je een hele badkamer slopen als mevrouw er over een jaar niet meer woont.",
            "Dan is het toch raar om hem nog volgens de oude regel aan te pakken?",
            // about the panel itself: for the moderator, not for the municipality's officer
            "Graag mijn e-mailadres wijzigen voor dit panel, hoe doe ik dat?",
        ]
        let extra = Self.numbered(asking + arguing, from: 10)
        let report = Self.report(adding: extra)
        let readings = Self.readings(of: report, extra)
        for (offset, text) in asking.enumerated() {
            #expect(try #require(readings[10 + offset]).signals.contains(.question), "\(text)")
            #expect(report.questions.contains { $0.number == 10 + offset }, "\(text)")
        }
        for (offset, text) in arguing.enumerated() {
            let number = 10 + asking.count + offset
            #expect(try !#require(readings[number]).signals.contains(.question), "\(text)")
        }
        #expect(KeyPointAnalysis.questions(in: "Ik ben voor, maar wat moet hij dan precies doen?").count == 1)
        #expect(KeyPointAnalysis.questions(in: "Waarom moet het per se een nieuwe wasmachine zijn?").isEmpty)
        #expect(KeyPointAnalysis.questions(in: "Graag mijn e-mailadres wijzigen voor dit panel, hoe doe ik dat?").isEmpty)
        // A question about another matter of the municipality is not offered to this case's officer.
        #expect(
            KeyPointAnalysis.questions(
                in: "Los van deze zaak: wanneer komen de nieuwe gft containers nou eens? Ze puilen al weken uit.",
                caseText: Self.caseText
            ).isEmpty)
        #expect(
            KeyPointAnalysis.questions(
                in: "De bank bij de vijver in het park is al maanden kapot. Wie kan ik daarvoor mailen?",
                caseText: Self.caseText
            ).isEmpty)
    }
}
