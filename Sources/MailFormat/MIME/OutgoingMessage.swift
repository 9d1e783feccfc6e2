import Foundation

/// A complete outgoing mail, rendered to RFC 5322 / MIME bytes ready for SMTP `DATA` (before dot-stuffing).
///
/// Rendering is pure and deterministic: boundaries derive from the Message-ID, so a message re-rendered from the
/// spool after a crash is byte-identical to the first attempt.
public struct OutgoingMessage: Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var replyTo: MailAddress?
    public var subject: String
    /// Without angle brackets, e.g. `case.12.34@tweedemening.example`.
    public var messageID: String
    public var date: Date
    /// Rendered in order after Subject. Invalid names and names of fields this type writes itself are skipped.
    public var extraHeaders: [(name: String, value: String)]
    /// Plain-text body; any line-end convention.
    public var text: String
    /// Sends the text part as RFC 3676 `format=flowed`: each line of `text` is a paragraph, wrapped at 72
    /// columns with soft breaks (`FormatFlowed.flow`), so it reflows on a narrow screen. Off: lines as written.
    public var flowed: Bool
    /// When set, the body becomes multipart/alternative with the text part first, as RFC 2046 §5.1.4 prescribes
    /// (least preferred first).
    public var html: String?
    /// When non-empty, the top level becomes multipart/mixed: the text (or alternative) part, then each attachment.
    public var attachments: [Attachment]

    public struct Attachment: Sendable {
        public var filename: String
        /// `type/subtype`; falls back to application/octet-stream when malformed.
        public var contentType: String
        public var data: [UInt8]

        public init(filename: String, contentType: String = "application/octet-stream", data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public init(
        from: MailAddress,
        to: MailAddress,
        replyTo: MailAddress? = nil,
        subject: String,
        messageID: String,
        date: Date,
        extraHeaders: [(name: String, value: String)] = [],
        text: String,
        flowed: Bool = false,
        html: String? = nil,
        attachments: [Attachment] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.extraHeaders = extraHeaders
        self.text = text
        self.flowed = flowed
        self.html = html
        self.attachments = attachments
    }

    /// Fields we write ourselves; an extra header with one of these names would make the message ambiguous
    /// (two From fields, a second Content-Type), and Bcc has no business in a message sent to one panelist.
    static let reservedHeaderNames: Set<String> = [
        "date", "message-id", "from", "to", "reply-to", "subject", "mime-version", "content-type",
        "content-transfer-encoding", "bcc",
    ]

    /// The complete message with CRLF line ends, 7-bit clean.
    public func rendered() -> [UInt8] {
        var headers: [String] = []
        headers.append(HeaderEncoding.atomField(name: "Date", atoms: [Self.rfc5322Date(date)]))
        headers.append(addressField("From", from))
        headers.append(addressField("To", to))
        if let replyTo { headers.append(addressField("Reply-To", replyTo)) }
        headers.append(HeaderEncoding.textField(name: "Subject", value: subject))
        let cleanID = Self.cleanMessageID(messageID)
        headers.append(HeaderEncoding.atomField(name: "Message-ID", atoms: ["<" + cleanID + ">"]))
        for header in extraHeaders
        where HeaderEncoding.isValidHeaderName(header.name)
            && !Self.reservedHeaderNames.contains(header.name.lowercased())
        {
            headers.append(HeaderEncoding.verbatimField(name: header.name, value: header.value))
        }
        headers.append("MIME-Version: 1.0")

        let boundaryBase = "=_tm_" + Self.fnv1aHex(cleanID)
        var body = textBody()
        if let html {
            body = Self.multipart(
                subtype: "alternative", boundary: boundaryBase + "_alt",
                parts: [body, Self.textPart(subtype: "html", content: html)])
        }
        if !attachments.isEmpty {
            body = Self.multipart(
                subtype: "mixed", boundary: boundaryBase + "_mix",
                parts: [body] + attachments.map(Self.attachmentPart))
        }
        var message: [UInt8] = []
        message.reserveCapacity(body.body.count + 2_048)
        for line in headers + body.headers {
            message += line.utf8
            message += Self.lineBreak
        }
        message += Self.lineBreak
        message += body.body
        // A single-part text body may end mid-line; SMTP needs the data to end with a line break.
        if !message.suffix(2).elementsEqual(Self.lineBreak) { message += Self.lineBreak }
        return message
    }

    private static let lineBreak: [UInt8] = [0x0D, 0x0A]

    /// A MIME entity under construction: its Content-* header lines and its encoded body, as bytes: bodies are
    /// made and joined without going through `String`.
    private struct Part {
        var headers: [String]
        var body: [UInt8]
    }

    private func textBody() -> Part {
        guard flowed else { return Self.textPart(subtype: "plain", content: text) }
        // Flowed into bytes and encoded from them: no String in between.
        var lines: [UInt8] = []
        FormatFlowed.flow(text, width: FormatFlowed.lineWidth, into: &lines)
        var body: [UInt8] = []
        lines.withUnsafeBufferPointer { QuotedPrintable.encode($0, into: &body) }
        return Self.textPart(subtype: "plain", body: body, parameters: "; format=flowed")
    }

    private static func textPart(subtype: String, content: String) -> Part {
        var body: [UInt8] = []
        QuotedPrintable.encode(content, into: &body)
        return textPart(subtype: subtype, body: body)
    }

    /// `body`: already quoted-printable.
    private static func textPart(subtype: String, body: [UInt8], parameters: String = "") -> Part {
        Part(
            headers: [
                "Content-Type: text/\(subtype); charset=utf-8\(parameters)",
                "Content-Transfer-Encoding: quoted-printable",
            ],
            body: body)
    }

    /// The preamble is for pre-MIME readers only; parsers ignore it. The boundary is quoted because "=" is a
    /// tspecial (RFC 2045 §5.1).
    private static func multipart(subtype: String, boundary: String, parts: [Part]) -> Part {
        var body = Array("This is a multi-part message in MIME format.\r\n".utf8)
        body.reserveCapacity(parts.reduce(body.count + 256) { $0 + $1.body.count + 256 })
        for part in parts {
            body += "\r\n--\(boundary)\r\n".utf8
            body += (part.headers.joined(separator: "\r\n") + "\r\n\r\n").utf8
            body += part.body
        }
        body += "\r\n--\(boundary)--\r\n".utf8
        let contentType = HeaderEncoding.atomField(
            name: "Content-Type", atoms: ["multipart/\(subtype);", "boundary=\"\(boundary)\""])
        return Part(headers: [contentType], body: body)
    }

    private static func attachmentPart(_ attachment: Attachment) -> Part {
        let filename = fileNameParameters(attachment.filename)
        // `text/csv;` `charset=utf-8;` `name=…`: one atom per parameter, so the field folds between them.
        let typeAtoms = cleanContentType(attachment.contentType).components(separatedBy: "; ").map { $0 + ";" }
        let contentType = HeaderEncoding.atomField(
            name: "Content-Type", atoms: typeAtoms + parameterAtoms(filename.map { ("name" + $0) }))
        let disposition = HeaderEncoding.atomField(
            name: "Content-Disposition", atoms: ["attachment;"] + parameterAtoms(filename.map { ("filename" + $0) }))
        let base64 = Data(attachment.data).base64EncodedString()
        var lines: [Substring] = []
        var start = base64.startIndex
        while start < base64.endIndex {
            let end = base64.index(start, offsetBy: 76, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(base64[start..<end])
            start = end
        }
        return Part(
            headers: [contentType, "Content-Transfer-Encoding: base64", disposition],
            body: Array(lines.joined(separator: "\r\n").utf8))
    }

    /// Joins parameters with ";" so each can be folded onto its own line.
    private static func parameterAtoms(_ parameters: [String]) -> [String] {
        parameters.enumerated().map { $0.offset < parameters.count - 1 ? $0.element + ";" : $0.element }
    }

    /// Parameter suffixes (everything after the parameter name) for a file name.
    ///
    /// Short printable-ASCII names become a plain quoted string. Others use RFC 2231: percent-encoded UTF-8,
    /// split into numbered continuations so no header line has to exceed the length limits.
    private static func fileNameParameters(_ rawName: String) -> [String] {
        var name = HeaderEncoding.trimmed(HeaderEncoding.sanitize(rawName))
        name = name.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        if name.isEmpty { name = "attachment" }
        let isPlain = name.utf8.allSatisfy { (32...126).contains($0) && $0 != UInt8(ascii: "\"") }
        if isPlain && name.utf8.count <= 60 { return ["=\"\(name)\""] }

        var chunks: [String] = [""]
        for byte in name.utf8 {
            let isAttributeChar =
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || "!#$&+-.^_`|~".utf8.contains(byte)
            let piece =
                isAttributeChar
                ? String(Unicode.Scalar(byte))
                : "%" + String(HeaderEncoding.hexDigit(byte >> 4))
                    + String(HeaderEncoding.hexDigit(byte & 0x0F))
            if chunks[chunks.count - 1].utf8.count + piece.utf8.count > 45 { chunks.append("") }
            chunks[chunks.count - 1] += piece
        }
        if chunks.count == 1 { return ["*=utf-8''" + chunks[0]] }
        return chunks.enumerated().map { index, chunk in
            index == 0 ? "*0*=utf-8''" + chunk : "*\(index)*=" + chunk
        }
    }

    /// Only `token/token` is accepted, so a content type cannot carry parameters or line breaks into the header.
    /// `type/subtype` with optional `; name=value` parameters of plain tokens (`text/csv; charset=utf-8`); anything
    /// else falls back to application/octet-stream.
    static func cleanContentType(_ value: String) -> String {
        let pieces = value.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let parts = pieces[0].split(separator: "/", omittingEmptySubsequences: false)
        let tokenSpecials = "()<>@,;:\\\"/[]?="
        let isToken: (Substring) -> Bool = { part in
            !part.isEmpty
                && part.unicodeScalars.allSatisfy {
                    $0.value > 32 && $0.value < 127 && !tokenSpecials.unicodeScalars.contains($0)
                }
        }
        guard parts.count == 2, isToken(parts[0]), isToken(parts[1]) else { return "application/octet-stream" }
        var result = parts.joined(separator: "/")
        for parameter in pieces.dropFirst() {
            let pair = parameter.split(separator: "=", omittingEmptySubsequences: false)
            guard pair.count == 2, isToken(pair[0]), isToken(pair[1]) else { return "application/octet-stream" }
            result += "; \(pair[0])=\(pair[1])"
        }
        return result
    }

    private func addressField(_ name: String, _ address: MailAddress) -> String {
        var builder = HeaderLineBuilder(start: name + ":")
        address.append(to: &builder)
        return builder.rendered
    }

    /// Angle brackets are added by us; whitespace and controls would break the msg-id syntax.
    static func cleanMessageID(_ value: String) -> String {
        String(
            String.UnicodeScalarView(
                value.unicodeScalars.filter {
                    $0.isASCII && $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">"
                }))
    }

    /// FNV-1a (64-bit): tiny, stable across platforms and runs, unlike `Hasher`, which is seeded per process.
    static func fnv1aHex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Made once: creating a calendar costs more than using it.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// RFC 5322 §3.3 date in UTC, e.g. "Tue, 24 Nov 2026 08:00:00 +0000". Computed with a fixed Gregorian calendar
    /// and English names, so neither the host locale nor its time zone can change the output.
    public static func rfc5322Date(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(weekdays[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
