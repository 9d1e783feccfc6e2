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

extension Mailroom {
    /// A case (or a new version, `revisionOf`) mailed by a municipality. Taken only from a registered
    /// address whose mail DKIM/SPF/DMARC vouches for, or that carries the municipality's secret;
    /// otherwise refused, and the sender hears why unless the sender may be forged.
    func fileCase(name: String, bytes: [UInt8], message: InboundMessage, revisionOf: Int64?, now: Date) throws
        -> MailroomResult
    {
        let trust = senderTrust(message, bytes: bytes)
        let (from, domain, authenticated, secret, body) = (
            trust.from, trust.domain, trust.isAuthenticated, trust.secret, trust.message.text
        )
        // The secret is not kept, not even in the raw mail: a stolen backup must not reveal it.
        let bytes = trust.bytes

        func refuse(_ reason: String, answer: Bool, tellModerator municipality: Municipality? = nil) throws -> MailroomResult {
            let mail = InboundMail(
                spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
                roundId: nil, panelistId: nil, disposition: .caseRefused, detail: reason, raw: Data(bytes))
            // Only a sender we can trust hears why: no answers to forged senders (backscatter).
            try database.refuseSubmission(
                mail, answerTo: answer && !from.isEmpty ? from : nil,
                tellModerator: municipality.flatMap { municipality in moderatorAddress.map { ($0, municipality.id) } },
                now: now, messageDomain: messageDomain)
            logger.info("inbound.case_refused", metadata: ["inbound.answered": "\(answer)"])
            return .filed(.caseRefused)
        }

        let candidates = try database.municipalities(email: from)
        guard !from.isEmpty, !candidates.isEmpty else {
            return try refuse(
                "Het adres \(from.isEmpty ? "(geen afzender)" : from) is niet bij ons bekend als adres van een gemeente. "
                    + "Vraag de moderator om het adres te registreren, of stuur de zaak vanaf het geregistreerde adres.",
                answer: authenticated)
        }
        var municipality = candidates[0]
        if candidates.count > 1 {
            // One address for several municipalities (a shared service): the case names which one.
            let named = CaseFile.frontMatterValue("municipality", in: body) ?? CaseFile.frontMatterValue("gemeente", in: body)
            guard let named, let match = candidates.first(where: { $0.id == named.lowercased() }) else {
                return try refuse(
                    "Dit adres hoort bij meer dan één gemeente (\(candidates.map(\.id).joined(separator: ", "))). "
                        + "Zet in de kop van de zaak een regel `gemeente: \(candidates[0].id)` met de juiste gemeente.",
                    answer: true)
            }
            municipality = match
        }
        guard canVerify(municipality) else {
            // Neither our MTA's verdict (no `inbound.authserv_id`) nor a secret can prove this sender: anyone can
            // write this From. Refused; the moderator hears what to configure, the registered address why.
            return try refuse(
                "Zaken per e-mail kunnen voor \(municipality.name) nog niet worden aangenomen: wij kunnen niet controleren "
                    + "dat een e-mail echt van \(from) komt. De moderator is gevraagd dit in te stellen; tot dan kunt u de "
                    + "zaak aan de moderator geven.",
                answer: true, tellModerator: municipality)
        }
        guard trust.speaks(for: municipality) else {
            let checks = trust.checks
            return try refuse(
                "Wij konden niet vaststellen dat deze e-mail echt van \(from) komt (\(checks)"
                    + (secret == nil ? "" : "; het geheim in de e-mail klopt niet") + "). "
                    + "Laat uw ICT-afdeling DKIM of SPF voor \(domain) instellen, of zet de regel `Geheim: …` met het geheim "
                    + "van uw gemeente in de e-mail (de moderator geeft het u).",
                answer: true)
        }
        // The case: a Markdown attachment, else the body (without the quoted mail a reply carries).
        let attachment = message.attachments.first { attachment in
            let name = attachment.filename?.lowercased() ?? ""
            return attachment.text != nil
                && (name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".txt")
                    || attachment.contentType == "text/markdown")
        }
        let candidatesText = attachment?.text.map { [$0] } ?? [ReplyTrimmer.trim(body), body]
        var parsed: (CaseFile, String)?
        for text in candidatesText {
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
            if let file = try? CaseFile.parse(text) {
                parsed = (file, text)
                break
            }
        }
        guard let (file, source) = parsed else {
            let report = CaseCheck.check(candidatesText[0])
            let problems = report.findings.filter { $0.kind == .completeness }.map {
                "- " + ($0.line.map { "regel \($0): " } ?? "") + $0.message
            }
            return try refuse(
                "De zaak is niet compleet of niet te lezen"
                    + (attachment == nil ? " (wij zochten in de tekst van de e-mail en in bijlagen .md)" : "") + ":\n"
                    + (problems.isEmpty
                        ? "- de kop (titel, domein, consent_reference) of de vijf onderdelen ontbreken"
                        : problems.joined(separator: "\n"))
                    + "\n\nEen voorbeeld van een goede zaak staat in de handleiding voor gemeenten.",
                answer: true)
        }
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: nil, panelistId: nil, disposition: .caseSubmission, detail: revisionOf.map { "revision-of:\($0)" },
            raw: Data(bytes))
        do {
            let (caseId, version) = try database.submitCase(
                CaseSubmission(
                    municipalityId: municipality.id, file: file, source: source, via: .mail, fromAddress: from,
                    revisionOf: revisionOf, inbound: mail),
                now: now, messageDomain: messageDomain, moderatorAddress: moderatorAddress)
            logger.info("inbound.case", metadata: ["case.id": "\(caseId)", "case.version": "\(version)"])
            return .filed(.caseSubmission)
        } catch let error as StoreError {
            switch error {
            case .caseAlreadyApproved, .caseOfOtherMunicipality, .unknownCase:
                return try refuse(
                    "Deze nieuwe versie kan niet worden verwerkt: "
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
