import Foundation

/// Turns an HTML mail body into readable plain text, in one forward pass without recursion.
///
/// Block elements become line breaks, `<br>` a line break, list items `- ` (or `1. ` in an ordered list), links
/// `text (url)`, and blockquote lines get a `> ` prefix per level so quoted history stays recognisable. Comments and
/// the contents of `<head>`, `<title>`, `<script>`, `<style>` and `<template>` are dropped; entities are decoded.
/// Anything malformed (unclosed tags, stray `<`, unterminated quotes) degrades to text, never to an error.
enum HTMLText {
    static func text(from html: String) -> String {
        var converter = Converter(html: Array(html.utf8))
        converter.run()
        return converter.finish()
    }

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
        "tr", "ul", "body", "html", "caption", "legend", "option",
    ]
    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre", "blockquote", "hr",
    ]
    /// Inline elements that cannot be in <head>; seeing one means the body started.
    private static let bodyOnlyInline: Set<String> = [
        "a", "b", "br", "em", "font", "i", "img", "span", "strong", "td", "u",
    ]
    /// Elements whose content is raw text up to the matching end tag.
    /// Written where a client's quoted history begins: Outlook's own separator, which `ReplyTrimmer` cuts at.
    static let historySeparator = "________________________________"

    /// Containers mail clients put the quoted message in: Gmail (`gmail_quote`), Yahoo (`yahoo_quoted`), Outlook
    /// desktop/web/mobile (`divRplyFwdMsg`, `appendonsend`, the reply header's `border-top` block, `OLK_SRC_BODY_SECTION`,
    /// `mail-editor-reference-message-container`, `messageReplySection`), ProtonMail and Zoho.
    private static let historyClasses: Set<String> = [
        "gmail_quote", "gmail_quote_container", "yahoo_quoted", "protonmail_quote", "zmail_extra",
        "mail-editor-reference-message-container", "x_gmail_quote", "x_yahoo_quoted", "ms-outlook-mobile-reference-message",
    ]
    private static let historyIDs: Set<String> = [
        "divrplyfwdmsg", "x_divrplyfwdmsg", "appendonsend", "x_appendonsend", "olk_src_body_section", "messagereplysection",
        "reply-intro", "ydpreplycontainer", "isforwardcontent", "isreplycontent",
    ]
    /// Signature containers: Gmail, Thunderbird, Outlook web and mobile, Apple Mail.
    private static let signatureClasses: Set<String> = [
        "gmail_signature", "moz-signature", "x_gmail_signature", "signature", "ms-outlook-mobile-signature",
    ]
    private static let signatureIDs: Set<String> = [
        "signature", "x_signature", "ms-outlook-mobile-signature", "applemailsignature", "appendonsend-signature",
    ]

    private static func classes(of tag: Tag) -> [String] {
        (tag.attribute("class") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static func isHistoryContainer(_ tag: Tag) -> Bool {
        if classes(of: tag).contains(where: historyClasses.contains) { return true }
        if let id = tag.attribute("id")?.lowercased(), historyIDs.contains(id) { return true }
        // Outlook desktop (Word): the reply header sits in <div style="border:none;border-top:solid #E1E1E1 1.0pt;…">.
        if tag.name == "div", let style = tag.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("border-top:solid#e1e1e1") || style.contains("border-top:solid#b5c4df")
        {
            return true
        }
        return false
    }

    private static func isSignatureContainer(_ tag: Tag) -> Bool {
        guard tag.name == "div" || tag.name == "span" || tag.name == "table" || tag.name == "p" else { return false }
        if classes(of: tag).contains(where: signatureClasses.contains) { return true }
        if let id = tag.attribute("id")?.lowercased(), signatureIDs.contains(id) { return true }
        return false
    }

    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "xmp", "template", "title"]
    private static let droppedRawText: Set<String> = ["script", "style", "template", "title"]

    private struct Tag {
        var name: String
        var isEnd: Bool
        var isSelfClosing: Bool
        var attributes: [(name: String, value: String)]

        func attribute(_ wanted: String) -> String? { attributes.first { $0.name == wanted }?.value }
    }

    private struct Converter {
        let html: [UInt8]
        var index = 0

        var output: [UInt8] = []
        /// Line breaks owed before the next text; 1 ends the line, 2 leaves a blank line.
        var pendingBreaks = 0
        var atLineStart = true
        var pendingSpace = false
        var quoteDepth = 0
        /// Quote depth of the line currently being written, for prefixing the blank lines after it.
        var lineQuoteDepth = 0
        var preDepth = 0
        var inHead = false
        /// For `<ol>` numbering; `nil` entries are `<ul>`.
        var lists: [Int?] = []
        var link: (href: String, textStart: Int)?
        /// Inside a signature container (`gmail_signature`, `moz-signature`): its element name and nesting depth.
        var signature: (name: String, depth: Int)?

        init(html: [UInt8]) { self.html = html }

        mutating func run() {
            var textStart = index
            while index < html.count {
                guard html[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                emitText(html[textStart..<index])
                let tagStart = index
                if !consumeMarkup() {
                    // Not a tag after all: a literal "<".
                    index = tagStart + 1
                    emitText(html[tagStart..<index])
                }
                textStart = index
            }
            emitText(html[textStart..<html.count])
        }

        mutating func finish() -> String {
            var text = String(decoding: output, as: UTF8.self)
            text = text.replacingOccurrences(of: "\u{00A0}", with: " ")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
                return line
            }
            return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
        }

        // MARK: Markup

        /// Consumes a tag, comment, doctype or processing instruction at `index` (a "<"); false if it is none.
        mutating func consumeMarkup() -> Bool {
            let next = index + 1 < html.count ? html[index + 1] : 0
            if next == UInt8(ascii: "!") {
                if html[(index + 2)...].starts(with: Array("--".utf8)) {
                    index = find(Array("-->".utf8), from: index + 4).map { $0 + 3 } ?? html.count
                } else {
                    index = html[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? html.count
                }
                return true
            }
            if next == UInt8(ascii: "?") {
                index = html[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? html.count
                return true
            }
            let isEnd = next == UInt8(ascii: "/")
            let nameStart = index + (isEnd ? 2 : 1)
            guard nameStart < html.count, isLetter(html[nameStart]) else { return false }
            var cursor = nameStart
            while cursor < html.count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"),
                html[cursor] != UInt8(ascii: "/")
            {
                cursor += 1
            }
            let name = String(decoding: html[nameStart..<cursor], as: UTF8.self).lowercased()
            var tag = Tag(name: name, isEnd: isEnd, isSelfClosing: false, attributes: [])
            cursor = parseAttributes(from: cursor, into: &tag)
            index = cursor
            handle(tag)
            return true
        }

        /// Reads attributes up to and including the closing ">"; returns the index after it.
        func parseAttributes(from start: Int, into tag: inout Tag) -> Int {
            var cursor = start
            while cursor < html.count {
                let byte = html[cursor]
                if byte == UInt8(ascii: ">") { return cursor + 1 }
                if isSpace(byte) {
                    cursor += 1
                    continue
                }
                if byte == UInt8(ascii: "/") {
                    tag.isSelfClosing = cursor + 1 < html.count && html[cursor + 1] == UInt8(ascii: ">")
                    cursor += 1
                    continue
                }
                let nameStart = cursor
                while cursor < html.count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"),
                    html[cursor] != UInt8(ascii: "="), cursor == nameStart || html[cursor] != UInt8(ascii: "/")
                {
                    cursor += 1
                }
                let name = String(decoding: html[nameStart..<cursor], as: UTF8.self).lowercased()
                while cursor < html.count, isSpace(html[cursor]) { cursor += 1 }
                var value = ""
                if cursor < html.count, html[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < html.count, isSpace(html[cursor]) { cursor += 1 }
                    if cursor < html.count, html[cursor] == UInt8(ascii: "\"") || html[cursor] == UInt8(ascii: "'") {
                        let quote = html[cursor]
                        let valueStart = cursor + 1
                        let valueEnd = html[valueStart...].firstIndex(of: quote) ?? html.count
                        value = HTMLText.decodeEntities(html[valueStart..<valueEnd])
                        cursor = min(valueEnd + 1, html.count)
                    } else {
                        let valueStart = cursor
                        while cursor < html.count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">") {
                            cursor += 1
                        }
                        value = HTMLText.decodeEntities(html[valueStart..<cursor])
                    }
                }
                if tag.attributes.count < 50 { tag.attributes.append((name, value)) }
            }
            return cursor
        }

        mutating func handle(_ tag: Tag) {
            let name = tag.name
            if let current = signature {
                // Everything inside a signature container is dropped, up to its own end tag.
                if name == current.name, !tag.isSelfClosing {
                    let depth = current.depth + (tag.isEnd ? -1 : 1)
                    signature = depth == 0 ? nil : (name, depth)
                }
                if signature != nil || tag.isEnd { return }
            }
            if !tag.isEnd, !tag.isSelfClosing, HTMLText.isSignatureContainer(tag) {
                signature = (name, 1)
                return
            }
            if !tag.isEnd, HTMLText.isHistoryContainer(tag) {
                // The client's quoted history begins here: a separator line the reply trimmer cuts at (the quote
                // itself still follows, `>`-prefixed where it is a blockquote).
                requestBreaks(2)
                flushPendingBreaks()
                write(Array(HTMLText.historySeparator.utf8))
                requestBreaks(2)
            }
            if !tag.isEnd, HTMLText.rawTextElements.contains(name), !tag.isSelfClosing {
                let end = find(Array("</\(name)".utf8), from: index, caseInsensitive: true) ?? html.count
                if !HTMLText.droppedRawText.contains(name) { emitText(html[index..<end]) }
                index = end < html.count ? (html[end...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? html.count) : end
                return
            }
            if inHead, HTMLText.blockElements.contains(name) || HTMLText.bodyOnlyInline.contains(name) {
                inHead = false  // An unclosed <head>: the body has begun, as a browser would see it.
            }
            switch name {
            case "head":
                inHead = !tag.isEnd
                return
            case "br":
                if !inHead { lineBreak() }
                return
            case "a":
                if tag.isEnd {
                    closeLink()
                } else {
                    closeLink()
                    if let href = tag.attribute("href").map(Self.cleanURL), !href.isEmpty,
                        !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:")
                    {
                        flushPendingBreaks()
                        link = (href, output.count)
                    }
                }
                return
            case "td", "th":
                if tag.isEnd { pendingSpace = true } else if !atLineStart { pendingSpace = true }
                return
            case "img":
                return
            default:
                break
            }
            guard HTMLText.blockElements.contains(name) else { return }
            let paragraph = HTMLText.paragraphElements.contains(name)
            requestBreaks(paragraph ? 2 : 1)
            switch name {
            case "blockquote":
                quoteDepth = tag.isEnd ? max(0, quoteDepth - 1) : min(quoteDepth + 1, 20)
            case "pre":
                preDepth = tag.isEnd ? max(0, preDepth - 1) : preDepth + 1
            case "ul", "ol", "dir", "menu":
                if tag.isEnd {
                    if !lists.isEmpty { lists.removeLast() }
                } else if lists.count < 50 {
                    lists.append(name == "ol" ? 0 : nil)
                }
            case "li":
                if !tag.isEnd { startListItem() }
            default:
                break
            }
        }

        /// An href as it may appear in text: no control characters (an entity can smuggle in a line break).
        static func cleanURL(_ href: String) -> String {
            String(String.UnicodeScalarView(href.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
                .trimmingCharacters(in: .whitespaces)
        }

        mutating func startListItem() {
            flushPendingBreaks()
            let indent = String(repeating: "  ", count: max(0, lists.count - 1))
            var marker = "- "
            if let last = lists.last, let number = last {
                lists[lists.count - 1] = number + 1
                marker = "\(number + 1). "
            }
            write(Array((indent + marker).utf8))
        }

        mutating func closeLink() {
            guard let current = link else { return }
            link = nil
            let text = String(decoding: output[min(current.textStart, output.count)...], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            var href = current.href
            if href.lowercased().hasPrefix("mailto:") { href = String(href.dropFirst(7)) }
            let bareText = text.lowercased()
            let bareHref = href.lowercased()
            if text.isEmpty {
                write(Array(href.utf8))
            } else if bareText != bareHref && bareText + "/" != bareHref && !bareHref.hasSuffix("//" + bareText)
                && !bareHref.hasSuffix("//" + bareText + "/")
            {
                write(Array(" (\(href))".utf8))
            }
        }

        // MARK: Text

        mutating func emitText(_ raw: ArraySlice<UInt8>) {
            guard !raw.isEmpty, signature == nil else { return }
            if inHead {
                // Text cannot live in <head>: a browser would start the body here.
                guard raw.contains(where: { !isSpace($0) }) else { return }
                inHead = false
            }
            let decoded = raw.contains(UInt8(ascii: "&")) ? Array(HTMLText.decodeEntities(raw).utf8)[...] : raw
            if preDepth > 0 {
                let decoded = decoded.contains(0x0D) ? decoded.filter { $0 != 0x0D }[...] : decoded
                var lineStart = decoded.startIndex
                for position in decoded.indices where decoded[position] == 0x0A {
                    writeRun(decoded[lineStart..<position])
                    lineBreak()
                    lineStart = position + 1
                }
                writeRun(decoded[lineStart...])
                return
            }
            var wordStart: Int?
            for position in decoded.indices {
                if isSpace(decoded[position]) {
                    if let start = wordStart {
                        writeRun(decoded[start..<position])
                        wordStart = nil
                    }
                    pendingSpace = true
                } else if wordStart == nil {
                    wordStart = position
                }
            }
            if let start = wordStart { writeRun(decoded[start...]) }
        }

        mutating func writeRun(_ run: ArraySlice<UInt8>) {
            guard !run.isEmpty else { return }
            flushPendingBreaks()
            if pendingSpace && !atLineStart { output.append(0x20) }
            pendingSpace = false
            write(run)
        }

        mutating func write<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            if atLineStart {
                if quoteDepth > 0 { output += Array(String(repeating: ">", count: quoteDepth).utf8) + [0x20] }
                lineQuoteDepth = quoteDepth
                atLineStart = false
            }
            output += bytes
            pendingSpace = false
        }

        mutating func requestBreaks(_ count: Int) {
            guard !output.isEmpty else { return }
            pendingBreaks = max(pendingBreaks, atLineStart ? count - 1 : count)
            pendingSpace = false
        }

        mutating func lineBreak() {
            guard !output.isEmpty || pendingBreaks > 0 else { return }
            pendingBreaks += 1
            pendingSpace = false
        }

        mutating func flushPendingBreaks() {
            guard pendingBreaks > 0 else { return }
            let count = min(pendingBreaks, 3)
            pendingBreaks = 0
            for number in 0..<count {
                output.append(0x0A)
                // Blank lines between quoted lines stay quoted.
                let depth = min(lineQuoteDepth, quoteDepth)
                if number < count - 1, depth > 0 { output += Array(String(repeating: ">", count: depth).utf8) }
            }
            atLineStart = true
            pendingSpace = false
        }

        // MARK: Scanning

        func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard !needle.isEmpty, start >= 0 else { return nil }
            var position = start
            let first = needle[0]
            while position + needle.count <= html.count {
                guard let hit = html[position...].firstIndex(of: first) else { return nil }
                guard hit + needle.count <= html.count else { return nil }
                var matches = true
                for offset in 1..<needle.count {
                    let byte = html[hit + offset]
                    let folded = caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if folded != needle[offset] {
                        matches = false
                        break
                    }
                }
                if matches { return hit }
                position = hit + 1
            }
            return nil
        }
    }

    // MARK: - Entities

    /// Decodes `&name;`, `&#233;` and `&#xE9;`; unknown or malformed references are kept as written.
    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "&"), let (scalar, length) = entity(in: bytes, at: index) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            out += Array(String(scalar).utf8)
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalars of the reference at `start` (an "&") and its length in bytes.
    private static func entity(in bytes: ArraySlice<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var cursor = start + 1
        guard cursor < bytes.endIndex else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var isHex = false
            if cursor < bytes.endIndex, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                isHex = true
                cursor += 1
            }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < bytes.endIndex, cursor - digitsStart < 8 {
                let digit: UInt8?
                if isHex {
                    digit = HeaderEncoding.hexValue(bytes[cursor])
                } else {
                    digit = (0x30...0x39).contains(bytes[cursor]) ? bytes[cursor] - 0x30 : nil
                }
                guard let digit else { break }
                value = value * (isHex ? 16 : 10) + UInt32(digit)
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
            return (numericScalar(value), cursor - start)
        }
        let nameStart = cursor
        while cursor < bytes.endIndex, cursor - nameStart < 10, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        let hasSemicolon = cursor < bytes.endIndex && bytes[cursor] == UInt8(ascii: ";")
        if let value = namedEntities[name], hasSemicolon || legacyWithoutSemicolon.contains(name),
            let scalar = Unicode.Scalar(value)
        {
            return (scalar, cursor - start + (hasSemicolon ? 1 : 0))
        }
        return nil
    }

    /// HTML §13.2.5.80: C1 code points are read as windows-1252, invalid ones become U+FFFD.
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) {
            let text = Charset.decode([UInt8(value)], label: "windows-1252")
            return text.unicodeScalars.first ?? "\u{FFFD}"
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "AMP", "LT", "GT"]

    private static let namedEntities: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 0x26, "AMP": 0x26, "lt": 0x3C, "LT": 0x3C, "gt": 0x3E, "GT": 0x3E, "quot": 0x22, "apos": 0x27,
            "nbsp": 0xA0, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
            "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "euro": 0x20AC, "bull": 0x2022,
            "trade": 0x2122, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039,
            "rsaquo": 0x203A, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178,
            "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
            "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "minus": 0x2212, "larr": 0x2190,
            "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "harr": 0x2194, "check": 0x2713,
        ]
        // The Latin-1 block, U+00A1...U+00FF, in order.
        let latin1 = [
            "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
            "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
            "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
            "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
            "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute",
            "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
            "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth",
            "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
            "uuml", "yacute", "thorn", "yuml",
        ]
        for (offset, name) in latin1.enumerated() { table[name] = 0xA1 + UInt32(offset) }
        return table
    }()
}

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
}

private func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
}

private func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || (0x30...0x39).contains(byte)
}
