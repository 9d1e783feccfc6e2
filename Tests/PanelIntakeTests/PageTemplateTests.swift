import Foundation
import Hummingbird
import Testing

@testable import PanelIntake
@testable import PanelMail

/// Web pages are Mustache templates (`MailTemplates/nl/page-*.mustache`) like the mails: checked at start,
/// overridable by an operator, and every value escaped by Mustache.
@Suite struct PageTemplateTests {
    @Test func aMissingPageTemplateIsAnErrorAtStartNotABrokenPageLater() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let language = folder.appendingPathComponent("nl")
        try FileManager.default.createDirectory(at: language, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(
            atPath: MailTemplates.shippedFolder.appendingPathComponent("nl").path)
        where file != "page-ballot.mustache" {
            try FileManager.default.copyItem(
                at: MailTemplates.shippedFolder.appendingPathComponent("nl").appendingPathComponent(file),
                to: language.appendingPathComponent(file))
        }
        #expect(throws: MailTemplateError.self) { try MailTemplates(directories: [folder]) }
        do {
            _ = try MailTemplates(directories: [folder])
        } catch .missing(let names, _) {
            #expect(names == ["page-ballot"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anOperatorRewordsAPageWithOneFileOfTheSameName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let language = folder.appendingPathComponent("nl")
        try FileManager.default.createDirectory(at: language, withIntermediateDirectories: true)
        try "{{#before}}<p class=\"eigen\">{{.}}</p>{{/before}}".write(
            to: language.appendingPathComponent("page-message.mustache"), atomically: true, encoding: .utf8)
        let templates = try MailTemplates(directories: [MailTemplates.shippedFolder, folder])
        let html = try Page.message(title: "Gepauzeerd", "Tot maandag.").render(templates)
        #expect(html.contains("<p class=\"eigen\">Tot maandag.</p>"))
        #expect(html.contains("<h1>Gepauzeerd</h1>"))  // the layout is still the shipped one
    }

    @Test func everyValueOnAPageIsEscaped() throws {
        let hostile = "<img src=x onerror=alert(1)> & \"quotes\""
        let page = Page.message(
            .forbidden, title: hostile, before: [hostile], choice: hostile, after: [hostile], warning: hostile,
            button: hostile, notes: [Page.Note(text: hostile, lang: "en")])
        let html = try page.render(.shipped)
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;").count == 9)
        #expect(html.contains("<p class=\"muted\" lang=\"en\">"))
        let response = page.response(PageRenderer(templates: .shipped))
        #expect(response.status == .forbidden)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
    }

    @Test func aPageShowsOnlyTheBlocksItWasGiven() throws {
        let html = try Page.message(title: "Geregeld", "Dat is aangepast.").render(.shipped)
        #expect(html.contains("<p>Dat is aangepast.</p>"))
        #expect(!html.contains("<form"))
        #expect(!html.contains("class=\"choice\""))
        #expect(!html.contains("class=\"muted\""))
    }

    /// The renderer keeps `page-message` pages: a kept page is the page those values render, and any value that
    /// differs (the deadline, the choice, the status) gives its own page.
    @Test func aKeptPageIsThePageItsValuesRender() throws {
        let pages = PageRenderer(templates: .shipped)
        func recorded(_ choice: String, _ deadline: String, _ status: HTTPResponse.Status = .ok) -> Page {
            .message(status, title: "Dank u wel, uw stem is geteld", choice: choice, after: ["Sluiting op \(deadline)."])
        }
        func html(_ page: Page) throws -> String { String(buffer: try pages.html(page)) }
        let first = try html(recorded("Ja", "vrijdag 11 december"))
        #expect(try html(recorded("Ja", "vrijdag 11 december")) == first)
        #expect(first == (try recorded("Ja", "vrijdag 11 december").render(.shipped)))
        let other = try html(recorded("Ja", "zaterdag 12 december"))
        #expect(other != first && other.contains("zaterdag 12 december"))
        #expect(try html(recorded("Nee", "vrijdag 11 december")).contains("<p class=\"choice\">Nee</p>"))
        // A value moved from one block to another is another page, not the same key.
        let before = try html(.message(title: "T", before: ["a"], choice: "X"))
        let after = try html(.message(title: "T", choice: "X", after: ["a"]))
        #expect(before != after)
        #expect(before.range(of: "<p>a</p>")!.lowerBound < before.range(of: "X</p>")!.lowerBound)
        // More pages than it keeps: still every page right.
        for number in 0..<(PageRenderer.capacity + 10) {
            #expect(try html(recorded("Ja", "dag \(number)")).contains("dag \(number)."))
        }
    }
}
