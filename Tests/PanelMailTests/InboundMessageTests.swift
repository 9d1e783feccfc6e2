import Foundation
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

@Suite struct InboundMessageTests {
    // MARK: - Fixtures (also the seed corpus of Fuzz/corpus/inbound)

    /// Outlook: multipart/alternative, quoted-printable windows-1252, CRLF, a folded boundary parameter.
    static let outlook = crlf(
        #"""
        From: "Jansen, Piet" <piet.jansen@example.nl>
        To: "Panel, Tweede Mening" <reactie+c17p3@tweedemening.example>, kees@example.nl
        Cc: Marie =?iso-8859-1?Q?B=F6hm?= <marie@example.nl>
        Subject: RE: Uw mening over de traplift
        Thread-Topic: Uw mening over de traplift
        Message-ID: <AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.outlook.com>
        In-Reply-To: <case-17.panel-3@tweedemening.example>
        References: <case-17@tweedemening.example>
         <case-17.panel-3@tweedemening.example>
        X-Auto-Response-Suppress: All
        MIME-Version: 1.0
        Content-Type: multipart/alternative;
        	boundary="_000_AM0PR01MB1234ABCD_"
        Content-Language: nl-NL

        --_000_AM0PR01MB1234ABCD_
        Content-Type: text/plain; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        Ik ben het =E9=E9n keer eens met het caf=E9: =80 50 per maand is te veel. Di=
        t is een lange regel die met een zacht regeleinde is afgebroken.

        Groet,
        Piet

        --_000_AM0PR01MB1234ABCD_
        Content-Type: text/html; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        <html><body><p class=3DMsoNormal>Ik ben het =E9=E9n keer eens</p></body></h=
        tml>

        --_000_AM0PR01MB1234ABCD_--
        """#)

    /// Gmail: UTF-8, base64, an encoded From name.
    static let gmail = #"""
        MIME-Version: 1.0
        Date: Tue, 24 Nov 2026 10:12:31 +0100
        References: <case-17.panel-9@tweedemening.example>
        In-Reply-To: <case-17.panel-9@tweedemening.example>
        Message-ID: <CAB+6x=kW8fQ@mail.gmail.com>
        Subject: Re: Uw mening over de traplift
        From: =?UTF-8?B?SsOpcsO0bWUgZGUgVnJpZXM=?= <jerome.devries@gmail.com>
        To: Tweede Mening <reactie+c17p9@tweedemening.example>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"

        --000000000000a1b2c3d4e5f6
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: base64

        SmEsIGlrIHN0ZXVuIGRlIGdlbWVlbnRlLiDDicOpbiBkaW5nIG5vZzogaGV0IGNhZsOpIG9wIGRl
        IGhvZWsgaXMgb29rIGJlbGFuZ3Jpamsg4oCUIHpla2VyIHZvb3Igb3VkZXJlbi4KCk9wIGRpIDI0
        IG5vdiAyMDI2IG9tIDA5OjAwIHNjaHJlZWYgVHdlZWRlIE1lbmluZyA8cmVhY3RpZUB0d2VlZGVt
        ZW5pbmcuZXhhbXBsZT46Cj4gV2F0IHZpbmR0IHUgdmFuIGRlIHRyYXBsaWZ0Pwo=
        --000000000000a1b2c3d4e5f6
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: base64

        PGRpdiBkaXI9Imx0ciI+SmEsIGlrIHN0ZXVuIGRlIGdlbWVlbnRlLiDDicOpbiBkaW5nIG5vZy48L2Rpdj4=
        --000000000000a1b2c3d4e5f6--
        """#

    /// Apple Mail: format=flowed with DelSp=yes, quoted text and a signature; bare LF line ends.
    static let appleMailFlowed = [
        "From: Anna de Wit <anna@icloud.example>",
        "To: reactie@tweedemening.example",
        "Subject: Re: Uw mening",
        "Message-Id: <5E1A2B3C-1234-4ABC-9DEF-0123456789AB@icloud.example>",
        "Mime-Version: 1.0 (Mac OS X Mail 16.0)",
        "Content-Type: text/plain; charset=utf-8; format=flowed; DelSp=yes",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Ik vind dat de gemeente gelijk heeft, want de aanvrager kan ook een ander  ",
        "huis zoeken zonder trap ",
        "liftaanvraag.",
        " From here on, space-stuffed.",
        "",
        "> Wat vindt u van  ",
        "> het besluit?",
        "",
        "-- ",
        "Anna",
    ].joined(separator: "\n")

    /// HTML only: blocks, breaks, entities, a link, a list, a script and a blockquote.
    static let htmlOnly = #"""
        From: Henk <henk@example.nl>
        To: reactie@tweedemening.example
        Subject: Re: Uw mening
        Content-Type: text/html; charset=iso-8859-1

        <!DOCTYPE html><html><head><title>Re: Uw mening</title><style>p { color: red; }</style></head>
        <body><div>Beste panel,<br>Ik vind het&nbsp;prima: &eacute;&#233;n keer &#x20AC;&nbsp;5 &amp; meer.</div>
        <p>Zie <a href="https://example.nl/besluit">het besluit</a>.</p>
        <ul><li>Ja</li><li>Nee</li></ul>
        <script type="text/javascript">document.write("<p>evil</p>"); var a = 1 < 2;</script>
        <blockquote type="cite"><div>Op 1 dec schreef Tweede Mening:</div><div>Wat vindt u?</div></blockquote>
        </body></html>
        """#

    /// multipart/mixed > alternative > related, with a PDF attachment (RFC 2231 file name).
    static let nestedWithPDF = #"""
        From: Gemeente Utrecht <wmo@utrecht.example>
        To: reactie@tweedemening.example
        Subject: Aanvullende stukken
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is a multi-part message in MIME format. Junk before the first boundary.
        --outer
        Content-Type: multipart/alternative; boundary="outer-alt"

        --outer-alt
        Content-Type: text/plain; charset=us-ascii

        Zie de bijlage voor het besluit.
        --outer-alt
        Content-Type: multipart/related; boundary="outer-rel"

        --outer-rel
        Content-Type: text/html; charset=us-ascii

        <p>Zie de bijlage voor het <b>besluit</b>.</p><img src="cid:logo">
        --outer-rel
        Content-Type: image/png
        Content-ID: <logo>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --outer-rel--
        --outer-alt--
        --outer
        Content-Type: application/pdf; name="besluit.pdf"
        Content-Disposition: attachment; filename*=utf-8''besluit%20%C3%A9%C3%A9n.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJeLjz9MKU0VDUkVUUERGQ09OVEVOVCAxIDAgb2JqCg==
        --outer--
        This epilogue is ignored.
        """#

    /// A forward with the original attached as message/rfc822.
    static let forward = #"""
        From: Kees <kees@example.nl>
        To: reactie@tweedemening.example
        Subject: Fwd: Uw mening
        Content-Type: multipart/mixed; boundary=fwd

        --fwd
        Content-Type: text/plain; charset=utf-8

        Zie het doorgestuurde bericht.
        --fwd
        Content-Type: message/rfc822
        Content-Disposition: inline

        From: Tweede Mening <panel@tweedemening.example>
        Subject: Uw mening
        Content-Type: text/plain

        INNER BODY TEXT
        --fwd--
        """#

    /// RFC 2047 in ISO-8859-1: a B-encoded From name and a Q-encoded subject.
    static let encodedWords = #"""
        From: =?ISO-8859-1?B?Suly9G1lIGRlIFZyaWVz?= <jerome@example.fr>
        To: reactie@tweedemening.example
        Subject: =?iso-8859-1?Q?Re=3A_Caf=E9_en_=E9=E9n?= =?iso-8859-1?Q?_traplift?=

        Prima.
        """#

    static let autoReplyByHeader = #"""
        From: Piet <piet@example.nl>
        To: reactie@tweedemening.example
        Subject: Re: Uw mening
        Auto-Submitted: auto-replied
        Content-Type: text/plain

        Ik ben er niet.
        """#

    static let autoReplyBySubject = #"""
        From: Piet <piet@example.nl>
        To: reactie@tweedemening.example
        Subject: Automatisch antwoord: Uw mening over de traplift

        Ik ben tot 1 december afwezig.
        """#

    /// RFC 3464 delivery status notification.
    static let dsn = #"""
        From: Mail Delivery System <MAILER-DAEMON@mx.tweedemening.example>
        To: bounces@tweedemening.example
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        Content-Type: multipart/report; report-type=delivery-status;
         boundary="9A1B2C3D.1700000000/mx.tweedemening.example"

        --9A1B2C3D.1700000000/mx.tweedemening.example
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not be delivered.
        --9A1B2C3D.1700000000/mx.tweedemening.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.tweedemening.example
        Final-Recipient: rfc822; nobody@example.nl
        Action: failed
        Status: 5.1.1
        --9A1B2C3D.1700000000/mx.tweedemening.example
        Content-Type: message/rfc822

        From: panel@tweedemening.example
        Subject: Uw mening

        Body.
        --9A1B2C3D.1700000000/mx.tweedemening.example--
        """#

    /// An old-style bounce: plain text from MAILER-DAEMON with the null reverse path.
    static let mailerDaemon = #"""
        Return-Path: <>
        From: MAILER-DAEMON@relay.example.nl (Mail Delivery Subsystem)
        To: panel@tweedemening.example
        Subject: Returned mail: see transcript for details

        The original message was received at Tue, 24 Nov 2026 10:00:00 +0100
        ----- The following addresses had permanent fatal errors -----
        <nobody@example.nl>
        """#

    static var all: [String] {
        [
            outlook, gmail, appleMailFlowed, htmlOnly, nestedWithPDF, forward, encodedWords, autoReplyByHeader,
            autoReplyBySubject, dsn, mailerDaemon,
        ]
    }

    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    static func parse(_ text: String) throws -> InboundMessage {
        try InboundMessage.parse(Array(text.utf8))
    }

    // MARK: - Real-world shapes

    @Test func outlookQuotedPrintableWindows1252() throws {
        let message = try Self.parse(Self.outlook)
        #expect(
            message.text
                == "Ik ben het één keer eens met het café: € 50 per maand is te veel. Dit is een lange regel die met een "
                + "zacht regeleinde is afgebroken.\n\nGroet,\nPiet")
        #expect(!message.textCameFromHTML)
        #expect(message.from == MailAddress("piet.jansen@example.nl", name: "Jansen, Piet"))
        #expect(
            message.to == [
                MailAddress("reactie+c17p3@tweedemening.example", name: "Panel, Tweede Mening"),
                MailAddress("kees@example.nl"), MailAddress("marie@example.nl", name: "Marie Böhm"),
            ])
        #expect(message.subject == "RE: Uw mening over de traplift")
        #expect(message.messageID == "AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.outlook.com")
        #expect(message.inReplyTo == "case-17.panel-3@tweedemening.example")
        #expect(message.references == ["case-17@tweedemening.example", "case-17.panel-3@tweedemening.example"])
        #expect(message.attachments.isEmpty)
        #expect(!message.isAutoReply)  // X-Auto-Response-Suppress does not make it one
        #expect(!message.isBounce)
        #expect(message.headers.first { $0.name == "References" }?.value.contains("\r") == false)
        #expect(message.headers(named: "content-type").count == 1)
    }

    @Test func gmailBase64UTF8() throws {
        let message = try Self.parse(Self.gmail)
        #expect(message.text.hasPrefix("Ja, ik steun de gemeente. Één ding nog: het café op de hoek is ook belangrijk —"))
        #expect(message.text.hasSuffix("schreef Tweede Mening <reactie@tweedemening.example>:\n> Wat vindt u van de traplift?"))
        #expect(message.from?.name == "Jérôme de Vries")
        #expect(message.from?.address == "jerome.devries@gmail.com")
        #expect(message.messageID == "CAB+6x=kW8fQ@mail.gmail.com")
        #expect(message.to == [MailAddress("reactie+c17p9@tweedemening.example", name: "Tweede Mening")])
    }

    @Test func appleMailFormatFlowedDelSp() throws {
        let message = try Self.parse(Self.appleMailFlowed)
        #expect(
            message.text == "Ik vind dat de gemeente gelijk heeft, want de aanvrager kan ook een ander huis zoeken zonder "
                + "trapliftaanvraag.\nFrom here on, space-stuffed.\n\n> Wat vindt u van het besluit?\n\n-- \nAnna")
        let withoutDelSp = try Self.parse(Self.appleMailFlowed.replacingOccurrences(of: "; DelSp=yes", with: ""))
        #expect(withoutDelSp.text.contains("een ander  huis zoeken zonder trap liftaanvraag.\nFrom here on"))
        #expect(withoutDelSp.text.contains("> Wat vindt u van  het besluit?"))
    }

    @Test func htmlOnlyBecomesReadableText() throws {
        let message = try Self.parse(Self.htmlOnly)
        #expect(message.textCameFromHTML)
        #expect(
            message.text == """
                Beste panel,
                Ik vind het prima: één keer € 5 & meer.

                Zie het besluit (https://example.nl/besluit).

                - Ja
                - Nee

                > Op 1 dec schreef Tweede Mening:
                > Wat vindt u?
                """)
        #expect(!message.text.contains("evil"))
        #expect(!message.text.contains("color"))
    }

    @Test func htmlDetails() {
        #expect(HTMLText.text(from: "<p>a</p><p>b</p>") == "a\n\nb")
        #expect(HTMLText.text(from: "a<br>b<br/><br />c") == "a\nb\n\nc")
        #expect(HTMLText.text(from: "<ol><li>een</li><li>twee</li></ol>") == "1. een\n2. twee")
        #expect(HTMLText.text(from: "<a href=\"mailto:x@y.nl\">x@y.nl</a>") == "x@y.nl")
        #expect(HTMLText.text(from: "<a href='https://a.nl'>https://a.nl</a>") == "https://a.nl")
        #expect(HTMLText.text(from: "1 < 2 &amp 3 &bogus; &#0; &#x110000;") == "1 < 2 & 3 &bogus; \u{FFFD} \u{FFFD}")
        #expect(HTMLText.text(from: "&#150; &#8364;") == "\u{2013} €")
        #expect(HTMLText.text(from: "<blockquote>a<blockquote>b</blockquote></blockquote>c") == "> a\n>\n>> b\n\nc")
        #expect(HTMLText.text(from: "<pre>  x\n  y</pre>") == "  x\n  y")
        #expect(HTMLText.text(from: "<head><title>t</title><meta charset=utf-8>Hallo") == "Hallo")
        #expect(HTMLText.text(from: "<head><p>body without /head</p>") == "body without /head")
        #expect(HTMLText.text(from: "<!-- comment -->x<!-- unterminated") == "x")
        #expect(HTMLText.text(from: "<div title=\"a>b\">x</div><style>unterminated") == "x")
        #expect(HTMLText.text(from: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc")
    }

    @Test func nestedMultipartWithPDFAttachment() throws {
        let message = try Self.parse(Self.nestedWithPDF)
        #expect(message.text == "Zie de bijlage voor het besluit.")
        #expect(!message.textCameFromHTML)
        #expect(message.attachments == [.init(filename: "besluit één.pdf", contentType: "application/pdf", size: 40)])
        #expect(!message.text.contains("SECRET"))
        #expect(!message.text.contains("Junk"))
        #expect(!message.text.contains("epilogue"))
    }

    @Test func forwardedMessageIsAnAttachment() throws {
        let message = try Self.parse(Self.forward)
        #expect(message.text == "Zie het doorgestuurde bericht.")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.contentType == "message/rfc822")
        #expect(message.attachments.first?.filename == nil)
        #expect(!message.text.contains("INNER"))
    }

    @Test func rfc2047SubjectAndFromName() throws {
        let message = try Self.parse(Self.encodedWords)
        #expect(message.from == MailAddress("jerome@example.fr", name: "Jérôme de Vries"))
        #expect(message.subject == "Re: Café en één traplift")
        #expect(message.header("SUBJECT") == "Re: Café en één traplift")
        #expect(message.headers.first { $0.name == "Subject" }?.value.hasPrefix("=?iso-8859-1?Q?") == true)
        #expect(message.text == "Prima.")
    }

    @Test func autoReplies() throws {
        #expect(try Self.parse(Self.autoReplyByHeader).isAutoReply)
        #expect(try Self.parse(Self.autoReplyBySubject).isAutoReply)
        let plain = "From: a@b.nl\nSubject: SUBJECT\n\nx"
        for subject in [
            "Re: Afwezig", "AW: x", "Antw: Out of Office: Uw mening", "RE: Automatic reply: x", "Niet aanwezig tot maandag",
            "Auto-reply", "autoreply", "Re: Re: Automatisch antwoord: y",
        ] {
            let expected = !subject.hasPrefix("AW")
            #expect(try Self.parse(plain.replacingOccurrences(of: "SUBJECT", with: subject)).isAutoReply == expected)
        }
        #expect(try !Self.parse(plain.replacingOccurrences(of: "SUBJECT", with: "Ik ben afwezig geweest")).isAutoReply)
        #expect(try !Self.parse("Auto-Submitted: no\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try !Self.parse("X-Auto-Response-Suppress: All\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try Self.parse("X-Autoreply: yes\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try Self.parse("X-Autorespond: x\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try Self.parse("Precedence: bulk\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try Self.parse("Precedence: auto_reply\nFrom: a@b.nl\n\nx").isAutoReply)
        #expect(try !Self.parse("Precedence: first-class\nFrom: a@b.nl\n\nx").isAutoReply)
    }

    @Test func bounces() throws {
        let dsn = try Self.parse(Self.dsn)
        #expect(dsn.isBounce)
        #expect(dsn.text == "I'm sorry to have to inform you that your message could not be delivered.")
        #expect(dsn.attachments.map(\.contentType) == ["message/rfc822"])
        let daemon = try Self.parse(Self.mailerDaemon)
        #expect(daemon.isBounce)
        #expect(daemon.from == MailAddress("MAILER-DAEMON@relay.example.nl", name: "Mail Delivery Subsystem"))
        // The same From with a real Return-Path is not a bounce; neither is an ordinary message.
        #expect(try !Self.parse(Self.mailerDaemon.replacingOccurrences(of: "<>", with: "<x@y.nl>")).isBounce)
        #expect(try Self.parse("Return-Path: <>\nFrom: Postmaster <postmaster@example.nl>\n\nx").isBounce)
        #expect(try !Self.parse("From: MAILER-DAEMON\n\nx").isBounce)  // no empty Return-Path
        #expect(try !Self.parse(Self.gmail).isBounce)
    }

    // MARK: - Leniency

    @Test func lineEndingsDoNotMatter() throws {
        for fixture in Self.all {
            let lf = try Self.parse(fixture.replacingOccurrences(of: "\r\n", with: "\n"))
            let crlf = try Self.parse(Self.crlf(fixture))
            #expect(lf.text == crlf.text)
            #expect(lf.attachments.map(\.filename) == crlf.attachments.map(\.filename))
            #expect(lf.attachments.map(\.contentType) == crlf.attachments.map(\.contentType))
            #expect(lf.subject == crlf.subject)
        }
    }

    @Test func toleratesBrokenStructure() throws {
        let missingClose = Self.nestedWithPDF.components(separatedBy: "--outer--").first ?? ""
        let message = try Self.parse(missingClose)
        #expect(message.text == "Zie de bijlage voor het besluit.")
        #expect(message.attachments.first?.filename == "besluit één.pdf")

        let junkHeaders = "From a@b Tue Nov 24 10:00:00 2026\nnot a header\nSubject: ok\n: no name\nFrom: a@b.nl\n\nbody"
        let parsed = try Self.parse(junkHeaders)
        #expect(parsed.headers.map(\.name) == ["Subject", "From"])
        #expect(parsed.text == "body")

        // 8-bit header bytes: UTF-8 when valid, windows-1252 otherwise.
        var bytes = Array("Subject: caf".utf8) + [0xC3, 0xA9] + Array("\nFrom: ".utf8)
        bytes += [0x93] + Array("Caf".utf8) + [0xE9, 0x94] + Array(" <a@b.nl>\n\nx".utf8)
        let eightBit = try InboundMessage.parse(bytes)
        #expect(eightBit.subject == "café")
        #expect(eightBit.from?.name == "\u{201C}Café\u{201D}")

        // Declared multipart without any delimiter: read as text.
        let noParts = try Self.parse("Content-Type: multipart/mixed; boundary=zz\n\nJust text.")
        #expect(noParts.text == "Just text.")

        // Invalid UTF-8 in a part labelled UTF-8 falls back to windows-1252; base64 without padding.
        var body = Array("Content-Type: text/plain; charset=utf-8\n\n".utf8)
        body += [0x80, 0x20, 0xE9]
        #expect(try InboundMessage.parse(body).text == "€ é")
        let unpadded = "Content-Type: text/plain; charset=x-unknown\nContent-Transfer-Encoding: base64\n\nw6nDqW4\n"
        #expect(try Self.parse(unpadded).text == "één")
        let latin9 = "Content-Type: text/plain; charset=ISO-8859-15\nContent-Transfer-Encoding: quoted-printable\n\n=A4 5"
        #expect(try Self.parse(latin9).text == "€ 5")
        // ISO-8859-1 is read as windows-1252, raw 8-bit bytes inside quoted-printable survive.
        var latin1 = Array("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n".utf8)
        latin1 += [0x80] + Array(" =E9".utf8)
        #expect(try InboundMessage.parse(latin1).text == "€ é")
    }

    @Test func emptyLinesAndAnMboxLineBeforeTheHeader() throws {
        // Given messages as some pipes hand them over: empty lines first, an mbox envelope line first, or both
        let header = "From: Anna <anna@example.nl>\nSubject: Re: Uw mening\n\nIk stem ja.\n"
        let envelope = "From sender@example.com Sat Mar  3 17:21:00 2026\n"
        for input in ["\n" + header, "\n\n\n" + header, envelope + header, "\n" + envelope + header, " \t\n" + header] {
            for raw in [input, Self.crlf(input)] {
                // When each is parsed
                let message = try Self.parse(raw)

                // Then the header and the body are read as if the extra lines were not there
                #expect(message.headers.map(\.name) == ["From", "Subject"], "\(raw.debugDescription)")
                #expect(message.from == MailAddress("anna@example.nl", name: "Anna"))
                #expect(message.subject == "Re: Uw mening")
                #expect(message.text == "Ik stem ja.")
            }
        }
        // And the delivery-status reader, which parses the same bytes again, sees the same header
        let report = Self.dsn.replacingOccurrences(of: "mx.tweedemening.example\nFinal", with: "mx.tweedemening.example\n\nFinal")
        let bounce = "\n" + envelope + report
        #expect(DeliveryStatus.parse(Array(bounce.utf8))?.recipients.map(\.address) == ["nobody@example.nl"])
        // But text without any header field is still not a message, whatever comes before it
        #expect(throws: InboundParseError.noHeaders) { try Self.parse("\n\nHallo,\n\nIk stem ja.") }
        #expect(throws: InboundParseError.noHeaders) { try Self.parse("\n" + envelope + "\nFrom: a@b.nl\n\nx") }
        #expect(throws: InboundParseError.noHeaders) { try Self.parse(envelope) }
    }

    /// A nested multipart that reuses its parent's boundary, read as Python's `email` package
    /// (policy=email.policy.default) reads it: the parent's delimiters split everything, so the inner
    /// multipart is left empty, the inner parts become siblings, and the first close delimiter ends the parent.
    static let reusedBoundary = #"""
        From: a@example.nl
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: multipart/alternative; boundary="b"

        This is a multi-part message in MIME format.
        --b
        Content-Type: text/plain; charset=utf-8

        Binnenste tekst.
        --b
        Content-Type: text/html; charset=utf-8

        <p>Binnenste html.</p>
        --b--
        --b
        Content-Type: application/pdf; name=na-de-sluiting.pdf

        %PDF
        --b--
        """#

    /// Parts whose content follows their header without an empty line: the first line that is not a header
    /// field ends the header, as in Python's `email` (which notes a MissingHeaderBodySeparatorDefect).
    static let partsWithoutEmptyLine = #"""
        From: a@example.nl
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit
        Eerste regel, direct na de kop.

        Tweede alinea.
        --b
        Content-Type: text/plain; name=notitie.txt
        Content-Disposition: attachment; filename=notitie.txt
        Let op: deze regel lijkt een kopregel
        maar deze niet.
        --b--
        """#

    @Test func multipartShapesMainstreamParsersAccept() throws {
        // Given a nested multipart reusing its parent's boundary
        // When it is parsed
        let reused = try Self.parse(Self.reusedBoundary)
        // Then the inner text/plain is the body (not the inner preamble), and what follows the first close
        // delimiter is epilogue
        #expect(reused.text == "Binnenste tekst.")
        #expect(reused.attachments.isEmpty)
        // And with the html part first, that part is read
        let htmlFirst = Self.reusedBoundary.replacingOccurrences(
            of: "--b\nContent-Type: text/plain; charset=utf-8\n\nBinnenste tekst.\n", with: "")
        #expect(try Self.parse(htmlFirst).text == "Binnenste html.")

        // Given parts without the empty line after their header
        let parts = try Self.parse(Self.partsWithoutEmptyLine)
        // Then the content is the body ("Let op: ..." is no field: a name holds no space), as in Python
        #expect(parts.text == "Eerste regel, direct na de kop.\n\nTweede alinea.")
        #expect(parts.attachments.map(\.filename) == ["notitie.txt"])
        #expect(parts.attachments.first?.text == "Let op: deze regel lijkt een kopregel\nmaar deze niet.")
        // And a first content line that is a well-formed field is taken as one, as Python does
        let fieldLike = Self.partsWithoutEmptyLine.replacingOccurrences(of: "Let op:", with: "Opmerking:")
        #expect(try Self.parse(fieldLike).attachments.first?.text == "maar deze niet.")

        // And a declared multipart with no delimiter at all is still read as text at the top level
        #expect(try Self.parse("Content-Type: multipart/mixed; boundary=zz\n\nJust text.").text == "Just text.")
    }

    /// The same inputs through Python's `email` package: its body must be ours (independent oracle).
    @Test(.enabled(if: MIMETests.python != nil, "needs python3"))
    func pythonReadsTheSameMultipartShapes() throws {
        let script = """
            import email, email.policy, sys
            msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            body = msg.get_body(('plain', 'html'))
            sys.stdout.write(body.get_content().strip() if body is not None else '')
            """
        let emlFolder = ReplyCorpusTests.folder
        let corpus = try ["nested-multipart-reused-boundary", "parts-without-blank-line"].map {
            try String(contentsOf: emlFolder.appendingPathComponent("\($0).eml"), encoding: .utf8)
        }
        for input in [Self.reusedBoundary, Self.partsWithoutEmptyLine] + corpus {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString).eml")
            try Data(input.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(MIMETests.python))
            process.arguments = ["-c", script, file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let python = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let ours = try Self.parse(input).text
            #expect(ours == python.replacingOccurrences(of: "\r\n", with: "\n"), "\(input)")
        }
    }

    @Test func addressLists() throws {
        let message = try Self.parse(
            #"""
            From: "Doe, John (Sr.)" <john@example.nl>
            To: Panel: "A, B" <a@example.nl>, c@example.nl (Cees), broken@, <d@example.nl>;, undisclosed-recipients:;
            Cc: "=?utf-8?q?=C3=A9=C3=A9n?=" <e@example.nl>

            x
            """#)
        #expect(message.from == MailAddress("john@example.nl", name: "Doe, John (Sr.)"))
        #expect(
            message.to == [
                MailAddress("a@example.nl", name: "A, B"), MailAddress("c@example.nl", name: "Cees"),
                MailAddress("d@example.nl"), MailAddress("e@example.nl", name: "één"),
            ])
        #expect(MessageIDs.parse("<a@b> (comment) <c@d>") == ["a@b", "c@d"])
        #expect(MessageIDs.parse("bare@id") == ["bare@id"])
    }

    // MARK: - Garbage

    @Test func garbageThrowsOrParses() throws {
        #expect(throws: InboundParseError.empty) { try InboundMessage.parse([]) }
        #expect(throws: InboundParseError.empty) { try InboundMessage.parse(Array(" \r\n\t\n".utf8)) }
        #expect(throws: InboundParseError.noHeaders) { try Self.parse("Hallo,\n\nIk stem ja.") }
        #expect(throws: InboundParseError.notText) { try InboundMessage.parse([0x00, 0x01, 0x02, 0xFF, 0x3A, 0x0A]) }
        let big = [UInt8](repeating: 0x41, count: InboundMessage.maxSize + 1)
        #expect(throws: InboundParseError.tooLarge(InboundMessage.maxSize + 1)) { try InboundMessage.parse(big) }
        #expect(InboundParseError.tooLarge(11_000_000).description.contains("11000000"))

        let onlyHeaders = try Self.parse("From: a@b.nl\nSubject: x")
        #expect(onlyHeaders.text == "")
        #expect(onlyHeaders.subject == "x")

        var generator = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let noise = (0..<Int(generator.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = try? InboundMessage.parse(noise)
        }
    }

    @Test func deepNestingIsCapped() throws {
        let depth = 1000
        var text = "From: a@b.nl\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<depth {
            text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        text += "--b\(depth - 1)\nContent-Type: text/plain\n\ndeep\n"
        let message = try Self.parse(text)
        #expect(message.text == "")  // beyond the depth limit nothing is read

        // Many sibling parts: capped, not crashing.
        var wide = "From: a@b.nl\nContent-Type: multipart/mixed; boundary=w\n\n"
        for index in 0..<2000 { wide += "--w\nContent-Type: application/octet-stream; name=f\(index)\n\nx\n" }
        let many = try Self.parse(wide)
        #expect(many.attachments.count < MIMEParser.maxParts)
        #expect(many.attachments.first?.filename == "f0")
    }

    /// Inputs that used to take quadratic time (a run of encoded-words, a long run of entities) stay fast.
    @Test func pathologicalInputsStayLinear() throws {
        let size = 2_000_000
        let inputs = [
            "Subject: " + String(repeating: "=?utf-8?q?ab?= ", count: size / 15) + "\n\nx",
            "Content-Type: text/html\n\n" + String(repeating: "&eacute;&#233;&bogus", count: size / 20),
            "To: " + String(repeating: "a@b.nl, ", count: size / 8) + "\n\nx",
            "Content-Type: text/plain; format=flowed\n\n" + String(repeating: "> a \n", count: size / 5),
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + String(repeating: "--b\nContent-Type: multipart/mixed; boundary=b\n\n", count: size / 50),
        ]
        // Each parses without crashing; how fast is measured by the fuzzer (-timeout=10), not asserted here.
        for input in inputs {
            let message = try Self.parse(input)
            _ = (message.subject, message.to.count, message.text.count)
        }
    }

    @Test func signaturesAndControlCharacters() throws {
        let signed = #"""
            From: a@b.nl
            Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary=s

            --s
            Content-Type: text/plain

            Ondertekend.
            --s
            Content-Type: application/pkcs7-signature; name=smime.p7s
            Content-Disposition: attachment; filename=smime.p7s

            MIIB
            --s--
            """#
        let message = try Self.parse(signed)
        #expect(message.text == "Ondertekend.")
        #expect(message.attachments.isEmpty)
        let html = "Content-Type: text/html\n\n<a href=\"https://x.nl/&#13;&#10;a\">x</a><pre>a\r\nb&#13;</pre>"
        let text = try Self.parse(html).text
        #expect(text == "x (https://x.nl/a)\n\na\nb")
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SplitMix64(seed: 2026)
        let seeds = Self.all.map { Array($0.utf8) }
        let tokens = ["\n", "\r\n", "--", ":", ";", "=?utf-8?B?", "?=", "<", ">", "&#", "\"", "boundary=", "multipart/"]
        for iteration in 0..<10_000 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                guard !bytes.isEmpty else { break }
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 5 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(contentsOf: Array(tokens[Int(generator.next() % UInt64(tokens.count))].utf8), at: position)
                case 3:
                    let length = min(bytes.count - position, Int(generator.next() % 64))
                    bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
                default: bytes.removeSubrange(position..<min(bytes.count, position + Int(generator.next() % 32)))
                }
            }
            if let message = try? InboundMessage.parse(bytes) {
                _ = (message.text.count, message.attachments.count, message.isBounce, message.isAutoReply)
            }
        }
    }
}
