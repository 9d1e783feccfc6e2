extension ReplyLanguage {
    /// Ukrainian.
    static let uk = ReplyLanguage(
        code: "uk",
        attributionVerbs: ["пише", "написав", "написала", "написав(ла)"],
        separators: ["оригінальне повідомлення", "початкове повідомлення", "переслане повідомлення"],
        forwardIntros: ["початок пересланого повідомлення:"],
        fromFields: ["від"],
        otherFields: ["надіслано", "кому", "тема", "дата", "копія"],
        footerPrefixes: ["надіслано з ", "надіслано від ", "завантажте outlook для "])
}
