import Testing

@testable import PanelCore

/// Quote headers, separators and footers of the languages residents' phones speak (issue 14, item 1).
@Suite struct ReplyLanguagesTests {
    static let reply = "Ik vind dat de gemeente de traplift had moeten vergoeden."
    static let quote = "> Beste panellid,\n> Gemeente Utrecht legt u een besluit voor."

    @Test(arguments: [
        "Le mar. 3 mars 2026 à 17:21, De Tweede Mening <reply+k1.abc@reply.example> a écrit :",
        "El mar, 3 mar 2026 a las 17:21, De Tweede Mening (<reply+k1.abc@reply.example>) escribió:",
        "Em ter., 3 de mar. de 2026 às 17:21, De Tweede Mening <reply+k1.abc@reply.example> escreveu:",
        "Il giorno mar 3 mar 2026 alle ore 17:21 De Tweede Mening <reply+k1.abc@reply.example> ha scritto:",
        "wt., 3 mar 2026 o 17:21 De Tweede Mening <reply+k1.abc@reply.example> napisał(a):",
        "3 Mar 2026 Sal, saat 17:21 tarihinde De Tweede Mening <reply+k1.abc@reply.example> şunu yazdı:",
        "вт, 3 мар. 2026 г. в 17:21, De Tweede Mening <reply+k1.abc@reply.example>:",
        "вт, 3 бер. 2026 р. о 17:21 De Tweede Mening <reply+k1.abc@reply.example> пише:",
        "tis 3 mars 2026 kl 17:21 skrev De Tweede Mening <reply+k1.abc@reply.example>:",
        "ti. 3. mar. 2026 kl. 17:21 skrev De Tweede Mening <reply+k1.abc@reply.example>:",
        "ti 3.3.2026 klo 17.21 De Tweede Mening (reply+k1.abc@reply.example) kirjoitti:",
        "út 3. 3. 2026 v 17:21 odesílatel De Tweede Mening <reply+k1.abc@reply.example> napsal:",
        "În mar., 3 mar. 2026 la 17:21, De Tweede Mening <reply+k1.abc@reply.example> a scris:",
        "De Tweede Mening <reply+k1.abc@reply.example> 于2026年3月3日周二 17:21写道：",
        "2026年3月3日(火) 17:21 De Tweede Mening <reply+k1.abc@reply.example>:",
        "2016-03-03 17:21 GMT+01:00 De Tweede Mening <reply+k1.abc@reply.example>:",
        "في الثلاثاء، 3 مارس 2026 في 17:21 كتب De Tweede Mening <reply+k1.abc@reply.example>:",
    ])
    func quoteHeadersInEveryLanguage(header: String) {
        #expect(ReplyTrimmer.trim("\(Self.reply)\n\n\(header)\n\(Self.quote)") == Self.reply, "\(header)")
    }

    /// A "wrote:" line right under the reply, without a blank line, must not swallow the reply's last line.
    @Test func anAttributionRightUnderTheReplyKeepsTheLastLine() {
        let body =
            "Eerste regel.\n\(Self.reply)\nOp di 3 mrt 2026 om 17:21 schreef De Tweede Mening <reply+k1@x.example>:\n\(Self.quote)"
        #expect(ReplyTrimmer.trim(body) == "Eerste regel.\n\(Self.reply)")
    }

    @Test func aHeaderWrappedOverThreeLines() {
        let body =
            "\(Self.reply)\n\nOn Tue, 3 Mar 2026 at 17:21,\nDe Tweede Mening\n<reply+k1.abc@reply.example> wrote:\n\(Self.quote)"
        #expect(ReplyTrimmer.trim(body) == Self.reply)
    }

    @Test(arguments: [
        "Von: De Tweede Mening\nGesendet: Dienstag, 3. März 2026 17:21\nAn: Anna\nBetreff: Traplift",
        "Od: De Tweede Mening\nWysłane: wtorek, 3 marca 2026 17:21\nDo: Anna\nTemat: Traplift",
        "Kimden: De Tweede Mening\nGönderildi: 3 Mart 2026 Salı 17:21\nKime: Anna\nKonu: Traplift",
        "От: De Tweede Mening\nОтправлено: 3 марта 2026 г. 17:21\nКому: Anna\nТема: Traplift",
        "Från: De Tweede Mening\nSkickat: den 3 mars 2026 17:21\nTill: Anna\nÄmne: Traplift",
        "发件人: De Tweede Mening\n发送时间: 2026年3月3日 17:21\n收件人: Anna\n主题: Traplift",
        "差出人: De Tweede Mening\n送信日時: 2026年3月3日 17:21\n宛先: Anna\n件名: Traplift",
        "De la: De Tweede Mening\nTrimis: 3 martie 2026 17:21\nCătre: Anna\nSubiect: Traplift",
        "-------- Mensaje original --------\nDe: De Tweede Mening",
        "------------------ 原始邮件 ------------------\n发件人: De Tweede Mening",
        "-------- Исходное сообщение --------\nОт: De Tweede Mening",
    ])
    func headerBlocksAndSeparators(block: String) {
        #expect(ReplyTrimmer.trim("\(Self.reply)\n\n\(block)\n\nBeste panellid, …") == Self.reply, "\(block)")
    }

    @Test(arguments: [
        "Envoyé de mon iPhone", "Enviado desde mi iPhone", "Enviado do meu iPhone", "Inviato da iPhone",
        "Wysłane z iPhone'a", "iPhone'umdan gönderildi", "Отправлено с iPhone", "Надіслано з iPhone",
        "Skickat från min iPhone", "Sendt fra min iPhone", "Lähetetty iPhonesta", "Odesláno z iPhonu",
        "Trimis de pe iPhone-ul meu", "发自我的iPhone", "iPhoneから送信", "أرسلت من الـ iPhone",
        "Von meinem Samsung Galaxy Smartphone gesendet", "Verzonden vanaf mijn Galaxy",
    ])
    func mobileFootersInEveryLanguage(footer: String) {
        #expect(ReplyTrimmer.trim("\(Self.reply)\n\n\(footer)") == Self.reply, "\(footer)")
    }

    @Test func aSentenceAboutAnIPhoneIsNotAFooter() {
        let text = "Mijn moeder kan haar iPhone niet bedienen."
        #expect(ReplyTrimmer.trim(text) == text)
    }
}

extension ReplyLanguagesTests {
    /// "Op zich" begins many Dutch sentences: a reply line that starts so is not the start of the header below it.
    @Test func aSentenceBeginningWithOpIsNotAnAttribution() {
        let body =
            "Op zich vind ik het goed.\nOp di 3 mrt 2026 om 17:21 schreef De Tweede Mening <reply+k1@x.example>:\n\(Self.quote)"
        #expect(ReplyTrimmer.trim(body) == "Op zich vind ik het goed.")
    }
}
