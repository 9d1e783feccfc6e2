import Foundation
import PanelCore
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

@Suite struct MIMETests {
    // MARK: - Fixtures

    static let dutchSubject = "Uw mening over de traplift — één vraag"
    static let fixedDate = Date(timeIntervalSince1970: 1_795_507_200)  // Tue, 24 Nov 2026 08:00:00 UTC

    static func sampleMessage(
        subject: String = dutchSubject,
        fromName: String? = "Gemeente Zoetermeer — Tweede Mening",
        text: String = "Beste panellid,\n\nWat vindt u van de traplift?\r\nGroet,\rHet team\n",
        html: String? = "<p>Beste panellid,</p>\n<p>Wat vindt u van de <b>traplift</b>? één vraag</p>\n",
        attachments: [OutgoingMessage.Attachment] = []
    ) -> OutgoingMessage {
        OutgoingMessage(
            from: MailAddress("panel@tweedemening.example", name: fromName),
            to: MailAddress("j.jansen@example.nl", name: "Jan Jansen"),
            replyTo: MailAddress("antwoord+12@tweedemening.example"),
            subject: subject,
            messageID: "case.12.34@tweedemening.example",
            date: fixedDate,
            extraHeaders: [
                ("Auto-Submitted", "auto-generated"),
                ("X-Tweedemening-Kind", "vote"),
                ("List-Unsubscribe", "<https://tweedemening.example/afmelden/0123456789abcdef0123456789abcdef>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            text: text,
            html: html,
            attachments: attachments)
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The header section of a rendered message, unfolded into one string per field.
    static func headerFields(_ bytes: [UInt8]) -> [String] {
        let text = string(bytes)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        var fields: [String] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !fields.isEmpty {
                fields[fields.count - 1] += line
            } else {
                fields.append(line)
            }
        }
        return fields
    }

    static func fieldValue(_ name: String, in bytes: [UInt8]) -> String? {
        let prefix = name.lowercased() + ":"
        return headerFields(bytes).first { $0.lowercased().hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
    }

    static func physicalLines(_ bytes: [UInt8]) -> [String] {
        string(bytes).components(separatedBy: "\r\n")
    }

    // MARK: - Line ends and determinism

    @Test func theMailDomainIsDerivedOnceAndLowercased() {
        #expect(MailAddress("Panel@TweedeMening.NL", name: "De Tweede Mening").domain == "tweedemening.nl")
        #expect(MailAddress("zonder-apenstaart").domain == "tweedemening.invalid")
        #expect(
            MailSettings(from: MailAddress("panel@Stem.Example"), baseURL: "https://stem.example").messageDomain
                == "stem.example")
    }

    @Test func renderedMessageUsesCRLFEverywhere() {
        // Given a message whose bodies mix LF, CR and CRLF, with html and an attachment
        let message = Self.sampleMessage(
            attachments: [.init(filename: "uitleg.txt", contentType: "text/plain", data: Array("a\nb\rc".utf8))])

        // When it is rendered
        let bytes = message.rendered()

        // Then every CR is followed by LF and every LF preceded by CR
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
        }
        // And the message is 7-bit and ends with a line break
        #expect(bytes.allSatisfy { $0 < 0x80 })
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }

    @Test func renderingTwiceIsByteIdentical() {
        // Given the same message value
        let message = Self.sampleMessage(attachments: [
            .init(
                filename: "a.pdf", contentType: "application/pdf",
                data: Array(0...255))
        ])

        // When it is rendered twice, and a copy is rendered too
        let first = message.rendered()
        let second = message.rendered()
        let copy = message
        let third = copy.rendered()

        // Then all outputs are identical
        #expect(first == second)
        #expect(first == third)
    }

    @Test func headersHaveExpectedForms() throws {
        // Given the sample message
        let bytes = Self.sampleMessage().rendered()

        // When its header fields are read back
        // Then the fixed-format fields are exact
        #expect(Self.fieldValue("Date", in: bytes) == "Tue, 24 Nov 2026 08:00:00 +0000")
        #expect(Self.fieldValue("Message-ID", in: bytes) == "<case.12.34@tweedemening.example>")
        #expect(Self.fieldValue("MIME-Version", in: bytes) == "1.0")
        #expect(Self.fieldValue("To", in: bytes) == "Jan Jansen <j.jansen@example.nl>")
        #expect(Self.fieldValue("Reply-To", in: bytes) == "antwoord+12@tweedemening.example")
        // And extra headers keep their order and verbatim values
        let names = Self.headerFields(bytes).map { String($0.prefix { $0 != ":" }) }
        let extras = ["Auto-Submitted", "X-Tweedemening-Kind", "List-Unsubscribe", "List-Unsubscribe-Post"]
        #expect(names.filter { extras.contains($0) } == extras)
        #expect(Self.fieldValue("List-Unsubscribe-Post", in: bytes) == "List-Unsubscribe=One-Click")
        let unsubscribe = try #require(Self.fieldValue("List-Unsubscribe", in: bytes))
        #expect(unsubscribe == "<https://tweedemening.example/afmelden/0123456789abcdef0123456789abcdef>")
    }

    @Test func dateIsFormattedInUTCWithEnglishNames() {
        // Given a few instants, including one before 10:00 and on a single-digit day
        // When they are formatted
        // Then the RFC 5322 form is stable
        #expect(OutgoingMessage.rfc5322Date(Self.fixedDate) == "Tue, 24 Nov 2026 08:00:00 +0000")
        #expect(OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(
            OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: 951_782_405.9))
                == "Tue, 29 Feb 2000 00:00:05 +0000")
    }

    // MARK: - RFC 2047

    @Test func dutchSubjectRoundTripsThroughEncodedWords() throws {
        // Given the Dutch subject with an em dash and accented letters
        let subject = Self.dutchSubject

        // When it is encoded, and when it is rendered in a message
        let encoded = HeaderEncoding.encodeWord(subject)
        let rendered = try #require(Self.fieldValue("Subject", in: Self.sampleMessage().rendered()))

        // Then both forms are ASCII encoded-words that decode to the original
        #expect(encoded.hasPrefix("=?utf-8?q?"))
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
        #expect(HeaderEncoding.decode(encoded) == subject)
        #expect(HeaderEncoding.decode(rendered) == subject)
    }

    @Test func asciiSubjectStaysPlain() throws {
        // Given an ASCII subject
        let bytes = Self.sampleMessage(subject: "Uw mening over de traplift").rendered()

        // When rendered
        // Then it is not encoded
        #expect(Self.fieldValue("Subject", in: bytes) == "Uw mening over de traplift")
        // And ASCII text that looks like an encoded-word is encoded, so a decoder cannot misread it
        let tricky = "Zie =?utf-8?q?x?= hier"
        #expect(HeaderEncoding.encodeWord(tricky).hasPrefix("=?utf-8?q?"))
        #expect(HeaderEncoding.decode(HeaderEncoding.encodeWord(tricky)) == tricky)
    }

    @Test func headerTextKeepsItsSpacesQuotesAndFolds() {
        // Given ASCII header text with runs of spaces, quotes and a backslash, "=?" and "?=", and more than a line
        func head(_ subject: String) -> String {
            let message = OutgoingMessage(
                from: MailAddress("panel@x.example", name: "De Tweede Mening"),
                to: MailAddress("a@b.nl", name: "O'Neill, \"Jan\" \\ Piet"), subject: subject, messageID: "m@x",
                date: Date(timeIntervalSince1970: 0),
                extraHeaders: [("List-Unsubscribe", "<https://x.example/u/abc>,  <mailto:r@x.example?subject=AFMELDEN>  ")],
                text: "t")
            return String(decoding: message.rendered(), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        }
        // When rendered
        // Then the bytes are these: spaces inside kept, at the ends trimmed, a fold only where we put a space
        let spaced = head("  Twee  spaties  en   drie ")
        #expect(spaced.contains("\r\nTo: \"O'Neill, \\\"Jan\\\" \\\\ Piet\" <a@b.nl>\r\n"))
        #expect(spaced.contains("\r\nSubject: Twee  spaties  en   drie\r\n"))
        #expect(
            spaced.contains("\r\nList-Unsubscribe: <https://x.example/u/abc>,\r\n  <mailto:r@x.example?subject=AFMELDEN>\r\n"))
        #expect(
            head("Zie \"dit\" =? of ?= dat").contains("\r\nSubject: =?utf-8?q?Zie_=22dit=22_=3D=3F_of_=3F=3D_dat?=\r\n"))
        #expect(
            head(String(repeating: "lang", count: 20) + " kort").contains(
                "\r\nSubject: =?utf-8?q?langlanglanglanglanglanglanglanglanglanglanglanglanglan?=\r\n"
                    + " =?utf-8?q?glanglanglanglanglanglang_kort?=\r\n"))
        #expect(
            head("Een heel lang onderwerp met veel woorden dat over de achtenzeventig tekens heen gaat en dus gevouwen wordt")
                .contains(
                    "\r\nSubject: Een heel lang onderwerp met veel woorden dat over de achtenzeventig\r\n"
                        + " tekens heen gaat en dus gevouwen wordt\r\n"))
    }

    @Test(arguments: [
        String(repeating: "Uw mening over de traplift — één vraag, ", count: 6),
        String(repeating: "Een heel lange onderwerpregel zonder bijzondere tekens ", count: 5),
        String(repeating: "é", count: 120) + " 👨‍👩‍👧‍👦🇳🇱 " + String(repeating: "ë", count: 40),
    ])
    func longSubjectsFoldWithinLineLimits(subject: String) throws {
        // Given a long subject
        let trimmed = subject.trimmingCharacters(in: .whitespaces)

        // When it is rendered
        let bytes = Self.sampleMessage(subject: subject).rendered()

        // Then no physical line exceeds 78 characters and the subject spans several lines
        let lines = Self.physicalLines(bytes)
        for line in lines { #expect(line.utf8.count <= 78, "too long: \(line)") }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject:") })
        #expect(lines[start + 1].hasPrefix(" "))
        // And no continuation line is whitespace only
        #expect(!lines.contains { !$0.isEmpty && $0.allSatisfy { $0 == " " } })
        // And it decodes back to the (trimmed) original
        let value = try #require(Self.fieldValue("Subject", in: bytes))
        #expect(HeaderEncoding.decode(value) == trimmed)
        // And each encoded-word is at most 75 characters and decodes to valid UTF-8 on its own
        for word in value.split(separator: " ") where word.hasPrefix("=?") {
            #expect(word.count <= 75)
            let decoded = HeaderEncoding.decode(String(word))
            #expect(!decoded.contains("\u{FFFD}"), "word splits a character: \(word)")
        }
    }

    @Test func decodesOtherCharsetsAndBase64() {
        // Given encoded-words as other mailers produce them
        // When decoded
        // Then each charset and encoding is understood
        #expect(HeaderEncoding.decode("=?ISO-8859-1?Q?Caf=E9?=") == "Café")
        #expect(HeaderEncoding.decode("=?iso-8859-15?q?=A4_5?=") == "€ 5")
        #expect(HeaderEncoding.decode("=?windows-1252?Q?=93ja=94?=") == "\u{201C}ja\u{201D}")
        #expect(HeaderEncoding.decode("=?UTF-8?B?w6nDqW4gdnJhYWc=?=") == "één vraag")
        #expect(HeaderEncoding.decode("=?utf-8?b?w6nDqW4gdnJhYWc?=") == "één vraag")  // missing padding
        // And whitespace between adjacent encoded-words disappears, while it stays next to plain text
        #expect(HeaderEncoding.decode("=?utf-8?q?a?= \r\n =?utf-8?q?b?= c") == "ab c")
        #expect(HeaderEncoding.decode("Re: =?utf-8?q?=C3=A9?=") == "Re: é")
        // And a character split across two words by a sloppy sender is joined again
        #expect(HeaderEncoding.decode("=?utf-8?q?=C3?= =?utf-8?q?=A9?=") == "é")
        // And unknown charsets or broken words are left as they were
        #expect(HeaderEncoding.decode("=?x-no-such-charset?q?abc?=") == "=?x-no-such-charset?q?abc?=")
        #expect(HeaderEncoding.decode("=?utf-8?x?abc?= plain") == "=?utf-8?x?abc?= plain")
    }

    // MARK: - Header injection

    @Test(arguments: [
        "Hallo\r\nBcc: evil@x", "Hallo\u{2028}Bcc: evil@x", "Hallo\nBcc: evil@x",
        "Hallo\u{85}Bcc: evil@x", "Hallo\u{2029}Bcc: evil@x", "Hallo\rBcc: evil@x",
    ])
    func subjectCannotInjectHeaders(subject: String) throws {
        // Given a subject carrying a line break and a Bcc header
        // When the message is rendered
        let bytes = Self.sampleMessage(subject: subject).rendered()

        // Then no header field starts with Bcc and the text stays inside the Subject
        let fields = Self.headerFields(bytes)
        #expect(!fields.contains { $0.lowercased().hasPrefix("bcc") })
        let value = try #require(Self.fieldValue("Subject", in: bytes))
        #expect(HeaderEncoding.decode(value) == "Hallo Bcc: evil@x")
    }

    @Test func displayNameCannotInjectHeaders() throws {
        // Given display names carrying CRLF and U+2028 followed by a header
        for name in ["Jan\r\nBcc: evil@x", "Jan\u{2028}Bcc: evil@x", "Jé\r\nBcc: evil@x"] {
            var message = Self.sampleMessage()
            message.from.name = name
            message.to.name = name

            // When rendered
            let bytes = message.rendered()

            // Then only the sanitized name appears inside From and To
            #expect(!Self.headerFields(bytes).contains { $0.lowercased().hasPrefix("bcc") })
            let from = try #require(Self.fieldValue("From", in: bytes))
            let parsed = try #require(MailAddress(parsing: from))
            #expect(parsed.name == HeaderEncoding.sanitize(name))
            #expect(parsed.address == "panel@tweedemening.example")
        }
    }

    @Test func extraHeadersCannotInjectOrOverride() {
        // Given extra headers with a CRLF in the value, an invalid name and a reserved name
        var message = Self.sampleMessage()
        message.extraHeaders = [
            ("X-Tweedemening-Kind", "vote\r\nBcc: evil@x"),
            ("Bad Name", "x"),
            ("Evil:Name", "x"),
            ("Bcc", "evil@x"),
            ("From", "evil@x"),
            ("X-Ünicode", "x"),
        ]

        // When rendered
        let bytes = message.rendered()
        let fields = Self.headerFields(bytes)

        // Then the value is flattened onto its own field and invalid or reserved names are skipped
        #expect(Self.fieldValue("X-Tweedemening-Kind", in: bytes) == "vote Bcc: evil@x")
        #expect(!fields.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(!fields.contains { $0.hasPrefix("Bad Name") || $0.hasPrefix("Evil") || $0.hasPrefix("X-Ü") })
        #expect(fields.filter { $0.lowercased().hasPrefix("from:") }.count == 1)
        #expect(HeaderEncoding.isValidHeaderName("List-Unsubscribe-Post"))
        #expect(!HeaderEncoding.isValidHeaderName(""))
    }

    @Test func sanitizeCollapsesEveryLineBreakAndControl() {
        // Given values with each dangerous character
        // When sanitized
        // Then each run becomes one space and ordinary text is untouched
        #expect(HeaderEncoding.sanitize("a\r\nb") == "a b")
        #expect(HeaderEncoding.sanitize("a\u{85}b\u{2028}c\u{2029}d\u{0}e\u{7F}f\tg") == "a b c d e f g")
        #expect(HeaderEncoding.sanitize("één — vraag") == "één — vraag")
    }

    // MARK: - Addresses

    @Test func addressHeaderForms() {
        // Given names needing nothing, quoting and encoding
        // When rendered as header values
        // Then each takes its RFC 5322 form
        #expect(MailAddress("a@b.nl").headerValue == "a@b.nl")
        #expect(MailAddress("a@b.nl", name: "Jan Jansen").headerValue == "Jan Jansen <a@b.nl>")
        #expect(MailAddress("a@b.nl", name: "Doe, J.").headerValue == "\"Doe, J.\" <a@b.nl>")
        #expect(MailAddress("a@b.nl", name: "Zeg \"hoi\" \\o/").headerValue == "\"Zeg \\\"hoi\\\" \\\\o/\" <a@b.nl>")
        #expect(MailAddress("a@b.nl", name: "René").headerValue == "=?utf-8?q?Ren=C3=A9?= <a@b.nl>")
        #expect(MailAddress("a@b.nl", name: "  ").headerValue == "a@b.nl")
    }

    @Test func longDisplayNamesSplitIntoSeveralWords() throws {
        // Given a display name too long for one encoded-word
        let name = "Gemeente 's-Hertogenbosch, \"Tweede Mening\" — één team voor alle wijken"
        var message = Self.sampleMessage()
        message.from.name = name

        // When rendered
        let bytes = message.rendered()

        // Then it folds into several words within the line limits and decodes (RFC 2047 §6.2) to the original.
        // Python's email package (3.11) keeps the space between adjacent words in a display name, which is why the
        // Python test uses a shorter name; compliant readers (Thunderbird, Apple Mail, Gmail) do not.
        let from = try #require(Self.fieldValue("From", in: bytes))
        #expect(from.components(separatedBy: "=?utf-8?q?").count - 1 >= 2)
        for line in Self.physicalLines(bytes) { #expect(line.utf8.count <= 78) }
        #expect(MailAddress(parsing: from)?.name == name)
        // And a name that fits one word is moved to a continuation line rather than split
        message.from.name = "Gemeente 's-Hertogenbosch — één team"
        let short = try #require(Self.fieldValue("From", in: message.rendered()))
        #expect(short.components(separatedBy: "=?utf-8?q?").count - 1 == 1)
    }

    @Test func addressParsingRoundTrips() throws {
        // Given addresses with awkward names
        for original in [
            MailAddress("a@b.nl", name: "Doe, J."), MailAddress("j.d@x-y.example.nl", name: "Zeg \"hoi\""),
            MailAddress("a@b.nl", name: "Renée Ëlsen"), MailAddress("a@b.nl"),
        ] {
            // When the header form is parsed again
            let parsed = try #require(MailAddress(parsing: original.headerValue))
            // Then the address survives
            #expect(parsed == original)
        }
        #expect(MailAddress(parsing: "  Jan <jan@example.nl> ") == MailAddress("jan@example.nl", name: "Jan"))
        #expect(MailAddress(parsing: "<jan@example.nl>") == MailAddress("jan@example.nl"))
        #expect(MailAddress(parsing: "Jan <jan@example>") == nil)
        #expect(MailAddress(parsing: "Jan <jan @example.nl>") == nil)
        #expect(MailAddress(parsing: "Jan jan@example.nl") == nil)
        #expect(MailAddress(parsing: "Jan <jan@example.nl") == nil)
    }

    @Test func addressValidation() {
        // Given typical panel addresses and typical CSV garbage
        // When validated
        // Then the pragmatic rules hold
        for valid in ["a@b.nl", "j.jansen+panel@gemeente-zoetermeer.nl", "x_y@sub.domain.example", "1@2.nl"] {
            #expect(MailAddress.isValidAddress(valid), "\(valid)")
        }
        let longLocal = String(repeating: "a", count: 65) + "@b.nl"
        let longTotal = "a@" + String(repeating: "abcdefghi.", count: 26) + "nl"
        for invalid in [
            "", "a", "a@b", "@b.nl", "a@@b.nl", "a@b@c.nl", "a b@c.nl", "a@b .nl", "a@-b.nl", "a@b-.nl",
            "a@b..nl", "a@.b.nl", "a@b.nl.", ".a@b.nl", "a.@b.nl", "a..b@c.nl", "a@b_c.nl", "é@b.nl",
            "a@bé.nl", "a\r\n@b.nl", "<a@b.nl>", "a,b@c.nl", longLocal, longTotal,
        ] {
            #expect(!MailAddress.isValidAddress(invalid), "\(invalid)")
        }
    }

    // MARK: - Quoted-printable

    @Test func quotedPrintableRoundTripsAndKeepsLinesShort() {
        // Given text with accents, "=", long lines, trailing whitespace and mixed line ends
        let text =
            "Beste meneer Müller, één vraag: 1 + 1 = 2?   \n"
            + String(repeating: "Lange regel met ë en = tekens ", count: 8) + "\t\r\n"
            + String(repeating: "x", count: 200) + "\r"
            + ".punt aan het begin\n"
            + String(repeating: "é", count: 40) + "\n"
            + "einde "

        // When encoded
        let encoded = QuotedPrintable.encode(text)

        // Then every line is ≤ 76 chars, ASCII, without trailing whitespace or a leading "."
        let lines = encoded.components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 76, "too long: \(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D && $0 != 0x0A })
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(!line.hasPrefix("."))
        }
        // And "=" only starts an escape or a soft break, so the boundary prefix "=_" can never appear
        #expect(!encoded.contains("=_"))
        #expect(encoded.contains("=3D"))
        // And decoding gives the UTF-8 bytes with CRLF line ends
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(QuotedPrintable.decode(encoded) == Array(expected.utf8))
    }

    @Test func theQuotedPrintableEncoderMatchesTheLineByLineOne() {
        // Given many random texts from an alphabet of the characters the rules are about
        let alphabet: [String] = ["a", " ", "\t", "=", ".", "é", "€", "\r", "\n", "\r\n", "x", "😀", "\u{0}"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 200)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            // When encoded by the one-pass encoder
            // Then the bytes are those of the earlier line-by-line encoder
            #expect(QuotedPrintable.encode(text) == Self.lineByLineQuotedPrintable(text), "\(Array(text.utf8))")
        }
    }

    /// The encoder as it was before it became one pass over the bytes: the reference for its output.
    static func lineByLineQuotedPrintable(_ text: String) -> String {
        func needsEncoding(_ byte: UInt8, isLastOnLine: Bool) -> Bool {
            switch byte {
            case 0x20, 0x09: return isLastOnLine
            case UInt8(ascii: "="): return true
            case 33...126: return false
            default: return true
            }
        }
        func hexToken(_ byte: UInt8) -> [UInt8] {
            let digits = Array("0123456789ABCDEF".utf8)
            return [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
        }
        var out: [UInt8] = []
        for (lineNumber, line) in QuotedPrintable.splitLines(Array(text.utf8)).enumerated() {
            if lineNumber > 0 { out += [0x0D, 0x0A] }
            var column = 0
            for (position, byte) in line.enumerated() {
                let isLast = position == line.count - 1
                var token = needsEncoding(byte, isLastOnLine: isLast) ? hexToken(byte) : [byte]
                let limit = isLast ? 76 : 75
                if column + token.count > limit {
                    out += [UInt8(ascii: "="), 0x0D, 0x0A]
                    column = 0
                }
                if column == 0 && byte == UInt8(ascii: ".") { token = hexToken(byte) }
                out += token
                column += token.count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func quotedPrintableEdgeCases() {
        // Given small inputs at the edges of the rules
        // When encoded
        // Then the output follows RFC 2045
        #expect(QuotedPrintable.encode("") == "")
        #expect(QuotedPrintable.encode("a = b") == "a =3D b")
        #expect(QuotedPrintable.encode("a \nb\t") == "a=20\r\nb=09")
        #expect(QuotedPrintable.encode(".\n.x") == "=2E\r\n=2Ex")
        #expect(QuotedPrintable.encode(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 77))
                == String(repeating: "a", count: 75) + "=\r\naa")
        // And decoding is lenient with what other mailers send
        #expect(QuotedPrintable.decode("caf=c3=a9 =\r\nbar  \r\nx=ZZ=") == Array("café bar\r\nx=ZZ".utf8))
        #expect(QuotedPrintable.decode("a\nb") == Array("a\r\nb".utf8))
    }

    // MARK: - Multipart structure

    @Test func multipartAlternativeHasTextBeforeHTML() throws {
        // Given a message with text and html
        let message = Self.sampleMessage()
        let boundary = "=_tm_" + OutgoingMessage.fnv1aHex(message.messageID) + "_alt"

        // When rendered
        let bytes = message.rendered()
        let text = Self.string(bytes)

        // Then the top level is multipart/alternative with the deterministic, quoted boundary
        let contentType = try #require(Self.fieldValue("Content-Type", in: bytes))
        #expect(contentType == "multipart/alternative; boundary=\"\(boundary)\"")
        // And the text part precedes the html part, and the closing delimiter ends the body
        let plain = try #require(
            text.range(
                of: "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"))
        let html = try #require(
            text.range(
                of: "--\(boundary)\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(text.hasSuffix("\r\n--\(boundary)--\r\n"))
        // And the boundary occurs only as delimiter lines and in the Content-Type parameter
        #expect(text.components(separatedBy: boundary).count - 1 == 4)
    }

    @Test func multipartMixedWrapsAlternativeAndAttachments() throws {
        // Given a message with html and two attachments, one with a non-ASCII long name
        let pdf: [UInt8] = Array(repeating: 0x25, count: 10) + Array(0...255)
        let longName = "Verslag bewonersavond — één overzicht van alle reacties uit de wijk.pdf"
        let message = Self.sampleMessage(attachments: [
            .init(filename: "uitslag.csv", contentType: "text/csv", data: Array("a;b\r\n1;2\r\n".utf8)),
            .init(filename: longName, contentType: "application/pdf", data: pdf),
        ])
        let hash = OutgoingMessage.fnv1aHex(message.messageID)

        // When rendered
        let bytes = message.rendered()
        let text = Self.string(bytes)

        // Then the top level is mixed, its first part the alternative, followed by the attachments in order
        #expect(Self.fieldValue("Content-Type", in: bytes) == "multipart/mixed; boundary=\"=_tm_\(hash)_mix\"")
        let alternative = try #require(text.range(of: "--=_tm_\(hash)_mix\r\nContent-Type: multipart/alternative;"))
        let csv = try #require(text.range(of: "filename=\"uitslag.csv\""))
        let pdfRange = try #require(text.range(of: "filename*0*=utf-8''Verslag"))
        #expect(alternative.lowerBound < csv.lowerBound && csv.lowerBound < pdfRange.lowerBound)
        #expect(text.contains("Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment;"))
        #expect(text.hasSuffix("--=_tm_\(hash)_mix--\r\n"))
        for line in Self.physicalLines(bytes) { #expect(line.utf8.count <= 78, "too long: \(line)") }
    }

    @Test func singlePartWhenOnlyText() throws {
        // Given a message with only a text body
        let message = Self.sampleMessage(text: "Hallo\nwereld", html: nil)

        // When rendered
        let bytes = message.rendered()

        // Then the message itself is the text/plain entity
        #expect(Self.fieldValue("Content-Type", in: bytes) == "text/plain; charset=utf-8")
        #expect(Self.fieldValue("Content-Transfer-Encoding", in: bytes) == "quoted-printable")
        #expect(Self.string(bytes).hasSuffix("\r\n\r\nHallo\r\nwereld\r\n"))
    }

    // MARK: - A real MIME parser

    static let python: String? = {
        let candidates =
            ["/usr/bin/python3", "/usr/local/bin/python3"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let parserScript = """
        import email, email.policy, json, sys
        msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
        defects = [type(d).__name__ for part in msg.walk() for d in part.defects]
        attachments = [[a.get_filename(), a.get_content_type(), a.get_content().hex()] for a in msg.iter_attachments()]
        print(json.dumps({
            'subject': str(msg['subject']),
            'from_name': msg['from'].addresses[0].display_name,
            'from_address': msg['from'].addresses[0].addr_spec,
            'to_name': msg['to'].addresses[0].display_name,
            'plain': msg.get_body(('plain',)).get_content(),
            'html': msg.get_body(('html',)).get_content(),
            'attachments': attachments,
            'defects': defects,
            'extra': msg['list-unsubscribe-post'],
        }))
        """

    @Test(.enabled(if: MIMETests.python != nil, "needs python3"))
    func pythonEmailPackageReadsRenderedMessage() throws {
        // Given a message with every feature and awkward content
        // (A display name short enough for one encoded-word: see longDisplayNamesSplitIntoSeveralWords.)
        let fromName = "Gemeente 's-Hertogenbosch — één team"
        let toName = "Jansen, J. \"Jan\" (panel)"
        let subject = Self.dutchSubject + " " + String(repeating: "en nog één keer ", count: 5)
        let plain =
            "Beste panellid,\n\nStem hier: https://tweedemening.example/stem?id=12&x=3\n"
            + String(repeating: "Lange regel met één = teken ", count: 6) + "  \n.\nGroet \n"
        let htmlBody = "<p>Stem <a href=\"https://tweedemening.example/stem?id=12\">hier</a> — één vraag</p>\n"
        let attachmentData: [UInt8] = Array(0...255)
        let longFileName = "Verslag bewonersavond — één overzicht van alle reacties uit de wijk.pdf"
        var message = Self.sampleMessage(
            subject: subject, fromName: fromName, text: plain, html: htmlBody,
            attachments: [
                .init(filename: "één overzicht.bin", contentType: "application/octet-stream", data: attachmentData),
                .init(filename: longFileName, contentType: "application/pdf", data: [0x25, 0x50, 0x44, 0x46]),
            ])
        message.to.name = toName
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mime-\(UUID().uuidString).eml")
        try Data(message.rendered()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        // When Python's email package parses it
        let (status, data, errorText) = try ChildProcess.run(
            try #require(Self.python, "python3 is missing: run scripts/setup.sh"), ["-c", Self.parserScript, file.path])
        #expect(status == 0, "python failed: \(errorText)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        // Then it sees exactly the inputs, without defects
        func normalized(_ text: String?) -> String? { text?.replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(json["subject"] as? String == subject.trimmingCharacters(in: .whitespaces))
        #expect(json["from_name"] as? String == fromName)
        #expect(json["from_address"] as? String == "panel@tweedemening.example")
        #expect(json["to_name"] as? String == toName)
        #expect(normalized(json["plain"] as? String) == plain)
        #expect(normalized(json["html"] as? String) == htmlBody)
        #expect(json["extra"] as? String == "List-Unsubscribe=One-Click")
        #expect((json["defects"] as? [String]) == [])
        let attachments = try #require(json["attachments"] as? [[String]])
        let expectedHex = attachmentData.map { String(format: "%02x", $0) }.joined()
        #expect(
            attachments == [
                ["één overzicht.bin", "application/octet-stream", expectedHex],
                [longFileName, "application/pdf", "25504446"],
            ])
    }
}
