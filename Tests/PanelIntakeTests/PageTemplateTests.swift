import Foundation
import Hummingbird
import Testing

@testable import PanelIntake
@testable import PanelMail

/// Web pages are Mustache templates (`MailTemplates/nl/page-*.mustache`) like the mails: checked at start,
/// overridable by an operator, and every value escaped by Mustache.
@Suite struct PageTemplateTests {
    static func shippedFolder() -> URL {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root.appendingPathComponent("MailTemplates")
    }

    @Test func aMissingPageTemplateIsAnErrorAtStartNotABrokenPageLater() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let language = folder.appendingPathComponent("nl")
        try FileManager.default.createDirectory(at: language, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.shippedFolder().appendingPathComponent("nl").path)
        where file != "page-ballot.mustache" {
            try FileManager.default.copyItem(
                at: Self.shippedFolder().appendingPathComponent("nl").appendingPathComponent(file),
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
        let templates = try MailTemplates(directories: [Self.shippedFolder(), folder])
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
        let response = page.response(.shipped)
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
}
