import Foundation

/// One published argument as the key point analysis reads it.
public struct KeyPointArgument: Sendable, Equatable {
    /// The argument's number in the round (`#N`); the report cites arguments by it.
    public var number: Int
    /// Who wrote it (a panelist id): key points count residents, not arguments.
    public var author: Int64
    /// The author's final vote. Only used for counts by vote of at least five per group; never for a side.
    public var vote: VoteChoice?
    public var text: String
    /// The number of the argument it reacts to (`#12` at its start), if any.
    public var reactsTo: Int?

    public init(number: Int, author: Int64, vote: VoteChoice? = nil, text: String, reactsTo: Int? = nil) {
        self.number = number
        self.author = author
        self.vote = vote
        self.text = text
        self.reactsTo = reactsTo
    }
}

/// The case text the analysis compares arguments with: quoted case text is no argument, a remark on tone is
/// tied to the municipality's sentence it answers, and an argument's stance leans on the standpoint it echoes.
public struct KeyPointCaseText: Sendable, Equatable {
    public var municipalityView: String
    public var applicantView: String
    /// Every section of the case, for recognising quoted case text.
    public var fullText: String

    public init(municipalityView: String = "", applicantView: String = "", fullText: String = "") {
        self.municipalityView = municipalityView
        self.applicantView = applicantView
        self.fullText = fullText
    }
}

/// What an argument says about the municipality's decision, read from its words (never from its author's vote).
public enum Stance: String, Sendable, Codable, Equatable, CaseIterable {
    case support
    case oppose
    /// A middle way or a condition: "voor, mits …", fewer hours with a review.
    case middle
    /// No stance can be read from the text.
    case unclear
}

/// How many residents behind a point voted each way; only made when every count is at least `minimumCell`.
public struct VoteSplit: Sendable, Codable, Equatable {
    public var support: Int
    public var oppose: Int
    public var noVote: Int

    public init(support: Int, oppose: Int, noVote: Int) {
        self.support = support
        self.oppose = oppose
        self.noVote = noVote
    }

    /// The small-cell rule: no count under five, a zero included (a zero would tie every quote to one vote).
    public static let minimumCell = 5

    /// The split of `votes`, or nil when any group (a zero included) is smaller than `minimumCell`; a group of
    /// non-voters that is empty is left out, since "did not vote" is not a side.
    public static func of(_ votes: [VoteChoice?]) -> VoteSplit? {
        let support = votes.count { $0 == .support }
        let oppose = votes.count { $0 == .oppose }
        let noVote = votes.count { $0 == nil }
        guard support >= minimumCell, oppose >= minimumCell, noVote == 0 || noVote >= minimumCell else { return nil }
        return VoteSplit(support: support, oppose: oppose, noVote: noVote)
    }
}

/// A short quote for the municipality: a sentence of one argument, without its author.
public struct KeyPointQuote: Sendable, Codable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// One point the panel made, as a sentence from the residents' own words, with who stands behind it.
public struct KeyPoint: Sendable, Codable, Equatable {
    /// 1-based, by rank: `K1` is made by the most residents.
    public var id: Int
    public var sentence: String
    public var stance: Stance
    /// Distinct residents who made the point or agreed with an argument that made it.
    public var residents: Int
    /// Residents by vote, when every group has at least five; nil otherwise.
    public var split: VoteSplit?
    /// The numbers of the arguments that make it (a reaction that agrees counts too), ascending.
    public var arguments: [Int]
    /// One or two short sentences of other arguments that make the point.
    public var quotes: [KeyPointQuote]

    public init(
        id: Int, sentence: String, stance: Stance, residents: Int, split: VoteSplit? = nil, arguments: [Int],
        quotes: [KeyPointQuote]
    ) {
        self.id = id
        self.sentence = sentence
        self.stance = stance
        self.residents = residents
        self.split = split
        self.arguments = arguments
        self.quotes = quotes
    }

    public var label: String { "K\(id)" }
    /// Made by fewer than three residents: listed under "Ook genoemd".
    public var isMinor: Bool { residents < 3 }
}

/// Something the panel said it missed, or said about the tone: merged by meaning, with who said it.
public struct KeyPointRemark: Sendable, Codable, Equatable {
    public var sentence: String
    public var residents: Int
    public var arguments: [Int]
    /// For a remark on tone: the municipality's sentence it answers, when it is quoted or echoed.
    public var about: String?

    public init(sentence: String, residents: Int, arguments: [Int], about: String? = nil) {
        self.sentence = sentence
        self.residents = residents
        self.arguments = arguments
        self.about = about
    }
}

/// What the analysis read in one argument, for the CSV.
public struct ArgumentReading: Sendable, Codable, Equatable {
    public struct Signals: OptionSet, Sendable, Codable, Equatable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let missingInformation = Signals(rawValue: 1)
        public static let tone = Signals(rawValue: 2)
        public static let question = Signals(rawValue: 4)
        public static let reaction = Signals(rawValue: 8)
        public static let noArgument = Signals(rawValue: 16)
    }

    public var number: Int
    /// Key point ids it counts toward, in the order the argument makes them.
    public var keyPoints: [Int]
    public var stance: Stance
    public var signals: Signals

    public init(number: Int, keyPoints: [Int], stance: Stance, signals: Signals) {
        self.number = number
        self.keyPoints = keyPoints
        self.stance = stance
        self.signals = signals
    }
}

/// The key points of a round: what the municipality reads, the same for every mail that shows them.
public struct KeyPointReport: Sendable, Codable, Equatable {
    /// By residents, most first; ids follow this order.
    public var keyPoints: [KeyPoint]
    public var missingInformation: [KeyPointRemark]
    public var tone: [KeyPointRemark]
    /// Questions found inside arguments: the sentence, with its argument.
    public var questions: [KeyPointQuote]
    /// Every argument, by number.
    public var readings: [ArgumentReading]
    /// Distinct residents who wrote at least one argument.
    public var residents: Int

    public init(
        keyPoints: [KeyPoint] = [], missingInformation: [KeyPointRemark] = [], tone: [KeyPointRemark] = [],
        questions: [KeyPointQuote] = [], readings: [ArgumentReading] = [], residents: Int = 0
    ) {
        self.keyPoints = keyPoints
        self.missingInformation = missingInformation
        self.tone = tone
        self.questions = questions
        self.readings = readings
        self.residents = residents
    }

    /// The strongest points of both sides in equal numbers, alternating, most residents first: what the vote mail
    /// shows, so that neither side is summarised alone. A side with fewer points is not made up by the other;
    /// points holding a middle way fill the room left. Points of fewer than three residents are left out.
    public func balanced(limit: Int) -> [KeyPoint] {
        let shown = keyPoints.filter { !$0.isMinor }
        let support = shown.filter { $0.stance == .support }
        let oppose = shown.filter { $0.stance == .oppose }
        let perSide = min(limit / 2, support.count, oppose.count)
        var result: [KeyPoint] = []
        for index in 0..<perSide {
            let pair = [support[index], oppose[index]].sorted { $0.id < $1.id }
            result += pair
        }
        if perSide == 0 { result += (support.isEmpty ? oppose : support).prefix(limit / 2) }
        for point in shown where point.stance == .middle && result.count < limit { result.append(point) }
        return result
    }
}
