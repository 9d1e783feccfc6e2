import Foundation
import Testing

@testable import MailFormat
@testable import PanelMail

/// Mail in the charsets panelists' own mailers still use: CJK, Cyrillic, the Windows code pages and ISO-8859-*.
///
/// Every sample was encoded with Python's codecs (`text.encode(codec)`, then base64), so the expected text is
/// independent of the decoder under test. Where a label is commonly used for a superset (gb2312 for GBK, Shift_JIS
/// for Windows CP932, ks_c_5601-1987 for CP949), the sample holds a character only the superset has.
@Suite struct LegacyCharsetTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var label: String
        var base64: String
        var text: String
        var testDescription: String { label }
    }

    static let samples: [Sample] = [
        // Chinese
        .init(label: "big5", base64: "wWPF6aSkpOW0+rjVoUG7+a7mo+E1MA==", text: "繁體中文測試，價格€50"),
        .init(label: "x-big5", base64: "wWPF6aSkpOU=", text: "繁體中文"),
        .init(label: "gb2312", base64: "vPLM5dbQzsSy4srUo6zN9Ya0", text: "简体中文测试，王喆"),
        .init(label: "gbk", base64: "vPLM5dbQzsSy4srU", text: "简体中文测试"),
        .init(label: "x-gbk", base64: "vPLM5dbQzsQ=", text: "简体中文"),
        .init(label: "GB18030", base64: "1tDOxCCUOfw2", text: "中文 😀"),
        // Japanese
        .init(label: "shift_jis", base64: "k/qWe4zqgsyDZYNYg2eHQA==", text: "日本語のテスト①"),
        .init(label: "x-sjis", base64: "k/qWe4zq", text: "日本語"),
        .init(label: "iso-2022-jp", base64: "GyRCRnxLXDhsJE4lRiU5JUgbKEI=", text: "日本語のテスト"),
        .init(label: "euc-jp", base64: "xvzL3LjspM6lxqW5pcg=", text: "日本語のテスト"),
        // Korean
        .init(label: "euc-kr", base64: "x9Gxub7uIMXXvbrGrg==", text: "한국어 테스트"),
        .init(label: "ks_c_5601-1987", base64: "x9Gxub7uIIxjueawosfP", text: "한국어 똠방각하"),
        // Cyrillic
        .init(label: "koi8-r", base64: "8NLJ18XULCDNydI=", text: "Привет, мир"),
        .init(label: "koi8-u", base64: "8NLJ16bULCDT16bUxSEgvSCkIKc=", text: "Привіт, світе! Ґ є ї"),
        // Windows code pages
        .init(label: "windows-1250", base64: "WmG/87PmIIRjeXRhdJQgliCd", text: "Zażółć „cytat” – ť"),
        .init(label: "windows-1251", base64: "z/Do4uXyIKvs6PC7IJc=", text: "Привет «мир» —"),
        .init(label: "windows-1252", base64: "k2phlCCAIIU=", text: "“ja” € …"),
        .init(label: "windows-1253", base64: "yuHr5+zd8eEgker88+zlkg==", text: "Καλημέρα ‘κόσμε’"),
        .init(label: "windows-1254", base64: "VPxya+dlIJPw/P79lA==", text: "Türkçe “ğüşı”"),
        .init(label: "windows-1255", base64: "+ezl7SCR8uXs7ZIgpA==", text: "שלום ‘עולם’ ₪"),
        .init(label: "windows-1256", base64: "49HNyMcgkcfh2sfh45IggQ==", text: "مرحبا ‘العالم’ پ"),
        .init(label: "windows-1257", base64: "TGlldHV2afgghODo5pM=", text: "Lietuvių „ąčę“"),
        // Vietnamese in windows-1258 composes tones with combining marks; String equality is canonical.
        .init(label: "windows-1258", base64: "VGnq7G5nIFZp6vJ0IJPwlA==", text: "Tiếng Việt “đ”"),
        .init(label: "cp1251", base64: "z/Do4uXy", text: "Привет"),
        .init(label: "windows-874", base64: "wNLJ0uS3wg==", text: "ภาษาไทย"),
        // ISO-8859
        .init(label: "iso-8859-1", base64: "Q2Fm6SDp6W4gbmHvZWY=", text: "Café één naïef"),
        .init(label: "ISO-8859-2", base64: "WmG/87PmIGfqtmyxIGphvPE=", text: "Zażółć gęślą jaźń"),
        .init(label: "iso-8859-3", base64: "xnUgdmkg/mF0YXMg+GluPyCh", text: "Ĉu vi ŝatas ĝin? Ħ"),
        .init(label: "iso-8859-4", base64: "TGF0dmlluXUg8++2aSDxILMg/g==", text: "Latviešu ķīļi ņ ŗ ū"),
        .init(label: "iso-8859-5", base64: "v+DY0tXiLCDc2OA=", text: "Привет, мир"),
        .init(label: "iso-8859-6", base64: "5dHNyMcgyMfk2cfk5Q==", text: "مرحبا بالعالم"),
        .init(label: "iso-8859-7", base64: "yuHr5+zd8eEg6vzz7OU=", text: "Καλημέρα κόσμε"),
        .init(label: "iso-8859-8", base64: "+ezl7SDy5ezt", text: "שלום עולם"),
        .init(label: "iso-8859-9", base64: "VPxya+dlIPD8/v325yDd", text: "Türkçe ğüşıöç İ"),
        .init(label: "iso-8859-10", base64: "U+FtZWdpZWxsYSC/ILkguw==", text: "Sámegiella ŋ đ ŧ"),
        .init(label: "iso-8859-11", base64: "wNLJ0uS3wg==", text: "ภาษาไทย"),
        .init(label: "iso-8859-13", base64: "TGlldHV2afgg4Ojm6+Hw+Pv+", text: "Lietuvių ąčęėįšųūž"),
        .init(label: "iso-8859-14", base64: "Q3ltcmFlZyDwIP4guA==", text: "Cymraeg ŵ ŷ ẁ"),
        .init(label: "iso-8859-15", base64: "pCC9IKYguA==", text: "€ œ Š ž"),
        .init(label: "iso-8859-16", base64: "Um9t4m7jOiC6IP4g4yDuIOI=", text: "Română: ș ț ă î â"),
        // Unicode in other forms
        .init(label: "utf-7", base64: "SGkgTW9tIC0rSmpvLS0h", text: "Hi Mom -☺-!"),
        .init(label: "unicode-1-1-utf-7", base64: "K0FPa0E2US1uICtJS3ct", text: "één €"),
        .init(label: "utf-16", base64: "//7pAOkAbgAgAKwg", text: "één €"),
    ]

    @Test(arguments: samples)
    func bodySubjectAndNameDecode(sample: Sample) throws {
        // Given a message whose body, subject and From name are all in the sample's charset
        let raw = """
            From: =?\(sample.label)?B?\(sample.base64)?= <panellid@example.net>
            To: reactie@tweedemening.example
            Subject: Re: =?\(sample.label)?B?\(sample.base64)?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset="\(sample.label)"
            Content-Transfer-Encoding: base64

            \(sample.base64)
            """

        // When it is parsed
        let message = try InboundMessage.parse(Array(raw.utf8))

        // Then all three read as the text that was encoded
        #expect(message.text == sample.text)
        #expect(message.subject == "Re: " + sample.text)
        #expect(message.from?.name == sample.text)
        #expect(message.from?.address == "panellid@example.net")
    }

    @Test func rfc2231FileNamesInLegacyCharsets() throws {
        // Given attachments named with RFC 2231 extended parameters in GBK (labelled gb2312) and ISO-8859-2,
        // one of them split into continuations
        let raw = #"""
            From: a@example.net
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=us-ascii

            Zie bijlagen.
            --b
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=gb2312''%CD%F5%86%B4%B5%C4%D2%E2%BC%FB.pdf

            %PDF
            --b
            Content-Type: application/pdf
            Content-Disposition: attachment;
             filename*0*=iso-8859-2''P%F8%EDli%B9;
             filename*1*=%20drah%E1.pdf

            %PDF
            --b--
            """#

        // When it is parsed
        let message = try InboundMessage.parse(Array(raw.utf8))

        // Then the file names are decoded in their charsets
        #expect(message.attachments.map(\.filename) == ["王喆的意见.pdf", "Příliš drahá.pdf"])
    }

    @Test func fallbackOrder() {
        // An alias iconv does not know by that name, mapped to the charset senders mean
        #expect(Charset.decode(Data(base64Encoded: "vPLM5dbQzsQ=")!, label: "x-gbk") == "简体中文")
        // A label nobody knows: UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise
        #expect(Charset.decode(Array("één".utf8), label: "x-no-such-charset") == "één")
        #expect(Charset.decode([0x93, 0x6A, 0x61, 0x94], label: "x-no-such-charset") == "\u{201C}ja\u{201D}")
        // A label that is not a charset name at all never reaches iconv
        #expect(Charset.decode(Array("één".utf8), label: "../../etc/passwd//TRANSLIT") == "één")
        #expect(Charset.decode(Array("één".utf8), label: String(repeating: "a", count: 500)) == "één")
        // Mislabelled: UTF-8 under a Big5 label (not valid Big5) is read as UTF-8
        #expect(Charset.decode(Array("één vraag — ja".utf8), label: "big5") == "één vraag — ja")
        // A broken byte in real Big5 costs one replacement character, not the whole text
        let big5 = [UInt8](Data(base64Encoded: "wWPF6aSkpOU=")!)
        #expect(Charset.decode(big5.prefix(4) + [0xFF] + big5.dropFirst(4), label: "big5") == "繁體\u{FFFD}中文")
        // A multi-byte character cut off at the end becomes one replacement character
        #expect(Charset.decode(big5.dropLast(), label: "big5") == "繁體中\u{FFFD}")
        // Stateful ISO-2022-JP that never shifts back to ASCII still decodes
        #expect(Charset.decode([0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C], label: "iso-2022-jp") == "日本")
    }

    @Test func encodedWordsInLegacyCharsets() {
        // Q encoding, and a multi-byte character split over two encoded-words by a sloppy sender
        #expect(HeaderEncoding.decode("=?koi8-r?q?=F0=D2=C9=D7=C5=D4?=") == "Привет")
        #expect(HeaderEncoding.decode("=?big5?B?wWPF?= =?big5?B?6aSkpOU=?=") == "繁體中文")
        // Words in different charsets next to each other
        #expect(HeaderEncoding.decode("=?gbk?B?1tDOxA==?= =?iso-8859-2?Q?=B9?=") == "中文š")
        // An unknown charset stays literal, as before
        #expect(HeaderEncoding.decode("=?x-no-such-charset?q?abc?=") == "=?x-no-such-charset?q?abc?=")
    }
}
