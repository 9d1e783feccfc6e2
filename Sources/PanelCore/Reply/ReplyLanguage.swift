/// What one language's mail clients write around a reply: the words `ReplyTrimmer` recognises. Data, one file per
/// language in `Languages/`; to support another language, add a file and list it in `all`. All text lowercase.
public struct ReplyLanguage: Sendable {
    /// ISO 639-1.
    public var code: String
    /// How an attribution line may begin: "op " in "Op 3 mrt 2026 om 10:12 schreef …:".
    public var attributionOpeners: [String] = []
    /// The verb of an attribution line: "schreef", "wrote", "a écrit", "写道".
    public var attributionVerbs: [String] = []
    /// The words between the dashes of a separator line: "oorspronkelijk bericht" in "-----Oorspronkelijk bericht-----".
    public var separators: [String] = []
    /// A whole line that starts forwarded history: "begin doorgestuurd bericht:".
    public var forwardIntros: [String] = []
    /// Header names of a quoted message's sender ("van", "from") and of its other fields ("aan", "onderwerp").
    public var fromFields: [String] = []
    public var otherFields: [String] = []
    /// How a mobile or webmail footer line begins: "verzonden vanaf mijn ", "envoyé de mon ".
    public var footerPrefixes: [String] = []

    public static let all: [ReplyLanguage] = [
        .nl, .en, .de, .fr, .es, .pt, .it, .pl, .tr, .ar, .ru, .uk, .sv, .no, .da, .fi, .cs, .ro, .zh, .ja,
    ]
}
