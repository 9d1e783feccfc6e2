import Crypto
import Foundation
import MailFormat
import PanelCore
import PanelStore

/// Our fixed inbound addresses besides the signed reply addresses: where municipalities mail cases and
/// residents join; and whose Authentication-Results to trust.
public struct IntakeAddresses: Sendable {
    /// The cases address, lowercased: `zaken@reply.tweedemening.nl`.
    public var casesAddress: String
    /// Where residents mail their invitation code: `aanmelden@reply.tweedemening.nl`.
    public var joinAddress: String?
    /// The authserv-id of our own MTA's Authentication-Results; nil: trust none (anyone can write one).
    public var authservID: String?

    public init(casesAddress: String, joinAddress: String? = nil, authservID: String? = nil) {
        self.casesAddress = casesAddress.lowercased()
        self.joinAddress = joinAddress?.lowercased()
        self.authservID = authservID?.lowercased()
    }
}

/// The municipality's shared secret in a case mail: a line `Geheim: …` anywhere in the body.
public enum SubmissionSecret {
    static let prefixes = ["geheim:", "secret:"]

    /// The secret on its own line, and the text without that line.
    public static func extract(from text: String) -> (secret: String?, text: String) {
        var secret: String?
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if secret == nil, let prefix = prefixes.first(where: { trimmed.lowercased().hasPrefix($0) }) {
                secret = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                continue
            }
            kept.append(line)
        }
        return (secret, kept.joined(separator: "\n"))
    }

    /// The raw mail without the secret: every literal occurrence replaced; when the body is encoded
    /// (base64) and the secret does not occur literally, only the header section is kept.
    public static func redact(_ secret: String, in raw: [UInt8]) -> [UInt8] {
        let needle = Array(secret.utf8)
        guard needle.count >= 4 else { return raw }
        let replacement = Array("[geheim verwijderd]".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        var found = false
        while index < raw.count {
            if raw[index] == needle[0], index + needle.count <= raw.count, Array(raw[index..<(index + needle.count)]) == needle {
                output += replacement
                index += needle.count
                found = true
            } else {
                output.append(raw[index])
                index += 1
            }
        }
        if found { return output }
        let separator = Array("\r\n\r\n".utf8)
        var end = raw.count
        if raw.count >= 4 {
            for start in 0...(raw.count - 4) where Array(raw[start..<(start + 4)]) == separator {
                end = start + 4
                break
            }
        }
        return Array(raw[..<end]) + Array("[inhoud niet bewaard: bevatte het geheim in gecodeerde vorm]\r\n".utf8)
    }

    /// SHA-256 in lowercase hex: what the database keeps instead of the secret.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time comparison of the hash of `secret` with `storedHash`.
    public static func matches(_ secret: String, storedHash: String) -> Bool {
        let computed = Array(hash(secret).utf8)
        let stored = Array(storedHash.lowercased().utf8)
        guard computed.count == stored.count else { return false }
        return zip(computed, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Why a case mail is not taken: the text of the answer, whether the sender hears it, and the municipality whose
/// moderator must act (when nothing can verify its senders). Thrown by `fileCase`'s steps, filed by `refuseCase`.
struct CaseRefusal: Error {
    var reason: String
    var answer: Bool
    var tellModerator: Municipality? = nil
}

extension Mailroom {
    /// A case (or a new version, `revisionOf`) mailed by a municipality. Taken only from a registered
    /// address whose mail DKIM/SPF/DMARC vouches for, or that carries the municipality's secret;
    /// otherwise refused, and the sender hears why unless the sender may be forged.
    func fileCase(name: String, bytes: [UInt8], message: InboundMessage, revisionOf: Int64?, now: Date) throws
        -> MailroomResult
    {
        // The secret is not kept, not even in the raw mail (`trust.bytes`): a stolen backup must not reveal it.
        let trust = senderTrust(message, bytes: bytes)
        do {
            let municipality = try verifiedMunicipality(trust)
            let (file, source) = try caseFile(in: message, body: trust.message.text)
            let mail = InboundMail(
                spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
                roundId: nil, panelistId: nil, disposition: .caseSubmission, detail: revisionOf.map { "revision-of:\($0)" },
                raw: Data(trust.bytes))
            try submitCase(
                CaseSubmission(
                    municipalityId: municipality.id, file: file, source: source, via: .mail, fromAddress: trust.from,
                    revisionOf: revisionOf, inbound: mail),
                now: now)
            return .filed(.caseSubmission)
        } catch let refusal as CaseRefusal {
            return try refuseCase(refusal, name: name, message: message, bytes: trust.bytes, from: trust.from, now: now)
        }
    }

    /// Files the refused mail, answers the sender if `refusal.answer` (and there is one), and tells the moderator.
    private func refuseCase(
        _ refusal: CaseRefusal, name: String, message: InboundMessage, bytes: [UInt8], from: String, now: Date
    ) throws -> MailroomResult {
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: nil, panelistId: nil, disposition: .caseRefused, detail: refusal.reason, raw: Data(bytes))
        // Only a sender we can trust hears why: no answers to forged senders (backscatter).
        try database.refuseSubmission(
            mail, answerTo: refusal.answer && !from.isEmpty ? from : nil,
            tellModerator: refusal.tellModerator.flatMap { municipality in moderatorAddress.map { ($0, municipality.id) } },
            now: now, messageDomain: messageDomain)
        logger.info("inbound.case_refused", metadata: ["inbound.answered": "\(refusal.answer)"])
        return .filed(.caseRefused)
    }

    /// The municipality the sender's registered address belongs to, once the mail is shown to come from it;
    /// else a `CaseRefusal` saying why.
    private func verifiedMunicipality(_ trust: SenderTrust) throws -> Municipality {
        let from = trust.from
        let municipality = try addressedMunicipality(trust)
        guard canVerify(municipality) else {
            // Neither our MTA's verdict (no `inbound.authserv_id`) nor a secret can prove this sender: anyone can
            // write this From. Refused; the moderator hears what to configure, the registered address why.
            throw CaseRefusal(
                reason: "Zaken per e-mail kunnen voor \(municipality.name) nog niet worden aangenomen: wij kunnen niet "
                    + "controleren dat een e-mail echt van \(from) komt. De moderator is gevraagd dit in te stellen; tot dan "
                    + "kunt u de zaak aan de moderator geven.",
                answer: true, tellModerator: municipality)
        }
        guard trust.speaks(for: municipality) else {
            throw CaseRefusal(
                reason: "Wij konden niet vaststellen dat deze e-mail echt van \(from) komt (\(trust.checks)"
                    + (trust.secret == nil ? "" : "; het geheim in de e-mail klopt niet") + "). "
                    + "Laat uw ICT-afdeling DKIM of SPF voor \(trust.domain) instellen, of zet de regel `Geheim: …` met het "
                    + "geheim van uw gemeente in de e-mail (de moderator geeft het u).",
                answer: true)
        }
        return municipality
    }

    /// The municipality registered with the sender's address; when the address serves several (a shared service),
    /// the one the case's front matter names (`gemeente:` or `municipality:`).
    private func addressedMunicipality(_ trust: SenderTrust) throws -> Municipality {
        let from = trust.from
        let candidates = try database.municipalities(email: from)
        guard !from.isEmpty, !candidates.isEmpty else {
            throw CaseRefusal(
                reason: "Het adres \(from.isEmpty ? "(geen afzender)" : from) is niet bij ons bekend als adres van een "
                    + "gemeente. Vraag de moderator om het adres te registreren, of stuur de zaak vanaf het geregistreerde "
                    + "adres.",
                answer: trust.isAuthenticated)
        }
        guard candidates.count > 1 else { return candidates[0] }
        let body = trust.message.text
        let named = CaseFile.frontMatterValue("municipality", in: body) ?? CaseFile.frontMatterValue("gemeente", in: body)
        guard let named, let match = candidates.first(where: { $0.id == named.lowercased() }) else {
            throw CaseRefusal(
                reason: "Dit adres hoort bij meer dan één gemeente (\(candidates.map(\.id).joined(separator: ", "))). "
                    + "Zet in de kop van de zaak een regel `gemeente: \(candidates[0].id)` met de juiste gemeente.",
                answer: true)
        }
        return match
    }

    /// The case and its source text: a Markdown attachment, else the body (first without the quoted mail a reply
    /// carries, then whole); a `CaseRefusal` listing what is missing when none parses.
    private func caseFile(in message: InboundMessage, body: String) throws -> (CaseFile, String) {
        let attachment = message.attachments.first { attachment in
            let name = attachment.filename?.lowercased() ?? ""
            return attachment.text != nil
                && (name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".txt")
                    || attachment.contentType == "text/markdown")
        }
        let candidatesText = attachment?.text.map { [$0] } ?? [ReplyTrimmer.trim(body), body]
        for text in candidatesText {
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
            if let file = try? CaseFile.parse(text) { return (file, text) }
        }
        let report = CaseCheck.check(candidatesText[0])
        let problems = report.findings.filter { $0.kind == .completeness }.map {
            "- " + ($0.line.map { "regel \($0): " } ?? "") + $0.message
        }
        throw CaseRefusal(
            reason: "De zaak is niet compleet of niet te lezen"
                + (attachment == nil ? " (wij zochten in de tekst van de e-mail en in bijlagen .md)" : "") + ":\n"
                + (problems.isEmpty
                    ? "- de kop (titel, domein, consent_reference) of de vijf onderdelen ontbreken"
                    : problems.joined(separator: "\n"))
                + "\n\nEen voorbeeld van een goede zaak staat in de handleiding voor gemeenten.",
            answer: true)
    }

    /// Stores the case (or its new version); a version the store cannot take is a `CaseRefusal`.
    private func submitCase(_ submission: CaseSubmission, now: Date) throws {
        do {
            let (caseId, version) = try database.submitCase(
                submission, now: now, messageDomain: messageDomain, moderatorAddress: moderatorAddress)
            logger.info("inbound.case", metadata: ["case.id": "\(caseId)", "case.version": "\(version)"])
        } catch let error as StoreError {
            switch error {
            case .caseAlreadyApproved, .caseOfOtherMunicipality, .unknownCase:
                throw CaseRefusal(
                    reason: "Deze nieuwe versie kan niet worden verwerkt: "
                        + (error.isAlreadyApproved
                            ? "de zaak is al goedgekeurd en gaat naar het panel. Neem contact op met de moderator."
                            : "de zaak hoort niet bij uw gemeente."),
                    answer: true)
            default:
                throw error
            }
        }
    }
}

extension StoreError {
    var isAlreadyApproved: Bool {
        if case .caseAlreadyApproved = self { return true }
        return false
    }
}
