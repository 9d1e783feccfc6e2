import Foundation

/// A delivery status notification (a bounce), reduced to what the outbox needs: which recipients failed or are still
/// delayed, why, whether that address is worth writing to again, and which outgoing message it was about.
///
/// Reads RFC 3464 reports (`multipart/report; report-type=delivery-status` with a `message/delivery-status` part, as
/// Postfix, Exim, Gmail and Microsoft 365 send them) and the older plain-text bounces of Exim ("This message was
/// created automatically by mail delivery software"), qmail ("Hi. This is the qmail-send program") and Postfix
/// (`<addr>: host … said: 550 …`). Everything here comes from untrusted bytes: parsing is bounded by
/// `InboundMessage`'s limits, at most `maxRecipients` recipients are read and the diagnostic is cut to
/// `maxDiagnosticLength` characters, so no part of the returned message body leaks into a log or the database.
///
/// Classification (`severity(status:action:diagnostic:)`) — *hard* means "this address does not work, stop mailing
/// it", *soft* means "the address exists; this attempt failed for a reason that may pass":
/// - action `delayed`: soft, whatever the code (the MTA is still trying);
/// - `4.x.x`: soft (Postfix also reports `failed` with the last `4.x.x` when a message expires in its queue);
/// - `5.x.x`: hard, except soft for
///   - `5.2.2` mailbox full, and `5.2.3` / `5.3.4` message too large: the mailbox exists, the message did not fit;
///   - `5.7.x` policy (spam filter, DMARC, block list, sender not allowed): a verdict on our mail or our server, not
///     on the address; fix the sending side rather than dropping the panelist;
///   - a generic `5.0.0` (or a missing code) whose diagnostic says the mailbox is full or over quota;
/// - no code at all: hard for `failed`, soft for `delayed`.
///
/// A generic status (`X.0.0`, as Exim always reports) is refined by a more precise code of the same class in the
/// diagnostic: `Status: 5.0.0` with `550 5.1.1 … User unknown` becomes `5.1.1`.
public struct DeliveryStatus: Sendable, Equatable {
    /// What the reporting MTA did for a recipient. Reports about delivered, relayed or expanded recipients are
    /// left out: they need no action.
    public enum Action: String, Sendable {
        case failed
        case delayed
    }

    public enum Severity: String, Sendable {
        /// The address does not work: stop mailing it.
        case hard
        /// The address exists, but this message did not (yet) get through.
        case soft
    }

    public struct Recipient: Sendable, Equatable {
        /// The final recipient as the report names it (`rfc822;` type and angle brackets removed, case kept).
        public var address: String
        public var action: Action
        /// An RFC 3463 enhanced status code such as `5.1.1`; `5.0.0` / `4.0.0` when the report gives none.
        public var status: String
        /// The remote server's answer or the MTA's reason on one line, at most `maxDiagnosticLength` characters;
        /// "" when the report gives none.
        public var diagnostic: String
        public var severity: Severity

        public init(address: String, action: Action, status: String, diagnostic: String, severity: Severity) {
            self.address = address
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
            self.severity = severity
        }
    }

    /// The recipients that failed or are delayed, in report order; never empty.
    public var recipients: [Recipient]
    /// The Message-ID of the message that bounced, without angle brackets: from the returned message or its headers,
    /// else the report's `X-Original-Message-ID`, else the notification's `In-Reply-To`.
    public var originalMessageID: String?
    /// The address the notification was delivered to: our envelope sender of the original message. A VERP address
    /// (local part starting with `verpPrefix`) is preferred wherever it is found; see `parse`.
    public var envelopeRecipient: String?

    public init(recipients: [Recipient], originalMessageID: String?, envelopeRecipient: String?) {
        self.recipients = recipients
        self.originalMessageID = originalMessageID
        self.envelopeRecipient = envelopeRecipient
    }

    /// The local-part prefix of our VERP envelope senders (`BounceAddress.prefix` in PanelCore; repeated here
    /// because the inbound parser imports only Foundation).
    public static let verpPrefix = "bounce+"
    public static let maxDiagnosticLength = 200
    public static let maxRecipients = 100

    /// Top-level header fields that may name the address the notification came to, in order of preference.
    public static let envelopeHeaders = ["X-Tweedemening-Envelope-To", "X-Original-To", "Delivered-To", "To"]

    // MARK: - Parsing

    /// Reads a delivery status notification from a raw message. Nil when the bytes are not a message, not a bounce
    /// (a reply, an out-of-office), or a report with no failed or delayed recipient (a success notification).
    ///
    /// `envelopeRecipient`, when the caller knows it (Postfix's pipe `${original_recipient}`), wins over the headers.
    /// Otherwise the first VERP address among `envelopeHeaders`, the report's `X-Postfix-Sender` and the returned
    /// message's `Return-Path` is taken, and failing that the first address in `envelopeHeaders`.
    public static func parse(_ bytes: [UInt8], envelopeRecipient: String? = nil) -> DeliveryStatus? {
        guard let message = try? InboundMessage.parse(bytes) else { return nil }
        // InboundMessage keeps no MIME tree; the same parser, run again, gives it (bounded by the same limits).
        let section = MIMEParser.parseMessageHeaders(bytes[...])
        var parser = MIMEParser()
        let root = parser.parseEntity(headers: section.fields, body: section.body, depth: 0)

        var recipients: [Recipient] = []
        var perMessage: [(name: String, value: String)] = []
        var original: [(name: String, value: String)]?
        if let report = Self.firstPart(in: root, where: { Self.reportTypes.contains($0.contentType.mimeType) }) {
            let groups = Self.fieldGroups(report.decodedBody)
            perMessage = groups.first ?? []
            let entries = groups.dropFirst().filter {
                (Self.field("Final-Recipient", $0) ?? Self.field("Original-Recipient", $0)) != nil
            }
            recipients = entries.prefix(maxRecipients).compactMap(Self.recipient(fields:))
            // A report that names recipients, none of them failed or delayed: a success notice, nothing to do.
            if recipients.isEmpty, !entries.isEmpty { return nil }
            let returned = Self.firstPart(in: root) {
                $0.id != root.id && Self.returnedTypes.contains($0.contentType.mimeType)
            }
            original = returned.map { MIMEParser.parseHeaders($0.decodedBody[...]).fields }
        }
        if recipients.isEmpty {
            guard Self.isLegacyBounce(message) else { return nil }
            let legacy = LegacyBounce(text: message.text, failedRecipients: message.headers(named: "X-Failed-Recipients"))
            recipients = legacy.recipients
            if original == nil, let copy = legacy.returnedMessage {
                original = MIMEParser.parseHeaders(Array(copy.utf8)[...]).fields
            }
        }
        guard !recipients.isEmpty else { return nil }

        let originalID =
            original.flatMap { Self.field("Message-ID", $0) }.flatMap { MessageIDs.parse($0).first }
            ?? Self.field("X-Original-Message-ID", perMessage).flatMap { MessageIDs.parse($0).first }
            ?? message.inReplyTo

        var named: [String] = []
        for name in envelopeHeaders {
            named += message.headers(named: name).flatMap { AddressList.parse($0).map(\.address) }
        }
        var further: [String] = []
        if let sender = Self.field("X-Postfix-Sender", perMessage) { further.append(Self.cleanAddress(sender)) }
        if let returnPath = original.flatMap({ Self.field("Return-Path", $0) }) {
            further.append(Self.cleanAddress(returnPath))
        }
        let envelope =
            envelopeRecipient
            ?? (named + further).first { $0.lowercased().hasPrefix(verpPrefix) }
            ?? named.first

        return DeliveryStatus(recipients: recipients, originalMessageID: originalID, envelopeRecipient: envelope)
    }

    // MARK: - Classification

    /// Hard or soft, by the rules in the type's documentation.
    public static func severity(status: String, action: Action, diagnostic: String) -> Severity {
        if action == .delayed { return .soft }
        let parts = status.split(separator: ".")
        guard parts.count == 3 else { return .hard }
        if parts[0] == "4" { return .soft }
        guard parts[0] == "5" else { return .hard }
        switch (parts[1], parts[2]) {
        case ("2", "2"), ("2", "3"), ("3", "4"): return .soft
        case ("7", _): return .soft
        case ("0", "0"): return Self.saysMailboxFull(diagnostic) ? .soft : .hard
        default: return .hard
        }
    }

    private static func saysMailboxFull(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded storage", "storage quota"]
            .contains { lower.contains($0) }
    }

    // MARK: - RFC 3464 reports

    static let reportTypes: Set<String> = ["message/delivery-status", "message/global-delivery-status"]
    static let returnedTypes: Set<String> = [
        "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers",
    ]

    /// Depth-first, document order; the first part matching.
    static func firstPart(in root: MIMEPart, where matches: (MIMEPart) -> Bool) -> MIMEPart? {
        var stack = [root]
        while let part = stack.popLast() {
            if matches(part) { return part }
            stack += part.children.reversed()
        }
        return nil
    }

    /// The header-like groups of a delivery-status body, separated by empty lines: per-message fields first, then
    /// one group per recipient. Bounded by the body (every round consumes at least one line).
    static func fieldGroups(_ body: [UInt8]) -> [[(name: String, value: String)]] {
        var groups: [[(name: String, value: String)]] = []
        var rest = body[...]
        while !rest.isEmpty, groups.count <= maxRecipients + 1 {
            let section = MIMEParser.parseHeaders(rest)
            if !section.fields.isEmpty { groups.append(section.fields) }
            guard section.body.startIndex > rest.startIndex else { break }
            rest = section.body
        }
        return groups
    }

    static func field(_ name: String, _ fields: [(name: String, value: String)]) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    static func recipient(fields: [(name: String, value: String)]) -> Recipient? {
        guard let rawAction = field("Action", fields)?.split(separator: " ").first?.lowercased(),
            let action = Action(rawValue: rawAction),
            let named = field("Final-Recipient", fields) ?? field("Original-Recipient", fields)
        else { return nil }
        let address = cleanAddress(named)
        guard !address.isEmpty else { return nil }
        let fullDiagnostic = field("Diagnostic-Code", fields) ?? ""
        let diagnostic = shortDiagnostic(fullDiagnostic, droppingType: true)
        var status = field("Status", fields).flatMap { StatusCode.enhanced(in: $0) }
        if let current = status, current.hasSuffix(".0.0"), let precise = StatusCode.enhanced(in: fullDiagnostic),
            precise.first == current.first
        {
            status = precise
        }
        let code = status ?? StatusCode.enhanced(in: fullDiagnostic) ?? StatusCode.fromText(fullDiagnostic, action: action)
        return Recipient(
            address: address, action: action, status: code, diagnostic: diagnostic,
            severity: severity(status: code, action: action, diagnostic: diagnostic))
    }

    /// `rfc822; <a@b>` → `a@b`.
    static func cleanAddress(_ value: String) -> String {
        var text = Substring(value)
        if let semicolon = text.firstIndex(of: ";") { text = text[text.index(after: semicolon)...] }
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address.trimmingCharacters(in: .whitespaces)
    }

    /// One line: whitespace and controls collapsed, cut short; for a Diagnostic-Code field also its type (`smtp;`,
    /// `X-Postfix;`) removed.
    static func shortDiagnostic(_ value: String, droppingType: Bool = false) -> String {
        var text = Substring(value)
        if droppingType, let semicolon = text.firstIndex(of: ";"),
            text[..<semicolon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
        {
            text = text[text.index(after: semicolon)...]
        }
        let words = text.split(whereSeparator: {
            $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
        })
        var line = words.joined(separator: " ")
        if line.count > maxDiagnosticLength { line = String(line.prefix(maxDiagnosticLength - 1)) + "…" }
        return line
    }

    // MARK: - Plain-text bounces

    /// A non-RFC bounce: sent by the mail system (MAILER-DAEMON or postmaster, an empty Return-Path, or an
    /// X-Failed-Recipients field) and written in one of the known bounce phrasings. People's mail, auto-replies
    /// included, fails the first test.
    static func isLegacyBounce(_ message: InboundMessage) -> Bool {
        let fromLocal = message.header("From").map { AddressList.localPart(of: $0).lowercased() } ?? ""
        let returnPath = message.header("Return-Path")?.filter { !$0.isWhitespace }.lowercased()
        let fromSystem =
            ["mailer-daemon", "postmaster"].contains(fromLocal) || returnPath == "<>" || returnPath == "<mailer-daemon>"
            || !message.headers(named: "X-Failed-Recipients").isEmpty
        guard fromSystem else { return false }
        let head = message.text.prefix(4000).lowercased()
        return LegacyBounce.phrases.contains { head.contains($0) }
    }
}

/// The recipients of a plain-text bounce, and the copy of the message it returns.
struct LegacyBounce {
    var recipients: [DeliveryStatus.Recipient] = []
    /// The returned message (or its header), when a known separator line introduces it.
    var returnedMessage: Substring?

    /// Phrases only bounce generators write (lowercased).
    static let phrases = [
        "this is the qmail-send program",
        "this message was created automatically by mail delivery software",
        "this is the mail system at host",
        "this is the postfix program at host",
        "could not be delivered to one or more",
        "wasn't able to deliver your message",
        "delivery to the following recipient",
        "delivery has failed to these recipients",
        "the following addresses had permanent fatal errors",
        "has not yet been delivered to one or more",
    ]

    /// Lines that introduce the returned message, in the order MTAs are common (lowercased prefixes).
    static let copySeparators = [
        "--- below this line is a copy of the message",
        "--- below the next line is a copy of the message",
        "--- enclosed are the original headers of the message",
        "------ this is a copy of the message",
        "------ this is a copy of the body of the message",
        "--- undelivered message follows ---",
        "----- original message -----",
        "----- transcript of session follows -----",
        "------ original message follows ------",
    ]

    static let delayPhrases = [
        "has not yet been delivered", "still being retried", "this is a warning only", "has been delayed",
        "delivery delayed", "will continue to try", "will be retried",
    ]

    init(text: String, failedRecipients: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var report = lines[...]
        if let cut = lines.firstIndex(where: { line in
            let lower = line.trimmingCharacters(in: .whitespaces).lowercased()
            return Self.copySeparators.contains { lower.hasPrefix($0) }
        }) {
            report = lines[..<cut]
            let copy = lines[(cut + 1)...].drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            if !copy.isEmpty { returnedMessage = Substring(copy.joined(separator: "\n")) }
        }
        let reportText = report.joined(separator: "\n").lowercased()
        let action: DeliveryStatus.Action =
            Self.delayPhrases.contains { reportText.contains($0) } ? .delayed : .failed

        var entries: [(address: String, reason: [Substring])] = Self.angleEntries(report)
        if entries.isEmpty { entries = Self.indentedEntries(report) }
        if entries.isEmpty {
            // Only the X-Failed-Recipients field names them; the reason is the first line with a reply code.
            let reason = report.first { StatusCode.enhanced(in: String($0)) != nil || StatusCode.basic(in: String($0)) != nil }
            entries = failedRecipients.flatMap { $0.split(separator: ",") }.map {
                (String($0).trimmingCharacters(in: .whitespaces), reason.map { [$0] } ?? [])
            }
        }
        for entry in entries.prefix(DeliveryStatus.maxRecipients) {
            let address = DeliveryStatus.cleanAddress(entry.address)
            guard address.contains("@") else { continue }
            let reason = entry.reason.joined(separator: " ")
            let diagnostic = DeliveryStatus.shortDiagnostic(reason)
            let status = StatusCode.enhanced(in: reason) ?? StatusCode.fromText(reason, action: action)
            recipients.append(
                .init(
                    address: address, action: action, status: status, diagnostic: diagnostic,
                    severity: DeliveryStatus.severity(status: status, action: action, diagnostic: diagnostic)))
        }
    }

    /// qmail and Postfix: a line `<a@b>:` (qmail) or `<a@b>: reason` (Postfix), continued by the lines after it
    /// up to an empty line.
    static func angleEntries(_ lines: ArraySlice<Substring>) -> [(address: String, reason: [Substring])] {
        var entries: [(address: String, reason: [Substring])] = []
        var index = lines.startIndex
        while index < lines.endIndex, entries.count < DeliveryStatus.maxRecipients {
            let line = lines[index]
            index += 1
            guard line.first == "<", let close = line.firstIndex(of: ">"),
                line[line.index(after: close)...].first == ":"
            else { continue }
            let address = String(line[line.index(after: line.startIndex)..<close])
            guard address.contains("@") else { continue }
            var reason: [Substring] = [line[line.index(close, offsetBy: 2)...]]
            while index < lines.endIndex, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty,
                lines[index].first != "<"
            {
                reason.append(lines[index])
                index += 1
            }
            entries.append((address, reason))
        }
        return entries
    }

    /// Exim and old Gmail: after a heading such as "The following address(es) failed:", each address on a line
    /// indented by a little, its reason on the lines indented by more; old Gmail puts the reason under
    /// "Technical details of permanent failure:".
    static func indentedEntries(_ lines: ArraySlice<Substring>) -> [(address: String, reason: [Substring])] {
        let headings = [
            "address(es) failed", "following address failed", "following addresses failed",
            "address to which the message has not yet been delivered",
            "addresses to which the message has not yet been delivered", "delivery to the following recipient",
        ]
        guard
            let heading = lines.firstIndex(where: { line in
                let lower = line.lowercased()
                return headings.contains { lower.contains($0) }
            })
        else { return [] }
        func indent(_ line: Substring) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }

        var entries: [(address: String, reason: [Substring])] = []
        var addressIndent: Int?
        var index = heading + 1
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let depth = indent(line)
            if depth == 0 { break }
            if addressIndent == nil { addressIndent = depth }
            if depth <= addressIndent!, trimmed.contains("@") {
                if entries.count == DeliveryStatus.maxRecipients { break }
                let address = trimmed.split(separator: " ").first.map(String.init) ?? trimmed
                entries.append((address, []))
            } else if !entries.isEmpty {
                entries[entries.count - 1].reason.append(line)
            }
        }
        // Old Gmail: the reason is the rest of the report after a "Technical details of … failure:" line.
        if entries.count == 1, entries[0].reason.isEmpty,
            let details = lines.firstIndex(where: { $0.lowercased().hasPrefix("technical details of") })
        {
            entries[0].reason = Array(
                lines[(details + 1)...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(12))
        }
        return entries
    }
}

/// RFC 3463 enhanced status codes and RFC 5321 reply codes found in free text.
enum StatusCode {
    /// The first `class.subject.detail` with class 2, 4 or 5 and one to three digits per part, not part of a longer
    /// dotted number (an IP address).
    static func enhanced(in text: String) -> String? {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func digits(from index: Int) -> Int {
            var end = index
            while isDigit(end), end - index < 4 { end += 1 }
            return end - index
        }
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard [UInt8(ascii: "2"), UInt8(ascii: "4"), UInt8(ascii: "5")].contains(bytes[index]) else { continue }
            if index > 0, isDigit(index - 1) || bytes[index - 1] == UInt8(ascii: ".") { continue }
            var cursor = index + 1
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") else { continue }
            cursor += 1
            let subject = digits(from: cursor)
            guard (1...3).contains(subject) else { continue }
            cursor += subject
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") else { continue }
            cursor += 1
            let detail = digits(from: cursor)
            guard (1...3).contains(detail) else { continue }
            cursor += detail
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "."), isDigit(cursor + 1) { continue }
            return String(decoding: bytes[index..<cursor], as: UTF8.self)
        }
        return nil
    }

    /// The first three-digit 4xx or 5xx reply code standing alone (or followed by `-`, as in `550-5.1.1`).
    static func basic(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "4") || bytes[index] == UInt8(ascii: "5"), isDigit(index + 1),
                isDigit(index + 2), !isDigit(index - 1), !isDigit(index + 3)
            else { continue }
            if index > 0, bytes[index - 1] == UInt8(ascii: ".") { continue }
            if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ".") { continue }
            return Int(String(decoding: bytes[index..<(index + 3)], as: UTF8.self))
        }
        return nil
    }

    /// No enhanced code: the reply code's class, else the action's (`5.0.0` failed, `4.0.0` delayed).
    static func fromText(_ text: String, action: DeliveryStatus.Action) -> String {
        if let code = basic(in: text) { return code >= 500 ? "5.0.0" : "4.0.0" }
        return action == .delayed ? "4.0.0" : "5.0.0"
    }
}
