import Foundation

/// Keeps what a panelist wrote in a reply and drops what their mail client added around it.
///
/// Pure and line-based. The words it knows are data, one file per language (`ReplyLanguage`, `Languages/`: Dutch,
/// English, German, French, Spanish, Portuguese, Italian, Polish, Turkish, Arabic, Russian, Ukrainian, Swedish,
/// Norwegian, Danish, Finnish, Czech, Romanian, Chinese, Japanese). It understands:
/// * `>`-quoted history, whether the panelist top-posts, bottom-posts or answers between the quoted lines;
/// * attribution lines such as `Op di 3 mrt 2026 om 10:12 schreef … <…>:` (also wrapped over two lines),
///   `Op … heeft … het volgende geschreven:`, `On …, … wrote:` and `Am … schrieb …:`;
/// * Outlook header blocks (`Van:/Verzonden:/Aan:/Onderwerp:`, `From:/Sent:/To:/Subject:`, also `*Van:*`),
///   `-----Oorspronkelijk bericht-----`, `-----Original Message-----`, forwarded-message markers and the
///   Outlook `________________________________` separator: everything from there on is history;
/// * the signature delimiter `-- ` (and `--`): everything from there on is signature;
/// * mobile footers such as `Verzonden vanaf mijn iPhone` or `Get Outlook for Android`: that line is dropped.
///
/// Sign-offs such as "Met vriendelijke groet, Jan" are the panelist's own text and are kept.
public enum ReplyTrimmer {
    /// What the panelist wrote: quoted history, attribution lines, forwarded headers, signatures and
    /// mobile footers removed; leading/trailing blank lines trimmed; inner blank lines collapsed to one.
    ///
    /// If that leaves nothing although the body has non-quoted text (say a panelist typed below an
    /// unquoted Outlook history, or only under a `-- ` line), the non-quoted text is returned instead —
    /// without the `>` lines, attribution lines, separators and mobile footers — so a panelist's words
    /// are never lost. A body of only quoted history gives "".
    public static func trim(_ body: String) -> String {
        let lines = splitLines(body)
        let cut = historyStart(in: lines)

        var kept: [String] = []
        var index = 0
        while index < cut {
            if isQuoted(lines[index]) || isMobileFooter(lines[index]) {
                index += 1
            } else if let span = quoteIntroductionSpan(in: lines, at: index) {
                index += span
            } else {
                kept.append(lines[index])
                index += 1
            }
        }
        let trimmed = tidy(kept)
        if !trimmed.isEmpty { return trimmed }

        // Never lose the panelist's words: fall back to everything that is not boilerplate.
        var fallback: [String] = []
        index = 0
        while index < lines.count {
            let line = lines[index]
            if let span = quoteIntroductionSpan(in: lines, at: index) ?? historyAttributionSpan(in: lines, at: index) {
                index += span
                continue
            }
            if !isQuoted(line) && !isMobileFooter(line) && !isSeparator(line) && !isSignatureDelimiter(line) {
                fallback.append(line)
            }
            index += 1
        }
        return tidy(fallback)
    }

    // MARK: - Where the history begins

    /// The index of the first line that starts history or signature (everything from there is dropped),
    /// or `lines.count`.
    static func historyStart(in lines: [String]) -> Int {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isQuoted(line) {
                index += 1
                continue
            }
            if isSignatureDelimiter(line) || isSeparator(line) || startsHeaderBlock(lines, at: index) {
                return index
            }
            // An attribution that introduces `>` lines is dropped on its own (the panelist may answer
            // below or between the quotes); one that introduces unquoted history starts that history.
            if let span = quoteIntroductionSpan(in: lines, at: index) {
                index += span
                continue
            }
            if historyAttributionSpan(in: lines, at: index) != nil {
                return index
            }
            index += 1
        }
        return lines.count
    }

    /// An attribution line (1 or 2 lines) followed by `>`-quoted lines: dropped on its own.
    static func quoteIntroductionSpan(in lines: [String], at index: Int) -> Int? {
        guard let span = attributionSpan(in: lines, at: index, introducesQuote: true),
            nextNonBlankIsQuoted(lines, after: index + span - 1)
        else { return nil }
        return span
    }

    /// An attribution line followed by unquoted history (Outlook, some Apple Mail conversions). Because
    /// everything after it is dropped, it must name an address or a time, not just a date:
    /// "Op 3 maart 2026 schreef de gemeente:" followed by the panelist's own words is kept.
    static func historyAttributionSpan(in lines: [String], at index: Int) -> Int? {
        guard let span = attributionSpan(in: lines, at: index), !nextNonBlankIsQuoted(lines, after: index + span - 1)
        else { return nil }
        let joined = lines[index..<(index + span)].joined(separator: " ")
        guard joined.contains("@") || joined.contains(/\d{1,2}:\d{2}/) else { return nil }
        return span
    }

    static func nextNonBlankIsQuoted(_ lines: [String], after index: Int) -> Bool {
        var next = index + 1
        while next < lines.count, isBlank(lines[next]) { next += 1 }
        return next < lines.count && isQuoted(lines[next])
    }

    // MARK: - Line kinds

    static func splitLines(_ body: String) -> [String] {
        let unified = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Spaces, and the invisible marks clients put around a line (Gmail wraps Arabic and Hebrew attributions in
    /// U+202B … U+202C).
    static let blankCharacters = CharacterSet.whitespaces.union([
        "\u{00A0}", "\u{200B}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
        "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ])

    static func stripped(_ line: String) -> String {
        line.trimmingCharacters(in: blankCharacters)
    }

    static func isBlank(_ line: String) -> Bool {
        stripped(line).isEmpty
    }

    /// A `>`-quoted line (up to three spaces of indentation before the `>`).
    static func isQuoted(_ line: String) -> Bool {
        var spaces = 0
        for character in line {
            if character == ">" { return true }
            if character == " " || character == "\u{00A0}", spaces < 3 {
                spaces += 1
                continue
            }
            return false
        }
        return false
    }

    /// `-- ` (the standard signature delimiter) or `--`.
    static func isSignatureDelimiter(_ line: String) -> Bool {
        line == "-- " || line == "--" || line == "-- \u{00A0}" || line == "--\u{00A0}"
    }

    static let separatorPhrases = Set(ReplyLanguage.all.flatMap(\.separators))
    static let forwardIntros = Set(ReplyLanguage.all.flatMap(\.forwardIntros))

    /// Lines after which everything is history: `-----Oorspronkelijk bericht-----` (with any number of
    /// dashes, also with spaces), forwarded markers, `Begin forwarded message:` and Outlook's underscore line.
    static func isSeparator(_ line: String) -> Bool {
        let text = stripped(line)
        if text.count >= 20, text.allSatisfy({ $0 == "_" }) { return true }
        let lower = text.lowercased()
        if lower.hasPrefix("--") && lower.hasSuffix("--") {
            let inner = lower.trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            return separatorPhrases.contains(inner)
        }
        return forwardIntros.contains(lower) || forwardIntros.contains(lower.replacingOccurrences(of: "：", with: ":"))
    }

    static let fromFields = Set(ReplyLanguage.all.flatMap(\.fromFields))
    static let otherHeaderFields = Set(ReplyLanguage.all.flatMap(\.otherFields)).subtracting(fromFields)

    /// The field name of a mail header line such as `Van: …`, `*Van:* …` or `**From:** …`, lowercased.
    static func headerField(_ line: String) -> String? {
        var text = Substring(stripped(line))
        while let first = text.first, first == "*" || first == "_" { text = text.dropFirst() }
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        var name = text[..<colon]
        while let last = name.last, last == "*" || last == "_" { name = name.dropLast() }
        let field = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard fromFields.contains(field) || otherHeaderFields.contains(field) else { return nil }
        return field
    }

    /// A header line that begins a block of mail headers naming the sender (`Van:`/`From:`) and at least
    /// two more fields (`Verzonden:`, `Aan:`, `Onderwerp:`, `CC:` …). Blank lines between the fields
    /// (HTML-to-text) and wrapped recipient lists (indented or starting with `<`) are allowed.
    static func startsHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        guard let first = headerField(lines[index]) else { return false }
        var fields: Set<String> = [first]
        var next = index + 1
        while next < lines.count, next <= index + 12 {
            let line = lines[next]
            if let field = headerField(line) {
                fields.insert(field)
            } else if !isBlank(line) && !line.hasPrefix(" ") && !line.hasPrefix("\t") && !stripped(line).hasPrefix("<") {
                break
            }
            next += 1
        }
        return !fields.isDisjoint(with: fromFields) && fields.intersection(otherHeaderFields).count >= 2
    }

    static let attributionVerbs = Set(ReplyLanguage.all.flatMap(\.attributionVerbs))
    static let attributionOpeners = Set(ReplyLanguage.all.flatMap(\.attributionOpeners))

    /// How many lines (1 or 2) an attribution line at `index` spans, if it is one: it starts with
    /// `Op`/`On`/`Am`/`Le` (or names an address), mentions a writing verb, ends with `:` within two lines
    /// and mentions an e-mail address or a date (a time, a year or a numeric date). Right above `>` lines,
    /// `Name <address> schreef:` without a date also counts.
    static func attributionSpan(in lines: [String], at index: Int, introducesQuote: Bool = false) -> Int? {
        guard !isQuoted(lines[index]), !isBlank(lines[index]) else { return nil }
        var joined = ""
        for span in 1...3 {
            let lineIndex = index + span - 1
            guard lineIndex < lines.count, !isBlank(lines[lineIndex]), !isQuoted(lines[lineIndex]) else { return nil }
            joined += (joined.isEmpty ? "" : " ") + stripped(lines[lineIndex])
            if joined.hasSuffix(":") || joined.hasSuffix("：") {
                guard isAttribution(joined, introducesQuote: introducesQuote) else { return nil }
                // "Ik ben het eens.\nOp … schreef …:" — the attribution starts on the next line: the panelist's
                // last line, typed right above it without a blank line, is theirs.
                if span > 1 {
                    guard let start = attributionStart(lines[index]) else { return nil }
                    // Begun by a name only: a later line that begins an attribution by itself is the real start.
                    for later in (index + 1)..<(index + span) where start == .weak && attributionStart(lines[later]) != nil {
                        if attributionSpan(in: lines, at: later, introducesQuote: introducesQuote) != nil { return nil }
                    }
                }
                return span
            }
        }
        return nil
    }

    enum AttributionStart { case strong, weak }

    /// How attribution lines begin: strongly with an opener ("Op ", "On "), a number or a date ("2026-03-03 …",
    /// "вт, 3 мар."), weakly with a name and its address ("Jan <jan@example.nl> schreef:"). Not the wrapped tail of
    /// one ("reply+…@…> wrote:"), and not a line that ends a sentence ("Op zich vind ik het goed.").
    static func attributionStart(_ line: String) -> AttributionStart? {
        let lower = stripped(line).lowercased()
        guard let last = lower.last, !".!?".contains(last) else { return nil }
        if attributionOpeners.contains(where: { lower.hasPrefix($0) }) || lower.first?.isNumber == true { return .strong }
        if mentionsDate(lower), lower.count <= 120 { return .strong }
        guard let open = lower.firstIndex(of: "<"), let at = lower.firstIndex(of: "@"), open != lower.startIndex, open < at
        else { return nil }
        return .weak
    }

    static func isAttribution(_ text: String, introducesQuote: Bool = false) -> Bool {
        guard text.count <= 300 else { return false }
        let lower = text.lowercased()
        let hasAddress = lower.contains("@")
        // Date first, no verb: "2016-03-03 17:21 GMT+01:00 Naam <adres>:", "2026年3月3日(火) 17:21 Naam <adres>:".
        // Right above `>` lines, a date and "Naam <adres>:" is enough: "вт, 3 мар. 2026 г. в 17:21, Naam <adres>:".
        if hasAddress, mentionsDate(lower),
            (lower.first?.isNumber == true && (lower.contains("<") || introducesQuote))
                || (introducesQuote && lower.contains("<"))
        {
            return true
        }
        guard attributionVerbs.contains(where: { lower.contains($0) }) else { return false }
        // Thunderbird: "24.02.2026 16:40, De Tweede Mening пишет:", "2026/02/10 13:15 に … さんは書きました:".
        if lower.first?.isNumber == true, mentionsDate(lower), lower.contains(/\d{1,2}[:.]\d{2}/) { return true }
        let opener = attributionOpeners.contains { lower.hasPrefix($0) }
        if opener { return hasAddress || mentionsDate(lower) }
        // "Jan de Vries <jan@example.nl> schreef op 3-3-2026 10:12:" (Evolution, some webmail);
        // "Jan de Vries <jan@example.nl> schreef:" only right above `>` lines.
        return hasAddress && (introducesQuote || mentionsDate(lower))
    }

    /// A time (`10:12`, `10.12 uur` not included), a year 19xx/20xx or a numeric date such as `3-3-2026`.
    static func mentionsDate(_ text: String) -> Bool {
        let time = /\d{1,2}:\d{2}/
        let year = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/
        let numeric = /\d{1,2}[-\/.]\d{1,2}[-\/.]\d{2,4}/
        return text.contains(time) || text.contains(year) || text.contains(numeric)
    }

    static let footerPrefixes = ReplyLanguage.all.flatMap(\.footerPrefixes)
    /// Devices and apps that sign their mail, in any language: "Skickat från min iPhone", "iPhoneから送信".
    static let footerDevices = [
        "iphone", "ipad", "android", "samsung", "galaxy", "outlook", "mail for windows", "mail voor windows",
        "huawei", "xiaomi", "blackberry", "yahoo mail", "aol", "proton mail", "gmail", "windows mail", "mobile",
        "windows",
    ]
    /// The verb of a footer, in the languages of `ReplyLanguage.all` ("sent", "verzonden", "送信", "发自").
    static let footerSendWords = [
        "sent", "verzonden", "verstuurd", "gesendet", "envoy", "enviado", "inviato", "wysłan", "gönderil", "отправлен",
        "надіслан", "skickat", "sendt", "lähetetty", "odesláno", "odeslané", "trimis", "发自", "發自", "送信", "أرسلت",
        "مرسل", "download", "get ", "von meinem", "från min", "fra min", "de mon", "desde mi", "do meu", "z mojego",
        "入手", "herunterladen", "télécharger", "obtener", "scarica", "pobierz", "gönderildi", "telefonumdan",
    ]

    /// A line a (mobile) mail client adds under a message, such as `Verzonden vanaf mijn iPhone`: a known opening
    /// in one of `ReplyLanguage.all`, or a short line that is little more than a device or app name and a verb.
    static func isMobileFooter(_ line: String) -> Bool {
        // "Verzonden vanuit Mail<https://go.microsoft.com/…> voor Windows": the link the client put in goes first.
        var lower = stripped(line).lowercased().replacing(/<https?:[^>\s]*>|\(https?:[^)\s]*\)/, with: " ")
        lower = lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard lower.count <= 90 else { return false }
        if footerPrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        // "Enviado desde mi Samsung Galaxy", "Отправлено с iPhone", "发自我的iPhone": short and names a device and a
        // verb of sending — a sentence of the panelist's that mentions an iPhone is longer or asks or exclaims.
        guard lower.count <= 70, !lower.hasSuffix("?"), !lower.hasSuffix("!"),
            let device = footerDevices.first(where: { lower.contains($0) })
        else { return false }
        let words = lower.split(whereSeparator: \.isWhitespace)
        let rest = lower.replacingOccurrences(of: device, with: "").trimmingCharacters(in: .whitespaces)
        return words.count <= 7 && rest.count >= 2 && !rest.contains(":")
            && footerSendWords.contains(where: { rest.contains($0) })
    }

    // MARK: - Output

    /// Right-trims every line, drops leading and trailing blank lines and collapses runs of blank lines.
    static func tidy(_ lines: [String]) -> String {
        var out: [String] = []
        var pendingBlank = false
        for line in lines {
            var text = Substring(line)
            while let last = text.last, last.unicodeScalars.allSatisfy({ blankCharacters.contains($0) }) {
                text = text.dropLast()
            }
            if text.isEmpty {
                pendingBlank = !out.isEmpty
                continue
            }
            if pendingBlank { out.append("") }
            pendingBlank = false
            out.append(String(text))
        }
        return out.joined(separator: "\n")
    }
}
