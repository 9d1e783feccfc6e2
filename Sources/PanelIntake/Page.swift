import Hummingbird
import PanelMail
import Synchronization

/// A small, accessible HTML page: large text and buttons, no scripts, no outside resources.
///
/// Every page is a Mustache template in the templates folder (`MailTemplates/nl/page-*.mustache`, overridable by an
/// operator like the mail templates) inside `page-layout`; the controllers only choose the template and give it
/// plain values, which Mustache escapes. Most pages say something and may ask for one click: those share
/// `page-message` (`Page.message`).
struct Page {
    var status: HTTPResponse.Status
    var title: String
    /// The body's template, one of `MailTemplates.pageNames` (checked present at start): `page-ballot`.
    var template: String
    /// The template's values; a `page-message` page makes them only when it is not kept already (`values`).
    private var given: [String: Any]
    /// Set for a `page-message` page: its status, title and texts, for `PageRenderer` to look it up by.
    var key: String?
    private var message: Message?

    init(status: HTTPResponse.Status, title: String, template: String, values: [String: Any] = [:]) {
        self.status = status
        self.title = title
        self.template = template
        self.given = values
    }

    var values: [String: Any] { message?.values ?? given }

    /// The texts of a `page-message` page.
    private struct Message {
        var before: [String]
        var choice: String?
        var after: [String]
        var warning: String?
        var button: String?
        var notes: [Note]

        var values: [String: Any] {
            [
                "before": before, "choice": choice.map { [$0] } ?? [], "after": after,
                "warning": warning.map { [$0] } ?? [], "button": button.map { [$0] } ?? [],
                "notes": notes.map { note -> [String: Any] in
                    var item: [String: Any] = ["text": note.text]
                    if let lang = note.lang { item["lang"] = lang }
                    return item
                },
            ]
        }
    }

    /// A small-print line under a page, in another language when `lang` is set.
    struct Note {
        var text: String
        var lang: String? = nil
    }

    /// The common page (`page-message`): paragraphs, the choice in a box, more paragraphs, a warning in bold, one
    /// button that POSTs the page's own link, small print. Every value is plain text.
    static func message(
        _ status: HTTPResponse.Status = .ok, title: String, before: [String] = [], choice: String? = nil,
        after: [String] = [], warning: String? = nil, button: String? = nil, notes: [Note] = []
    ) -> Page {
        var page = Page(status: status, title: title, template: "page-message")
        page.message = Message(before: before, choice: choice, after: after, warning: warning, button: button, notes: notes)
        // Every part, each behind a separator no text of ours holds, so two pages share a key only when they are the
        // same page.
        var key = String(status.code) + "\u{1F}" + title
        for text in before { key += "\u{1F}b" + text }
        if let choice { key += "\u{1F}c" + choice }
        for text in after { key += "\u{1F}a" + text }
        if let warning { key += "\u{1F}w" + warning }
        if let button { key += "\u{1F}k" + button }
        for note in notes { key += "\u{1F}n" + (note.lang ?? "") + "\u{1E}" + note.text }
        page.key = key
        return page
    }

    /// One paragraph and nothing to click.
    static func message(_ status: HTTPResponse.Status = .ok, title: String, _ text: String) -> Page {
        message(status, title: title, before: [text])
    }

    /// The whole document: the body's template inside `page-layout`.
    func render(_ templates: MailTemplates) throws -> String {
        let content = try templates.render(template, values)
        return try templates.render("page-layout", ["title": title, "content": content])
    }

    func response(_ pages: PageRenderer, includeBody: Bool = true) -> Response {
        var headers = HTTPFields()
        let html: ByteBuffer
        do {
            html = try pages.html(self)
        } catch {
            // The templates are checked at start, so this is an operator's override that does not render.
            headers[.contentType] = "text/plain; charset=utf-8"
            let text = "page template \(template) does not render: \(error)\n"
            return Response(
                status: .internalServerError, headers: headers,
                body: includeBody ? ResponseBody(byteBuffer: ByteBuffer(string: text)) : ResponseBody())
        }
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(html.readableBytes)
        return Response(status: status, headers: headers, body: includeBody ? ResponseBody(byteBuffer: html) : ResponseBody())
    }
}

/// Renders pages through their templates, and keeps the last few hundred `page-message` pages: the page after a vote
/// is the same for everyone who makes the same choice in a round (the choice and the deadline are all it shows), and
/// rendering it through Mustache for every vote cost a quarter of the intake's votes per second
/// (`scripts/bench/intake.sh`). Only `page-message` is kept (by `Page.key`, made from its texts): other pages carry a
/// link of their own (the ballot's other choice) and would only fill the cache. A kept page is kept as the bytes the
/// response sends, so a vote's answer copies nothing.
public final class PageRenderer: Sendable {
    let templates: MailTemplates
    private let kept = Mutex<[String: ByteBuffer]>([:])
    static let capacity = 512

    public init(templates: MailTemplates) {
        self.templates = templates
    }

    func html(_ page: Page) throws -> ByteBuffer {
        guard let key = page.key else { return ByteBuffer(string: try page.render(templates)) }
        if let known = kept.withLock({ $0[key] }) { return known }
        let html = ByteBuffer(string: try page.render(templates))
        kept.withLock { kept in
            // Bounded: when full, start over (the pages that matter come back at once).
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = html
        }
        return html
    }
}
