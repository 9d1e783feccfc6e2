import Foundation

/// The side an argument's author finally voted for: the same two answers as a ballot.
public typealias VoteSide = VoteChoice

/// One free-text argument from the panel, as the theme digest sees it.
public struct ThemeInput: Sendable, Equatable {
    public var id: Int64
    /// The author's final vote; nil when they did not vote.
    public var side: VoteSide?
    public var text: String
    /// How many other panelists reacted to it.
    public var reactions: Int

    public init(id: Int64, side: VoteSide?, text: String, reactions: Int = 0) {
        self.id = id
        self.side = side
        self.text = text
        self.reactions = reactions
    }
}

/// A group of arguments on one side that say roughly the same thing.
public struct Theme: Sendable, Equatable {
    public var side: VoteSide?
    /// Two to four key words or phrases, joined by ", ", in the words the panel used most.
    public var label: String
    /// Arguments in the theme.
    public var size: Int
    /// `size` plus the reactions its arguments drew.
    public var weight: Double
    /// Its share of all arguments on its side, 0…1.
    public var share: Double
    /// Two or three representative argument ids: mid-length texts closest to the theme's centre first.
    public var quotes: [Int64]
    /// A small theme (share below 15%), kept and shown rather than merged into a larger one.
    public var isMinority: Bool
    /// Every argument id in the theme, ascending.
    public var members: [Int64]

    public init(
        side: VoteSide?, label: String, size: Int, weight: Double, share: Double, quotes: [Int64], isMinority: Bool,
        members: [Int64] = []
    ) {
        self.side = side
        self.label = label
        self.size = size
        self.weight = weight
        self.share = share
        self.quotes = quotes
        self.isMinority = isMinority
        self.members = members
    }
}

/// One of the municipality's own arguments and how many opposing arguments took it on.
public struct ContestedPoint: Sendable, Equatable {
    public var point: String
    public var mentions: Int

    public init(point: String, mentions: Int) {
        self.point = point
        self.mentions = mentions
    }
}

/// What the municipality gets at the deadline, besides the tally.
public struct ThemeReport: Sendable, Equatable {
    /// Support themes, then oppose themes, then those of panelists who did not vote; each side by weight, heaviest first.
    public var themes: [Theme]
    /// Arguments that say information was missing from the case, by id.
    public var missingInformation: [Int64]
    /// Arguments about the tone or communication of the decision, by id.
    public var toneRemarks: [Int64]
    /// The municipality's points, the most contested by opposing arguments first.
    public var weakestMunicipalityPoints: [ContestedPoint]

    public init(
        themes: [Theme] = [], missingInformation: [Int64] = [], toneRemarks: [Int64] = [],
        weakestMunicipalityPoints: [ContestedPoint] = []
    ) {
        self.themes = themes
        self.missingInformation = missingInformation
        self.toneRemarks = toneRemarks
        self.weakestMunicipalityPoints = weakestMunicipalityPoints
    }
}

/// Turns a panel's free-text arguments into themes the municipality can act on. Offline and deterministic.
public enum ThemeBuilder {
    /// Themes per side, from TF-IDF over stemmed words and word pairs, clustered by cosine k-means (k-means++ seeded
    /// from `seed`, k chosen by silhouette), plus the "learning prompts": missing information, remarks on tone and
    /// the municipality's most contested points.
    ///
    /// Deterministic: the same arguments, in any order, give the same report. Arguments without a single content
    /// word join no theme, so a side's shares may add up to less than 1.
    public static func build(_ inputs: [ThemeInput], municipalityPoints: [String] = [], seed: UInt64 = 42) -> ThemeReport {
        let ordered = inputs.sorted(by: canonicalOrder)
        var stems = ThemeStemCache()
        let documents = ordered.map { ThemeDocument($0, stems: &stems) }

        var themes: [Theme] = []
        let sides: [VoteSide?] = [.support, .oppose, nil]
        for (offset, side) in sides.enumerated() {
            let members = documents.filter { $0.side == side }
            guard !members.isEmpty else { continue }
            let sideSeed = seed &+ UInt64(offset + 1) &* 0x9E37_79B9_7F4A_7C15
            themes += ThemeClustering(documents: members, side: side, seed: sideSeed).themes()
        }

        let missing = documents.filter { ThemeCues.missingInformation.matches($0.words) }.map(\.id)
        let tone = documents.filter { ThemeCues.tone.matches($0.words) }.map(\.id)
        let opposing = documents.filter { $0.side == .oppose }.map { Set($0.stems) }
        let contested = municipalityPoints.enumerated().map { offset, point in
            (offset, ContestedPoint(point: displayed(point), mentions: mentions(of: point, in: opposing, stems: &stems)))
        }
        .sorted { $0.1.mentions != $1.1.mentions ? $0.1.mentions > $1.1.mentions : $0.0 < $1.0 }
        .map(\.1)

        return ThemeReport(
            themes: themes, missingInformation: unique(missing), toneRemarks: unique(tone),
            weakestMunicipalityPoints: contested)
    }

    /// A total order on inputs, so that input order never matters.
    static func canonicalOrder(_ a: ThemeInput, _ b: ThemeInput) -> Bool {
        if a.id != b.id { return a.id < b.id }
        let sideA = a.side?.rawValue ?? ""
        let sideB = b.side?.rawValue ?? ""
        if sideA != sideB { return sideA < sideB }
        if a.reactions != b.reactions { return a.reactions < b.reactions }
        return a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars)
    }

    static func unique(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// A bullet line without its bullet.
    static func displayed(_ point: String) -> String {
        var text = point.trimmingCharacters(in: .whitespacesAndNewlines)
        while let first = text.first, "-*•–".contains(first) {
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// Opposing arguments sharing at least two stemmed keywords with `point`, or at least half of them.
    static func mentions(of point: String, in opposing: [Set<String>], stems: inout ThemeStemCache) -> Int {
        var keywords = Set(DutchTokenizer.tokens(point).map { stems.stem($0) })
        keywords.subtract(ThemeLabels.negations)
        guard !keywords.isEmpty else { return 0 }
        return opposing.count { argument in
            let shared = keywords.intersection(argument).count
            return shared >= 2 || (shared >= 1 && shared * 2 >= keywords.count)
        }
    }
}

/// Stems by surface word, so each distinct word is stemmed once.
struct ThemeStemCache {
    var known: [String: String] = [:]

    /// The Snowball stem, with one more conflation for matching: a final double vowel before a consonant is
    /// undoubled even after a vowel, which the algorithm leaves ("adequaat" meets "adequate", "ideaal" "ideale").
    mutating func stem(_ word: String) -> String {
        if let stem = known[word] { return stem }
        var letters = Array(DutchStemmer.stem(word).unicodeScalars)
        let count = letters.count
        if count >= 4, !DutchStemmer.isVowel(letters[count - 1]), letters[count - 2] == letters[count - 3],
            ["a", "e", "o", "u"].contains(letters[count - 2])
        {
            letters.remove(at: count - 2)
        }
        let stem = String(String.UnicodeScalarView(letters))
        known[word] = stem
        return stem
    }
}

/// One argument, analysed once.
struct ThemeDocument {
    var id: Int64
    var side: VoteSide?
    var reactions: Int
    var length: Int
    /// Every word, for cue phrases.
    var words: [String]
    /// Content words as written (lowercased) and their stems, side by side.
    var tokens: [String]
    var stems: [String]
    /// Whether each content word directly follows the one before it in the text (nothing dropped, no punctuation).
    var continues: [Bool]

    init(_ input: ThemeInput, stems cache: inout ThemeStemCache) {
        id = input.id
        side = input.side
        reactions = max(0, input.reactions)
        length = input.text.count
        let scanned = DutchTokenizer.scan(input.text)
        words = scanned.map(\.word)
        tokens = []
        continues = []
        var previousKept = -2
        for (position, entry) in scanned.enumerated()
        where entry.word.unicodeScalars.count >= 2 && !DutchTokenizer.stopWords.contains(entry.word) {
            tokens.append(entry.word)
            continues.append(previousKept == position - 1 && entry.followsSpace)
            previousKept = position
        }
        stems = tokens.map { cache.stem($0) }
    }
}

/// Cue phrases, matched as whole words in sequence.
struct ThemeCues {
    let byFirstWord: [String: [[String]]]

    init(_ phrases: [String]) {
        var index: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = DutchTokenizer.words(phrase)
            if let first = words.first { index[first, default: []].append(words) }
        }
        byFirstWord = index
    }

    func matches(_ words: [String]) -> Bool {
        for (position, word) in words.enumerated() {
            guard let candidates = byFirstWord[word] else { continue }
            for phrase in candidates where position + phrase.count <= words.count {
                if words[position..<(position + phrase.count)].elementsEqual(phrase) { return true }
            }
        }
        return false
    }

    static let missingInformation = ThemeCues([
        "niet duidelijk", "onduidelijk", "onduidelijke", "onduidelijkheid", "ontbreekt", "ontbreken", "ontbrak",
        "mis ik", "missen", "mist", "meer informatie", "meer info", "weten we niet", "niet vermeld", "nergens vermeld",
        "geen informatie", "geen info", "waarom staat er niet", "staat er niet", "niet bekend",
    ])

    static let tone = ThemeCues([
        "toon", "kil", "kille", "bot", "botte", "onvriendelijk", "onvriendelijke", "begrijpelijk", "begrijpelijke",
        "brief", "brieven", "formulering", "geformuleerd", "respectloos", "respectloze", "uitleg", "uitleggen",
        "uitgelegd", "communicatie", "gecommuniceerd", "ambtelijk", "ambtelijke", "taalgebruik", "bejegening",
    ])
}

/// The label rules: which terms may name a theme.
enum ThemeLabels {
    /// "niet" and "geen" matter inside a phrase, but name nothing on their own.
    static let negations: Set<String> = [DutchStemmer.stem("niet"), DutchStemmer.stem("geen")]
}

/// A unit-length TF-IDF vector: term indices ascending, with their weights.
struct ThemeVector {
    var indices: [Int32] = []
    var values: [Double] = []

    var isEmpty: Bool { indices.isEmpty }

    func dot(_ dense: [Double]) -> Double {
        var sum = 0.0
        for position in indices.indices { sum += values[position] * dense[Int(indices[position])] }
        return sum
    }
}

/// The arguments of one side, vectorised, clustered and summarised.
struct ThemeClustering {
    let documents: [ThemeDocument]
    let side: VoteSide?
    let seed: UInt64
    /// Term strings by index: a stem, or two stems joined by a space.
    var terms: [String] = []
    var vectors: [ThemeVector] = []

    static let maximumThemes = 8
    static let silhouetteSample = 1500
    static let silhouetteTolerance = 0.95
    /// k-means runs to keep the tightest of: many for a small side (cheap, and seeding matters most there).
    static func restarts(for count: Int) -> Int { count <= 200 ? 12 : count <= 2000 ? 4 : 2 }
    static let maximumIterations = 40

    init(documents: [ThemeDocument], side: VoteSide?, seed: UInt64) {
        self.documents = documents
        self.side = side
        self.seed = seed
        vectorise()
    }

    /// TF-IDF with sublinear term frequency and smoothed IDF over stems and adjacent stem pairs; terms in a single
    /// argument are dropped once there are enough arguments for that to be noise (pairs always).
    mutating func vectorise() {
        var index: [String: Int32] = [:]
        var termList: [String] = []
        var isPair: [Bool] = []
        var counted: [[(Int32, Int)]] = []
        counted.reserveCapacity(documents.count)
        for document in documents {
            var ids: [Int32] = []
            ids.reserveCapacity(document.stems.count * 2)
            func add(_ term: String, pair: Bool) {
                if let id = index[term] {
                    ids.append(id)
                } else {
                    let id = Int32(termList.count)
                    index[term] = id
                    termList.append(term)
                    isPair.append(pair)
                    ids.append(id)
                }
            }
            for (position, stem) in document.stems.enumerated() {
                add(stem, pair: false)
                if document.continues[position] { add(document.stems[position - 1] + " " + stem, pair: true) }
            }
            ids.sort()
            var runs: [(Int32, Int)] = []
            for id in ids {
                if let last = runs.last, last.0 == id {
                    runs[runs.count - 1].1 += 1
                } else {
                    runs.append((id, 1))
                }
            }
            counted.append(runs)
        }

        var frequency = [Int](repeating: 0, count: termList.count)
        for runs in counted { for (id, _) in runs { frequency[Int(id)] += 1 } }
        let minimum = documents.count >= 5 ? 2 : 1
        var kept = [Int32](repeating: -1, count: termList.count)
        var keptTerms: [String] = []
        var idf: [Double] = []
        let total = Double(documents.count)
        for id in termList.indices where frequency[id] >= (isPair[id] ? 2 : minimum) {
            kept[id] = Int32(keptTerms.count)
            keptTerms.append(termList[id])
            idf.append(log((1 + total) / (1 + Double(frequency[id]))) + 1)
        }
        terms = keptTerms
        vectors = counted.map { runs in
            var vector = ThemeVector()
            var norm = 0.0
            for (id, count) in runs {
                let newID = kept[Int(id)]
                guard newID >= 0 else { continue }
                let weight = (1 + log(Double(count))) * idf[Int(newID)]
                vector.indices.append(newID)
                vector.values.append(weight)
                norm += weight * weight
            }
            if norm > 0 {
                let scale = 1 / norm.squareRoot()
                for position in vector.values.indices { vector.values[position] *= scale }
            }
            return vector
        }
    }

    func themes() -> [Theme] {
        let clustered = vectors.indices.filter { !vectors[$0].isEmpty }
        guard !clustered.isEmpty else { return [] }
        var random = SplitMix64(seed: seed)
        let k = chooseK(clustered, random: &random)
        let clustering = bestOfRuns(clustered, k: k, random: &random)

        var groups = [[Int]](repeating: [], count: clustering.centroids.count)
        for (position, document) in clustered.enumerated() { groups[clustering.assignment[position]].append(document) }
        let sideTotal = Double(documents.count)
        var result: [Theme] = []
        for (cluster, members) in groups.enumerated() where !members.isEmpty {
            let centroid = clustering.centroids[cluster]
            let reactions = members.reduce(0) { $0 + documents[$1].reactions }
            let share = Double(members.count) / sideTotal
            result.append(
                Theme(
                    side: side, label: label(centroid: centroid, members: members), size: members.count,
                    weight: Double(members.count + reactions), share: share,
                    quotes: quotes(centroid: centroid, members: members), isMinority: share < 0.15,
                    members: members.map { documents[$0].id }.sorted()))
        }
        return result.sorted { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            if a.size != b.size { return a.size > b.size }
            if a.label != b.label { return a.label < b.label }
            return a.quotes.lexicographicallyPrecedes(b.quotes)
        }
    }

    // MARK: Clustering

    struct Clustering {
        var centroids: [[Double]]
        /// Cluster of each clustered document, by position.
        var assignment: [Int]
        /// The sum of each document's similarity to its centroid: higher is tighter.
        var cohesion: Double
    }

    /// k by the best silhouette (on an evenly spread sample for large sides) among 2…√n, capped at eight; of scores
    /// at least `silhouetteTolerance` times the best, the largest k.
    func chooseK(_ clustered: [Int], random: inout SplitMix64) -> Int {
        let count = clustered.count
        let ceiling = min(Self.maximumThemes, Int(Double(count).squareRoot().rounded()))
        guard ceiling >= 2 else { return 1 }
        let sample: [Int]
        if count > Self.silhouetteSample {
            sample = (0..<Self.silhouetteSample).map { clustered[$0 * count / Self.silhouetteSample] }
        } else {
            sample = clustered
        }
        let scores = (2...ceiling).map { k in silhouette(sample, bestOfRuns(sample, k: k, random: &random)) }
        guard let best = scores.max() else { return 1 }
        // Among near-equal scores, the finer split: a theme split in two reads better than two themes merged.
        var bestK = 2
        // (Small sides score too noisily for that: there the best score decides.)
        let tolerance = sample.count >= 200 ? Self.silhouetteTolerance : 1
        for (offset, score) in scores.enumerated() where score >= best * tolerance { bestK = offset + 2 }
        return bestK
    }

    /// Mean silhouette with cosine distance, from per-cluster vector sums (self excluded).
    func silhouette(_ documents: [Int], _ clustering: Clustering) -> Double {
        let k = clustering.centroids.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: terms.count), count: k)
        var sizes = [Int](repeating: 0, count: k)
        for (position, document) in documents.enumerated() {
            let cluster = clustering.assignment[position]
            sizes[cluster] += 1
            let vector = vectors[document]
            for entry in vector.indices.indices { sums[cluster][Int(vector.indices[entry])] += vector.values[entry] }
        }
        var total = 0.0
        for (position, document) in documents.enumerated() {
            let own = clustering.assignment[position]
            guard sizes[own] > 1 else { continue }  // a singleton's silhouette is 0
            let vector = vectors[document]
            let within = 1 - (vector.dot(sums[own]) - 1) / Double(sizes[own] - 1)
            var nearest = Double.infinity
            for cluster in 0..<k where cluster != own && sizes[cluster] > 0 {
                nearest = min(nearest, 1 - vector.dot(sums[cluster]) / Double(sizes[cluster]))
            }
            guard nearest.isFinite else { continue }
            let spread = max(within, nearest)
            if spread > 0 { total += (nearest - within) / spread }
        }
        return total / Double(documents.count)
    }

    func bestOfRuns(_ documents: [Int], k: Int, random: inout SplitMix64) -> Clustering {
        var best = kMeans(documents, k: k, random: &random)
        for _ in 1..<Self.restarts(for: documents.count) {
            let run = kMeans(documents, k: k, random: &random)
            if run.cohesion > best.cohesion { best = run }
        }
        return best
    }

    /// Spherical k-means with k-means++ seeding; clusters that end up empty are dropped.
    func kMeans(_ documents: [Int], k: Int, random: inout SplitMix64) -> Clustering {
        let dimension = terms.count
        var centroids = seeds(documents, k: k, random: &random).map { dense(vectors[$0], dimension: dimension) }
        var assignment = [Int](repeating: -1, count: documents.count)
        var cohesion = 0.0
        for _ in 0..<Self.maximumIterations {
            var changed = false
            cohesion = 0
            for (position, document) in documents.enumerated() {
                let vector = vectors[document]
                var bestCluster = 0
                var bestSimilarity = -Double.infinity
                for cluster in centroids.indices {
                    let similarity = vector.dot(centroids[cluster])
                    if similarity > bestSimilarity {
                        bestSimilarity = similarity
                        bestCluster = cluster
                    }
                }
                cohesion += bestSimilarity
                if assignment[position] != bestCluster {
                    assignment[position] = bestCluster
                    changed = true
                }
            }
            if !changed { break }
            var sums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: centroids.count)
            for (position, document) in documents.enumerated() {
                let vector = vectors[document]
                let cluster = assignment[position]
                for entry in vector.indices.indices { sums[cluster][Int(vector.indices[entry])] += vector.values[entry] }
            }
            for cluster in centroids.indices {
                let norm = sums[cluster].reduce(0) { $0 + $1 * $1 }.squareRoot()
                // An emptied cluster keeps its old centre and may win documents back.
                guard norm > 0 else { continue }
                centroids[cluster] = sums[cluster].map { $0 / norm }
            }
        }
        // Drop clusters nobody chose, renumbering the rest in order.
        var used = [Bool](repeating: false, count: centroids.count)
        for cluster in assignment { used[cluster] = true }
        var renumber = [Int](repeating: -1, count: centroids.count)
        var kept: [[Double]] = []
        for cluster in centroids.indices where used[cluster] {
            renumber[cluster] = kept.count
            kept.append(centroids[cluster])
        }
        return Clustering(centroids: kept, assignment: assignment.map { renumber[$0] }, cohesion: cohesion)
    }

    /// k-means++: the first centre uniformly, each next one with probability proportional to its squared cosine
    /// distance from the nearest centre so far. Fewer than k when the documents run out of distinct ones.
    func seeds(_ documents: [Int], k: Int, random: inout SplitMix64) -> [Int] {
        let first = documents[Int(random.next() % UInt64(documents.count))]
        var chosen = [first]
        var distance = documents.map { squaredDistance(vectors[$0], vectors[first]) }
        while chosen.count < k {
            let total = distance.reduce(0, +)
            guard total > 1e-12 else { break }
            let target = random.unit() * total
            var running = 0.0
            var pick = documents.count - 1
            for position in distance.indices {
                running += distance[position]
                if running > target && distance[position] > 0 {
                    pick = position
                    break
                }
            }
            while distance[pick] <= 0 && pick > 0 { pick -= 1 }
            let next = documents[pick]
            chosen.append(next)
            for position in distance.indices {
                distance[position] = min(distance[position], squaredDistance(vectors[documents[position]], vectors[next]))
            }
        }
        return chosen
    }

    func squaredDistance(_ a: ThemeVector, _ b: ThemeVector) -> Double {
        var i = 0
        var j = 0
        var dot = 0.0
        while i < a.indices.count && j < b.indices.count {
            if a.indices[i] == b.indices[j] {
                dot += a.values[i] * b.values[j]
                i += 1
                j += 1
            } else if a.indices[i] < b.indices[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let distance = max(0, 1 - dot)
        return distance * distance
    }

    func dense(_ vector: ThemeVector, dimension: Int) -> [Double] {
        var result = [Double](repeating: 0, count: dimension)
        for entry in vector.indices.indices { result[Int(vector.indices[entry])] = vector.values[entry] }
        return result
    }

    // MARK: Summaries

    /// Two or three of the centroid's heaviest terms that share no stem, a word replaced by its usual phrase when
    /// that phrase carries at least half its weight; each in the form the theme's arguments used most.
    func label(centroid: [Double], members: [Int]) -> String {
        let ranked = centroid.indices.filter { centroid[$0] > 0 }.sorted {
            centroid[$0] != centroid[$1] ? centroid[$0] > centroid[$1] : terms[$0] < terms[$1]
        }
        guard let top = ranked.first else { return "" }
        var picked: [[String]] = []
        var usedStems = Set<String>()
        for term in ranked.prefix(40) {
            if picked.count >= 3 || (picked.count >= 2 && centroid[term] < 0.35 * centroid[top]) { break }
            var parts = terms[term].split(separator: " ").map(String.init)
            if parts.count == 1 {
                if ThemeLabels.negations.contains(parts[0]) { continue }
                // The phrase this word mostly appears in, if any.
                if let phrase = ranked.prefix(40).first(where: { candidate in
                    let words = terms[candidate].split(separator: " ")
                    return words.count == 2 && words.contains(Substring(parts[0]))
                        && centroid[candidate] >= 0.5 * centroid[term]
                }) {
                    parts = terms[phrase].split(separator: " ").map(String.init)
                }
            }
            if parts.allSatisfy({ ThemeLabels.negations.contains($0) }) { continue }
            if parts.contains(where: { usedStems.contains($0) }) { continue }
            usedStems.formUnion(parts)
            picked.append(parts)
        }
        return picked.map { surface(of: $0, members: members) }.joined(separator: ", ")
    }

    /// The most frequent way the members wrote a stem (or a pair of stems); ties to the alphabetically first.
    func surface(of stems: [String], members: [Int]) -> String {
        var counts: [String: Int] = [:]
        for member in members {
            let document = documents[member]
            guard document.stems.count >= stems.count else { continue }
            for start in 0...(document.stems.count - stems.count)
            where document.stems[start..<(start + stems.count)].elementsEqual(stems)
                && (stems.count == 1 || document.continues[start + 1])
            {
                counts[document.tokens[start..<(start + stems.count)].joined(separator: " "), default: 0] += 1
            }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        return best?.key ?? stems.joined(separator: " ")
    }

    /// Up to three members: texts of 40–400 characters before others, then the closest to the centroid, then by id.
    func quotes(centroid: [Double], members: [Int]) -> [Int64] {
        let ranked = members.map { member -> (Int, Bool, Double, Int64) in
            let document = documents[member]
            return (member, (40...400).contains(document.length), vectors[member].dot(centroid), document.id)
        }
        .sorted { a, b in
            if a.1 != b.1 { return a.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return a.3 < b.3
        }
        return ranked.prefix(3).map(\.3)
    }
}
