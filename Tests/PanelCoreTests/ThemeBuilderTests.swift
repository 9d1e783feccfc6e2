import Foundation
import Testing

@testable import PanelCore

@Suite struct ThemeBuilderTests {
    /// A refused stair-lift: the municipality offers a move to a ground-floor home instead. "support" backs the
    /// refusal, "oppose" wants the lift.
    static let stairLift: [ThemeInput] = [
        // Support: cost and the rule of the cheapest adequate solution.
        ThemeInput(
            id: 1, side: .support,
            text:
                "De gemeente moet kiezen voor de goedkoopst adequate oplossing, en een traplift is op termijn duurder dan verhuizen.",
            reactions: 3),
        ThemeInput(
            id: 2, side: .support,
            text:
                "Een traplift kost veel geld. De goedkoopst adequate oplossing is een gelijkvloerse woning, zo staat het in de Wmo."
        ),
        ThemeInput(
            id: 3, side: .support,
            text:
                "Belastinggeld moet zuinig besteed worden: de kosten van een traplift zijn hoog, de goedkoopst adequate oplossing gaat voor."
        ),
        ThemeInput(
            id: 4, side: .support,
            text: "De kosten van de traplift plus onderhoud zijn hoger dan de verhuiskosten. Goedkoopst adequaat is de regel."),
        ThemeInput(
            id: 5, side: .support,
            text: "Ik snap het besluit: de kosten van een traplift lopen op, en de regel is de goedkoopst adequate oplossing."),
        ThemeInput(
            id: 6, side: .support,
            text: "Als de goedkoopst adequate oplossing een andere woning is, dan is dat de regel. Kosten tellen mee."),
        ThemeInput(
            id: 7, side: .support,
            text: "Het budget is beperkt; de kosten van een traplift zijn te hoog en goedkoopst adequaat is de regel."),
        ThemeInput(
            id: 8, side: .support,
            text: "Goedkoopst adequaat betekent dat de gemeente naar de kosten mag kijken. Verhuizen is goedkoper."),
        // Support: safety of a ground-floor home.
        ThemeInput(
            id: 9, side: .support,
            text: "Een gelijkvloerse woning is veiliger, met alleen een traplift kan ze nog steeds vallen in huis."),
        ThemeInput(
            id: 10, side: .support,
            text: "Op termijn kan ze de trap helemaal niet meer op; een gelijkvloerse woning is veiliger en toekomstbestendig."),
        ThemeInput(
            id: 11, side: .support, text: "Veiligheid gaat voor: een gelijkvloerse woning voorkomt valpartijen en is veiliger."),
        ThemeInput(
            id: 12, side: .support, text: "Een gelijkvloerse seniorenwoning is veiliger dan een traplift in een oud huis."),
        // Oppose: attachment to the home and the neighbours.
        ThemeInput(
            id: 13, side: .oppose,
            text: "Ze woont al 52 jaar in dit huis, haar buren zorgen voor haar. Verhuizen haalt haar uit haar vertrouwde buurt.",
            reactions: 4),
        ThemeInput(
            id: 14, side: .oppose,
            text: "De buren doen boodschappen voor haar. In een nieuwe buurt kent ze niemand en raakt ze vereenzaamd."),
        ThemeInput(
            id: 15, side: .oppose, text: "Haar hele leven ligt in dat huis en in die straat. De buren zijn haar vangnet."),
        ThemeInput(
            id: 16, side: .oppose,
            text: "Verhuizen betekent afscheid van de buren en de vertrouwde buurt waar ze al decennia woont."),
        ThemeInput(
            id: 17, side: .oppose, text: "Een oud mens verplant je niet. Haar buren en haar huis geven haar houvast."),
        ThemeInput(
            id: 18, side: .oppose,
            text: "Het sociale netwerk van buren is goud waard en kost de gemeente niets; verhuizen breekt dat af."),
        ThemeInput(
            id: 19, side: .oppose,
            text: "Ze is gehecht aan haar huis en haar buren, dat weegt zwaarder dan een paar duizend euro."),
        // Oppose: her age.
        ThemeInput(
            id: 20, side: .oppose,
            text: "Op 90 jaar moet je iemand niet meer laten verhuizen. Die leeftijd vraagt om een traplift."),
        ThemeInput(
            id: 21, side: .oppose,
            text: "Mevrouw is 90 jaar oud. Op die leeftijd is een verhuizing een enorme belasting."),
        ThemeInput(
            id: 22, side: .oppose,
            text: "Met haar leeftijd van 90 jaar is de traplift de menselijke keuze; verhuizen op die leeftijd is wreed."),
        ThemeInput(
            id: 23, side: .oppose,
            text: "Hoeveel tijd heeft ze nog? Op 90 jaar een verhuizing opleggen is onredelijk, op die leeftijd past dat niet."),
        ThemeInput(
            id: 24, side: .oppose,
            text: "Een verhuizing op hoge leeftijd leidt vaak tot verwarring; bij 90 jaar is dat een groot risico."),
        // Oppose: missing information about the house.
        ThemeInput(
            id: 25, side: .oppose,
            text:
                "Het is niet duidelijk of de trap in haar huis geschikt is voor een traplift; die informatie over het huis ontbreekt."
        ),
        ThemeInput(
            id: 26, side: .oppose,
            text: "Ik mis informatie over het huis: kan er een slaapkamer beneden komen? Dat staat er niet in."),
        ThemeInput(
            id: 27, side: .oppose,
            text: "Er ontbreekt informatie over het huis zelf: hoe breed is de trap, past er een traplift?"),
        ThemeInput(
            id: 28, side: .oppose,
            text: "Kan het huis aangepast worden met een slaapkamer beneden? Graag meer informatie over het huis."),
        // Oppose: the tone of the letter (a minority).
        ThemeInput(
            id: 29, side: .oppose, text: "De toon van de brief is kil en bot, zo schrijf je niet aan een oudere inwoner."),
        ThemeInput(
            id: 30, side: .oppose,
            text: "De brief van de gemeente is kil en onvriendelijk geformuleerd; mevrouw verdient een betere toon."),
    ]

    static let points = [
        "- Een traplift is duurder dan verhuizen naar een gelijkvloerse woning.",
        "- Er staan twee gelijkvloerse woningen leeg in de wijk.",
        "- De Wmo schrijft de goedkoopst adequate oplossing voor.",
    ]

    static func themes(_ report: ThemeReport, _ side: VoteSide?) -> [Theme] { report.themes.filter { $0.side == side } }

    static func theme(_ report: ThemeReport, _ side: VoteSide, labelled word: String) -> Theme? {
        themes(report, side).first { $0.label.contains(word) }
    }

    @Test func findsTheThemesOfEachSide() throws {
        let report = ThemeBuilder.build(Self.stairLift, municipalityPoints: Self.points)
        let support = Self.themes(report, .support)
        let oppose = Self.themes(report, .oppose)
        #expect(support.count == 2)
        #expect(oppose.count == 4)
        #expect(Self.themes(report, nil).isEmpty)
        // Support themes come first, then oppose themes.
        #expect(report.themes.map(\.side) == support.map(\.side) + oppose.map(\.side))

        let cost = try #require(support.first)
        #expect(cost.label.contains("goedkoopst adequate"))
        #expect(cost.label.contains("kosten"))
        #expect(cost.size == 8)
        #expect(cost.weight == 11)  // eight arguments and three reactions
        #expect(cost.quotes.allSatisfy { (1...8).contains($0) })
        let safety = try #require(Self.theme(report, .support, labelled: "veiliger"))
        #expect(safety.size == 4)

        let neighbours = try #require(Self.theme(report, .oppose, labelled: "buren"))
        #expect(neighbours.size == 7)
        #expect(neighbours.members == Array(13...19))
        #expect(neighbours.weight == 11)
        #expect(neighbours.quotes.count == 3 && neighbours.quotes.allSatisfy { (13...19).contains($0) })
        let age = try #require(Self.theme(report, .oppose, labelled: "90 jaar"))
        #expect(age.label.contains("leeftijd"))
        #expect(Set(age.quotes).isSubset(of: Set(20...24)))
        let information = try #require(Self.theme(report, .oppose, labelled: "informatie"))
        #expect(information.size == 4)
        #expect(Set(information.quotes).isSubset(of: Set(25...28)))
    }

    @Test func keepsAMinorityThemeApart() throws {
        let report = ThemeBuilder.build(Self.stairLift)
        let tone = try #require(Self.theme(report, .oppose, labelled: "brief"))
        #expect(tone.label.contains("kil"))
        #expect(tone.size == 2)
        #expect(tone.isMinority)
        #expect(abs(tone.share - 2.0 / 18.0) < 1e-12)
        #expect(Set(tone.quotes) == [29, 30])
        #expect(tone.members == [29, 30])
        #expect(report.themes.filter(\.isMinority) == [tone])
    }

    @Test func labelsHaveTwoToFourTermsInThePanelsOwnWords() {
        let report = ThemeBuilder.build(Self.stairLift)
        for theme in report.themes {
            let terms = theme.label.components(separatedBy: ", ")
            #expect((2...4).contains(terms.count), "\(theme.label)")
            for term in terms {
                // Surface forms, never bare stems or a lone negation.
                #expect(Self.stairLift.contains { $0.text.lowercased().contains(term) }, "\(term)")
                #expect(term != "niet" && term != "geen")
            }
        }
    }

    @Test func sharesAndWeightsAddUp() {
        let report = ThemeBuilder.build(Self.stairLift)
        for side in [VoteSide.support, .oppose] {
            let themes = Self.themes(report, side)
            #expect(abs(themes.map(\.share).reduce(0, +) - 1) < 1e-9)
            #expect(themes.map(\.weight) == themes.map(\.weight).sorted(by: >))
        }
        #expect(report.themes.map(\.size).reduce(0, +) == Self.stairLift.count)
        #expect(report.themes.flatMap(\.members).sorted() == Self.stairLift.map(\.id).sorted())
        #expect(report.themes.allSatisfy { $0.members.count == $0.size && Set($0.quotes).isSubset(of: $0.members) })
    }

    @Test func reactionsRaiseAThemesWeight() throws {
        var inputs = Self.stairLift
        for index in inputs.indices where (9...12).contains(inputs[index].id) { inputs[index].reactions = 5 }
        let report = ThemeBuilder.build(inputs)
        let safety = try #require(Self.themes(report, .support).first)
        #expect(safety.label.contains("veiliger"))
        #expect(safety.size == 4)
        #expect(safety.weight == 24)
        #expect(Self.themes(report, .support).last?.weight == 11)
    }

    @Test func collectsTheLearningPrompts() {
        let report = ThemeBuilder.build(Self.stairLift, municipalityPoints: Self.points)
        #expect(report.missingInformation == [25, 26, 27, 28])
        #expect(report.toneRemarks == [29, 30])
        #expect(
            report.weakestMunicipalityPoints == [
                ContestedPoint(point: "Een traplift is duurder dan verhuizen naar een gelijkvloerse woning.", mentions: 2),
                ContestedPoint(point: "Er staan twee gelijkvloerse woningen leeg in de wijk.", mentions: 0),
                ContestedPoint(point: "De Wmo schrijft de goedkoopst adequate oplossing voor.", mentions: 0),
            ])
    }

    @Test func countsOnlyOpposingArgumentsAgainstAPoint() {
        let inputs = [
            ThemeInput(id: 1, side: .oppose, text: "Verhuizen naar een andere woning is voor haar geen optie."),
            ThemeInput(id: 2, side: .oppose, text: "Een traplift is helemaal niet duur."),
            ThemeInput(id: 3, side: .support, text: "Verhuizen naar een gelijkvloerse woning is verstandig."),
            ThemeInput(id: 4, side: nil, text: "Verhuizen naar een woning, prima."),
            ThemeInput(id: 5, side: .oppose, text: "Over de buren zegt de gemeente niets."),
        ]
        let points = ["* Verhuizen naar een gelijkvloerse woning is goedkoper.", "- Buren", "Wmo"]
        let report = ThemeBuilder.build(inputs, municipalityPoints: points)
        #expect(
            report.weakestMunicipalityPoints == [
                // Argument 1 shares "verhuizen" and "woning"; argument 2 shares nothing.
                ContestedPoint(point: "Verhuizen naar een gelijkvloerse woning is goedkoper.", mentions: 1),
                // A one-keyword point needs that one keyword: half or more of its keywords.
                ContestedPoint(point: "Buren", mentions: 1),
                ContestedPoint(point: "Wmo", mentions: 0),
            ])
    }

    @Test func recognisesCuesAsWholeWords() {
        let inputs = [
            ThemeInput(id: 3, side: .oppose, text: "Het is mij onduidelijk hoe groot de woning is."),
            ThemeInput(id: 1, side: .support, text: "Er wordt niet vermeld wat het onderhoud kost."),
            ThemeInput(id: 2, side: .oppose, text: "Dat mis ik in het dossier."),
            ThemeInput(id: 4, side: .oppose, text: "Ik mistte haar al, de mistige ochtend, missionaris."),
            ThemeInput(id: 5, side: nil, text: "De uitleg was in ambtelijke taal."),
            ThemeInput(id: 6, side: .support, text: "Botsing van belangen, kilometers ver."),
        ]
        let report = ThemeBuilder.build(inputs)
        #expect(report.missingInformation == [1, 2, 3])
        #expect(report.toneRemarks == [5])
    }

    @Test func isDeterministic() {
        let first = ThemeBuilder.build(Self.stairLift, municipalityPoints: Self.points)
        let second = ThemeBuilder.build(Self.stairLift, municipalityPoints: Self.points)
        #expect(first == second)
    }

    @Test func ignoresInputOrder() {
        let expected = ThemeBuilder.build(Self.stairLift, municipalityPoints: Self.points)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5 {
            let shuffled = Self.stairLift.shuffled(using: &generator)
            #expect(ThemeBuilder.build(shuffled, municipalityPoints: Self.points) == expected)
        }
        #expect(ThemeBuilder.build(Self.stairLift.reversed(), municipalityPoints: Self.points) == expected)
    }

    @Test(arguments: Array(1...20) as [UInt64])
    func otherSeedsFindTheSameThemes(seed: UInt64) {
        let report = ThemeBuilder.build(Self.stairLift, seed: seed)
        for word in ["buren", "90 jaar", "informatie", "brief"] {
            #expect(Self.theme(report, .oppose, labelled: word) != nil, "\(word)")
        }
        #expect(Self.theme(report, .support, labelled: "goedkoopst adequate") != nil)
    }

    @Test func emptyInputGivesAnEmptyReport() {
        #expect(ThemeBuilder.build([]) == ThemeReport())
        let onlyPoints = ThemeBuilder.build([], municipalityPoints: ["- Verhuizen is goedkoper."])
        #expect(onlyPoints.themes.isEmpty)
        #expect(onlyPoints.weakestMunicipalityPoints == [ContestedPoint(point: "Verhuizen is goedkoper.", mentions: 0)])
    }

    @Test func argumentsWithoutContentJoinNoTheme() {
        let inputs = [
            ThemeInput(id: 1, side: .oppose, text: "Eens."),
            ThemeInput(id: 2, side: .oppose, text: "De buren helpen haar elke dag met boodschappen."),
            ThemeInput(id: 3, side: .oppose, text: "Haar buren doen de boodschappen."),
        ]
        let report = ThemeBuilder.build(inputs)
        #expect(report.themes.count == 1)
        #expect(report.themes.first?.size == 2)
        #expect(report.themes.first?.share == 2.0 / 3.0)
        #expect(report.themes.first?.label.contains("buren") == true)
    }

    @Test func nonVotersGetThemesOfTheirOwn() {
        let inputs = [
            ThemeInput(id: 1, side: nil, text: "Ik twijfel: de buren helpen haar, maar de kosten zijn hoog."),
            ThemeInput(id: 2, side: nil, text: "Lastig, de buren zijn belangrijk maar de kosten ook."),
            ThemeInput(id: 3, side: .support, text: "De kosten van een traplift zijn te hoog."),
        ]
        let report = ThemeBuilder.build(inputs)
        #expect(report.themes.map(\.side) == [.support, nil])
        #expect(report.themes.last?.size == 2)
        #expect(report.themes.last?.share == 1)
    }

    @Test func quotesPreferMidLengthTextsNearTheCentre() throws {
        let long = String(repeating: "De buren zijn haar vangnet en doen de boodschappen. ", count: 10)
        let inputs = [
            ThemeInput(id: 1, side: .oppose, text: long),
            ThemeInput(id: 2, side: .oppose, text: "Buren, vangnet, boodschappen."),
            ThemeInput(id: 3, side: .oppose, text: "De buren zijn haar vangnet en doen de boodschappen."),
            ThemeInput(id: 4, side: .oppose, text: "Haar buren zijn een vangnet, ze doen haar boodschappen."),
        ]
        let report = ThemeBuilder.build(inputs)
        let theme = try #require(report.themes.first)
        #expect(theme.size == 4)
        #expect(theme.quotes.count == 3)
        #expect(Set(theme.quotes.prefix(2)) == [3, 4])
    }

    @Test func buildsThousandsOfArgumentsQuickly() {
        let fragments = [
            "de kosten van een traplift zijn hoog", "haar buren helpen haar elke dag", "op 90 jaar verhuis je niet meer",
            "informatie over het huis ontbreekt", "de brief was kil en bot", "een gelijkvloerse woning is veiliger",
        ]
        let inputs = (0..<3000).map { index in
            ThemeInput(
                id: Int64(index), side: index % 3 == 0 ? .support : .oppose,
                text: fragments[index % fragments.count] + ", vindt panellid \(index % 17).", reactions: index % 5)
        }
        // Speed lives in Benchmarks/ThemesBench; here only that a large input completes with themes.
        let report = ThemeBuilder.build(inputs)
        #expect(!report.themes.isEmpty)
    }
}
