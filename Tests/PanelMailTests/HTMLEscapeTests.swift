import MailFormat
import Mustache
import Testing

/// `HTMLEscape` is the one escaper (pre-rendered mail values, a case's Markdown): it must escape exactly as the
/// templates' own `{{value}}` does, or a pre-rendered mail would differ from one rendered whole.
@Suite struct HTMLEscapeTests {
    @Test func escapesExactlyAsAMustacheVariableDoes() throws {
        let template = try MustacheTemplate(string: "{{v}}")
        var samples = [
            "", "plain words", "a < b & c > d", "\"quoted\" and 'single'", "&amp; already", "e\u{301} &\u{301} x",
            "🎉<&>👨‍👩‍👧", "line\r\n<br>\n&", "é<ü>ß\"", "\u{200D}&\u{200D}", "<\u{301}",
        ]
        // And strings drawn from the characters where the two could part: the five, combining marks, CR LF, emoji.
        let alphabet: [String] = ["<", ">", "&", "\"", "'", "a", " ", "é", "\u{301}", "\r", "\n", "👍", "\u{200D}", "ß"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            samples.append(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            #expect(HTMLEscape.escape(sample) == template.render(["v": sample]), "\(sample.unicodeScalars.map(\.value))")
        }
        #expect(HTMLEscape.escape("a<b") == "a&lt;b", "it does escape")
    }
}
