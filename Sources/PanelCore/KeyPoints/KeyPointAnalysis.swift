import Foundation

/// Turns a panel's free-text arguments into key points: sentences from the residents' own words, each with how
/// many residents made it, what it says about the decision, and which arguments make it. Offline and deterministic.
///
/// The method follows Key Point Analysis (Bar-Haim et al., 2020–2021), extractive:
/// 1. Arguments are split into sentences; each sentence is read for what it does: a point, a question, thanks or
///    a compliment, case text quoted back, a remark on tone, a statement that information is missing.
/// 2. A point's sentence becomes a set of features: stems (accents folded, Dutch Snowball), compounds split
///    against the round's own words, a word of a synonym group of the social-domain lexicon also as its group,
///    a negated word as its own feature, and no stop word, number or word that most arguments share; weighted by
///    IDF and by what the labelled set taught about the feature (`CorpusModel`).
/// 3. Every good sentence is a candidate; it covers the sentences at least `coverThreshold` alike (cosine over
///    IDF-weighted features). Greedily the candidate covering the most residents not yet covered becomes a
///    key point, until no candidate covers two. Key points whose centres are alike merge; every sentence then
///    joins the centre it is closest to, when close enough.
/// 4. A key point is stated by its member sentence closest to its centre, stripped of openings like "Ik vind
///    dat". Its stance comes from what its members say (cue phrases, words that lean across the labelled set,
///    the standpoint they echo), never from votes. A reaction that agrees with an argument ("Eens met #3") counts
///    its author toward that argument's key points. Sentences left over become points of their own ("Ook
///    genoemd"): nothing distinct is cut.
/// 5. Missing information and remarks on tone are grouped the same way among themselves.
public enum KeyPointAnalysis {
    /// Two sentences at least this alike make the same point. 0.34 until 2026-12-06: two cases written blind that day
    /// showed 21% and 35% of key points mixing points (the tune cases 14%). Chosen on the eleven tune cases, mean of 20:
    /// 0.34 ARI 0.191, incoherent 12.6%; 0.36 0.192, 11.7%; 0.38 0.186, 10.0% but three neighbours in other words no
    /// longer one point in a small round (`paraphrasesOfOnePointBecomeOneKeyPointCountedByResidents`). Then, once: the
    /// aside cases 0.158 / 12.9% -> 0.161 / 13.3%, the untouched new case 0.151 / 30.6% -> 0.163 / 24.5%.
    static let coverThreshold: Float = 0.36
    /// A sentence joins a key point's centre at least this alike.
    static let joinThreshold: Float = 0.30
    /// A sentence no group took joins the closest centre at least this alike before it stands alone. 0.22 until
    /// 2026-12-05: on five tune cases (two written blind that day) 0.25 cut the key points that mix points from 15% to
    /// 12% (mean over 20 subsamples 12.5% -> 8.6%) at the same ARI. (A cover threshold of 0.42 did better still, 8%,
    /// but then the second point of a two-point argument in a small round stood alone.) 0.28 since 2026-12-06, third
    /// session, with the cover threshold at 0.36: fresh cases mix points more than the tune cases, so the tune cases
    /// are held at 10% at most. Eleven tune cases, mean of 20: 0.25 ARI 0.192, incoherent 11.7%; 0.28 0.189, 10.0%;
    /// 0.30 0.189, 9.6% but two of three residents on money no longer one point in a small round. Then, once: the aside
    /// cases 0.161 / 13.3% -> 0.157 / 12.8%, the untouched fresh case 0.163 / 24.5% -> 0.163 / 21.7%.
    static let leftoverThreshold: Float = 0.28
    /// A sentence no group took that says its side joins the closest group on that side from here. Seven tune cases,
    /// mean of 20: no such step 0.204 (incoherent 9.6%), 0.22 0.207, 0.18 0.211, 0.14 0.220 (10.9%), 0.10 0.214
    /// (13.6%), 0.06 0.216 (14.8%); key points 236 -> 219. 0.18 since 2026-12-06, later: with the round's learnt lean
    /// deciding more sides, 0.14 joined too much (ten tune cases, whole rounds: incoherent 17.2% at 0.14, 13.0% at
    /// 0.18, 12.9% at 0.20; mean of 20 with the shipped model, ARI 0.195 and 11.9% at 0.18).
    static let sideJoinThreshold: Float = 0.18
    /// Key points whose centres are at least this alike are one.
    static let mergeThreshold: Float = 0.30
    /// How much of its argument's other words a sentence carries (its own count 1). Measured on the tune cases:
    /// borrowing only for short sentences did worse (ARI 0.26 against 0.30, incoherent 16% against 5%).
    static let contextWeight: Float = 0.35
    /// Two sentences that lean to opposite sides are this much less alike.
    static let oppositeLean: Float = 0.7
    /// An argument or key point naming no side takes the side its words lean to when the log-odds learnt from the
    /// round (`KeyPointClustering.learntLeans`) are at least this. Since the lean is smoothed toward each word's
    /// own rate (2026-12-06), 1 puts more on their gold side than 2 (nine tune cases, each with a corpus model learnt
    /// from the others: arguments 66% against 64%, key points 65% against 62%; docs/keypoints.md).
    static let learntMargin: Float = 1
    /// Where no phrase names a side, the round's lean and the labelled set's (`CorpusModel`) are added, the labelled
    /// set's at this weight, and the sum decides at `learntMargin`. Before 2026-12-06 the round's lean came first and
    /// the labelled set's counted only when the round's said nothing. Weight 2 put one or two more arguments in a
    /// hundred on their gold side than 1, but let the labelled set overrule a round that clearly says the other side
    /// ("… dat gaat een keer mis": "mis" leans against across the set): 1, both on an equal footing (docs/keypoints.md).
    static let corpusWeight: Float = 1
    /// Remarks on tone group at least this alike.
    static let remarkThreshold: Float = 0.30
    /// Statements of missing information group at least this alike: at 0.30 the ten tune cases showed 136 needs for
    /// 45 distinct gold needs, 54 of them repeating one a larger need already stood for; at 0.20, 116 needs, 40
    /// repeats, one need of 28 mixing two gold needs, one gold need absorbed by another (`keypoints-subsample.py
    /// --needs`; the aside cases, after the choice: 72 -> 60 needs, 32 -> 22 repeats).
    static let missingThreshold: Float = 0.20
    /// A feature in more than this share of the arguments (in a round of at least 20) names nothing.
    static let commonShare = 0.3
    /// Groups one greedy pass forms at most (a digest a person can read; beyond, points stand alone).
    static let maximumGroups = 80
    /// Candidates per round at most: beyond, an even spread of them.
    static let maximumCandidates = 2500

    /// The questions one argument puts to the municipality, as sentences: the same the verdict lists under "Vragen die
    /// in de bijdragen stonden". A factual question (ending in "?", at least five words, opening with an interrogative
    /// or the verb a Dutch question puts first: "Heeft de aanbieder ook kleinere groepen?") or one that says it asks
    /// ("Ik vraag me af of …"); not a rhetorical one ("Sparen? Waarvan?", "Wat wil je nog meer?"), not one about
    /// the panel itself (for the moderator), and not one about another matter of the municipality ("Los van deze
    /// zaak: wanneer komen de nieuwe containers?"): that one is not for this case's officer.
    public static func questions(in text: String, caseText: KeyPointCaseText = .init()) -> [String] {
        var reading = KeyPointReading(lexicon: .socialDomain)
        let argument = KeyPointArgument(number: 1, author: 1, text: text)
        return reading.read([argument], caseText: caseText).filter { $0.role == .question && $0.asks }.map(\.text)
    }

    /// The one rule for a factual question: see `questions(in:)`.
    ///
    /// The question may open after a clause of its own, behind a comma, colon or semicolon ("Ik ben voor, maar wat
    /// moet hij in die stabilisatiefase doen?", "Bovendien: hoeveel houdt mevrouw over?"), and a yes/no question opens
    /// with any finite verb before its subject ("Telt zo'n behandeling dan niet mee?"). Rhetorical ones are not
    /// factual (`isRhetorical`).
    static func isFactualQuestion(_ sentence: String, words: [String]) -> Bool {
        let trimmed = sentence.trimming { $0.isWhitespace || "\"')”’".contains($0) }
        guard trimmed.hasSuffix("?"), words.count >= 5, !words.contains(where: KeyPointReading.aboutThePanel.contains) else {
            return false
        }
        let parts = trimmed.split(whereSeparator: { ",:;".contains($0) }).map { KeyPointText.words(String($0)) }
        for index in parts.indices {
            var clause = Array(parts[index...].joined())
            if KeyPointReading.questionJoiners.contains(clause.first ?? "") { clause.removeFirst() }
            guard clause.count >= 4, opensQuestion(clause, first: index == 0) else { continue }
            return !isRhetorical(clause)
        }
        return false
    }

    /// A clause opening a question: an interrogative, a verb a Dutch question puts first, or (the sentence's first
    /// clause only) any word that is no adverb or pronoun before a subject ("Krijgen de ouders …", "Zit ze …").
    private static func opensQuestion(_ clause: [String], first: Bool) -> Bool {
        if KeyPointReading.questionOpeners.contains(clause[0]) { return true }
        return first && clause[0].count >= 3 && !KeyPointReading.notVerbs.contains(clause[0])
            && KeyPointReading.subjects.contains(clause[1])
    }

    /// A question that argues instead of asking: one to an imagined "je" ("Wat wil je nog meer?"), one that expects
    /// agreement ("… toch?"), a proposal ("Waarom niet gewoon …", "Kan de gemeente niet gewoon …"), a complaint
    /// ("Waarom zou …", "Waarom moet …", "Wie zegt …", "… dan ook maar …").
    static func isRhetorical(_ clause: [String]) -> Bool {
        // On the tune cases none of the seven replies whose questions put "je" as their subject asked the
        // municipality anything; a "je" further on is anyone ("… via een route waar je veilig kunt fietsen?").
        if clause.prefix(4).contains(where: { $0 == "je" || $0 == "jij" }) { return true }
        if clause.contains("toch") { return true }
        if clause.indices.dropLast().contains(where: { clause[$0] == "niet" && clause[$0 + 1] == "gewoon" }) { return true }
        let opening = clause.prefix(2).joined(separator: " ")
        if ["waarom zou", "waarom zouden", "waarom moet", "waarom moeten", "waarom niet", "wie zegt"].contains(opening) {
            return true
        }
        return clause.indices.dropLast(2).contains { clause[$0] == "dan" && clause[$0 + 1] == "ook" && clause[$0 + 2] == "maar" }
    }

    /// The key points of a round. `model` is what the labelled set taught (`CorpusModel`); `.none` measures without it.
    public static func analyse(
        _ input: [KeyPointArgument], caseText: KeyPointCaseText = .init(), model: CorpusModel = .shipped
    ) -> KeyPointReport {
        let (arguments, reading, sentences) = read(input, caseText: caseText, featureWeights: model.features)
        return KeyPointClustering(arguments: arguments, sentences: sentences, reading: reading, model: model).report()
    }

    /// The features of each argument's point sentences (what grouping compares; no feature most arguments share), per
    /// argument number: what `scripts/eval/corpus_model.py` learns feature weights from.
    public static func pointFeatures(_ input: [KeyPointArgument], caseText: KeyPointCaseText = .init()) -> [Int: [String]] {
        let (arguments, reading, sentences) = read(input, caseText: caseText, featureWeights: [:])
        return wordsByArgument(arguments, sentences.filter { $0.role == .point && !$0.missing && !$0.tone }) {
            $0.features.map { reading.featureNames[Int($0)] }
        }
    }

    /// The words `CorpusModel` weighs for stance, per argument number: what `scripts/eval/corpus_model.py` learns from.
    public static func stanceWords(_ input: [KeyPointArgument], caseText: KeyPointCaseText = .init()) -> [Int: [String]] {
        let (arguments, _, sentences) = read(input, caseText: caseText, featureWeights: [:])
        return wordsByArgument(arguments, sentences.filter(KeyPointClustering.carriesStance)) { $0.stanceWords }
    }

    /// The arguments in number order, and their sentences read.
    static func read(
        _ input: [KeyPointArgument], caseText: KeyPointCaseText, featureWeights: [String: Float]
    ) -> (arguments: [KeyPointArgument], reading: KeyPointReading, sentences: [ReadSentence]) {
        let arguments = input.sorted { $0.number < $1.number }
        var reading = KeyPointReading(lexicon: .socialDomain)
        reading.featureWeights = featureWeights
        let sentences = reading.read(arguments, caseText: caseText)
        return (arguments, reading, sentences)
    }

    /// Each argument number's `words` over its `sentences`, once each, sorted.
    static func wordsByArgument(
        _ arguments: [KeyPointArgument], _ sentences: [ReadSentence], words: (ReadSentence) -> [String]
    ) -> [Int: [String]] {
        var result: [Int: Set<String>] = [:]
        for sentence in sentences { result[arguments[sentence.argument].number, default: []].formUnion(words(sentence)) }
        return result.mapValues { $0.sorted() }
    }
}

/// What a sentence does.
enum SentenceRole: Equatable {
    case point
    case question
    case thanks
    /// After "Los van deze casus" and the like: about something else, neither a point nor a question of the case.
    case offTopic
    case quoted
    case tooShort
}

/// One sentence of one argument, read.
struct ReadSentence {
    var argument: Int
    var position: Int
    var text: String
    var role: SentenceRole
    var missing: Bool
    /// A question put to the municipality (a factual question, or "Ik vraag me af …"), not a rhetorical one
    /// ("Sparen? Waarvan?", "Wat wil je nog meer?"): only these reach the questions part and the question signal.
    var asks = false
    var tone: Bool
    var support: Int
    var oppose: Int
    var middle: Int
    /// Feature ids, ascending, unique.
    var features: [Int32]
    /// The words `CorpusModel` weighs for stance.
    var stanceWords: [String] = []
    /// The features this round's learnt lean weighs (`KeyPointClustering.learntLeans`): `features`, less what the
    /// sentence only concedes ("Sneu voor haar, maar regels zijn regels").
    var leanFeatures: [Int32] = []
    var vector = SparseVector()
    /// What the sentence, or else its argument, says about the decision: for keeping sides apart.
    var lean: Stance = .unclear
    /// Words and characters, counted once (sorting compares them often).
    var wordCount = 0
    var length = 0
}

/// A unit-length vector: ids ascending with their weights.
struct SparseVector {
    var ids: [Int32] = []
    var weights: [Float] = []

    init() {}

    /// The entries scaled to unit length, ids ascending.
    init(normalising entries: [Int32: Float]) {
        // Summed in id order: a dictionary's own order differs between instances, and a float sum in another
        // order can differ in its last bit, enough to flip a threshold and make the report depend on chance.
        let sorted = entries.sorted { $0.key < $1.key }
        let norm = sorted.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
        guard norm > 0 else { return }
        for (id, weight) in sorted {
            ids.append(id)
            weights.append(weight / norm)
        }
    }

    func dot(_ other: SparseVector) -> Float {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    func dot(dense: [Float]) -> Float {
        var sum: Float = 0
        for index in ids.indices { sum += weights[index] * dense[Int(ids[index])] }
        return sum
    }
}

/// Reads sentences: roles, cues, features.
struct KeyPointReading {
    let lexicon: KeyPointLexicon
    var stems = StemCache()
    var featureIds: [String: Int32] = [:]
    var featureNames: [String] = []
    /// Stems of every word of four letters or more in the round, for splitting compounds.
    var vocabulary: Set<String> = []
    var negations: Set<String> = []
    var idf: [Float] = []
    /// How much each feature is worth beside its IDF (`CorpusModel.features`; 1 when not listed).
    var featureWeights: [String: Float] = [:]
    var municipality = SparseVector()
    var applicant = SparseVector()
    var municipalitySentences: [(text: String, vector: SparseVector)] = []

    init(lexicon: KeyPointLexicon) {
        self.lexicon = lexicon
        var cache = StemCache()
        negations = Set(["niet", "geen", "nooit", "niks", "niets", "nergens"].map { cache.stem($0) })
        for phrases in lexicon.cue(.negation).byFirst.values {
            for phrase in phrases where phrase.count == 1 { negations.insert(phrase[0]) }
        }
    }

    /// Words of a question about the panel itself rather than the case.
    static let aboutThePanel: Set<String> = [
        "panel", "panelleden", "panellid", "mailadres", "emailadres", "aanmelden", "afmelden", "uitschrijven", "mails",
        "mailtjes", "nieuwsbrief", "stemmen", "stemming",
    ]
    /// Joining words a question may follow: "En gaat haar huurtoeslag dan ook omlaag?".
    static let questionJoiners: Set<String> = ["en", "maar", "want", "dus", "of", "bovendien", "ook"]
    /// Words that open a sentence without being its verb, though a subject may follow ("Dan is het …", "Nu de …").
    static let notVerbs: Set<String> = [
        "dan", "nu", "toen", "toch", "dus", "daarom", "misschien", "eigenlijk", "echt", "gewoon", "hier", "daar", "nog",
        "wel", "niet", "alleen", "als", "omdat", "terwijl", "zodat", "want", "maar", "ook", "zelfs", "helaas", "gelukkig",
        "natuurlijk", "immers", "vroeger", "later", "straks", "daarna", "eerst", "soms", "vaak", "altijd", "nooit",
        "volgens", "voor", "tegen", "met", "zonder", "bij", "van", "naar", "door", "over", "uit", "tot", "sinds", "per",
        "welke", "die", "dat", "deze", "dit", "het", "een", "de", "zo", "mijn", "onze", "haar", "zijn", "hun", "elke",
        "iedere", "geen", "alle", "veel", "weinig", "meer", "minder", "oftewel", "kortom", "stel", "ondanks",
        "hoewel", "zeker", "vooral", "ja", "nee", "jawel", "tja", "oke", "goh",
    ]
    /// Subjects a finite verb stands before in a yes/no question.
    static let subjects: Set<String> = [
        "ze", "zij", "hij", "u", "de", "het", "die", "dat", "deze", "dit", "er", "men", "iemand", "mevrouw", "meneer",
        "zo", "haar", "zijn", "hun", "mijn", "onze", "we", "wij", "ik", "jullie", "een", "ouders", "moeder", "vader",
        "zoon", "dochter",
    ]
    /// Words that open a question asking for facts: interrogatives and the verbs Dutch puts first in a question.
    static let questionOpeners: Set<String> = [
        "waarom", "hoeveel", "hoe", "wat", "welke", "welk", "wie", "wanneer", "waar", "is", "zijn", "heeft", "hebben", "kan",
        "kunnen", "wordt", "worden", "was", "waren", "klopt", "weet", "weten", "bestaat", "komt", "krijgt", "gaat", "mag",
        "moet", "zou", "had", "kreeg",
    ]

    mutating func feature(_ name: String) -> Int32 {
        if let id = featureIds[name] { return id }
        let id = Int32(featureNames.count)
        featureIds[name] = id
        featureNames.append(name)
        return id
    }

    mutating func read(_ arguments: [KeyPointArgument], caseText: KeyPointCaseText) -> [ReadSentence] {
        var split: [(argument: Int, position: Int, text: String, words: [String], stems: [String])] = []
        for (index, argument) in arguments.enumerated() {
            for (position, sentence) in KeyPointText.sentences(argument.text).enumerated() {
                let words = KeyPointText.words(sentence)
                guard !words.isEmpty else { continue }
                split.append((index, position, sentence, words, words.map { stems.stem($0) }))
            }
        }
        for entry in split {
            for (word, stem) in zip(entry.words, entry.stems) where word.count >= 4 { vocabulary.insert(stem) }
        }
        vocabulary.formUnion(lexicon.concepts.keys)

        var sentences = split.map { entry in
            readSentence(
                argument: entry.argument, position: entry.position, text: entry.text, words: entry.words, stems: entry.stems)
        }

        // Case text quoted back is no argument of the resident's.
        let caseSentences = KeyPointText.sentences(caseText.fullText).map { sentence -> Set<Int32> in
            let words = KeyPointText.words(sentence)
            return Set(features(words: words, stems: words.map { stems.stem($0) }, skipping: []))
        }.filter { $0.count >= 3 }
        for index in sentences.indices where sentences[index].features.count >= 4 && sentences[index].role == .point {
            let own = Set(sentences[index].features)
            if caseSentences.contains(where: { Double($0.intersection(own).count) >= 0.8 * Double(own.count) }) {
                sentences[index].role = .quoted
            }
        }

        // A sentence quoting the municipality's own words and saying something about those words ("'Had hiervoor moeten
        // reserveren' klinkt als een verwijt", "'de aanvrager', alsof het een dossiernummer is") remarks on how the
        // decision was put. A quote alone is mostly a point about what it says ("In de tekst staat alleen 'een klein
        // bedrag'"): on six tune cases tone precision 0.64 -> 0.80, recall 0.83 -> 0.78.
        let municipalityWords = Set(KeyPointText.words(caseText.municipalityView + "\n" + caseText.fullText))
        let aboutWording: Set<String> = [
            "alsof", "klinkt", "woord", "woorden", "zin", "term", "steekt", "stoort", "opgeschreven", "geformuleerd",
            "verwoord", "lelijk", "kwetsend",
        ]
        // So does one saying how the municipality writes it, quote or not ("De gemeente schrijft dat het budget onder
        // druk staat, alsof mevrouw daar iets aan kan doen").
        let writes: Set<String> = ["schrijft", "schrijven", "schreef", "noemt", "noemen", "formuleert", "verwoordt", "stelt"]
        for index in sentences.indices where !sentences[index].tone && split[index].words.contains(where: aboutWording.contains) {
            if split[index].words.contains(where: writes.contains) {
                sentences[index].tone = true
            } else if Self.quotes(in: sentences[index].text).contains(where: { quoted in
                let words = KeyPointText.words(quoted)
                return words.count >= 2 && Double(words.count { municipalityWords.contains($0) }) >= 0.8 * Double(words.count)
            }) {
                sentences[index].tone = true
            }
        }
        // "Ik stem tegen. Maar als de gemeente per se wil …": the same giving way over two sentences.
        for index in sentences.indices.dropLast() {
            let next = sentences[index + 1]
            guard sentences[index].argument == next.argument, sentences[index].support + sentences[index].oppose > 0,
                sentences[index].middle == 0, split[index + 1].words.first == "maar", next.role == .point, !next.tone,
                !next.missing, next.support + next.oppose == 0
            else { continue }
            sentences[index].support = 0
            sentences[index].oppose = 0
            sentences[index].middle = 1
        }
        // "Sneu voor hem. Maar regels zijn regels.": a sentence that names no side, followed in its argument by one opening
        // on "Maar", is granted to the other side; its words do not lean.
        for index in sentences.indices.dropLast() {
            let next = sentences[index + 1]
            guard sentences[index].argument == next.argument, sentences[index].support + sentences[index].oppose == 0,
                split[index + 1].words.first == "maar", next.role == .point, !next.tone
            else { continue }
            sentences[index].stanceWords = []
            sentences[index].leanFeatures = []
        }
        // "Los van deze casus: …" turns to something else: that sentence and the rest of the reply are no point and no
        // question of the case (the question about the litter on the street is not for this municipality's officer).
        var offTopicFrom: [Int: Int] = [:]
        for (index, entry) in split.enumerated() where offTopicFrom[entry.argument] == nil {
            if lexicon.cue(.offtopic).matches(entry.stems).contains(where: { $0.start <= 1 }) {
                offTopicFrom[entry.argument] = index
            }
        }
        // Without such an opening, a sentence about another matter of the municipality (the loose paving stones, the
        // bench at the bus stop, the phone line of the loket) that takes no side and shares no word with the case
        // turns to something else as well, if nothing after it in the reply takes a side. Words are compared as stems
        // with the two standpoints, not as synonym groups and not with the whole case: the case names the law, and
        // "Wmo-loket" and "de wet is duidelijk" share the group of laws. One shared word in seven may be chance
        // ("als mantelzorger 3,50 betalen" for a parking permit, in a case where the son can pay).
        func contentStems(_ words: [String]) -> Set<String> {
            var result = Set<String>()
            for word in words where word.count >= 4 && !DutchTokenizer.stopWords.contains(word) {
                let stem = stems.stem(word)
                if !lexicon.stop.contains(stem) && !negations.contains(stem) { result.insert(stem) }
            }
            return result
        }
        let caseWords = contentStems(KeyPointText.words(caseText.municipalityView + "\n" + caseText.applicantView))
        // The sentences before it go with it when none takes a side or uses the standpoints' words ("Ik heb vier keer
        // het loket gebeld. Elke keer 40 minuten in de wacht.").
        for (index, entry) in split.enumerated() where offTopicFrom[entry.argument] == nil {
            let sentence = sentences[index]
            // The sentence about the other matter may use a word of a side about that matter ("Mijn energietoeslag is
            // niet uitbetaald terwijl ik er recht op had"); the sentences around it may not.
            func aside(_ other: Int, sided: Bool = false) -> Bool {
                let own = contentStems(split[other].words)
                return (sided || sentences[other].support + sentences[other].oppose + sentences[other].middle == 0)
                    && Double(own.intersection(caseWords).count) <= 0.15 * Double(own.count)
            }
            guard sentence.role == .point || sentence.role == .question, lexicon.cue(.elsewhere).contains(entry.stems),
                aside(index, sided: true),
                !sentences[(index + 1)...].prefix(while: { $0.argument == entry.argument }).contains(where: {
                    $0.support + $0.oppose > 0
                })
            else { continue }
            var first = index
            while first > 0, sentences[first - 1].argument == entry.argument, aside(first - 1) { first -= 1 }
            offTopicFrom[entry.argument] = first
        }
        for (argument, first) in offTopicFrom {
            for index in first..<sentences.count where sentences[index].argument == argument {
                // What is said about another matter takes no side in this case ("… terwijl ik er recht op had").
                sentences[index].role = .offTopic
                sentences[index].missing = false
                sentences[index].tone = false
                sentences[index].support = 0
                sentences[index].oppose = 0
                sentences[index].middle = 0
            }
        }
        // In a reply that takes no side, a sentence right after thanks or a remark on tone goes with it ("De brief
        // is zo kil. Geen enkel woord over haar man.").
        var takesSide = Set<Int>()
        for sentence in sentences where sentence.support + sentence.oppose > 0 { takesSide.insert(sentence.argument) }
        for index in sentences.indices.dropFirst() {
            let previous = sentences[index - 1]
            guard previous.argument == sentences[index].argument, !takesSide.contains(previous.argument),
                sentences[index].role == .point
            else { continue }
            if previous.role == .thanks { sentences[index].role = .thanks }
            if previous.tone && !sentences[index].missing { sentences[index].tone = true }
        }
        // … and so does the sentence right before a remark on tone ("Het leest als een rekensommetje. Nergens een
        // woord over hoe het voor haar is. Dat kan menselijker.").
        for index in sentences.indices.dropLast().reversed() {
            let next = sentences[index + 1]
            guard next.argument == sentences[index].argument, !takesSide.contains(next.argument), next.tone,
                sentences[index].role == .point, !sentences[index].missing
            else { continue }
            sentences[index].tone = true
        }

        // Words most arguments share name nothing.
        var frequency = [Int](repeating: 0, count: featureNames.count)
        var perArgument = [Set<Int32>](repeating: [], count: arguments.count)
        for sentence in sentences { perArgument[sentence.argument].formUnion(sentence.features) }
        for set in perArgument { for id in set { frequency[Int(id)] += 1 } }
        let total = Float(max(1, arguments.count))
        let common = arguments.count >= 20 ? Int(KeyPointAnalysis.commonShare * Double(arguments.count)) : Int.max
        idf = frequency.map { count in count > common ? 0 : log((1 + total) / (1 + Float(count))) + 1 }
        // A feature that across the labelled set's cases joined unlike points is worth less (`CorpusModel`).
        if !featureWeights.isEmpty {
            for id in idf.indices where idf[id] > 0 { idf[id] *= featureWeights[featureNames[id]] ?? 1 }
        }
        // "Informatie" is what every statement of missing information says; what is missing is in the rest.
        let generic = Set(["=informatie"].compactMap { featureIds[$0] })
        for index in sentences.indices {
            sentences[index].features.removeAll { idf[Int($0)] == 0 }
            if sentences[index].missing { sentences[index].features.removeAll { generic.contains($0) } }
            sentences[index].vector = vector(sentences[index].features)
            if sentences[index].role == .point && sentences[index].features.count < 2 { sentences[index].role = .tooShort }
        }
        // A short sentence means what its argument means: each sentence carries some of its argument's words.
        var argumentSums = [[Int32: Float]](repeating: [:], count: arguments.count)
        var leans = [Int](repeating: 0, count: arguments.count)
        var middles = [Int](repeating: 0, count: arguments.count)
        for sentence in sentences {
            leans[sentence.argument] += sentence.support - sentence.oppose
            middles[sentence.argument] += sentence.middle
            guard sentence.role == .point && !sentence.missing && !sentence.tone else { continue }
            for (offset, id) in sentence.vector.ids.enumerated() {
                argumentSums[sentence.argument][id, default: 0] += sentence.vector.weights[offset]
            }
        }
        for index in sentences.indices {
            let sentence = sentences[index]
            let own = sentence.support - sentence.oppose
            let lean = own != 0 ? own : leans[sentence.argument]
            sentences[index].lean =
                sentence.middle > 0 || (own == 0 && middles[sentence.argument] > 0 && lean == 0)
                ? .middle : lean > 0 ? .support : lean < 0 ? .oppose : .unclear
            guard sentence.role == .point, !sentence.vector.ids.isEmpty else { continue }
            var combined: [Int32: Float] = [:]
            for (offset, id) in sentence.vector.ids.enumerated() { combined[id] = sentence.vector.weights[offset] }
            for (id, weight) in argumentSums[sentence.argument] {
                combined[id, default: 0] += KeyPointAnalysis.contextWeight * weight
            }
            sentences[index].vector = SparseVector(normalising: combined)
        }
        municipality = vector(textFeatures(caseText.municipalityView))
        applicant = vector(textFeatures(caseText.applicantView))
        municipalitySentences = KeyPointText.sentences(caseText.municipalityView).map {
            (KeyPointText.standalone($0), vector(textFeatures($0)))
        }
        return sentences
    }

    /// Stretches of `text` between quotation marks (straight, curly or single when they open a word).
    static func quotes(in text: String) -> [String] {
        // Most sentences quote nothing: " or ' (0x22, 0x27), or a typographic quote (UTF-8 starting E2 80).
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 }) else { return [] }
        var result: [String] = []
        let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("'", "'"), ("‘", "’"), ("„", "”")]
        for (open, close) in pairs {
            var rest = Substring(text)
            while let start = rest.firstIndex(of: open) {
                let after = rest[rest.index(after: start)...]
                guard let end = after.firstIndex(of: close) else { break }
                result.append(String(after[..<end]))
                rest = after[after.index(after: end)...]
            }
        }
        return result
    }

    mutating func textFeatures(_ text: String) -> [Int32] {
        let words = KeyPointText.words(text)
        let known = features(words: words, stems: words.map { stems.stem($0) }, skipping: [])
        return Array(Set(known.filter { Int($0) < idf.count && idf[Int($0)] > 0 })).sorted()
    }

    func vector(_ features: [Int32]) -> SparseVector {
        var vector = SparseVector()
        var norm: Float = 0
        for id in features where Int(id) < idf.count && idf[Int(id)] > 0 {
            vector.ids.append(id)
            vector.weights.append(idf[Int(id)])
            norm += idf[Int(id)] * idf[Int(id)]
        }
        if norm > 0 {
            let scale = 1 / norm.squareRoot()
            for index in vector.weights.indices { vector.weights[index] *= scale }
        }
        return vector
    }

    mutating func readSentence(argument: Int, position: Int, text: String, words: [String], stems: [String]) -> ReadSentence {
        // Stance cues, longest first, not overlapping; a negation just before flips support and oppose.
        var found: [(cue: KeyPointCue, start: Int, length: Int)] = []
        for cue in [KeyPointCue.support, .oppose, .middle, .missing, .tone, .thanks, .question] {
            for match in lexicon.cue(cue).matches(stems) { found.append((cue, match.start, match.length)) }
        }
        found.sort { $0.length != $1.length ? $0.length > $1.length : $0.start < $1.start }
        var taken = [Bool](repeating: false, count: stems.count)
        var counts: [KeyPointCue: Int] = [:]
        var cueWords = Set<Int>()
        var cueStarts: [(cue: KeyPointCue, start: Int)] = []
        for match in found {
            let range = match.start..<(match.start + match.length)
            let isStance = [KeyPointCue.support, .oppose, .middle].contains(match.cue)
            if isStance {
                guard !range.contains(where: { taken[$0] }) else { continue }
                for position in range { taken[position] = true }
            }
            var cue = match.cue
            if cue == .support || cue == .oppose {
                let before = max(0, match.start - 2)..<match.start
                if before.contains(where: { negations.contains(stems[$0]) }) { cue = cue == .support ? .oppose : .support }
            }
            counts[cue, default: 0] += 1
            cueStarts.append((cue, match.start))
            if match.cue != .middle { for position in range { cueWords.insert(position) } }
        }
        // "Voor, mits …", "Tegen." and "Eens!" open many replies: a stance, not a preposition. So do "Toch voor." and
        // "Wel voor, …".
        if let side = Self.openingSide(words, text: text) { counts[side, default: 0] += 1 }
        let trimmed = text.trimming { $0.isWhitespace || "\"')”’".contains($0) }
        // "Ik ben voor, maar van 4 naar 2 in één keer is te bot" and "Ik snap de gemeente, maar zet er een half jaar
        // op" give way on the side they name: a middle way, unless what follows "maar" is only about the letter's
        // tone or what is missing ("Ik ben voor, maar die zin had anders gekund"), or takes a side of its own.
        if let but = words.indices.dropFirst().first(where: { words[$0] == "maar" }),
            cueStarts.contains(where: { ($0.cue == .support || $0.cue == .oppose) && $0.start < but }),
            !cueStarts.contains(where: { $0.start > but && [.support, .oppose, .tone, .missing].contains($0.cue) }),
            !trimmed.hasSuffix("?")
        {
            counts[.support] = 0
            counts[.oppose] = 0
            counts[.middle, default: 0] += 1
        }
        let opensAsQuestion = lexicon.cue(.question).matches(stems).contains { $0.start <= 1 }
        let isQuestion = trimmed.hasSuffix("?") || opensAsQuestion
        let features = features(words: words, stems: stems, skipping: cueWords)
        // Thanks or a compliment beside a stance, missing information or tone is part of an argument.
        let takesStand = [KeyPointCue.support, .oppose, .middle, .missing, .tone].contains { counts[$0, default: 0] > 0 }
        var role = SentenceRole.point
        if isQuestion {
            role = .question
        } else if counts[.thanks, default: 0] > 0
            && (features.count <= 3 || lexicon.cue(.thanks).matches(stems).contains { $0.start <= 1 } && !takesStand)
        {
            role = .thanks
        } else if !lexicon.cue(.compliment).matches(stems).isEmpty,
            ![KeyPointCue.support, .oppose, .missing, .tone].contains(where: { counts[$0, default: 0] > 0 })
        {
            // A compliment on how the case is written, wherever it stands ("Goed en duidelijk opgeschreven deze
            // casus, zo snap ik de regels"), is no reason for or against the decision; "beide kanten" beside it is
            // the write-up's fairness ("beide kanten komen eerlijk aan bod"), not a middle way.
            role = .thanks
        }
        // A factual question to the municipality says what the panel did not know ("Heeft de aanbieder ook kleinere
        // groepen?"); a one- or two-word rhetorical one ("Sparen? Waarvan?") does not.
        let factualQuestion = KeyPointAnalysis.isFactualQuestion(text, words: words)
        var read = ReadSentence(
            argument: argument, position: position, text: text, role: role,
            missing: counts[.missing, default: 0] > 0 || factualQuestion,
            tone: counts[.tone, default: 0] > 0, support: counts[.support, default: 0], oppose: counts[.oppose, default: 0],
            middle: counts[.middle, default: 0], features: features)
        // A question about the panel itself ("Graag mijn e-mailadres wijzigen voor dit panel, hoe doe ik dat?", "Krijgt de
        // aanvrager te horen wat het panel ervan vindt?") is for the moderator, not for the municipality's officer.
        read.asks =
            (factualQuestion || opensAsQuestion && !KeyPointAnalysis.isRhetorical(words))
            && !words.contains(where: KeyPointReading.aboutThePanel.contains)
        read.wordCount = words.count
        read.length = text.count
        read.stanceWords = CorpusModel.stanceWords(words, stems: stems)
        read.leanFeatures = features
        // "Zielig voor haar hoor, maar regels zijn regels": what stands before "maar" is granted to the other side, and
        // its words ("zielig") would lean the wrong way. With no side named before it, only what follows "maar" leans.
        if read.support + read.oppose == 0, let but = Self.concedingBut(words, text: text) {
            let after = but + 1
            read.stanceWords = CorpusModel.stanceWords(Array(words[after...]), stems: Array(stems[after...]))
            read.leanFeatures = self.features(words: words, stems: stems, skipping: cueWords.union(0..<after))
        }
        return read
    }

    /// The side a sentence opens on in one word, after at most two softeners: "Voor, mits …", "Tegen.", "Eens!", "Toch
    /// voor.", "Wel voor, maar …", "Nog steeds tegen". The word must end the sentence or stand before a comma or stop
    /// ("Voor iedereen geldt …" is a preposition).
    static func openingSide(_ words: [String], text: String) -> KeyPointCue? {
        var skipped = 0
        while skipped < min(2, words.count - 1), openingSofteners.contains(words[skipped]) { skipped += 1 }
        guard skipped < words.count, ["voor", "tegen", "eens", "oneens"].contains(words[skipped]) else { return nil }
        let opening = words[...skipped].joined(separator: " ")
        let lowered = text.lowercased().drop(while: { $0.isWhitespace || "\"'(“‘".contains($0) })
        guard lowered.hasPrefix(opening) else { return nil }
        let next = lowered.dropFirst(opening.count).drop(while: { $0 == " " }).first
        guard next == nil || ",.!:;-–".contains(next!) else { return nil }
        return words[skipped] == "voor" || words[skipped] == "eens" ? .support : .oppose
    }

    static let openingSofteners: Set<String> = ["toch", "wel", "dus", "ook", "nog", "steeds", "gewoon", "dan", "maar"]

    /// The position of a "maar" that joins two clauses ("Het klinkt hard, maar …", "Iedereen heeft recht op hulp maar de
    /// pot is niet bodemloos"), not the "maar" of "alleen maar", "nog maar kort" or "het kost maar een tientje".
    static func concedingBut(_ words: [String], text: String) -> Int? {
        let lowered = text.lowercased()
        let commaBut = lowered.contains(", maar ") || lowered.contains(",maar ")
        for index in words.indices.dropFirst().dropLast() where words[index] == "maar" {
            if adverbialBefore.contains(words[index - 1]) { continue }
            let next = words[index + 1]
            if !commaBut, next.first?.isNumber == true || adverbialAfter.contains(next) { continue }
            return index
        }
        return nil
    }

    /// Words before which "maar" means "only" or softens ("alleen maar", "toch maar", "dan ook maar").
    static let adverbialBefore: Set<String> = [
        "alleen", "nog", "dan", "ook", "eens", "even", "gewoon", "zomaar", "toch", "net", "pas", "eventjes", "wel", "ja",
    ]
    /// Words after which, without a comma, "maar" means "only" ("maar een paar euro", "maar twee uur").
    static let adverbialAfter: Set<String> = [
        "een", "één", "twee", "drie", "vier", "vijf", "zes", "weinig", "kort", "half", "enkele", "amper", "net", "zo",
    ]

    /// The features of a sentence: synonym groups, stems and compound parts; the word after a negation ("niet
    /// duurder") as its negated feature. Words at `skipping` (cue words) are left out unless the lexicon knows
    /// them as content.
    mutating func features(words: [String], stems: [String], skipping: Set<Int>) -> [Int32] {
        var result = Set<Int32>()
        var negated = 0
        for position in stems.indices {
            // A phrase of the lexicon adds its group; its words still count as themselves.
            if let length = lexicon.conceptPhrases.match(stems, at: position),
                let concept = lexicon.conceptOfPhrase[Array(stems[position..<(position + length)])]
            {
                insertConcept(concept, negated: negated > 0, into: &result)
            }
            let word = words[position]
            let stem = stems[position]
            if negations.contains(stem) {
                negated = 3
                continue
            }
            if negated > 0 { negated -= 1 }
            let isNegated = negated > 0
            let prefix = isNegated ? "¬" : ""
            // A word of a synonym group adds the group beside itself: measured on the tune cases, the group alone
            // (replacing the word) made unlike points alike and lost more than it found.
            if let concept = lexicon.concepts[stem] {
                insertConcept(concept, negated: isNegated, into: &result)
                negated = 0
            }
            if skipping.contains(position) || DutchTokenizer.stopWords.contains(word) || lexicon.stop.contains(stem)
                || word.count < 3 || word.allSatisfy(\.isNumber)
            {
                continue
            }
            negated = 0
            if lexicon.concepts[stem] != nil {
                result.insert(feature(prefix + stem))
                continue
            }
            let parts = compoundParts(word)
            for part in parts.isEmpty ? [stem] : parts {
                if part.hasPrefix("=") {
                    insertConcept(part, negated: isNegated, into: &result)
                } else {
                    result.insert(feature(prefix + part))
                }
            }
        }
        for verb in separableVerbs(words: words, stems: stems) {
            if let concept = lexicon.concepts[verb.stem] {
                insertConcept(concept, negated: verb.negated, into: &result)
            }
            result.insert(feature((verb.negated ? "¬" : "") + verb.stem))
        }
        return result.sorted()
    }

    /// Particles Dutch splits off a verb to the end of a main clause ("ze houdt niks over", "hij zet het opzij").
    static let separableParticles: Set<String> = [
        "op", "af", "uit", "over", "mee", "terug", "aan", "in", "door", "bij", "toe", "weg", "om", "na", "vast", "los",
        "samen", "opzij", "rond", "achter", "neer", "kwijt", "tegen", "thuis",
    ]
    /// Words that start a new clause: a particle just before one ends its main clause.
    static let clauseOpeners: Set<String> = [
        "en", "maar", "want", "dus", "omdat", "als", "dat", "die", "terwijl", "zodat", "wanneer", "of", "dan", "zonder",
    ]

    /// The stems of split verbs joined again ("houdt … over" → the stem of "overhoudt"), so they match the whole verb
    /// a neighbour wrote ("niks overhouden") and the lexicon's entries. Only a particle at the end of a clause is
    /// joined, only to a word of that clause before it, and only when the round or the lexicon knows the joined word:
    /// "over de kosten" stays a preposition.
    /// Negated when a negation stands between the two parts or just before the verb ("houdt niks over").
    mutating func separableVerbs(words: [String], stems: [String]) -> [(stem: String, negated: Bool)] {
        var result: [(stem: String, negated: Bool)] = []
        var clauseStart = 0
        for position in words.indices {
            let word = words[position]
            if Self.clauseOpeners.contains(word) {
                clauseStart = position + 1
                continue
            }
            guard Self.separableParticles.contains(word), position > clauseStart else { continue }
            let next = position + 1
            guard next == words.count || Self.clauseOpeners.contains(words[next]) else { continue }
            for candidate in stride(from: position - 1, through: clauseStart, by: -1) {
                let verb = words[candidate]
                guard verb.count >= 2, !Self.separableParticles.contains(verb), !negations.contains(stems[candidate])
                else { continue }
                // "houdt … over" is "overhoudt", whose stem is not that of "overhouden": also try it without the t.
                let forms = verb.count > 3 && verb.hasSuffix("t") ? [word + verb, word + verb.dropLast()] : [word + verb]
                var known: String?
                for form in forms where known == nil {
                    let stem = self.stems.stem(form)
                    if lexicon.concepts[stem] != nil || vocabulary.contains(stem) { known = stem }
                }
                if let joined = known {
                    let negated = (max(0, candidate - 3)..<position).contains { negations.contains(stems[$0]) }
                    result.append((joined, negated))
                    break
                }
            }
        }
        return result
    }

    /// A synonym group's feature and, when it has one, its family's.
    mutating func insertConcept(_ concept: String, negated: Bool, into result: inout Set<Int32>) {
        let prefix = negated ? "¬" : ""
        result.insert(feature(prefix + concept))
        if let family = lexicon.family[concept] { result.insert(feature(prefix + family)) }
    }

    /// "verhuisvergoeding" → the features of "verhuis" and "vergoeding", when the round or the lexicon knows the
    /// head as a word of its own and the rest (without a linking s or e) as the start of one. Empty: no split.
    mutating func compoundParts(_ word: String) -> [String] {
        let letters = Array(word)
        guard letters.count >= 8 else { return [] }
        for split in 3...(letters.count - 4) {
            let head = String(letters[split...])
            let headStem = stems.stem(head)
            guard vocabulary.contains(headStem) || lexicon.concepts[headStem] != nil else { continue }
            var modifier = String(letters[..<split])
            if modifier.count > 4, modifier.hasSuffix("s") || modifier.hasSuffix("e") { modifier.removeLast() }
            let modifierStem = stems.stem(modifier)
            let knownModifier =
                lexicon.concepts[modifierStem] != nil || vocabulary.contains(modifierStem)
                || (modifier.count >= 4 && vocabulary.contains { $0.hasPrefix(modifier) && $0.count <= modifier.count + 3 })
            guard knownModifier else { continue }
            return [lexicon.concepts[modifierStem] ?? modifierStem, lexicon.concepts[headStem] ?? headStem]
        }
        return []
    }
}
