import Foundation

/// What a panelist meant by a reply that has been trimmed of quotes (`ReplyTrimmer.trim`), read from its words
/// alone; the mailroom adds what depends on the round (is voting open?) and the sender.
///
/// The rules, in this order (docs/operations.md, "Antwoorden die geen argument zijn"):
/// 1. A greeting line at the top ("Beste,", "Hallo") and a closing at the bottom ("Groet, Anna", "Met
///    vriendelijke groet" and at most four short lines after it) are left out before reading.
/// 2. `stop`: a stop phrase in any of the languages of `ReplyPhrases.stop` is found and is most of the reply —
///    the letters of the phrases found are at least the letters of the other words, politeness words ("graag",
///    "aub", "please", "bitte") not counted. "Mensen moeten zich niet zomaar kunnen afmelden" stays an argument.
/// 3. `vote`: exactly one word, `VOOR` or `TEGEN`, in any case, with any punctuation around it.
/// 4. `thanks`: nothing is left (only an emoji, only a signature), or every word is a thanks or "ok" word.
/// 5. `ambiguousVote`: every word is a yes/no/support word ("ja", "nee", "ik steun het besluit", "eens",
///    "akkoord") or a thanks word, at least one of them the former ("Ja, dank u"); or the reply starts with a vote
///    word and has at most `shortVoteWords` words ("Voor, prima plan").
/// 6. Anything else is an `argument` ("Ja, ik steun het besluit omdat …": "omdat" is no yes/no word).
public enum ReplyIntent: Sendable, Equatable {
    case argument
    case vote(VoteChoice)
    case ambiguousVote
    case stop
    case thanks

    /// A reply that starts with a vote word and has at most this many words is a vote with a remark, not an argument.
    public static let shortVoteWords = 8

    public static func read(_ reply: String) -> ReplyIntent {
        let lines = ReplyPhrases.withoutGreetingAndClosing(reply)
        let tokens = ReplyPhrases.tokens(lines.joined(separator: "\n"))
        if ReplyPhrases.isStop(tokens) { return .stop }
        if tokens.count == 1, let choice = ReplyPhrases.voteWords[tokens[0]] { return .vote(choice) }
        if tokens.allSatisfy(ReplyPhrases.thanks.contains) { return .thanks }
        let sideWords = ReplyPhrases.voteLike.union(ReplyPhrases.voteWords.keys)
        if tokens.allSatisfy({ sideWords.contains($0) || ReplyPhrases.thanks.contains($0) }),
            tokens.contains(where: sideWords.contains)
        {
            return .ambiguousVote
        }
        if ReplyPhrases.voteWords[tokens[0]] != nil, tokens.count <= shortVoteWords { return .ambiguousVote }
        return .argument
    }
}

/// The words and phrases `ReplyIntent` reads, as data: add a language by adding its phrases. Every entry is
/// compared after `tokens` (lowercased, accents and dots removed), so write them as a person would type them.
public enum ReplyPhrases {
    /// "Stop mailing me" in ordinary words, by language.
    public static let stopByLanguage: [String: [String]] = [
        "nl": [
            "afmelden", "afmelding", "meld mij af", "meld me af", "afgemeld", "uitschrijven", "schrijf mij uit",
            "schrijf me uit", "haal mij van de lijst", "haal me van de lijst", "haal mij uit het panel",
            "ik wil geen mail meer", "ik wil geen e-mail meer", "ik wil geen mails meer", "geen mail meer",
            "geen e-mail meer", "geen mails meer", "stop met mailen", "stop met e-mailen", "stoppen met mailen",
            "ik wil stoppen", "ik stop ermee", "ik wil niet meer meedoen", "niet meer meedoen", "stop",
        ],
        "en": [
            "unsubscribe", "please remove me", "remove me", "remove me from the list", "take me off the list",
            "stop emailing me", "stop mailing me", "stop sending me emails", "no more emails", "opt out", "opt-out",
        ],
        "de": ["abmelden", "abbestellen", "austragen", "bitte austragen", "keine mails mehr", "keine e-mails mehr"],
        "fr": ["désabonner", "désinscrire", "me désabonner", "désinscription", "désabonnement", "plus de mails"],
        "es": ["darse de baja", "darme de baja", "dar de baja", "cancelar suscripción", "no más correos"],
        "pt": ["cancelar inscrição", "cancelar assinatura", "descadastrar", "remover inscrição"],
        "it": ["disiscrivimi", "annulla iscrizione", "cancellami", "disiscrizione", "non voglio più email"],
        "pl": ["wypisz mnie", "wypisać", "rezygnuję", "rezygnacja z subskrypcji", "usuń mnie z listy"],
        "tr": ["aboneliği iptal", "abonelikten çık", "abonelikten çıkar", "listeden çıkar"],
        "ar": ["إلغاء الاشتراك", "الغاء الاشتراك", "أزلني من القائمة"],
        "ru": ["отписаться", "отпишите меня", "удалите меня из списка", "отписка"],
        "uk": ["відписатися", "відпишіть мене", "видаліть мене зі списку"],
        "sv": ["avregistrera", "avsluta prenumeration", "avprenumerera", "ta bort mig"],
        "no": ["meld meg av", "avmeld", "avslutt abonnement", "fjern meg fra listen"],
        "da": ["afmeld", "frameld", "afmeld mig", "fjern mig fra listen"],
        "fi": ["peru tilaus", "poista minut listalta", "lopeta tilaus"],
        "cs": ["odhlásit", "odhlásit se", "odhlaste mě", "zrušit odběr"],
        "ro": ["dezabonare", "dezabonează-mă", "dezabonati-ma", "scoateți-mă de pe listă"],
        "zh": ["退订", "取消订阅", "退訂", "取消訂閱"],
        "ja": ["配信停止", "購読解除", "登録解除"],
    ]

    /// Words that say nothing by themselves, in a stop request ("graag afmelden", "afmelden a.u.b.").
    public static let politeness: Set<String> = tokenSet([
        "graag", "aub", "alstublieft", "alsjeblieft", "svp", "please", "pls", "bitte", "por favor", "per favore",
        "proszę", "lütfen", "пожалуйста", "будь ласка", "tack", "takk", "kiitos", "prosím", "vă rog", "请", "してください",
        "ください", "お願いします",
        "beste", "hallo", "hoi", "hi", "hello", "dank", "bedankt", "u", "wel", "thanks", "ik", "wil", "mij", "me", "mijn",
        "want", "to", "i", "ich", "möchte", "je", "veux", "quiero", "quero", "voglio", "chcę", "istiyorum", "хочу",
        "хочу", "jag", "vil", "jeg", "haluan", "chci", "vreau", "من", "فضلك", "voor", "het", "panel", "dit", "deze",
        "van", "de", "lijst", "nu", "direct", "meteen", "svp",
    ])

    /// Replies that need no argument and no answer: thanks, "ok", a thumbs up.
    public static let thanks: Set<String> = tokenSet([
        "dank", "danku", "dankuwel", "dankjewel", "dankje", "bedankt", "hartelijk", "hartelijke", "heel", "erg",
        "wel", "u", "je", "jullie", "voor", "de", "het", "uw", "bericht", "informatie", "info", "mail", "ok", "oke",
        "okay", "okido", "prima", "top", "fijn", "goed", "begrepen", "ontvangen", "gelezen", "thanks", "thank", "you",
        "thx", "tnx", "merci", "danke", "gracias", "obrigado", "grazie", "dziękuję", "teşekkürler", "спасибо",
        "дякую", "tak", "takk", "kiitos", "děkuji", "mulțumesc", "谢谢", "ありがとう", "شكرا", "great", "super", "mooi",
        "zo", "helemaal", "duidelijk", "vriendelijk",
    ])

    /// The two vote words, as in the vote mail.
    public static let voteWords: [String: VoteChoice] = ["voor": .support, "tegen": .oppose]

    /// Words of a reply that takes a side without saying why: "ja", "nee, ik steun het besluit niet".
    public static let voteLike: Set<String> = tokenSet([
        "ja", "nee", "neen", "jawel", "zeker", "ik", "steun", "steunen", "het", "besluit", "niet", "wel", "eens",
        "oneens", "mee", "akkoord", "de", "gemeente", "van", "ben", "daar", "dat", "dit", "stem", "stemmen", "mijn",
        "is", "helemaal", "absoluut", "yes", "no", "agree", "disagree", "support", "oppose", "ok", "prima", "goed",
    ])

    /// Lines that open a mail ("Beste,", "Hallo team"), left out before reading.
    static let greetings: Set<String> = tokenSet([
        "beste", "hallo", "hoi", "geachte", "dag", "goedemorgen", "goedemiddag", "goedenavond", "hello", "hi", "dear",
    ])

    /// Lines that close a mail ("Groet, Anna", "Met vriendelijke groet"), left out with what follows.
    static let closings: [[String]] = [
        "groet", "groeten", "groetjes", "gr", "grt", "mvg", "met vriendelijke groet", "met vriendelijke groeten",
        "vriendelijke groet", "vriendelijke groeten", "hartelijke groet", "hartelijke groeten", "vr gr", "vrgr",
        "met groet", "liefs", "regards", "kind regards", "best regards", "cheers", "mfg", "cordialement",
        "saludos", "verzonden vanaf mijn iphone", "sent from my iphone", "verstuurd vanaf mijn iphone",
    ].map(tokens)

    /// Every stop phrase, as tokens.
    static let stop: [[String]] = stopByLanguage.values.flatMap { $0 }.map(tokens).filter { !$0.isEmpty }

    /// Lowercased words without accents, dots, apostrophes or hyphens inside them: "A.u.b." → "aub",
    /// "e-mailen" → "emailen". Emoji and punctuation are no words.
    public static func tokens(_ text: String) -> [String] {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "-", with: "")
        return folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func tokenSet(_ words: [String]) -> Set<String> { Set(words.flatMap(tokens)) }

    /// Scripts written without spaces: their phrases match anywhere inside a word.
    static func unspaced(_ word: String) -> Bool {
        word.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Whether a stop phrase is found and is most of the reply (rule 2).
    static func isStop(_ tokens: [String]) -> Bool {
        guard !tokens.isEmpty, tokens.count <= 20 else { return false }
        var rest = tokens
        var matched = 0
        for phrase in stop.sorted(by: { $0.joined().count > $1.joined().count }) {
            if phrase.count == 1, unspaced(phrase[0]) {
                for index in rest.indices where rest[index].contains(phrase[0]) {
                    matched += phrase[0].count
                    rest[index] = rest[index].replacingOccurrences(of: phrase[0], with: "")
                }
                continue
            }
            var index = 0
            while index + phrase.count <= rest.count {
                if Array(rest[index..<index + phrase.count]) == phrase {
                    matched += phrase.joined().count
                    rest.removeSubrange(index..<index + phrase.count)
                } else {
                    index += 1
                }
            }
        }
        guard matched > 0 else { return false }
        // In a script without spaces a polite ending is part of the word: 配信停止してください.
        rest = rest.map { word in
            politeness.filter(unspaced).reduce(word) { $0.replacingOccurrences(of: $1, with: "") }
        }
        let other = rest.filter { !$0.isEmpty && !politeness.contains($0) }.map(\.count).reduce(0, +)
        return matched >= other
    }

    /// The reply's lines without a greeting line at the top and a closing at the bottom (rule 1).
    static func withoutGreetingAndClosing(_ reply: String) -> [String] {
        var lines = reply.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if lines.count > 1, let first = lines.first {
            let words = tokens(first)
            if let word = words.first, greetings.contains(word), words.count <= 4 { lines.removeFirst() }
        }
        for (index, line) in lines.enumerated() {
            let words = tokens(line)
            guard closings.contains(where: { words.starts(with: $0) && words.count <= $0.count + 4 }) else { continue }
            let after = lines[(index + 1)...]
            if after.count <= 4, after.allSatisfy({ tokens($0).count <= 5 }) {
                return Array(lines[..<index])
            }
        }
        return lines
    }
}
