import Foundation
import PanelCore

// Times KeyPointAnalysis.analyse on a real-sized case (400 arguments) and on 20,000 synthetic Dutch arguments,
// generated deterministically from templates, and checks that the same arguments give the same report.
// Run: swift run -c release KeyPointsBench [count]

/// The corpus is the same on every run and machine: PanelCore's SplitMix64, with two helpers.
typealias Generator = SplitMix64

extension SplitMix64 {
    init(state: UInt64) { self.init(seed: state) }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A topic: the side it mostly argues for and sentence parts to assemble arguments from.
struct Topic {
    var side: VoteChoice
    var openings: [String]
    var claims: [String]
    var reasons: [String]
}

let topics: [Topic] = [
    Topic(
        side: .support,
        openings: ["De kosten zijn doorslaggevend.", "Het gaat om belastinggeld.", "Geld kun je maar één keer uitgeven."],
        claims: [
            "de goedkoopst adequate oplossing gaat voor", "een traplift is op termijn duurder dan verhuizen",
            "de onderhoudskosten van een traplift lopen flink op", "het budget voor de Wmo is beperkt",
        ],
        reasons: [
            "zo staat het in de regels", "anders betalen andere inwoners de rekening",
            "de gemeente moet zuinig zijn met geld", "verhuiskosten zijn eenmalig",
        ]),
    Topic(
        side: .support,
        openings: ["Veiligheid staat voorop.", "Denk aan de toekomst.", "Een trap blijft een risico."],
        claims: [
            "een gelijkvloerse woning is veiliger", "met een traplift kan ze alsnog vallen",
            "een seniorenwoning is beter toegankelijk", "een aangepaste woning voorkomt valpartijen",
        ],
        reasons: [
            "zeker als haar gezondheid achteruitgaat", "thuiszorg is daar makkelijker te regelen",
            "een val op de trap is vaak het begin van het einde", "een rollator past niet op een traplift",
        ]),
    Topic(
        side: .oppose,
        openings: ["Ze woont er al tientallen jaren.", "Haar buren zijn haar vangnet.", "Een oude boom verplant je niet."],
        claims: [
            "de buren doen boodschappen en houden een oogje in het zeil",
            "in een nieuwe buurt kent ze niemand en raakt ze vereenzaamd",
            "verhuizen haalt haar uit haar vertrouwde omgeving", "haar sociale netwerk is goud waard",
        ],
        reasons: [
            "dat kost de gemeente niets", "eenzaamheid maakt ouderen ziek",
            "de hulp van buren is niet te koop", "haar hele leven ligt in die straat",
        ]),
    Topic(
        side: .oppose,
        openings: ["Ze is 90 jaar.", "Op haar leeftijd is alles zwaar.", "Hoeveel jaren heeft ze nog?"],
        claims: [
            "op hoge leeftijd is een verhuizing een enorme belasting", "een verhuizing op 90 jaar leidt tot verwarring",
            "op die leeftijd moet je iemand niet meer laten verhuizen", "de traplift is op haar leeftijd de menselijke keuze",
        ],
        reasons: [
            "dementie ligt op de loer", "de kosten wegen niet op tegen het leed",
            "ouderen gedijen bij vaste gewoonten", "een verhuizing kan haar gezondheid kosten",
        ]),
    Topic(
        side: .oppose,
        openings: ["Ik mis informatie.", "Het dossier is onvolledig.", "Er ontbreekt iets."],
        claims: [
            "het is niet duidelijk of de trap geschikt is voor een traplift", "informatie over het huis ontbreekt",
            "kan er beneden een slaapkamer komen", "we weten niet wat een aanpassing van de woning kost",
        ],
        reasons: [
            "zonder die gegevens kan ik niet oordelen", "waarom staat er niet in hoe breed de trap is",
            "meer informatie over de woning is nodig", "een bouwkundig rapport zou helpen",
        ]),
    Topic(
        side: .oppose,
        openings: ["Over de brief.", "De toon stoort mij.", "Communicatie is ook beleid."],
        claims: [
            "de brief is kil en onvriendelijk geformuleerd", "de toon van het besluit is bot",
            "de uitleg in de brief is ambtelijk en onbegrijpelijk", "zo schrijf je niet aan een oudere inwoner",
        ],
        reasons: [
            "een persoonlijk gesprek was beter geweest", "mevrouw verdient respect",
            "begrijpelijke taal is het minste", "het voelt respectloos",
        ]),
]

let fillers = [
    "", "Dat is mijn mening.", "Ik heb er lang over nagedacht.", "Dat lijkt mij redelijk.", "Zo zie ik het.",
    "Mijn moeder was in dezelfde situatie.", "Ik ken zulke gevallen uit mijn buurt.",
]

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
var generator = Generator(state: 2026)
var inputs: [KeyPointArgument] = []
inputs.reserveCapacity(count)
for number in 1...count {
    let topic = generator.pick(topics)
    // Most authors vote with their topic's side; some cross over, a few never voted.
    let roll = generator.below(100)
    let vote: VoteChoice? = roll < 85 ? topic.side : roll < 95 ? (topic.side == .support ? .oppose : .support) : nil
    var text = generator.pick(topic.openings) + " "
    text += generator.pick(topic.claims).capitalizedFirst + ", want " + generator.pick(topic.reasons) + "."
    if generator.below(3) == 0 { text += " Bovendien: " + generator.pick(topic.claims) + "." }
    let filler = generator.pick(fillers)
    if !filler.isEmpty { text += " " + filler }
    // One in eight reacts to an earlier argument ("Eens met #N").
    let reactsTo = number > 10 && generator.below(8) == 0 ? 1 + generator.below(number - 1) : nil
    if let parent = reactsTo { text = "Eens met #\(parent). " + text }
    inputs.append(KeyPointArgument(number: number, author: Int64(number), vote: vote, text: text, reactsTo: reactsTo))
}
let caseText = KeyPointCaseText(
    municipalityView: """
        - Een traplift is op termijn duurder dan verhuizen naar een gelijkvloerse woning.
        - Er staan twee gelijkvloerse seniorenwoningen leeg in de wijk.
        - De Wmo schrijft de goedkoopst adequate oplossing voor.
        - Een gelijkvloerse woning is veiliger.
        """,
    applicantView: "- Ze woont er al 52 jaar.\n- De buren helpen dagelijks.\n- Verhuizen op 90 jaar is te zwaar.")

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
// A real case: 400 arguments.
let realCase = Array(inputs.prefix(400))
var small = KeyPointReport()
let smallElapsed = clock.measure { small = KeyPointAnalysis.analyse(realCase, caseText: caseText) }
print(
    String(
        format: "key points: 400 arguments in %.3f s (target < 1 s), %d key points", seconds(smallElapsed), small.keyPoints.count)
)

var report = KeyPointReport()
let elapsed = clock.measure {
    report = KeyPointAnalysis.analyse(inputs, caseText: caseText)
}
let keyPointSeconds = seconds(elapsed)
let again = KeyPointAnalysis.analyse(inputs.reversed(), caseText: caseText)

/// Peak resident set size in MB, from VmHWM in /proc/self/status (0 where there is none).
func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
    }
    return 0
}

for point in report.keyPoints.prefix(12) {
    print("  \(point.label) \(point.stance.rawValue) \(point.residents): \(point.sentence)")
}
print(
    "  missing information: \(report.missingInformation.count), tone: \(report.tone.count), questions: \(report.questions.count), "
        + "deterministic: \(again == report ? "yes" : "NO")")
print(
    String(
        format: "key points: %d arguments in %.2f s (target < 5 s), peak RSS %.0f MB (target < 300 MB)", count,
        keyPointSeconds, peakResidentMegabytes()))

// The rest of the verdict: tally, Wilson interval and raking of 100,000 votes with a profile each.
var voteGenerator = Generator(state: 7)
let ages = ["18-34", "35-49", "50-64", "65-74", "75+"]
let genders = ["vrouw", "man"]
let districts = (1...10).map { "wijk \($0)" }
var respondents: [[String: String]] = []
var supports: [Bool] = []
respondents.reserveCapacity(100_000)
for _ in 0..<100_000 {
    respondents.append([
        "age_band": voteGenerator.pick(ages), "gender": voteGenerator.pick(genders), "district": voteGenerator.pick(districts),
    ])
    supports.append(voteGenerator.below(100) < 56)
}
let margins = [
    RakingVariable(name: "age_band", targets: ["18-34": 0.28, "35-49": 0.24, "50-64": 0.24, "65-74": 0.13, "75+": 0.11]),
    RakingVariable(name: "gender", targets: ["vrouw": 0.51, "man": 0.49]),
    RakingVariable(name: "district", targets: Dictionary(uniqueKeysWithValues: districts.map { ($0, 0.1) })),
]
var verdictLine = ""
let verdictElapsed = clock.measure {
    let tally = Tally(support: supports.filter { $0 }.count, oppose: supports.filter { !$0 }.count, panelSize: 120_000)
    let raked = Raking.rake(respondents: respondents, variables: margins)
    let weightedSupport = zip(raked.weights, supports).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) } / Double(raked.weights.count)
    let interval = VerdictStatistics.weightedWilson(share: weightedSupport, effectiveN: raked.effectiveSampleSize)
    verdictLine = String(
        format: "  %@ unweighted %.1f%%, weighted %.1f%% [%.1f–%.1f], ESS %.0f", tally.verdict(quorum: 30).rawValue,
        (tally.supportPercent ?? 0), weightedSupport * 100, (interval?.lower ?? 0) * 100, (interval?.upper ?? 0) * 100,
        raked.effectiveSampleSize)
}
let verdictSeconds = seconds(verdictElapsed)
print(verdictLine)
print(
    String(format: "verdict: 100000 votes tallied and raked in %.2f s, peak RSS %.0f MB", verdictSeconds, peakResidentMegabytes())
)
print(String(format: "total: %.2f s", keyPointSeconds + verdictSeconds))

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
