import Foundation

/// Refusals a moderator or panelist can act on. Descriptions say what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case municipalityExists(String)
    case unknownMunicipality(String)
    case unknownCase(Int64)
    case caseAlreadyRunning(Int64, state: String)
    case emptyPanel(String)
    case unknownRound(Int64)
    case notInPanel
    case votingNotOpen
    case votingClosed
    case unknownPanelist
    case unknownArgument
    case unknownQuestion
    case invalidExtension
    case unknownMessage(Int64)

    public var description: String {
        switch self {
        case .municipalityExists(let id):
            "municipality `\(id)` already exists"
        case .unknownMunicipality(let id):
            "no municipality `\(id)`; add it first with `tweedemening municipality add --id \(id) …`"
        case .unknownCase(let id):
            "no case \(id); `tweedemening case list` shows the cases"
        case .caseAlreadyRunning(let id, let state):
            "case \(id) is already \(state); its timeline can no longer change"
        case .emptyPanel(let id):
            "municipality `\(id)` has no active panelists; import a panel with `tweedemening panel import --municipality \(id) FILE.csv`"
        case .unknownRound(let id):
            "no round \(id)"
        case .notInPanel:
            "this panelist is not on the panel of this case"
        case .votingNotOpen:
            "voting has not opened yet"
        case .votingClosed:
            "voting has closed"
        case .unknownPanelist:
            "no such panelist"
        case .unknownArgument:
            "no such argument"
        case .unknownQuestion:
            "no such question"
        case .invalidExtension:
            "an extension must be 1 to 30 days"
        case .unknownMessage(let id):
            "no message #\(id) in the outbox; `tweedemening queue status` lists failed ones"
        }
    }
}
