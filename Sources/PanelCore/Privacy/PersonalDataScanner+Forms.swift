import Foundation

// The ways people write personal data so that a plain pattern misses it: e-mail addresses spelled out,
// dates of birth, house numbers without a street. All on the normalised characters of `ScanText`.

extension PersonalDataTextScanner {
    // MARK: E-mail, spelled out

    enum EmailToken: Equatable {
        case word(String)
        case at(plain: Bool)
        case dot(plain: Bool)
        case other
    }

    /// Words that stand for `@` and for `.` when people hide an address from robots.
    static let atWords: Set<String> = ["at", "apenstaartje", "apestaartje", "apenstaart", "apestaart", "at-teken"]
    static let dotWords: Set<String> = ["dot", "punt", "punto", "point"]
    static let emailTLDs: Set<String> = [
        "nl", "com", "net", "org", "be", "eu", "de", "info", "nu", "live", "biz", "fr", "uk", "me", "online", "email",
        "mail", "frl", "tv",
    ]

    /// `naam punt achternaam apenstaartje gmail punt com`, `jan [at] ziggo [dot] nl`, `jan(at)kpnmail(dot)nl`,
    /// `anna.bakker@gmail .com`: an address with spelled-out or spaced `@` and `.`, ending in a known top-level
    /// domain. Plain addresses are `emails()`.
    func obfuscatedEmails() -> [PersonalDataCandidate] {
        var tokens: [(token: EmailToken, lower: Int, upper: Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " {
                i += 1
            } else if c == "@" {
                tokens.append((.at(plain: true), i, i + 1))
                i += 1
            } else if c == "." {
                tokens.append((.dot(plain: true), i, i + 1))
                i += 1
            } else if "[({<".contains(c) {
                var end = i + 1
                while Self.isSpace(char(end)) { end += 1 }
                var wordEnd = end
                while Self.isASCIILetter(char(wordEnd)) { wordEnd += 1 }
                let word = String(chars[end..<wordEnd]).lowercased()
                var close = wordEnd
                while Self.isSpace(char(close)) { close += 1 }
                if let closing = char(close), "])}>".contains(closing),
                    Self.atWords.contains(word) || Self.dotWords.contains(word)
                {
                    tokens.append((Self.atWords.contains(word) ? .at(plain: false) : .dot(plain: false), i, close + 1))
                    i = close + 1
                } else {
                    tokens.append((.other, i, i + 1))
                    i += 1
                }
            } else if Self.isLocalPartCharacter(c), c != "." {
                var end = i
                while let d = char(end), Self.isLocalPartCharacter(d), d != "." { end += 1 }
                let word = String(chars[i..<end]).lowercased()
                if Self.atWords.contains(word) {
                    tokens.append((.at(plain: false), i, end))
                } else if Self.dotWords.contains(word) {
                    tokens.append((.dot(plain: false), i, end))
                } else {
                    tokens.append((.word(word), i, end))
                }
                i = end
            } else {
                tokens.append((.other, i, i + 1))
                i += 1
            }
        }
        func word(_ index: Int) -> String? {
            guard index >= 0, index < tokens.count, case .word(let word) = tokens[index].token else { return nil }
            return word
        }
        func isDot(_ index: Int) -> Bool? {
            guard index >= 0, index < tokens.count, case .dot(let plain) = tokens[index].token else { return nil }
            return plain
        }
        var found: [PersonalDataCandidate] = []
        for (index, entry) in tokens.enumerated() {
            guard case .at(let plainAt) = entry.token, word(index - 1) != nil, word(index + 1) != nil else { continue }
            var first = index - 1
            var plainDots = true
            // The local part: words joined by dots, at most four.
            while first >= 2, let plain = isDot(first - 1), word(first - 2) != nil, index - first < 8 {
                plainDots = plainDots && plain
                first -= 2
            }
            var last = index + 1
            var labels = 1
            while let plain = isDot(last + 1), word(last + 2) != nil, labels < 4 {
                plainDots = plainDots && plain
                last += 2
                labels += 1
            }
            guard labels >= 2, let tld = word(last), Self.emailTLDs.contains(tld) else { continue }
            // Spelled-out or spaced: a plain address is `emails()`. The English word "at" only with a spelled dot.
            let spaced = (tokens[first].lower..<tokens[last].upper).contains { chars[$0] == " " }
            guard !plainAt || !plainDots || spaced else { continue }
            if case .at(false) = entry.token, String(chars[entry.lower..<entry.upper]).lowercased() == "at", plainDots {
                continue
            }
            if let previous = found.last, previous.upper > tokens[first].lower { continue }
            found.append(PersonalDataCandidate(kind: .email, lower: tokens[first].lower, upper: tokens[last].upper))
        }
        return found
    }

    // MARK: Dates of birth

    static let birthKeywords = ["geboortedatum", "geboortejaar", "geboren", "geb.", "geb:", "geb "]
    /// Words before a full date that make it a date of something else than a birth: "per 1 januari 1990".
    static let notBirthBefore = [
        "per", "sinds", "vanaf", "tot", "wet van", "tussen", "na", "voor", "vóór", "besluit van", "op", "in", "brief van",
    ]
    /// Words that make "is van 3 mei 2009" someone's birth date: "mijn zoon is van …", "ik ben van 1950".
    static let personWords: Set<String> = [
        "ik", "zoon", "dochter", "moeder", "vader", "man", "vrouw", "oudste", "jongste", "kind", "broer", "zus",
        "opa", "oma", "hij", "zij", "ze", "partner", "echtgenote", "echtgenoot", "schoonmoeder", "schoonvader",
    ]

    /// A date after "geboren (op)", "geb." or "geboortedatum"; a date near such a word with an adult's year;
    /// a year right after such a word ("geboren in 1938"); or a full date more than 30 years back that no word
    /// like "per" or "sinds" makes a date of something else.
    func datesOfBirth(year: Int) -> [PersonalDataCandidate] {
        let lowered = chars.map { Character($0.lowercased()) }
        let keywordRanges = Self.birthKeywords.flatMap { Self.occurrences(of: Array($0), in: lowered) }
        var found: [PersonalDataCandidate] = []
        for date in DatesInText.dates(in: chars, lowered: lowered) {
            let direct = keywordRanges.contains { range in
                guard range.upperBound <= date.lower else { return false }
                let gap = String(lowered[range.upperBound..<date.lower]).trimmingCharacters(in: .whitespaces)
                return ["", ":", "op", "op:", "de", "op de", "in"].contains(gap)
            }
            let adult = date.year < year - 16
            let near = keywordRanges.contains { range in
                (range.upperBound <= date.lower && date.lower - range.upperBound <= 40)
                    || (date.upper <= range.lowerBound && range.lowerBound - date.upper <= 40)
            }
            let before = String(lowered[max(0, date.lower - 14)..<date.lower]).trimmingCharacters(in: .whitespaces)
            if isPersonsVan(before: date.lower) {
                found.append(PersonalDataCandidate(kind: .dateOfBirth, lower: date.lower, upper: date.upper))
                continue
            }
            let otherDate = Self.notBirthBefore.contains { before.hasSuffix(" " + $0) || before == $0 }
            let old = date.year >= 1900 && date.year <= year - 30 && !otherDate
            if direct || (adult && near) || old {
                found.append(PersonalDataCandidate(kind: .dateOfBirth, lower: date.lower, upper: date.upper))
            }
        }
        // "geboren in 1938", "geboortejaar: 1938", "(geb. 1938)"
        for range in keywordRanges {
            var i = range.upperBound
            while Self.isSpace(char(i)) || char(i) == ":" { i += 1 }
            if hasPrefix("in ", at: i) { i += 3 }
            guard found.allSatisfy({ $0.upper <= i || $0.lower > i + 4 }), Self.isDigit(char(i)),
                Self.isDigit(char(i + 1)), Self.isDigit(char(i + 2)), Self.isDigit(char(i + 3)), !Self.isAlnum(char(i + 4)),
                let value = Int(String(chars[i..<(i + 4)])), value >= 1890, value <= year
            else { continue }
            found.append(PersonalDataCandidate(kind: .dateOfBirth, lower: i, upper: i + 4))
        }
        // "ik ben van 1950", "mijn vader is van 1938"
        var i = 0
        while i + 4 <= chars.count {
            defer { i += 1 }
            guard Self.isDigit(chars[i]), !Self.isAlnum(char(i - 1)), Self.isDigit(char(i + 1)), Self.isDigit(char(i + 2)),
                Self.isDigit(char(i + 3)), !Self.isAlnum(char(i + 4)), let value = Int(String(chars[i..<(i + 4)])),
                value >= 1890, value <= year, found.allSatisfy({ $0.upper <= i || $0.lower >= i + 4 }),
                isPersonsVan(before: i)
            else { continue }
            found.append(PersonalDataCandidate(kind: .dateOfBirth, lower: i, upper: i + 4))
        }
        return found.sorted { $0.lower < $1.lower }
    }

    /// "ben van" or "is van" right before `offset`, with a person ("ik", "mijn zoon") just before that.
    func isPersonsVan(before offset: Int) -> Bool {
        let words = wordsBefore(offset, count: 5)
        guard words.count >= 3, words[0] == "van", words[1] == "ben" || words[1] == "is" else { return false }
        return words.dropFirst(2).prefix(3).contains(where: Self.personWords.contains)
    }

    static func occurrences(of needle: [Character], in haystack: [Character]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            haystack[start] == first && (start == 0 || !haystack[start - 1].isLetter)
                && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }.map { $0..<($0 + needle.count) }
    }

    // MARK: House numbers without a street

    /// Words before "nr. 14" that make it some other number: an article, a case, a bus line.
    static let otherNumberWords: Set<String> = [
        "artikel", "art", "zaak", "zaaknummer", "dossier", "dossiernummer", "kenmerk", "bus", "buslijn", "lijn", "tram",
        "trein", "factuur", "klant", "klantnummer", "pas", "polis", "versie", "bijlage", "punt", "vraag", "argument",
        "stap", "week", "pagina", "blz", "hoofdstuk", "lid", "onderdeel", "regel", "item", "reactie", "bericht", "mail",
        "brief", "besluit", "formulier", "nummer", "telefoonnummer", "rekeningnummer", "volgnummer", "ticket",
    ]

    /// The word that ends at `end` (exclusive; letters only), lowercased, and where it starts.
    func word(endingAt end: Int) -> (start: Int, text: String)? {
        var start = end
        while start > 0, chars[start - 1].isLetter { start -= 1 }
        guard start < end else { return nil }
        return (start, String(chars[start..<end]).lowercased())
    }

    /// The words before `offset` (skipping spaces and punctuation), nearest first, at most `count`.
    func wordsBefore(_ offset: Int, count: Int) -> [String] {
        var words: [String] = []
        var i = offset
        while words.count < count {
            while i > 0, !chars[i - 1].isLetter, chars[i - 1] != "\n" { i -= 1 }
            guard let found = word(endingAt: i) else { break }
            words.append(found.text)
            i = found.start
        }
        return words
    }

    /// `huisnummer 12`, `nr. 14`, `op nummer 12`, `nummer 12 van de Biltstraat`, `123bis`, `12 Biltstraat`,
    /// `4 hoog`: a house number that says it is one, or a number right before a street name.
    func houseNumbers() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < chars.count {
            if let candidate = houseNumber(at: i) {
                found.append(candidate)
                i = candidate.upper
            } else {
                i += 1
            }
        }
        return found
    }

    func houseNumber(at start: Int) -> PersonalDataCandidate? {
        guard let first = char(start), !Self.isAlnum(char(start - 1)) else { return nil }
        if first.isLetter {
            for (prefix, always) in [("huisnummer", true), ("huisnr", true), ("nr", false), ("no", false), ("nummer", false)] {
                guard hasPrefix(prefix, at: start) else { continue }
                var i = start + prefix.count
                if char(i) == "." { i += 1 }
                guard Self.isSpace(char(i)) || char(i - 1) == "." else { continue }
                while Self.isSpace(char(i)) { i += 1 }
                guard let end = number(at: i) ?? suffixedNumber(at: i) else { continue }
                let before = wordsBefore(start, count: 2)
                if let street = streetAfterNumber(end) {
                    return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: street)
                }
                if always { return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: end) }
                if prefix == "nummer" {
                    // "op nummer 12", "wonen op nummer 12"; not "nummer 1 prioriteit".
                    guard before.first == "op" || before.contains(where: { $0.hasPrefix("woon") || $0 == "wonen" }) else {
                        continue
                    }
                } else if prefix == "no" && char(start + 2) != "." {
                    continue
                } else if before.contains(where: Self.otherNumberWords.contains) || char(start - 1) == "#" {
                    continue
                }
                return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: end)
            }
            return nil
        }
        guard Self.isDigit(first), cleanStart(start) else { return nil }
        if let end = suffixedNumber(at: start) {
            return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: streetAfterNumber(end) ?? end)
        }
        // "12 Biltstraat", "12a Hoofdstraat": a house number before the street.
        if let end = number(at: start), let street = streetAfterNumber(end, directly: true) {
            return PersonalDataCandidate(kind: .postcodeHouseNumber, lower: start, upper: street)
        }
        return nil
    }

    /// `123bis`, `12-bis`, `12hs`, `12 hoog`, `4-hoog`: a number with a suffix only house numbers have.
    func suffixedNumber(at start: Int) -> Int? {
        guard let first = char(start), Self.isDigit(first), first != "0" else { return nil }
        var end = start
        while Self.isDigit(char(end)), end - start < 4 { end += 1 }
        var i = end
        if char(i) == "-" || Self.isSpace(char(i)) { i += 1 }
        for suffix in ["bis", "hs", "huis", "zw", "bg", "hoog", "hg"] where hasPrefix(suffix, at: i) {
            if i == end || suffix.count >= 3 || char(i - 1) == "-", !Self.isAlnum(char(i + suffix.count)) {
                return i + suffix.count
            }
        }
        return nil
    }

    /// After a house number ending at `end`: " van de Biltstraat", " in de Kerkstraat", " Biltstraat" (when
    /// `directly`). The end of the street name, or nil.
    func streetAfterNumber(_ end: Int, directly: Bool = false) -> Int? {
        var i = end
        guard Self.isSpace(char(i)) else { return nil }
        i += 1
        if !directly {
            var matched = false
            for joiner in ["van de ", "van het ", "in de ", "aan de ", "op de ", "van ", "in ", "aan ", "op "]
            where hasPrefix(joiner, at: i) {
                i += joiner.count
                matched = true
                break
            }
            guard matched else { return nil }
        }
        // Up to three words, the last ending in a street word: "Lange Nieuwstraat", "Biltstraat".
        var j = i
        for _ in 0..<3 {
            guard let c = char(j), c.isLetter else { return nil }
            var wordEnd = j
            while let d = char(wordEnd), d.isLetter || d == "-" { wordEnd += 1 }
            let word = String(chars[j..<wordEnd])
            let lowered = word.lowercased()
            if let suffix = Self.streetSuffixes.first(where: { lowered.hasSuffix($0) }),
                (c.isUppercase && (lowered.count > suffix.count || !directly))
                    || (lowered.count > suffix.count + 1 && Self.lowercaseStreetSuffixes.contains(suffix))
            {
                return wordEnd
            }
            guard c.isUppercase, Self.isSpace(char(wordEnd)) else { return nil }
            j = wordEnd + 1
        }
        return nil
    }
}

/// Full dates in text: `3-3-1934`, `03/03/1934`, `3.3.1934`, `1934-03-03`, `3 maart 1934`, `3 mrt. 1934`.
enum DatesInText {
    struct FoundDate {
        var lower: Int
        var upper: Int
        var day: Int
        var month: Int
        var year: Int
    }

    static let months: [String: Int] = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
        "september": 9, "oktober": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "febr": 2, "mrt": 3,
        "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
    ]

    /// Full dates: `3-3-1934`, `03/03/1934`, `3.3.1934`, `1934-03-03`, `3 maart 1934`, `3 mrt. 1934`.
    static func dates(in chars: [Character], lowered: [Character]) -> [FoundDate] {
        func number(at i: Int, maxDigits: Int) -> (value: Int, end: Int)? {
            var end = i
            while end < chars.count, chars[end].isASCII, chars[end].isNumber, end - i < maxDigits { end += 1 }
            guard end > i, end == chars.count || !chars[end].isNumber else { return nil }
            return (Int(String(chars[i..<end]))!, end)
        }
        func valid(_ day: Int, _ month: Int, _ year: Int) -> Bool {
            (1...31).contains(day) && (1...12).contains(month) && (1850...2200).contains(year)
        }
        var found: [FoundDate] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) else {
                i += 1
                continue
            }
            // 1934-03-03
            if let year = number(at: i, maxDigits: 4), year.end - i == 4, year.end < chars.count, chars[year.end] == "-",
                let month = number(at: year.end + 1, maxDigits: 2), month.end < chars.count, chars[month.end] == "-",
                let day = number(at: month.end + 1, maxDigits: 2), valid(day.value, month.value, year.value)
            {
                found.append(FoundDate(lower: i, upper: day.end, day: day.value, month: month.value, year: year.value))
                i = day.end
                continue
            }
            guard let day = number(at: i, maxDigits: 2) else {
                i += 1
                continue
            }
            // 3-3-1934, 03/03/1934, 3.3.1934 (one separator throughout)
            if day.end < chars.count, "-/.".contains(chars[day.end]), let month = number(at: day.end + 1, maxDigits: 2),
                month.end < chars.count, chars[month.end] == chars[day.end], let year = number(at: month.end + 1, maxDigits: 4),
                year.end - month.end == 5, valid(day.value, month.value, year.value)
            {
                found.append(FoundDate(lower: i, upper: year.end, day: day.value, month: month.value, year: year.value))
                i = year.end
                continue
            }
            // 3 maart 1934
            var j = day.end
            while j < chars.count, chars[j] == " " { j += 1 }
            var wordEnd = j
            while wordEnd < chars.count, lowered[wordEnd].isLetter { wordEnd += 1 }
            if j > day.end, let month = months[String(lowered[j..<wordEnd])] {
                var k = wordEnd
                if k < chars.count, chars[k] == "." { k += 1 }
                let spaceStart = k
                while k < chars.count, chars[k] == " " { k += 1 }
                if k > spaceStart, let year = number(at: k, maxDigits: 4), year.end - k == 4,
                    valid(day.value, month, year.value)
                {
                    found.append(FoundDate(lower: i, upper: year.end, day: day.value, month: month, year: year.value))
                    i = year.end
                    continue
                }
            }
            i = day.end
        }
        return found
    }
}
