import Foundation

/// What a signed link names, one case per purpose: a case id can never be read as a round, nor a question's id as a
/// panelist's. The wire format stays `TokenClaims`' five fields (`purpose:round:panelist:extra:expiry`), so every link
/// already sent keeps working; `TokenClaims.init(_:expires:)` writes them and `TokenClaims.subject` reads them back.
public enum LinkSubject: Sendable, Equatable {
    case vote(round: Int64, panelist: Int64, choice: VoteChoice)
    /// Round 0: a link from mail about no round (a request's answer).
    case unsubscribe(round: Int64, panelist: Int64)
    /// "Don't remind me for this case".
    case quiet(round: Int64, panelist: Int64)
    /// No more discussion digests for this round.
    case noDigest(round: Int64, panelist: Int64)
    /// The moderator publishes or rejects a held argument.
    case moderateArgument(round: Int64, argument: Int64, publish: Bool)
    /// The moderator publishes or rejects a held answer of the municipality to a question.
    case moderateAnswer(round: Int64, question: Int64, publish: Bool)
    case extendDiscussion(round: Int64, days: Int)
    case evaluate(round: Int64, panelist: Int64, answer: EvaluationAnswer)
    /// The moderator approves or returns one version of a submitted case.
    case reviewCase(caseId: Int64, version: Int, approve: Bool)
    /// A joining resident's answer to one background question, `category=value`.
    case joinAnswer(volunteer: Int64, answer: String)
    case joinConfirm(volunteer: Int64)
    /// Round 0: a link from mail about no round.
    case pause(round: Int64, panelist: Int64)
    case erase(panelist: Int64)
    case resubscribe(panelist: Int64)
    /// A reserve accepts an empty seat on the panel.
    case takeSeat(volunteer: Int64)

    public var purpose: TokenPurpose {
        switch self {
        case .vote: .vote
        case .unsubscribe: .unsubscribe
        case .quiet: .quiet
        case .noDigest: .noDigest
        case .moderateArgument(_, _, let publish): publish ? .approveArgument : .rejectArgument
        case .moderateAnswer(_, _, let publish): publish ? .approveAnswer : .rejectAnswer
        case .extendDiscussion: .extendDiscussion
        case .evaluate: .evaluate
        case .reviewCase(_, _, let approve): approve ? .approveCase : .returnCase
        case .joinAnswer: .joinAnswer
        case .joinConfirm: .joinConfirm
        case .pause: .pause
        case .erase: .erase
        case .resubscribe: .resubscribe
        case .takeSeat: .takeSeat
        }
    }
}

extension TokenClaims {
    /// The claims of a link for `subject`, in the wire format every existing link has.
    public init(_ subject: LinkSubject, expires: Date) {
        switch subject {
        case .vote(let round, let panelist, let choice):
            self.init(purpose: .vote, round: round, panelist: panelist, choice: choice, expires: expires)
        case .unsubscribe(let round, let panelist), .quiet(let round, let panelist), .noDigest(let round, let panelist),
            .pause(let round, let panelist):
            self.init(purpose: subject.purpose, round: round, panelist: panelist, expires: expires)
        case .moderateArgument(let round, let argument, _):
            self.init(purpose: subject.purpose, round: round, panelist: argument, expires: expires)
        case .moderateAnswer(let round, let question, _):
            self.init(purpose: subject.purpose, round: round, panelist: question, expires: expires)
        case .extendDiscussion(let round, let days):
            self.init(purpose: .extendDiscussion, round: round, panelist: Int64(days), expires: expires)
        case .evaluate(let round, let panelist, let answer):
            self.init(purpose: .evaluate, round: round, panelist: panelist, answer: answer, expires: expires)
        case .reviewCase(let caseId, let version, _):
            self.init(purpose: subject.purpose, round: caseId, panelist: Int64(version), expires: expires)
        case .joinAnswer(let volunteer, let answer):
            self.init(purpose: .joinAnswer, round: volunteer, panelist: 0, detail: answer, expires: expires)
        case .joinConfirm(let volunteer):
            self.init(purpose: .joinConfirm, round: volunteer, panelist: 0, expires: expires)
        case .takeSeat(let volunteer):
            self.init(purpose: .takeSeat, round: volunteer, panelist: 0, expires: expires)
        case .erase(let panelist), .resubscribe(let panelist):
            self.init(purpose: subject.purpose, round: 0, panelist: panelist, expires: expires)
        }
    }

    /// What the link names, read by its purpose; nil when its fields do not fit the purpose (a vote without a
    /// choice, an evaluation without an answer): such a link is damaged.
    public var subject: LinkSubject? {
        switch purpose {
        case .vote: choice.map { .vote(round: round, panelist: panelist, choice: $0) }
        case .unsubscribe: .unsubscribe(round: round, panelist: panelist)
        case .quiet: .quiet(round: round, panelist: panelist)
        case .noDigest: .noDigest(round: round, panelist: panelist)
        case .approveArgument, .rejectArgument:
            .moderateArgument(round: round, argument: panelist, publish: purpose == .approveArgument)
        case .approveAnswer, .rejectAnswer:
            .moderateAnswer(round: round, question: panelist, publish: purpose == .approveAnswer)
        case .extendDiscussion: Int(exactly: panelist).map { .extendDiscussion(round: round, days: $0) }
        case .evaluate: answer.map { .evaluate(round: round, panelist: panelist, answer: $0) }
        case .approveCase, .returnCase:
            Int(exactly: panelist).map { .reviewCase(caseId: round, version: $0, approve: purpose == .approveCase) }
        case .joinAnswer: detail.map { .joinAnswer(volunteer: round, answer: $0) }
        case .joinConfirm: .joinConfirm(volunteer: round)
        case .pause: .pause(round: round, panelist: panelist)
        case .erase: .erase(panelist: panelist)
        case .resubscribe: .resubscribe(panelist: panelist)
        case .takeSeat: .takeSeat(volunteer: round)
        }
    }
}
