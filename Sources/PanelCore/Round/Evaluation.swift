import Foundation

/// The pilot's own measures, asked after every case with one click each: satisfaction 1–5, whether
/// trust in the municipality changed, whether the information was sufficient.
public enum EvaluationQuestion: String, Sendable, Codable, CaseIterable {
    case satisfaction
    case trust
    case information

    /// The answers a link may carry.
    public var answers: [String] {
        switch self {
        case .satisfaction: ["1", "2", "3", "4", "5"]
        case .trust: ["more", "same", "less"]
        case .information: ["yes", "no"]
        }
    }
}

/// One question with one answer, carried in a signed link as `question=answer`.
public struct EvaluationAnswer: Sendable, Equatable, Codable {
    public var question: EvaluationQuestion
    public var value: String

    public init?(question: EvaluationQuestion, value: String) {
        guard question.answers.contains(value) else { return nil }
        self.question = question
        self.value = value
    }

    public init?(token: String) {
        let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let question = EvaluationQuestion(rawValue: parts[0]) else { return nil }
        self.init(question: question, value: parts[1])
    }

    public var token: String { "\(question.rawValue)=\(value)" }
}

/// The evaluation of one or more rounds, as the council report shows it (the pilot: 69% satisfied,
/// 39% more trust).
public struct EvaluationSummary: Sendable, Equatable {
    public var respondents: Int
    /// Share answering 4 or 5, of those who answered the satisfaction question; nil when none did.
    public var satisfied: Double?
    public var moreTrust: Double?
    public var informationSufficient: Double?

    public init(answers: [(question: EvaluationQuestion, value: String, panelist: Int64)]) {
        respondents = Set(answers.map(\.panelist)).count
        func share(_ question: EvaluationQuestion, _ yes: Set<String>) -> Double? {
            let given = answers.filter { $0.question == question }
            return given.isEmpty ? nil : Double(given.filter { yes.contains($0.value) }.count) / Double(given.count)
        }
        satisfied = share(.satisfaction, ["4", "5"])
        moreTrust = share(.trust, ["more"])
        informationSufficient = share(.information, ["yes"])
    }
}
