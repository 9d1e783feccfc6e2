extension ReplyLanguage {
    /// Russian.
    static let ru = ReplyLanguage(
        code: "ru",
        attributionVerbs: ["пишет", "написал", "написала", "написал(а)"],
        separators: ["исходное сообщение", "пересылаемое сообщение", "пересланное сообщение"],
        forwardIntros: ["начало переадресованного сообщения:"],
        fromFields: ["от"],
        otherFields: ["отправлено", "кому", "тема", "дата", "копия"],
        footerPrefixes: ["отправлено с ", "отправлено из ", "получите outlook для "])
}
