extension ReplyLanguage {
    /// Turkish.
    static let tr = ReplyLanguage(
        code: "tr",
        attributionVerbs: ["şunu yazdı", "yazdı"],
        separators: ["orijinal mesaj", "özgün ileti", "iletilen mesaj", "özgün mesaj"],
        forwardIntros: ["iletilen mesajın başlangıcı:"],
        fromFields: ["kimden", "gönderen"],
        otherFields: ["gönderildi", "gönderilme tarihi", "kime", "alıcı", "konu", "tarih", "bilgi"],
        footerPrefixes: ["iphone'umdan gönderildi", "ipad'imden gönderildi", "android için outlook'u edinin"])
}
