import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// Contexts for every kind of mail a panelist of this case receives, for an example panelist, so the
    /// municipality can see its case as the panel will. Nothing is written.
    public func previewContexts(caseId: Int64, defaults: TimelineDefaults, now: Date) throws -> [MessageContext] {
        try writer.read { db in
            guard let panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            guard let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId) else {
                throw StoreError.unknownMunicipality(panelCase.municipalityId)
            }
            var round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db)
            if round == nil {
                let timeline = try Timeline.make(publishAt: now, defaults: defaults)
                round = Round(
                    id: 0, caseId: caseId, state: .scheduled, publishAt: timeline.publishAt, voteAt: timeline.voteAt,
                    voteReminderAt: timeline.voteReminderAt, deadline: timeline.deadline)
            }
            var example = round!
            example.id = example.id ?? 0
            let panelist = Panelist(
                id: 0, municipalityId: municipality.id, email: "voorbeeld@panel.invalid", name: "Voorbeeld Panellid",
                status: .active, createdAt: now, updatedAt: now)
            let argument = ArgumentView(
                id: 0, number: 1, pseudonym: 1, text: "Zo ziet een bijdrage van een panellid eruit in de samenvatting.",
                parentNumber: nil, reactions: 0, status: .published)
            return MailKind.allCases.filter { Self.panelKinds.contains($0) }.map { kind in
                let message = OutboxMessage(
                    id: 0, kind: kind, roundId: example.id!, panelistId: 0, recipientKey: "p0", toAddress: panelist.email,
                    messageId: "preview.\(kind.rawValue)@preview.invalid", state: .pending, createdAt: now, attempts: 0)
                var context = MessageContext(
                    message: message, round: example, panelCase: panelCase, municipality: municipality, panelist: panelist,
                    tally: Tally(support: 0, oppose: 0, panelSize: 0), vote: nil)
                if kind == .digest || kind == .vote { context.arguments = [argument] }
                return context
            }
        }
    }

    static let panelKinds: Set<MailKind> = [.caseMail, .digest, .replyReminder, .vote, .voteReminder, .timelineChange]
}
