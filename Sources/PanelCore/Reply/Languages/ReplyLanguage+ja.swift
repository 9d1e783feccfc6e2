extension ReplyLanguage {
    /// Japanese.
    static let ja = ReplyLanguage(
        code: "ja",
        attributionVerbs: ["書きました", "さんは書きました", "のメッセージ"],
        separators: ["元のメッセージ", "転送メッセージ", "転送されたメッセージ"],
        forwardIntros: ["転送されたメッセージ:"],
        fromFields: ["差出人", "送信者"],
        otherFields: ["送信日時", "日付", "宛先", "件名", "cc"],
        footerPrefixes: ["iphoneから送信", "ipadから送信", "android 用 outlook を入手"])
}
