import Foundation
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

/// The HTML part for every client: Outlook's Word engine, narrow phones, dark mode and screen readers.
@Suite struct MailHTMLTests {
    static let templateFolder = MessageComposerTests.shipped.appendingPathComponent("nl")
    let fixture = MessageComposerTests()

    func html(_ kind: MailKind) throws -> String {
        try #require(try fixture.composer().compose(fixture.context(kind)).html)
    }

    /// Every HTML template of the shipped set (the kinds' contents, their partials and the layout), without the
    /// parts only Outlook reads (`<!--[if mso]>…<![endif]-->`: the VML twins of buttons repeat the buttons' colours).
    static func templates() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: templateFolder.path)
            .filter { $0.hasSuffix("-html.mustache") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: templateFolder.appendingPathComponent(name), encoding: .utf8)
            return (name, text.replacing(/<!--\[if mso\]>.*?<!\[endif\]-->/.dotMatchesNewlines(), with: ""))
        }
    }

    /// A background text could be dark on (buttons are the other kind: white text on blue or red).
    static func isLight(_ hex: String) -> Bool { luminance(hex) > 0.5 }

    // MARK: Contrast (WCAG 2.x: relative luminance, at least 4.5:1 for text)

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func contrastRatiosAreTheOnesWCAGPublishes() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)  // the old attribution grey: too light
        #expect(Self.contrast("#ffffff", "#ffffff") == 1)
    }

    /// One opening tag: its tm-* classes and the colours of its inline style.
    struct Tag {
        var source: String
        var classes: [String]
        var color: String?
        var background: String?

        static func all(in text: String) -> [Tag] {
            let tag = /<[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?>/
            return text.matches(of: tag).map { match in
                let source = String(match.output)
                let style = source.firstMatch(of: /style="([^"]*)"/).map { String($0.output.1) } ?? ""
                let classes =
                    source.firstMatch(of: /class="([^"]*)"/).map { $0.output.1.split(separator: " ").map(String.init) }
                    ?? []
                let color = style.firstMatch(of: /(?:^|;)color:(#[0-9a-fA-F]{6})/).map { String($0.output.1) }
                // A button's background is the partial's block with its default: `{{$color}}#0b5394{{/color}}`.
                let background = style.firstMatch(of: /(?:^|;)background(?:-color)?:(?:\{\{\$color\}\})?(#[0-9a-fA-F]{6})/)
                    .map { String($0.output.1) }
                return Tag(source: source, classes: classes, color: color, background: background)
            }
        }
    }

    /// The dark-mode rules of the layout: class → (colour, background).
    static func darkRules() throws -> [String: (color: String?, background: String?)] {
        let layout = try String(contentsOf: templateFolder.appendingPathComponent("layout-html.mustache"), encoding: .utf8)
        let start = try #require(layout.range(of: "@media (prefers-color-scheme: dark){"))
        let block = layout[start.upperBound...].prefix { $0 != "<" }
        var rules: [String: (color: String?, background: String?)] = [:]
        for rule in block.matches(of: /\.([\w-]+)\{([^}]*)\}/) {
            let body = rule.output.2
            rules[String(rule.output.1)] = (
                body.firstMatch(of: /(?:^|;)color:(#[0-9a-fA-F]{6})/).map { String($0.output.1) },
                body.firstMatch(of: /background-color:(#[0-9a-fA-F]{6})/).map { String($0.output.1) }
            )
        }
        return rules
    }

    static let lightCard = "#ffffff"
    static let lightPage = "#f6f5f0"
    static let lightText = "#1a1a1a"

    @Test func everyTextColourHasContrastOfAtLeast4point5InLightMode() throws {
        var checked = 0
        for (name, text) in try Self.templates() {
            for tag in Tag.all(in: text) {
                if let color = tag.color {
                    // On its own background, else on the white card and on the page around it (the footer).
                    for background in tag.background.map({ [$0] }) ?? [Self.lightCard, Self.lightPage] {
                        #expect(Self.contrast(color, background) >= 4.5, "\(name): \(color) on \(background): \(tag.source)")
                        checked += 1
                    }
                } else if let background = tag.background, Self.isLight(background) {
                    #expect(Self.contrast(Self.lightText, background) >= 4.5, "\(name): text on \(background)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
        // The colours given to the button partials, under their white text.
        for (name, text) in try Self.templates() {
            for override in text.matches(of: /\{\{\$color\}\}(#[0-9a-fA-F]{6})\{\{\/color\}\}/) {
                let background = String(override.output.1)
                #expect(Self.contrast("#ffffff", background) >= 4.5, "\(name): white on \(background)")
            }
        }
    }

    @Test func everyTextColourHasContrastOfAtLeast4point5InDarkMode() throws {
        let rules = try Self.darkRules()
        let card = try #require(rules["tm-card"]?.background)
        let page = try #require(rules["tm-page"]?.background)
        let text = try #require(rules["tm-card"]?.color)
        for (_, rule) in rules {
            if let color = rule.color {
                for background in rule.background.map({ [$0] }) ?? [card, page] {
                    #expect(Self.contrast(color, background) >= 4.5, "dark: \(color) on \(background)")
                }
            } else if let background = rule.background, background != page, background != card {
                #expect(Self.contrast(text, background) >= 4.5, "dark: text on \(background)")
            }
        }
        // A colour set inline for light mode must be changed by a dark rule, or dark-grey text lands on a dark card;
        // only text on its own fixed background (a button: white on blue) keeps its colours.
        for (name, template) in try Self.templates() {
            for tag in Tag.all(in: template) {
                let darkened = tag.classes.contains { rules[$0]?.color != nil || rules[$0]?.background != nil }
                if tag.color != nil, tag.background == nil {
                    #expect(darkened, "\(name): inline colour without a dark-mode class: \(tag.source)")
                }
                if let background = tag.background, Self.isLight(background), tag.color == nil {
                    #expect(darkened, "\(name): inline background without a dark-mode class: \(tag.source)")
                }
                for tmClass in tag.classes where tmClass.hasPrefix("tm-") {
                    #expect(
                        rules[tmClass] != nil || ["tm-pad", "tm-outer"].contains(tmClass),
                        "\(name): class \(tmClass) has no rule")
                }
            }
        }
    }

    // MARK: Outlook, phones, dark mode

    @Test(arguments: MailKind.allCases)
    func everyKindHasTheWrapperForOutlookDarkModeAndNoRelianceOnPreLine(kind: MailKind) throws {
        let html = try html(kind)
        #expect(html.contains("<!--[if mso]><table role=\"presentation\" width=\"600\""))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(html.contains("<meta name=\"supported-color-schemes\" content=\"light dark\">"))
        #expect(html.contains("overflow-wrap:anywhere"))
        #expect(!html.contains("white-space:pre-line") && !html.contains("white-space:nowrap"))
        // Every button (a link on a coloured background) has a VML twin for Outlook, or a padded cell of its own.
        for anchor in html.matches(of: /<a href="([^"]*)" style="display:(?:block|inline-block);[^"]*background:#/) {
            let href = String(anchor.output.1)
            let hasVML = html.contains("<v:roundrect") && html.contains("href=\"\(href)\" style=\"height:")
            let inPaddedCell = html[..<anchor.range.lowerBound].hasSuffix("style=\"padding:12px 16px;\"><![endif]-->")
            #expect(hasVML || inPaddedCell, "\(kind): button without an Outlook fallback: \(href)")
        }
    }

    @Test func someoneElsesTextKeepsItsLineBreaksAsRealBreaks() {
        #expect(
            SimpleMarkdown.lineBreaks("Eerste regel\nTweede <regel>\n\nNieuwe alinea")
                == "Eerste regel<br>\nTweede &lt;regel&gt;<br>\n<br>\nNieuwe alinea")
    }

    @Test func theQuestionAndTheSectionsAreHeadings() throws {
        #expect(
            try html(.vote).contains(
                "<h1 style=\"font-size:24px;line-height:1.3;margin:24px 0 8px 0;\">Steunt u het besluit van de gemeente?</h1>"))
        #expect(try html(.voteReminder).contains(">Steunt u het besluit van de gemeente?</h1>"))
        #expect(
            try html(.caseMail).contains(
                "<h1 style=\"font-size:24px;line-height:1.3;margin:24px 0 8px 0;\">Traplift voor mevrouw &lt;b&gt;één&lt;/b&gt;</h1>"
            ))
        #expect(try html(.outcome).contains("<h2 style=\"font-size:20px;margin:24px 0 8px 0;\">Hoe vond u het?</h2>"))
    }

    // MARK: Screen readers

    static func linkTexts(_ html: String) -> [String] {
        html.matches(of: /<a\b[^>]*>(.*?)<\/a>/.dotMatchesNewlines()).map { match in
            String(match.output.1).replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "&middot;", with: "·")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test(arguments: MailKind.allCases)
    func everyLinkTextMakesSenseOutOfContext(kind: MailKind) throws {
        for text in Self.linkTexts(try html(kind)) {
            #expect(text.split(separator: " ").count >= 2, "\(kind): link text \"\(text)\"")
            let hasLetters = text.contains { $0.isLetter }
            #expect(hasLetters, "\(kind): link text \"\(text)\"")
            #expect(!["ja", "nee", "hier", "klik hier", "link"].contains(text.lowercased()), "\(kind): \"\(text)\"")
        }
    }

    @Test func theOutcomeAnswersSayWhatTheyAnswer() throws {
        let links = Self.linkTexts(try html(.outcome))
        #expect((1...5).allSatisfy { links.contains("Geef cijfer \($0) van 5") })
        #expect(links.contains("Mijn vertrouwen is gegroeid") && links.contains("Mijn vertrouwen is gedaald"))
        #expect(links.contains("Ja, de informatie was voldoende"))
        #expect(links.contains("Nee, de informatie was niet voldoende"))
        #expect(!links.contains("1") && !links.contains("Ja") && !links.contains("Nee"))
    }

    @Test func voteButtonsNameTheChoice() throws {
        let links = Self.linkTexts(try html(.vote))
        #expect(links.contains("Ja, ik steun het besluit") && links.contains("Nee, ik steun het besluit niet"))
    }
}

/// The text part of every mail to a panelist about a round: one footer, the same everywhere.
@Suite struct MailTextFooterTests {
    let fixture = MessageComposerTests()

    static let panelistKinds: [MailKind] = [
        .caseMail, .digest, .replyReminder, .vote, .voteReminder, .outcome, .timelineChange, .followUp,
        .acknowledgement, .lateReply, .voteRecorded, .howToVote,
    ]

    @Test(arguments: panelistKinds)
    func everyPanelistMailSaysHowToPauseUnsubscribeAndSeeYourDataByLinkAndByReply(kind: MailKind) throws {
        let message = try fixture.composer().compose(fixture.context(kind))
        let footer = try #require(message.text.components(separatedBy: "\n-- \n").last)
        #expect(footer.contains("Even geen zaken (pauze): https://stem.example/p/v1.k1."))
        #expect(footer.contains("Afmelden voor het panel: https://stem.example/u/v1.k1."))
        #expect(footer.contains("Uw gegevens opvragen: mailto:reply+"))
        #expect(footer.contains("?subject=MIJN%20GEGEVENS"))
        #expect(footer.contains("Per e-mail kan ook: stuur AFMELDEN, PAUZE of MIJN GEGEVENS naar reply+"))
    }

    @Test(arguments: panelistKinds)
    func theTextPartIsFlowedAndWrappedAt72Columns(kind: MailKind) throws {
        let message = try fixture.composer().compose(fixture.context(kind))
        let raw = String(decoding: message.rendered(), as: UTF8.self)
        #expect(raw.contains("Content-Type: text/plain; charset=utf-8; format=flowed\r\n"))
        let flowed = FormatFlowed.flow(message.text)
        for line in flowed.split(separator: "\n") where line.count > 73 {
            #expect(line.split(separator: " ").count == 1, "\(kind): \(line)")
        }
        #expect(try InboundMessage.parse(message.rendered()).text == message.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func caseSectionsAreParagraphsNotTheSourcesLines() {
        let text = SimpleMarkdown.text(
            "De gemeente heeft de aanvraag\nafgewezen.\n\n- Een **traplift** is duur;\n  verhuizen is goedkoper.\n- Twee woningen staan leeg.\nNa de lijst."
        )
        #expect(
            text == "De gemeente heeft de aanvraag afgewezen.\n\n- Een traplift is duur; verhuizen is goedkoper.\n"
                + "- Twee woningen staan leeg.\nNa de lijst.")
    }
}
