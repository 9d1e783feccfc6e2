import Foundation
import PanelCore

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
    /// The `installation` row (migration v15) is gone: someone deleted it by hand.
    case missingInstallation
    case invalidExtension
    /// A one-time link (extend the discussion) was used before.
    case linkUsed
    case unknownMessage(Int64)
    /// The case was returned to the municipality; a new version must come first.
    case caseReturned(Int64, version: Int)
    /// A review link for an older version than the newest one.
    case staleVersion(Int64, linked: Int, current: Int)
    /// A new version for a case that is already approved.
    case caseAlreadyApproved(Int64)
    /// A new version for a case of another municipality.
    case caseOfOtherMunicipality(Int64)
    /// The case check found what must change first (personal data, a missing part); approving takes an override.
    case blockingFindings(Int64, CaseCheckReport)
    /// A stored panel draw that cannot be read back (damaged, or written by a newer version).
    case unreadableSelection(Int64)

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
        case .missingInstallation:
            "the database has no installation row (its Message-ID salt); restore it from a backup"
        case .invalidExtension:
            "an extension must be 1 to 30 days"
        case .linkUsed:
            "this link was used before; it works once"
        case .caseReturned(let id, let version):
            "case \(id) version \(version) was returned to the municipality; wait for its new version"
        case .staleVersion(let id, let linked, let current):
            "this link is for version \(linked) of case \(id), but version \(current) has arrived since; use the newest review mail"
        case .caseAlreadyApproved(let id):
            "case \(id) is already approved; a new version can no longer replace it (ask the moderator)"
        case .caseOfOtherMunicipality(let id):
            "case \(id) belongs to another municipality"
        case .blockingFindings(let id, let report):
            "case \(id) cannot be approved yet: the check found \(report.findings.count { $0.blocking }) thing(s) to change "
                + "first; return it to the municipality (`tweedemening case return \(id) --reason …`), or approve with "
                + "--override if you accept them"
        case .unreadableSelection(let id):
            "panel draw \(id) cannot be read back; restore the database from a backup, or run `panel select` again"
        case .unknownMessage(let id):
            "no message #\(id) in the outbox; `tweedemening queue status` lists failed ones"
        }
    }
}
