import Foundation

/// One piece of personal data (or a link) found in a text.
public struct PersonalDataFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A burgerservicenummer: 9 digits passing the elfproef, grouped any way with spaces, dots or dashes
        /// (`123456782`, `123.456.782`, `1234-56782`, `1 2 3 4 5 6 7 8 2`).
        case bsn
        /// An IBAN with a valid length for its country and a valid mod-97 check (`NL91 ABNA 0417 1643 00`,
        /// `nl91-abna-0417-1643-00`).
        case iban
        /// A Dutch phone number (`06-12345678`, `+31 6 12345678`, `(030) 1234567`) or `+<country> …`.
        case phone
        /// `naam@example.nl`, also written `naam [at] example [dot] nl` or `naam apenstaartje example punt nl`.
        case email
        /// A postcode (`3511 AB`, `3511AB`), a street with a house number (`Hoofdstraat 12`, `12 Hoofdstraat`,
        /// `nummer 12 van de Biltstraat`), or a house number on its own (`huisnummer 12`, `nr. 14`, `123bis`).
        case postcodeHouseNumber
        /// A date of birth: a date after "geboren", "geb." or "geboortedatum", or a full date old enough to
        /// be one (`1 januari 1950`).
        case dateOfBirth
        /// The name of a panelist of the round or of the municipality's staff (see `PanelistNames`).
        case name
        /// `https://…`, `www.…` or a bare domain such as `zorgwijzer.nl/traplift`. Reported, never masked.
        case url
    }

    public var kind: Kind
    /// Where in the scanned string; only valid for that string.
    public var range: Range<String.Index>

    public init(kind: Kind, range: Range<String.Index>) {
        self.kind = kind
        self.range = range
    }
}

/// What the scanner should know beyond the text itself.
public struct PersonalDataContext: Sendable {
    /// The names of the round's panelists and the municipality's staff.
    public var names: PanelistNames
    /// The current year: a full date more than 30 years back is read as a date of birth.
    public var year: Int

    public init(names: PanelistNames = PanelistNames([]), year: Int = PersonalDataContext.currentYear) {
        self.names = names
        self.year = year
    }

    public static var currentYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .panelDefault
        return calendar.component(.year, from: Date())
    }
}

/// Finds and masks personal data in what panelists, the municipality and moderators write, before anyone
/// else reads it: one scanner for cases, arguments, questions, answers and follow-ups. Pure; no I/O.
///
/// The text is normalised first (`ScanText`: format characters removed, NFKC, any dash, spelled-out digits),
/// so `1112\u{200B}22333`, `０６-１２３４５６７８` and "nul zes een twee …" are read like plain digits; findings
/// point into the original text.
///
/// Findings other than `.url` never overlap one another; a `.url` finding may contain an `.email` finding.
/// Numbers inside a URL are not reported as BSN, IBAN, phone or address.
public enum PersonalDataScanner {
    /// Everything found, ordered by position.
    public static func findings(in text: String, context: PersonalDataContext = PersonalDataContext()) -> [PersonalDataFinding] {
        let original = Array(text.indices) + [text.endIndex]
        let scan = ScanText(Array(text))
        let scanner = PersonalDataTextScanner(scan.chars)
        let urls = scanner.urls()
        // Which characters a URL covers, and which a chosen finding already covers.
        var inURL = [Bool](repeating: false, count: scanner.chars.count)
        for url in urls { for offset in url.lower..<url.upper { inURL[offset] = true } }
        var candidates = scanner.emails() + scanner.obfuscatedEmails()
        let numeric =
            scanner.ibans() + scanner.bsns() + scanner.phones() + scanner.datesOfBirth(year: context.year)
            + scanner.addresses() + scanner.houseNumbers()
        candidates += numeric.filter { candidate in !(candidate.lower..<candidate.upper).contains { inURL[$0] } }
        candidates += context.names.spans(in: scan.chars).map {
            PersonalDataCandidate(kind: .name, lower: $0.lowerBound, upper: $0.upperBound)
        }.filter { candidate in !(candidate.lower..<candidate.upper).contains { inURL[$0] } }
        // Highest priority first (the order of `priority`), then earliest, then longest.
        candidates.sort {
            ($0.priority, $0.lower, -$0.upper) < ($1.priority, $1.lower, -$1.upper)
        }
        var taken = [Bool](repeating: false, count: scanner.chars.count)
        var chosen: [PersonalDataCandidate] = []
        for candidate in candidates where !(candidate.lower..<candidate.upper).contains(where: { taken[$0] }) {
            chosen.append(candidate)
            for offset in candidate.lower..<candidate.upper { taken[offset] = true }
        }
        let all = (chosen + urls).sorted { ($0.lower, $0.priority) < ($1.lower, $1.priority) }
        return all.map { candidate in
            let range = scan.originalRange(candidate.lower, candidate.upper)
            return PersonalDataFinding(kind: candidate.kind, range: original[range.lowerBound]..<original[range.upperBound])
        }
    }

    /// The Dutch placeholder a finding of `kind` is replaced with; `nil` for `.url`, which is not masked.
    public static func placeholder(for kind: PersonalDataFinding.Kind) -> String? {
        switch kind {
        case .bsn: "[BSN verwijderd]"
        case .iban: "[IBAN verwijderd]"
        case .phone: "[telefoonnummer verwijderd]"
        case .email: "[e-mailadres verwijderd]"
        case .postcodeHouseNumber: "[adres verwijderd]"
        case .dateOfBirth: "[geboortedatum verwijderd]"
        case .name: "[naam]"
        case .url: nil
        }
    }

    /// `text` with every finding except URLs replaced by its placeholder (`[BSN verwijderd]`,
    /// `[IBAN verwijderd]`, `[telefoonnummer verwijderd]`, `[e-mailadres verwijderd]`, `[adres verwijderd]`,
    /// `[geboortedatum verwijderd]`, `[naam]`), and with hidden characters removed (`OutsideText`); everything
    /// else is left as it was. `kinds` holds the kinds that were replaced (never `.url`).
    public static func mask(_ text: String, context: PersonalDataContext = PersonalDataContext())
        -> (text: String, kinds: Set<PersonalDataFinding.Kind>)
    {
        var result = ""
        var kinds: Set<PersonalDataFinding.Kind> = []
        var position = text.startIndex
        for finding in findings(in: text, context: context) {
            guard let placeholder = placeholder(for: finding.kind) else { continue }
            result += text[position..<finding.range.lowerBound]
            result += placeholder
            position = finding.range.upperBound
            kinds.insert(finding.kind)
        }
        result += text[position...]
        return (OutsideText.neutralised(result), kinds)
    }

    /// Whether `text` contains a URL (`https://…`, `www.…` or a bare domain such as `voorbeeld.nl`).
    public static func containsLink(_ text: String) -> Bool {
        !PersonalDataTextScanner(ScanText(Array(text)).chars).urls().isEmpty
    }
}

// MARK: - Scanning

/// A match in character offsets.
struct PersonalDataCandidate {
    var kind: PersonalDataFinding.Kind
    var lower: Int
    var upper: Int

    var priority: Int {
        switch kind {
        case .email: 0
        case .iban: 1
        case .bsn: 2
        case .phone: 3
        case .dateOfBirth: 4
        case .postcodeHouseNumber: 5
        case .name: 6
        case .url: 7
        }
    }
}

/// Hand-written scanners over the characters of one string, so every boundary rule is explicit.
struct PersonalDataTextScanner {
    /// Normalised characters (`ScanText`).
    let chars: [Character]

    init(_ chars: [Character]) {
        self.chars = chars
    }

    // MARK: Character classes

    func char(_ i: Int) -> Character? {
        i >= 0 && i < chars.count ? chars[i] : nil
    }

    /// A word as the particle list spells it: lowercased, an apostrophe of "'t" dropped.
    static func particleForm(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
    }

    static func isDigit(_ c: Character?) -> Bool {
        guard let value = c?.asciiValue else { return false }
        return value >= 48 && value <= 57
    }

    static func isASCIILetter(_ c: Character?) -> Bool {
        guard let value = c?.asciiValue else { return false }
        return (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }

    static func isAlnum(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber
    }

    static func isSpace(_ c: Character?) -> Bool {
        c == " " || c == "\u{00A0}"
    }

    static func digitValue(_ c: Character) -> Int {
        Int(c.asciiValue! - 48)
    }

    /// A number or code may start at `i`: it does not continue a word, a larger number (`1.250`, `12-03`),
    /// a code (`UTR-2026`, `zaak/123`) or an amount (`€ 123`).
    func cleanStart(_ i: Int) -> Bool {
        guard let before = char(i - 1) else { return true }
        if Self.isAlnum(before) || before == "€" || before == "$" || before == "£" || before == "+" { return false }
        if "-./,:_".contains(before), Self.isDigit(char(i - 2)) { return false }
        if "-/_".contains(before), Self.isAlnum(char(i - 2)) { return false }
        if Self.isSpace(before), char(i - 2) == "€" { return false }
        if Self.isSpace(before), i >= 4, String(chars[(i - 4)..<(i - 1)]).uppercased() == "EUR" { return false }
        return true
    }

    /// A number or code may end at `i` (exclusive): it is not followed by more of a word or number
    /// (`,00`, `.5`, `-2024`, `:00`) or by `%`.
    func cleanEnd(_ i: Int) -> Bool {
        guard let after = char(i) else { return true }
        if Self.isAlnum(after) || after == "%" || after == "@" { return false }
        if "-./,:_".contains(after), Self.isAlnum(char(i + 1)) { return false }
        return true
    }

    // MARK: Digits with separators

    /// The length of a separator between digit groups at `i`: ` `, `-`, `.`, `/`, ` - `, ` -`, `- `.
    func separatorLength(at i: Int) -> Int? {
        let c0 = char(i)
        let c1 = char(i + 1)
        let c2 = char(i + 2)
        if Self.isSpace(c0) && c1 == "-" && Self.isSpace(c2) { return 3 }
        if (Self.isSpace(c0) && c1 == "-") || (c0 == "-" && Self.isSpace(c1)) { return 2 }
        if Self.isSpace(c0) || c0 == "-" || c0 == "." || c0 == "/" { return 1 }
        return nil
    }

    /// Reads exactly `count` digits from `start`, allowing up to `maxSeparators` separators between them.
    /// Returns the end offset and the digits, or nil.
    func readDigits(from start: Int, count: Int, maxSeparators: Int = 4) -> (end: Int, digits: [Int])? {
        var digits: [Int] = []
        var i = start
        var separators = 0
        while digits.count < count {
            guard let c = char(i) else { return nil }
            if Self.isDigit(c) {
                digits.append(Self.digitValue(c))
                i += 1
            } else if !digits.isEmpty, Self.isDigit(char(i - 1)), let length = separatorLength(at: i),
                Self.isDigit(char(i + length)), separators < maxSeparators
            {
                separators += 1
                i += length
            } else {
                return nil
            }
        }
        return (i, digits)
    }

    // MARK: Phone

    func phones() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < chars.count {
            if let end = phone(at: i) {
                found.append(PersonalDataCandidate(kind: .phone, lower: i, upper: end))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    func phone(at start: Int) -> Int? {
        guard let first = char(start), first == "+" || first == "(" || first == "0", cleanStartForPhone(start) else {
            return nil
        }
        // +31 / 0031: nine digits follow, optionally after "(0)".
        var international: Int?
        if first == "+", char(start + 1) == "3", char(start + 2) == "1" {
            international = start + 3
        } else if first == "0", char(start + 1) == "0", char(start + 2) == "3", char(start + 3) == "1" {
            international = start + 4
        }
        if var i = international {
            if let length = separatorLength(at: i), length <= 2 { i += length }
            if char(i) == "(", char(i + 1) == "0", char(i + 2) == ")" {
                i += 3
                if Self.isSpace(char(i)) || char(i) == "-" { i += 1 }
            }
            guard let c = char(i), Self.isDigit(c), c != "0",
                let (end, _) = readDigits(from: i, count: 9), cleanEnd(end)
            else { return nil }
            return end
        }
        if first == "+" {
            // Another country: "+32 470 12 34 56". 9 to 13 digits, the first not 0.
            guard let c = char(start + 1), Self.isDigit(c), c != "0" else { return nil }
            for count in stride(from: 13, through: 9, by: -1) {
                if let (end, _) = readDigits(from: start + 1, count: count), cleanEnd(end) { return end }
            }
            return nil
        }
        if first == "(" {
            // "(030) 1234567", "(06) 12345678": an area code of 2–4 digits in parentheses, 10 digits in all.
            guard char(start + 1) == "0", let c = char(start + 2), Self.isDigit(c), c != "0" else { return nil }
            var i = start + 1
            while Self.isDigit(char(i)) { i += 1 }
            let area = i - start - 1
            guard (2...4).contains(area), char(i) == ")" else { return nil }
            i += 1
            if let length = separatorLength(at: i), length <= 3, char(i) != "." { i += length }
            guard Self.isDigit(char(i)), let (end, _) = readDigits(from: i, count: 10 - area, maxSeparators: 3),
                cleanEnd(end)
            else { return nil }
            return end
        }
        // National: "06-12345678", "020 123 4567", "0612345678": ten digits, the second not 0.
        if let (end, _) = readDigits(from: start, count: 10, maxSeparators: 9), end - start == 19, cleanEnd(end),
            Self.isDigit(char(start + 2)), char(start + 2) != "0"
        {
            return end  // "0 6 1 2 3 4 5 6 7 8": every digit on its own
        }
        guard let second = char(start + 1), Self.isDigit(second), second != "0",
            let (end, _) = readDigits(from: start, count: 10), cleanEnd(end)
        else { return nil }
        let written = String(chars[start..<end])
        // The first group is the trunk prefix with an area code (2–4 digits) or the whole number.
        let firstGroup = written.prefix { Self.isDigit($0) }.count
        guard firstGroup >= 2 && firstGroup <= 4 || firstGroup == 10 else { return nil }
        if written.contains(/^\d{1,2}[-.\/]\d{1,2}[-.\/]\d{2,4}/) { return nil }  // a date: 01-03-2024 10
        if char(end) == ":" || (char(end) == "." && Self.isDigit(char(end + 1))) { return nil }
        return end
    }

    func cleanStartForPhone(_ i: Int) -> Bool {
        guard let before = char(i - 1) else { return true }
        // "tel.0612345678" and "tel:+31…" are fine.
        if before == "." || before == ":", Self.isASCIILetter(char(i - 2)) { return true }
        return cleanStart(i)
    }

    // MARK: BSN

    func bsns() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < chars.count {
            if Self.isDigit(chars[i]), cleanStart(i), let end = bsn(at: i) {
                found.append(PersonalDataCandidate(kind: .bsn, lower: i, upper: end))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// Nine digits (eight right after "BSN"), grouped any way with single spaces, dots or dashes:
    /// `123456782`, `123.456.782`, `1234-56782`, `111 22 23 33`, `1 2 3 4 5 6 7 8 2`. When more digits follow
    /// after a separator, only the usual groupings of nine ([9], [3,3,3], [4,2,3]) followed by a space count:
    /// `06 12 34 56 78` is a phone number, `in 2024 123456782` has a BSN.
    func bsn(at start: Int) -> Int? {
        var groups: [Int] = []
        var digits: [Int] = []
        var i = start
        var current = 0
        while let c = char(i), digits.count < 9 {
            if Self.isDigit(c) {
                digits.append(Self.digitValue(c))
                current += 1
                i += 1
            } else if Self.isBSNSeparator(c), current > 0, Self.isDigit(char(i + 1)) {
                groups.append(current)
                current = 0
                i += 1
            } else {
                break
            }
        }
        groups.append(current)
        let standard = [[9], [3, 3, 3], [4, 2, 3]].contains(groups)
        if let next = char(i), Self.isBSNSeparator(next), Self.isDigit(char(i + 1)) {
            guard Self.isSpace(next), standard, digits.count == 9 else { return nil }
        } else if !cleanEnd(i) {
            return nil
        }
        if digits.count == 9, Self.elfproef(digits) { return i }
        // A BSN starting with 0 is sometimes written with 8 digits; only accepted right after "BSN".
        if digits.count == 8, groups == [8], Self.elfproef([0] + digits), mentionsBSN(before: start) {
            return i
        }
        return nil
    }

    static func isBSNSeparator(_ c: Character) -> Bool {
        isSpace(c) || c == "." || c == "-"
    }

    static func elfproef(_ digits: [Int]) -> Bool {
        guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (position, digit) in digits.enumerated() {
            sum += position == 8 ? -digit : digit * (9 - position)
        }
        return sum % 11 == 0
    }

    func mentionsBSN(before start: Int) -> Bool {
        let window = String(chars[max(0, start - 30)..<start]).lowercased()
        return ["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"].contains { window.contains($0) }
    }

    // MARK: IBAN

    static let ibanLengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18, "GR": 27, "HR": 21, "HU": 28,
        "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
        "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
    ]

    func ibans() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < chars.count {
            if Self.isASCIILetter(chars[i]), cleanStart(i), let end = iban(at: i) {
                found.append(PersonalDataCandidate(kind: .iban, lower: i, upper: end))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    func iban(at start: Int) -> Int? {
        guard let c1 = char(start + 1), Self.isASCIILetter(c1),
            Self.isDigit(char(start + 2))
                || ((Self.isSpace(char(start + 2)) || char(start + 2) == "-" || char(start + 2) == ".")
                    && Self.isDigit(char(start + 3)))
        else { return nil }
        let country = String(chars[start...(start + 1)]).uppercased()
        guard let length = Self.ibanLengths[country] else { return nil }
        var compact: [Character] = []
        var i = start
        while compact.count < length {
            guard let c = char(i) else { return nil }
            if Self.isDigit(c) || Self.isASCIILetter(c) {
                compact.append(Character(c.uppercased()))
                i += 1
            } else if Self.isSpace(c) || c == "-" || c == ".", compact.count >= 2, Self.isAlnum(char(i + 1)),
                Self.isAlnum(char(i - 1))
            {
                i += 1
            } else {
                return nil
            }
        }
        guard cleanEnd(i), compact[2...3].allSatisfy(Self.isDigit) else { return nil }
        if country == "NL" {
            guard compact[4..<8].allSatisfy(Self.isASCIILetter), compact[8...].allSatisfy(Self.isDigit) else {
                return nil
            }
        }
        return Self.ibanChecksumIsValid(compact) ? i : nil
    }

    static func ibanChecksumIsValid(_ compact: [Character]) -> Bool {
        var remainder = 0
        for c in compact[4...] + compact[..<4] {
            guard let value = c.asciiValue else { return false }
            if value >= 48 && value <= 57 {
                remainder = (remainder * 10 + Int(value - 48)) % 97
            } else if value >= 65 && value <= 90 {
                remainder = (remainder * 100 + Int(value - 55)) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    // MARK: E-mail

    static func isLocalPartCharacter(_ c: Character) -> Bool {
        isAlnum(c) || "._%+-".contains(c)
    }

    static func isDomainCharacter(_ c: Character) -> Bool {
        isAlnum(c) || c == "." || c == "-"
    }

    func emails() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        for at in chars.indices where chars[at] == "@" {
            var lower = at
            while lower > 0, Self.isLocalPartCharacter(chars[lower - 1]) { lower -= 1 }
            while lower < at, chars[lower] == "." { lower += 1 }
            var upper = at + 1
            while upper < chars.count, Self.isDomainCharacter(chars[upper]) { upper += 1 }
            while upper > at + 1, chars[upper - 1] == "." || chars[upper - 1] == "-" { upper -= 1 }
            guard lower < at, upper > at + 1 else { continue }
            let domain = String(chars[(at + 1)..<upper])
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last,
                tld.count >= 2, tld.allSatisfy(\.isLetter)
            else { continue }
            if let previous = found.last, previous.upper > lower { continue }
            found.append(PersonalDataCandidate(kind: .email, lower: lower, upper: upper))
        }
        return found
    }

    // MARK: URL

    static let bareDomainTLDs: Set<String> = [
        "nl", "com", "org", "net", "eu", "be", "info", "io", "nu", "frl", "amsterdam", "app", "gov",
    ]

    func urls() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < chars.count {
            if let end = url(at: i) {
                found.append(PersonalDataCandidate(kind: .url, lower: i, upper: end))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    func hasPrefix(_ prefix: String, at i: Int) -> Bool {
        var j = i
        for p in prefix {
            guard let c = char(j), c.lowercased() == String(p) else { return false }
            j += 1
        }
        return true
    }

    func url(at start: Int) -> Int? {
        if let before = char(start - 1), Self.isAlnum(before) || "@./-_".contains(before) { return nil }
        var hostStart: Int
        if hasPrefix("https://", at: start) {
            hostStart = start + 8
        } else if hasPrefix("http://", at: start) {
            hostStart = start + 7
        } else if hasPrefix("www.", at: start) {
            hostStart = start + 4
        } else {
            return bareDomain(at: start)
        }
        guard Self.isAlnum(char(hostStart)) else { return nil }
        hostStart += 1
        return extendPath(from: hostStart, start: start)
    }

    /// Runs to whitespace or `<>"`, then gives back trailing punctuation and unbalanced `)`.
    func extendPath(from i: Int, start: Int) -> Int {
        var end = i
        while let c = char(end), !c.isWhitespace, !"<>\"".contains(c) { end += 1 }
        while end > start, let last = char(end - 1) {
            if ".,;:!?'*".contains(last) {
                end -= 1
            } else if last == ")" || last == "]" {
                let open: Character = last == ")" ? "(" : "["
                let opens = chars[start..<end].filter { $0 == open }.count
                let closes = chars[start..<end].filter { $0 == last }.count
                if closes > opens { end -= 1 } else { break }
            } else {
                break
            }
        }
        return end
    }

    /// `zorgwijzer.nl`, `www`-less and lowercase, with an optional path: `regelhulp.nl/traplift`.
    func bareDomain(at start: Int) -> Int? {
        guard let first = char(start), Self.isDigit(first) || (Self.isASCIILetter(first) && first.isLowercase) else {
            return nil
        }
        var end = start
        while let c = char(end),
            Self.isDigit(c) || c == "-" || c == "." || (Self.isASCIILetter(c) && c.isLowercase)
        {
            end += 1
        }
        while end > start, char(end - 1) == "." || char(end - 1) == "-" { end -= 1 }
        let labels = String(chars[start..<end]).split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last,
            Self.bareDomainTLDs.contains(String(tld)), labels[labels.count - 2].count >= 2,
            labels.dropLast().allSatisfy({ $0.contains(where: \.isLetter) })
        else { return nil }
        if let after = char(end), Self.isAlnum(after) || after == "@" { return nil }
        if char(end) == "/" { return extendPath(from: end, start: start) }
        return end
    }

    // MARK: Address

    static let streetSuffixes = [
        "straatweg", "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "hof", "park",
        "plantsoen", "steeg", "pad", "dreef", "baan", "markt", "veld", "erf", "wal", "ring", "allee", "hout",
        "zijde", "oord", "akker", "brink", "dam", "boulevard", "hoven", "gaarde", "kamp", "haven", "burcht",
    ]
    /// Suffixes that make an address even when written in lowercase (`hoofdstraat 12`).
    static let lowercaseStreetSuffixes = [
        "straat", "laan", "plein", "gracht", "kade", "singel", "steeg", "dreef", "plantsoen",
    ]
    /// Two-letter words that follow a number in capitals more often than a postcode's letters do.
    static let shoutedWords: Set<String> = [
        "EN", "IN", "OP", "DE", "IK", "JE", "ZE", "WE", "OF", "AL", "NU", "ZO", "TE", "ER", "EU", "NL", "PM", "AM", "KM",
        "CM", "MM", "KG", "UUR", "MB", "GB", "TV", "PC", "ID",
    ]

    func addresses() -> [PersonalDataCandidate] {
        var pieces: [(candidate: PersonalDataCandidate, supported: Bool)] = []
        var i = 0
        while i < chars.count {
            if let piece = postcode(at: i) {
                pieces.append(piece)
                i = piece.candidate.upper
            } else if let piece = street(at: i) {
                pieces.append((piece, true))
                i = piece.upper
            } else {
                i += 1
            }
        }
        // "Hoofdstraat 12, 3511 AB Utrecht" and "Hoofdstraat 12\n3511 AB": one address.
        var merged: [(candidate: PersonalDataCandidate, supported: Bool)] = []
        for piece in pieces {
            // Pieces can overlap (`etlaan 2e stkade 1` trapped on the range below): then they are one address too.
            if let last = merged.last, piece.candidate.lower - last.candidate.upper <= 3,
                piece.candidate.lower <= last.candidate.upper
                    || chars[last.candidate.upper..<piece.candidate.lower].allSatisfy({ $0 == "," || $0.isWhitespace })
            {
                merged[merged.count - 1] = (
                    PersonalDataCandidate(
                        kind: .postcodeHouseNumber, lower: min(last.candidate.lower, piece.candidate.lower),
                        upper: max(last.candidate.upper, piece.candidate.upper)),
                    true
                )
            } else {
                merged.append(piece)
            }
        }
        return merged.filter(\.supported).map(\.candidate)
    }

    /// `3511 AB` (or `3511AB`, `3511ab`), with a house number after it when there is one (`3511 AB 12`,
    /// `3511AB, 12a`). Supported (an address on its own) with a house number, a city name after it or the
    /// word "postcode" before it.
    func postcode(at start: Int) -> (candidate: PersonalDataCandidate, supported: Bool)? {
        guard let first = char(start), Self.isDigit(first), first != "0", cleanStart(start),
            Self.isDigit(char(start + 1)), Self.isDigit(char(start + 2)), Self.isDigit(char(start + 3))
        else { return nil }
        var i = start + 4
        let spaced = Self.isSpace(char(i))
        if spaced { i += 1 }
        guard let l1 = char(i), let l2 = char(i + 1), Self.isASCIILetter(l1), Self.isASCIILetter(l2),
            !Self.isAlnum(char(i + 2))
        else { return nil }
        let upper = l1.isUppercase && l2.isUppercase
        let lower = l1.isLowercase && l2.isLowercase
        guard upper || (lower && !spaced) else { return nil }
        guard !["SA", "SD", "SS"].contains(String([l1, l2]).uppercased()) else { return nil }
        let end = i + 2
        if char(end) == "-" || char(end) == "@" || (char(end) == "." && Self.isAlnum(char(end + 1))) { return nil }
        if let numberEnd = houseNumber(after: end) {
            return (PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: numberEnd), true)
        }
        // "3511 AB Utrecht": a capitalised word follows.
        var j = end
        while Self.isSpace(char(j)) { j += 1 }
        let cityFollows = j > end && j - end <= 2 && (char(j)?.isUppercase ?? false) && (char(j)?.isLetter ?? false)
        let keyword = String(chars[max(0, start - 12)..<start]).lowercased().contains("postcode")
        // A bare postcode is an address too ("3511 AB", "3511ab"), unless its letters are a shouted word ("2024 EN").
        let bare = !spaced || !Self.shoutedWords.contains(String([l1, l2]))
        return (PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: end), cityFollows || keyword || bare)
    }

    /// The end of a house number right after a postcode: `, 12`, ` 12a`, ` nr. 12`.
    func houseNumber(after end: Int) -> Int? {
        var i = end
        if char(i) == "," { i += 1 }
        var spaces = 0
        while Self.isSpace(char(i)) {
            i += 1
            spaces += 1
        }
        guard spaces <= 2, i > end else { return nil }
        for word in ["nr. ", "nr ", "no. ", "huisnummer "] where hasPrefix(word, at: i) {
            i += word.count
            break
        }
        return number(at: i)
    }

    /// A house number at `i`: `12`, `12a`, `12-2`, `12-bis`, `12 A`, `12 hs`. The end offset.
    func number(at i: Int) -> Int? {
        guard let first = char(i), Self.isDigit(first), first != "0" else { return nil }
        var end = i
        while Self.isDigit(char(end)), end - i < 5 { end += 1 }
        if Self.isDigit(char(end)) { return nil }
        if let suffix = ["bis", "hs"].first(where: { hasPrefix($0, at: end) }), !Self.isAlnum(char(end + suffix.count)) {
            end += suffix.count  // "40bis", "12hs"
        } else if Self.isASCIILetter(char(end)), !Self.isAlnum(char(end + 1)) {
            end += 1
        } else if char(end) == "-", Self.isAlnum(char(end + 1)) {
            var j = end + 1
            while Self.isAlnum(char(j)), j - end <= 4 { j += 1 }
            if !Self.isAlnum(char(j)) { end = j }
        } else if Self.isSpace(char(end)), let letter = char(end + 1), Self.isASCIILetter(letter), letter.isUppercase,
            !Self.isAlnum(char(end + 2)), letter != "I" || char(end + 2) != "I"
        {
            end += 2
        } else if Self.isSpace(char(end)), hasPrefix("hs", at: end + 1) || hasPrefix("bis", at: end + 1) {
            let length = hasPrefix("hs", at: end + 1) ? 3 : 4
            if !Self.isAlnum(char(end + length)) { end += length }
        }
        if let after = char(end), Self.isAlnum(after) { return nil }
        if char(end) == "," || char(end) == "." || char(end) == ":", Self.isDigit(char(end + 1)) { return nil }
        if char(end) == "%" { return nil }
        return end
    }

    /// `Hoofdstraat 12`, `Oude Gracht 12a`, `Burgemeester de Withstraat 3-bis`: a street name ending in a
    /// street word followed by a house number.
    func street(at start: Int) -> PersonalDataCandidate? {
        guard let first = char(start), first.isLetter, !Self.isAlnum(char(start - 1)) else { return nil }
        var end = start
        while let c = char(end), c.isLetter || ((c == "-" || c == "'") && (char(end + 1)?.isLetter ?? false)) {
            end += 1
        }
        let word = String(chars[start..<end])
        let lowered = word.lowercased()
        let capitalised = first.isUppercase
        guard let suffix = Self.streetSuffixes.first(where: { lowered.hasSuffix($0) }) else { return nil }
        if capitalised, Self.leadingStreetWords.contains(lowered), let end = streetNamedAfterWord(from: end) {
            return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: end)
        }
        if capitalised {
            // "Gracht" on its own only after another capitalised word: "Oude Gracht".
            if lowered == suffix, !previousWordIsCapitalised(before: start) { return nil }
        } else {
            guard lowered.count > suffix.count + 1,
                Self.lowercaseStreetSuffixes.contains(where: { lowered.hasSuffix($0) })
            else { return nil }
        }
        guard Self.isSpace(char(end)), let numberEnd = number(at: end + 1) else { return nil }
        return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: streetNameStart(from: start), upper: numberEnd)
    }

    /// Street words that can come first: "Laan van Meerdervoort 123", "Plein 1944 2", "Weg der Verenigde Naties 1".
    static let leadingStreetWords: Set<String> = ["laan", "plein", "weg", "kade", "singel", "dijk", "park", "hof"]

    /// After a leading street word at `end`: up to four particles or capitalised words, then a house number.
    func streetNamedAfterWord(from end: Int) -> Int? {
        var i = end
        var sawName = false
        for _ in 0..<5 {
            guard Self.isSpace(char(i)) else { return nil }
            if sawName, let numberEnd = number(at: i + 1) { return numberEnd }
            var j = i + 1
            while let c = char(j), c.isLetter || c == "'" || c == "-" { j += 1 }
            guard j > i + 1 else { return nil }
            let word = String(chars[(i + 1)..<j])
            if PanelistNames.particles.contains(Self.particleForm(word)) {
                // "van", "der": part of the name
            } else if word.first!.isUppercase {
                sawName = true
            } else {
                return nil
            }
            i = j
        }
        return nil
    }

    /// The word before `start` (separated by one space), as (start, text).
    func previousWord(before start: Int) -> (start: Int, text: String)? {
        guard Self.isSpace(char(start - 1)) else { return nil }
        var i = start - 1
        while i > 0, let c = char(i - 1), c.isLetter || c.isNumber || c == "'" || c == "." || c == "-" { i -= 1 }
        guard i < start - 1 else { return nil }
        return (i, String(chars[i..<(start - 1)]))
    }

    func previousWordIsCapitalised(before start: Int) -> Bool {
        guard let word = previousWord(before: start), let first = word.text.first else { return false }
        return first.isUppercase && !PanelistNames.particles.contains(Self.particleForm(word.text))
    }

    /// Extends a street name back over capitalised words and name particles: "Burgemeester de Withstraat".
    func streetNameStart(from start: Int) -> Int {
        var nameStart = start
        var cursor = start
        for _ in 0..<4 {
            guard let word = previousWord(before: cursor), let first = word.text.first else { break }
            if PanelistNames.particles.contains(Self.particleForm(word.text)) {
                // "Van Limburg Stirumstraat": a capitalised particle begins the name.
                if first.isUppercase { nameStart = word.start }
                cursor = word.start
            } else if word.text.count <= 3, word.text.hasSuffix("e"), word.text.dropLast().allSatisfy(Self.isDigit),
                word.text.count >= 2
            {
                // "2e Jan van der Heijdenstraat"
                nameStart = word.start
                break
            } else if first.isUppercase {
                nameStart = word.start
                cursor = word.start
            } else {
                break
            }
        }
        return nameStart
    }
}
