import Foundation

/// Why `InboundMessage.parse` rejected its input.
public enum InboundParseError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No bytes, or only whitespace.
    case empty
    /// More than `InboundMessage.maxSize` bytes; carries the actual size.
    case tooLarge(Int)
    /// No line before the first empty line is a header field: this is not a mail message.
    case noHeaders
    /// The header section holds NUL bytes or mostly control bytes: binary data, not a mail message.
    case notText

    public var description: String {
        switch self {
        case .empty:
            return "the message is empty"
        case .tooLarge(let size):
            return "the message is \(size) bytes, more than the \(InboundMessage.maxSize) bytes accepted"
        case .noHeaders:
            return "the message has no header fields (no 'Name: value' line before the first empty line)"
        case .notText:
            return "the message header is binary data (NUL or control bytes), not text"
        }
    }
}

/// An inbound RFC 5322 / MIME message, reduced to what a panel reply needs: who, about what, which thread, the
/// readable text, the attachments and whether a machine rather than a person sent it.
///
/// Parsing is lenient (empty lines or an mbox `From ` line before the header, bare LF or CRLF, missing final boundary,
/// junk before the first boundary, header lines without a colon, 8-bit header bytes, parts without the empty line
/// after their header, legacy charsets) and bounded: MIME nesting stops at 20 levels and 500 parts, and every scan is linear.
public struct InboundMessage: Sendable {
    /// All top-level header fields in order: unfolded and trimmed, not RFC 2047-decoded.
    public var headers: [(name: String, value: String)]
    public var from: MailAddress?
    /// To and Cc recipients, in order; entries that are not valid addresses are left out.
    public var to: [MailAddress]
    /// RFC 2047-decoded; "" when absent.
    public var subject: String
    /// Without angle brackets.
    public var messageID: String?
    /// The first id of In-Reply-To, without angle brackets.
    public var inReplyTo: String?
    /// The ids of References, in order, without angle brackets.
    public var references: [String]
    /// The readable body with "\n" line ends: the text/plain part (transfer encoding, charset and format=flowed
    /// undone), else the text/html part converted to text, else "".
    public var text: String
    /// True when `text` was converted from HTML because the message had no text/plain body.
    public var textCameFromHTML: Bool
    public var attachments: [Attachment]
    /// An automatic reply (RFC 3834 Auto-Submitted, X-Autoreply, Precedence, or a Dutch/English out-of-office subject).
    public var isAutoReply: Bool
    /// A delivery status notification (RFC 3464 report, or MAILER-DAEMON/postmaster with an empty Return-Path).
    public var isBounce: Bool

    public struct Attachment: Sendable, Equatable {
        public var filename: String?
        /// Lowercased `type/subtype`, e.g. "application/pdf" or "message/rfc822".
        public var contentType: String
        /// Decoded size in bytes.
        public var size: Int
        /// The decoded text of a small text attachment (text/*, or a .md/.txt file name), up to
        /// `maxTextSize` bytes: a case file sent as `zaak.md`. Nil for anything else.
        public var text: String?

        public static let maxTextSize = 256 * 1024

        public init(filename: String?, contentType: String, size: Int, text: String? = nil) {
            self.filename = filename
            self.contentType = contentType
            self.size = size
            self.text = text
        }
    }

    public static let maxSize = 10 * 1024 * 1024

    /// The first field with this name (case-insensitive), RFC 2047-decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }.map { HeaderEncoding.decode($0.value) }
    }

    /// Every field with this name (case-insensitive), in order, RFC 2047-decoded.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.equalsIgnoringASCIICase(name) }.map { HeaderEncoding.decode($0.value) }
    }

    // MARK: - Parsing

    public static func parse(_ bytes: [UInt8]) throws(InboundParseError) -> InboundMessage {
        guard bytes.count <= maxSize else { throw .tooLarge(bytes.count) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) else { throw .empty }

        let section = MIMEParser.parseMessageHeaders(bytes[...])
        let headerBytes = bytes[bytes.startIndex..<section.body.startIndex]
        if looksBinary(headerBytes) { throw .notText }
        guard !section.fields.isEmpty else { throw .noHeaders }

        var parser = MIMEParser()
        let root = parser.parseEntity(headers: section.fields, body: section.body, depth: 0)
        return InboundMessage(headers: section.fields, root: root)
    }

    /// NUL bytes, or more than 1 in 10 bytes being C0 controls other than tab, CR and LF.
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        var controls = 0
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            if byte == 0 { return true }
            controls += 1
        }
        return controls * 10 > bytes.count
    }

    private init(headers: [(name: String, value: String)], root: MIMEPart) {
        self.headers = headers
        func raw(_ name: String) -> String? {
            headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
        }
        func all(_ name: String) -> [String] {
            headers.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
        }

        from = raw("From").flatMap { AddressList.parse($0).first }
        to = (all("To") + all("Cc")).flatMap { AddressList.parse($0) }
        subject = raw("Subject").map { HeaderEncoding.decode($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        messageID = raw("Message-ID").flatMap { MessageIDs.parse($0).first }
        inReplyTo = raw("In-Reply-To").flatMap { MessageIDs.parse($0).first }
        references = all("References").flatMap { MessageIDs.parse($0) }

        let body = BodySelection.find(in: root)
        if let plain = body.plain {
            text = BodyText.plain(plain)
            textCameFromHTML = false
        } else if let html = body.html {
            text = HTMLText.text(from: BodyText.decoded(html))
            textCameFromHTML = true
        } else {
            text = ""
            textCameFromHTML = false
        }
        let bodyID = body.plain?.id ?? body.html?.id
        attachments = BodySelection.attachments(in: root, excluding: bodyID)

        isAutoReply = Self.detectAutoReply(raw: raw, subject: subject)
        isBounce = Self.detectBounce(root: root, from: raw("From"), returnPath: raw("Return-Path"))
    }

    // MARK: - Machine-sent mail

    /// Subjects of out-of-office replies that carry none of the standard headers, as their senders' mail programs
    /// write them (compared lowercased, at the start of the subject after reply prefixes). Add a language here.
    static let autoReplySubjects = [
        // Dutch, English
        "automatisch antwoord", "automatische antwoord", "afwezig", "niet aanwezig", "out of office", "autoreply",
        "auto-reply", "auto reply", "automatic reply", "auto response", "autoresponse",
        // German, French, Spanish, Portuguese, Italian, Polish, Turkish
        "automatische antwort", "abwesenheit", "réponse automatique", "reponse automatique",
        "respuesta automática", "respuesta automatica", "resposta automática", "resposta automatica",
        "risposta automatica", "automatyczna odpowiedź", "automatyczna odpowiedz", "otomatik yanıt", "otomatik yanit",
        // Russian, Ukrainian, Swedish, Norwegian, Danish, Finnish, Czech, Romanian
        "автоматический ответ", "автоматична відповідь", "frånvaro", "autosvar", "fravær", "automatisk svar",
        "automaattinen vastaus", "automatická odpověď", "răspuns automat", "raspuns automat",
        // Chinese, Japanese, Arabic
        "自动回复", "自動回覆", "自動返信", "自動応答", "رد تلقائي",
    ]

    private static func detectAutoReply(raw: (String) -> String?, subject: String) -> Bool {
        func keyword(_ value: String?) -> String? {
            guard let value else { return nil }
            let word = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return word.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        }
        if let autoSubmitted = keyword(raw("Auto-Submitted")), autoSubmitted != "no" { return true }
        for name in ["X-Autoreply", "X-Autorespond"] {
            if let value = keyword(raw(name)), value != "no", value != "false" { return true }
        }
        if let precedence = keyword(raw("Precedence")), ["bulk", "junk", "auto_reply", "list"].contains(precedence) {
            return true
        }
        // Mail from a mailing list (RFC 2919): a list a panelist forwards to us is nobody's reply.
        if raw("List-Id") != nil { return true }
        var topic = Substring(subject.lowercased())
        // Strip any number of reply prefixes: "Re:", "RE :", "Antw:", "Re[2]:".
        while true {
            let trimmed = topic.drop { $0 == " " || $0 == "\t" }
            guard let prefix = ["re", "antw", "aw", "sv", "vs", "odp", "ynt"].first(where: { trimmed.hasPrefix($0) }) else {
                break
            }
            var rest = trimmed.dropFirst(prefix.count)
            if rest.first == "[" {
                rest = rest.drop { $0 != "]" }.dropFirst()
            }
            rest = rest.drop { $0 == " " }
            guard rest.first == ":" else { break }
            topic = rest.dropFirst()
        }
        topic = topic.drop { $0 == " " || $0 == "\t" }
        return autoReplySubjects.contains { topic.hasPrefix($0) }
    }

    private static func detectBounce(root: MIMEPart, from: String?, returnPath: String?) -> Bool {
        var stack = [root]
        while let part = stack.popLast() {
            let type = part.contentType
            if type.mimeType == "multipart/report", type.parameters["report-type"]?.lowercased() == "delivery-status" {
                return true
            }
            if type.mimeType == "message/delivery-status" || type.mimeType == "message/global-delivery-status" {
                return true
            }
            stack += part.children
        }
        guard let from, let returnPath else { return false }
        let emptyPath = returnPath.filter { !$0.isWhitespace } == "<>"
        let local = AddressList.localPart(of: from).lowercased()
        return emptyPath && (local == "mailer-daemon" || local == "postmaster")
    }
}

// MARK: - Body

enum BodySelection {
    /// The text/plain and text/html parts that make up the body.
    ///
    /// In a multipart/alternative the first text/plain and the first text/html found among its children (searched
    /// depth-first) are taken; in any other multipart, the first child that holds a body wins. Attachments and
    /// message/rfc822 parts are never searched.
    static func find(in part: MIMEPart) -> (plain: MIMEPart?, html: MIMEPart?) {
        if isAttachment(part) || part.contentType.type == "message" { return (nil, nil) }
        if part.isMultipart {
            var plain: MIMEPart?
            var html: MIMEPart?
            for child in part.children {
                let found = find(in: child)
                if part.contentType.subtype == "alternative" {
                    plain = plain ?? found.plain
                    html = html ?? found.html
                } else if found.plain != nil || found.html != nil {
                    return found
                }
            }
            return (plain, html)
        }
        switch part.contentType.mimeType {
        case "text/plain": return (part, nil)
        case "text/html": return (nil, part)
        default: return (nil, nil)
        }
    }

    /// Disposition "attachment", or a file name on a non-text part: not meant to be read inline.
    static func isAttachment(_ part: MIMEPart) -> Bool {
        part.disposition == "attachment" || (part.filename != nil && part.contentType.type != "text")
    }

    /// S/MIME and OpenPGP signatures of a multipart/signed: part of the envelope, not something the sender attached.
    private static let signatureTypes: Set<String> = [
        "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
    ]

    /// Every attachment, forwarded message (message/rfc822) and named part except the body, in document order.
    static func attachments(in root: MIMEPart, excluding bodyID: Int?) -> [InboundMessage.Attachment] {
        var result: [InboundMessage.Attachment] = []
        var stack = [root]
        while let part = stack.popLast() {
            if part.isMultipart {
                stack += part.children.reversed()
                continue
            }
            guard part.id != bodyID else { continue }
            let type = part.contentType.mimeType
            if signatureTypes.contains(type) { continue }
            if part.disposition == "attachment" || part.filename != nil || type == "message/rfc822" {
                let size = part.decodedBody.count
                let name = part.filename?.lowercased() ?? ""
                let readable =
                    part.contentType.type == "text" || name.hasSuffix(".md") || name.hasSuffix(".txt")
                    || name.hasSuffix(".markdown")
                let text = readable && size <= InboundMessage.Attachment.maxTextSize ? BodyText.decoded(part) : nil
                result.append(.init(filename: part.filename, contentType: type, size: size, text: text))
            }
        }
        return result
    }
}

enum BodyText {
    /// Transfer encoding and charset undone, line ends normalised to "\n", NUL characters removed.
    static func decoded(_ part: MIMEPart) -> String {
        var text = Charset.decode(part.decodedBody, label: part.contentType.parameters["charset"])
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\0", with: "") }
        return text
    }

    static func plain(_ part: MIMEPart) -> String {
        var text = decoded(part)
        if part.contentType.parameters["format"]?.lowercased() == "flowed" {
            text = FormatFlowed.unflow(text, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// RFC 3676 format=flowed: soft line breaks (a trailing space) are joined, quote depth and space-stuffing handled.
enum FormatFlowed {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [Substring] = []
        var paragraph = ""
        var paragraphDepth: Int?

        func endParagraph() {
            guard let depth = paragraphDepth else { return }
            let prefix = depth > 0 ? String(repeating: ">", count: depth) + " " : ""
            output.append(Substring(prefix + paragraph))
            paragraph = ""
            paragraphDepth = nil
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing (or the space after ">")
            if paragraphDepth != nil, paragraphDepth != depth { endParagraph() }
            let isSignature = line == "-- "
            let isFlowed = !isSignature && line.last == " "
            if isFlowed && deleteSpace { line = line.dropLast() }
            paragraph += line
            paragraphDepth = depth
            if !isFlowed { endParagraph() }
        }
        endParagraph()
        return output.joined(separator: "\n")
    }
}

// MARK: - Header syntax

/// RFC 5322 address lists: commas inside quotes, comments and angle brackets do not separate, groups are flattened.
enum AddressList {
    static func parse(_ value: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        for entry in split(value) where addresses.count < 1000 {
            guard var address = MailAddress(parsing: entry.text) else { continue }
            if address.name == nil, let comment = entry.comment { address.name = comment }
            addresses.append(address)
        }
        return addresses
    }

    struct Entry {
        /// The mailbox with comments removed.
        var text: String
        /// The last comment, used as the name of an old-style `addr (Name)` mailbox.
        var comment: String?
    }

    static func split(_ value: String) -> [Entry] {
        var entries: [Entry] = []
        var current = String.UnicodeScalarView()
        var comment = String.UnicodeScalarView()
        var lastComment: String?
        var inQuotes = false
        var inAngle = false
        var commentDepth = 0
        var escaped = false

        func finish() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { entries.append(Entry(text: text, comment: lastComment)) }
            current = String.UnicodeScalarView()
            lastComment = nil
        }

        for scalar in value.unicodeScalars {
            if escaped {
                if commentDepth > 0 { comment.append(scalar) } else { current.append(scalar) }
                escaped = false
                continue
            }
            if scalar == "\\" && (inQuotes || commentDepth > 0) {
                escaped = true
                if inQuotes { current.append(scalar) }
                continue
            }
            if commentDepth > 0 {
                if scalar == "(" {
                    commentDepth += 1
                } else if scalar == ")" {
                    commentDepth -= 1
                    if commentDepth == 0 {
                        let text = String(comment).trimmingCharacters(in: .whitespaces)
                        lastComment = text.isEmpty ? nil : HeaderEncoding.decode(text)
                        comment = String.UnicodeScalarView()
                        continue
                    }
                }
                comment.append(scalar)
                continue
            }
            if inQuotes {
                current.append(scalar)
                if scalar == "\"" { inQuotes = false }
                continue
            }
            switch scalar {
            case "\"":
                inQuotes = true
                current.append(scalar)
            case "(":
                commentDepth = 1
                current.append(" ")
            case "<":
                inAngle = true
                current.append(scalar)
            case ">":
                inAngle = false
                current.append(scalar)
            case ",", ";":
                if inAngle { current.append(scalar) } else { finish() }
            case ":":
                // A group's display name ("Panel: a@b, c@d;") is dropped; inside <> it is a source route.
                if inAngle { current.append(scalar) } else { current = String.UnicodeScalarView() }
            default:
                current.append(scalar)
            }
        }
        finish()
        return entries
    }

    /// The local part of the first mailbox in a From value, even one too odd for `MailAddress` ("MAILER-DAEMON").
    static func localPart(of value: String) -> String {
        guard let entry = split(value).first else { return "" }
        var text = Substring(entry.text)
        if let open = text.lastIndex(of: "<") {
            text = text[text.index(after: open)...]
            if let close = text.firstIndex(of: ">") { text = text[..<close] }
        }
        let local = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return local.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
    }
}

/// Message ids in Message-ID, In-Reply-To and References: `<id>` tokens, or bare words when no brackets are used.
enum MessageIDs {
    static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while ids.count < 1000, let open = rest.firstIndex(of: "<") {
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: ">") else { break }
            let id = afterOpen[..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(id) }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        if ids.isEmpty, !value.contains("<") {
            ids = value.split(whereSeparator: { $0.isWhitespace || $0 == "," }).prefix(1000).map(String.init)
        }
        return ids
    }
}
