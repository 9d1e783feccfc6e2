import Foundation

/// Key points from read sentences: greedy coverage of residents by candidate sentences, merged and refined
/// around their centres; then stance, counts, quotes and the learning remarks.
struct KeyPointClustering {
    let arguments: [KeyPointArgument]
    let sentences: [ReadSentence]
    let reading: KeyPointReading
    /// Sentences that make points, by index into `sentences`.
    let points: [Int]
    let argumentIndex: [Int: Int]
    /// Each argument's sentences, by argument index.
    let byArgument: [Int: [ReadSentence]]
    /// Each argument's author as a dense number 0..<authorCount, by argument index.
    let authorOf: [Int]
    let authorCount: Int
    /// The centre of every point sentence: what all arguments say, so a group's sentence is chosen for what sets it apart.
    var everyone: [Float] = []
    /// Each argument's lean by its words alone, learnt from this round (see `learntLeans`): > 0 for, < 0 against.
    var learnt: [Float] = []
    /// Each argument's lean by the words of the labelled set (`CorpusModel`): > 0 for, < 0 against.
    let corpus: [Float]
    /// How well each sentence reads on its own as a key point (`statesAlone`), by index into `sentences`.
    let statesAlone: [Float]

    init(arguments: [KeyPointArgument], sentences read: [ReadSentence], reading: KeyPointReading, model: CorpusModel) {
        var words = [[String]](repeating: [], count: arguments.count)
        for sentence in read where Self.carriesStance(sentence) { words[sentence.argument] += sentence.stanceWords }
        let corpus = words.map { model.lean($0) }
        // A sentence that names no side, in an argument that names none, leans the way its argument's words do by the
        // labelled set: sides are kept apart in grouping, and a leftover joins a key point on that side.
        var sentences = read
        for index in sentences.indices where sentences[index].lean == .unclear {
            let lean = corpus[sentences[index].argument]
            if abs(lean) >= CorpusModel.margin { sentences[index].lean = lean > 0 ? .support : .oppose }
        }
        self.corpus = corpus
        self.arguments = arguments
        self.sentences = sentences
        self.reading = reading
        statesAlone = Self.statesAlone(sentences)
        points = sentences.indices.filter { index in
            let sentence = sentences[index]
            return sentence.role == .point && !sentence.missing && !sentence.tone && !sentence.vector.ids.isEmpty
        }
        var index: [Int: Int] = [:]
        for (position, argument) in arguments.enumerated() where index[argument.number] == nil {
            index[argument.number] = position
        }
        argumentIndex = index
        var own: [Int: [ReadSentence]] = [:]
        for sentence in sentences { own[sentence.argument, default: []].append(sentence) }
        byArgument = own
        var dense: [Int64: Int] = [:]
        authorOf = arguments.map { argument in
            if let known = dense[argument.author] { return known }
            dense[argument.author] = dense.count
            return dense.count - 1
        }
        authorCount = dense.count
        everyone = self.dense(points)
        learnt = learntLeans()
    }

    /// How far an argument's words lean to one side, learnt from the arguments of this round that say their side
    /// in so many words ("terecht", "ik ben tegen") and from the two standpoints of the case: the summed log-odds of
    /// its point words appearing on the one side rather than the other (naive Bayes). A resident who
    /// writes "Dat wachten maakt het alleen maar erger" names no side, but "wachten" and "erger" stand mostly in
    /// arguments against. Words only: no vote is read.
    func learntLeans() -> [Float] {
        var support: [Int32: Float] = [:]
        var oppose: [Int32: Float] = [:]
        var supportDocuments: Float = 1
        var opposeDocuments: Float = 1
        func words(_ index: Int) -> Set<Int32> {
            var result = Set<Int32>()
            for sentence in byArgument[index] ?? [] where sentence.role == .point && !sentence.tone {
                result.formUnion(sentence.leanFeatures)
            }
            return result
        }
        for id in reading.municipality.ids { support[id, default: 0] += 1 }
        for id in reading.applicant.ids { oppose[id, default: 0] += 1 }
        for index in arguments.indices {
            let own = byArgument[index] ?? []
            // An argument whose words lean clearly by the labelled set is an example too.
            var side = cueStance(own)
            if side == .unclear, abs(corpus[index]) >= CorpusModel.margin { side = corpus[index] > 0 ? .support : .oppose }
            switch side {
            case .support:
                supportDocuments += 1
                for id in words(index) { support[id, default: 0] += 1 }
            case .oppose:
                opposeDocuments += 1
                for id in words(index) { oppose[id, default: 0] += 1 }
            default: break
            }
        }
        return arguments.indices.map { index in
            words(index).sorted().reduce(Float(0)) { sum, id in
                guard (support[id] ?? 0) + (oppose[id] ?? 0) >= 2 else { return sum }
                // Smoothed toward the word's rate over both sides, not toward one in two: add-one smoothing made
                // every rare word lean to the side with fewer examples (mostly "for": on the tune cases 27 of 30
                // arguments it put on the wrong side were against the decision).
                let pooled = ((support[id] ?? 0) + (oppose[id] ?? 0)) / (supportDocuments + opposeDocuments)
                let forIt = ((support[id] ?? 0) + pooled) / (supportDocuments + 1)
                let against = ((oppose[id] ?? 0) + pooled) / (opposeDocuments + 1)
                return sum + log(forIt / against)
            }
        }
    }

    /// A group of sentences (indices into `sentences`) around a centre.
    struct Group {
        var members: [Int]
        var centre: [Float]
    }

    func report() -> KeyPointReport {
        let reactions = agreeingReactions()
        var groups = coverGroups(points, threshold: KeyPointAnalysis.coverThreshold, minimumResidents: 2)
        groups = merged(groups)
        groups = refined(groups, over: points, threshold: KeyPointAnalysis.joinThreshold)
        groups = mergedByArguments(groups)
        groups = refined(groups, over: points, threshold: KeyPointAnalysis.leftoverThreshold)
        // What no group took may still be a point a few made alike: grouped among itself before it stands alone.
        var taken = Set<Int>()
        for group in groups { taken.formUnion(group.members) }
        groups += coverGroups(
            points.filter { !taken.contains($0) }, threshold: KeyPointAnalysis.coverThreshold, minimumResidents: 2)
        groups = joinedOnTheirSide(groups, threshold: KeyPointAnalysis.sideJoinThreshold)
        groups += leftovers(groups, reactions: reactions)

        // Each argument's key points (main groups before "also mentioned" ones), and who stands behind each.
        var drafts: [(group: Group, authors: Set<Int64>, numbers: Set<Int>)] = groups.map { group in
            var authors = Set<Int64>()
            var numbers = Set<Int>()
            for member in group.members {
                let argument = arguments[sentences[member].argument]
                authors.insert(argument.author)
                numbers.insert(argument.number)
            }
            return (group, authors, numbers)
        }
        // A reaction that agrees counts its author toward the key points of the argument it answers.
        for (reaction, parent) in reactions {
            for index in drafts.indices where drafts[index].numbers.contains(parent) {
                drafts[index].authors.insert(arguments[reaction].author)
                drafts[index].numbers.insert(arguments[reaction].number)
            }
        }
        drafts.removeAll { $0.authors.isEmpty }
        let order = drafts.indices.sorted { a, b in
            let left = drafts[a]
            let right = drafts[b]
            if left.authors.count != right.authors.count { return left.authors.count > right.authors.count }
            if left.numbers.count != right.numbers.count { return left.numbers.count > right.numbers.count }
            return (left.numbers.min() ?? 0) < (right.numbers.min() ?? 0)
        }
        let votes = Dictionary(arguments.map { ($0.author, $0.vote) }, uniquingKeysWith: { _, last in last })
        var keyPoints: [KeyPoint] = []
        var memberOf: [Int: [(id: Int, position: Int, minor: Bool)]] = [:]
        for (rank, draftIndex) in order.enumerated() {
            let draft = drafts[draftIndex]
            let id = rank + 1
            let representative = representative(of: draft.group)
            keyPoints.append(
                KeyPoint(
                    id: id, sentence: statement(representative, minor: draft.authors.count < 3),
                    stance: stance(of: draft.group), residents: draft.authors.count,
                    split: VoteSplit.of(draft.authors.sorted().map { votes[$0] ?? nil }),
                    arguments: draft.numbers.sorted(),
                    quotes: quotes(of: draft.group, besides: representative)))
            for member in draft.group.members {
                memberOf[sentences[member].argument, default: []].append(
                    (id, sentences[member].position, draft.authors.count < 3))
            }
            let direct = Set(draft.group.members.map { arguments[sentences[$0].argument].number })
            for number in draft.numbers.sorted() where !direct.contains(number) {
                if let argument = argumentIndex[number] {
                    memberOf[argument, default: []].append((id, -1, draft.authors.count < 3))
                }
            }
        }

        let missing = remarks(
            sentences.indices.filter { sentences[$0].missing }, threshold: KeyPointAnalysis.missingThreshold,
            tieToMunicipality: false)
        let tone = remarks(
            sentences.indices.filter { sentences[$0].tone && !sentences[$0].missing },
            threshold: KeyPointAnalysis.remarkThreshold, tieToMunicipality: true)
        var questions: [KeyPointQuote] = []
        var seenQuestions = Set<String>()
        for sentence in sentences where sentence.role == .question && sentence.asks {
            let text = KeyPointText.standalone(sentence.text)
            if seenQuestions.insert(text.lowercased()).inserted {
                questions.append(KeyPointQuote(number: arguments[sentence.argument].number, text: text))
            }
        }

        let reactionParents = Dictionary(reactions.map { ($0.reaction, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var bySentence: [Int: [ReadSentence]] = [:]
        for sentence in sentences { bySentence[sentence.argument, default: []].append(sentence) }
        let stanceOfPoint = Dictionary(keyPoints.map { ($0.id, $0.stance) }, uniquingKeysWith: { first, _ in first })
        var readings = arguments.indices.map { index -> ArgumentReading in
            let own = bySentence[index] ?? []
            var ids: [Int] = []
            for entry in (memberOf[index] ?? []).sorted(by: {
                ($0.minor ? 1 : 0, $0.position, $0.id) < ($1.minor ? 1 : 0, $1.position, $1.id)
            })
            where !ids.contains(entry.id) {
                ids.append(entry.id)
            }
            var signals: ArgumentReading.Signals = []
            if own.contains(where: \.missing) { signals.insert(.missingInformation) }
            if own.contains(where: \.tone) { signals.insert(.tone) }
            if own.contains(where: { $0.role == .question && $0.asks }) { signals.insert(.question) }
            if reactionParents[index] != nil { signals.insert(.reaction) }
            if ids.isEmpty && !signals.contains(.reaction) { signals.insert(.noArgument) }
            var stance = cueStance(own)
            // No phrase says it: what this round's own words and the labelled set's lean to together
            // (`wordSide`), else the side of its first key point.
            if stance == .unclear, let side = wordSide(of: index) { stance = side }
            if stance == .unclear, let first = ids.first { stance = stanceOfPoint[first] ?? .unclear }
            if ids.isEmpty && signals.contains(.noArgument) && !own.contains(where: { $0.support + $0.oppose > 0 }) {
                stance = .unclear
            }
            return ArgumentReading(number: arguments[index].number, keyPoints: ids, stance: stance, signals: signals)
        }
        reactionStances(&readings, agreeing: reactionParents)
        return KeyPointReport(
            keyPoints: keyPoints, missingInformation: missing, tone: tone, questions: questions, readings: readings,
            residents: Set(arguments.map(\.author)).count)
    }

    // MARK: Reactions

    /// Reactions (an argument naming another with `#N`) that agree: they say so ("Eens met #3", "#12 klopt") or add
    /// no point of their own, and do not disagree: (reacting argument index, number it agrees with). A reaction that
    /// makes a point of its own without saying it agrees mostly rebuts ("#7 dat is makkelijk gezegd, …"; on the
    /// tune cases 21 of 23 such reactions argued the other side): it does not count toward what it answers.
    func agreeingReactions() -> [(reaction: Int, parent: Int)] {
        var result: [(Int, Int)] = []
        for (index, argument) in arguments.enumerated() {
            guard let parent = argument.reactsTo, parent != argument.number, argumentIndex[parent] != nil else { continue }
            let own = byArgument[index] ?? []
            let text = own.map(\.text).joined(separator: " ")
            let makesPoint = own.contains { $0.role == .point && !$0.vector.ids.isEmpty }
            if !containsDisagreement(text) && (containsAgreement(text) || !makesPoint) { result.append((index, parent)) }
        }
        return result
    }

    /// A reaction that says it agrees ("Eens met #21", "Precies wat #55 zegt") takes the stance of the argument it
    /// answers, whatever words like "eens" it uses about the other resident; one that disagrees ("#3 klopt niet"), or
    /// answers with a point of its own and no stance phrase ("#7 dat is speculatie, …"), takes the other side. In
    /// number order, so a reaction to a reaction follows the first.
    func reactionStances(_ readings: inout [ArgumentReading], agreeing: [Int: Int]) {
        for index in arguments.indices {
            guard let parent = arguments[index].reactsTo, parent < arguments[index].number,
                let parentIndex = argumentIndex[parent]
            else { continue }
            let parentStance = readings[parentIndex].stance
            let own = byArgument[index] ?? []
            let text = own.map(\.text).joined(separator: " ")
            let rebuts = containsDisagreement(text) || agreeing[index] == nil && cueStance(own) == .unclear
            if rebuts {
                if parentStance == .support || parentStance == .oppose {
                    readings[index].stance = parentStance == .support ? .oppose : .support
                }
            } else if agreeing[index] != nil, containsAgreement(text), parentStance != .unclear {
                readings[index].stance = parentStance
            }
        }
    }

    /// "Eens met #3", "Precies wat #55 zegt", "Ik sluit me aan bij #44", "#12 klopt".
    func containsAgreement(_ text: String) -> Bool {
        let lower = " " + KeyPointText.words(text).joined(separator: " ") + " "
        return [
            " eens ", " klopt ", " precies ", " sluit me aan ", " sluit mij aan ", " sluit ik me aan ", " gelijk ",
            " goed punt ", " mee eens ", " zoals ", " dat ook ", " ook zo ", " helemaal waar ", " inderdaad ",
        ].contains { lower.contains($0) }
    }

    /// "Oneens met #3", "#3 klopt niet", "daar ben ik het niet mee eens".
    func containsDisagreement(_ text: String) -> Bool {
        let lower = " " + KeyPointText.words(text).joined(separator: " ") + " "
        return [" oneens ", " niet eens ", " niet mee eens ", " klopt niet ", " onzin ", " niet waar "].contains {
            lower.contains($0)
        }
    }

    // MARK: Groups

    func dense(_ members: [Int]) -> [Float] {
        var centre = [Float](repeating: 0, count: reading.featureNames.count)
        for member in members {
            let vector = sentences[member].vector
            for index in vector.ids.indices { centre[Int(vector.ids[index])] += vector.weights[index] }
        }
        let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for index in centre.indices { centre[index] /= norm } }
        return centre
    }

    /// Greedy coverage: the candidate covering the most residents not yet covered becomes a group of the
    /// sentences it covers (not yet covered), while a candidate still covers `minimumResidents`.
    func coverGroups(_ pool: [Int], threshold: Float, minimumResidents: Int) -> [Group] {
        guard !pool.isEmpty else { return [] }
        // An inverted index over the pool: positions into `pool`, with the sentence's weight for the feature, flat
        // (one run per feature id, ids are dense): no hashing and no array per feature to retain in the loop below,
        // which is most of the analysis's time.
        let featureCount = reading.featureNames.count
        var start = [Int](repeating: 0, count: featureCount + 1)
        for sentence in pool {
            for id in sentences[sentence].vector.ids { start[Int(id) + 1] += 1 }
        }
        for id in 0..<featureCount { start[id + 1] += start[id] }
        var fill = start
        var postingPosition = [Int32](repeating: 0, count: start[featureCount])
        var postingWeight = [Float](repeating: 0, count: start[featureCount])
        for (position, sentence) in pool.enumerated() {
            let vector = sentences[sentence].vector
            for (offset, id) in vector.ids.enumerated() {
                postingPosition[fill[Int(id)]] = Int32(position)
                postingWeight[fill[Int(id)]] = vector.weights[offset]
                fill[Int(id)] += 1
            }
        }
        var candidates = pool.indices.filter { position in
            let sentence = sentences[pool[position]]
            return sentence.features.count >= 2 && sentence.length <= 400
        }
        if candidates.count > KeyPointAnalysis.maximumCandidates {
            let step = Double(candidates.count) / Double(KeyPointAnalysis.maximumCandidates)
            candidates = (0..<KeyPointAnalysis.maximumCandidates).map { candidates[Int(Double($0) * step)] }
        }
        var scores = [Float](repeating: 0, count: pool.count)
        var covers: [[Int]] = []
        covers.reserveCapacity(candidates.count)
        var touched: [Int] = []
        postingPosition.withUnsafeBufferPointer { positions in
            postingWeight.withUnsafeBufferPointer { weights in
                scores.withUnsafeMutableBufferPointer { scores in
                    for candidate in candidates {
                        let vector = sentences[pool[candidate]].vector
                        touched.removeAll(keepingCapacity: true)
                        for (offset, id) in vector.ids.enumerated() {
                            let weight = vector.weights[offset]
                            for entry in start[Int(id)]..<start[Int(id) + 1] {
                                let position = Int(positions[entry])
                                if scores[position] == 0 { touched.append(position) }
                                scores[position] += weight * weights[entry]
                            }
                        }
                        let lean = sentences[pool[candidate]].lean
                        covers.append(
                            touched.filter { other in
                                scores[other] * Self.leanFactor(lean, sentences[pool[other]].lean) >= threshold
                            }.sorted())
                        for other in touched { scores[other] = 0 }
                    }
                }
            }
        }
        // Lazy greedy: a candidate's gain (residents not yet covered) only shrinks as others are taken, so a stale
        // gain is an upper bound; the best is recomputed and taken when it still beats every other bound.
        var covered = [Bool](repeating: false, count: pool.count)
        let authors = pool.map { authorOf[sentences[$0].argument] }
        var seen = [Int](repeating: -1, count: authorCount)
        func gain(_ offset: Int) -> Bound {
            var residents = 0
            var size = 0
            for position in covers[offset] where !covered[position] {
                if seen[authors[position]] != offset {
                    seen[authors[position]] = offset
                    residents += 1
                }
                size += 1
            }
            // The stamp is the candidate: reset so the same candidate can be counted again later.
            for position in covers[offset] { seen[authors[position]] = -1 }
            return Bound(residents: residents, sentences: size, offset: offset)
        }
        var bounds = covers.indices.map(gain).sorted(by: Bound.before)
        var groups: [Group] = []
        while let top = bounds.first, top.residents >= minimumResidents, groups.count < KeyPointAnalysis.maximumGroups {
            bounds.removeFirst()
            let fresh = gain(top.offset)
            if let next = bounds.first, Bound.before(next, fresh) {
                // Stale: back in where its true gain belongs.
                bounds.insert(fresh, at: bounds.firstIndex { Bound.before(fresh, $0) } ?? bounds.count)
                continue
            }
            guard fresh.residents >= minimumResidents else { continue }
            let members = covers[top.offset].filter { !covered[$0] }
            for position in members { covered[position] = true }
            let sentenceIndices = members.map { pool[$0] }
            groups.append(Group(members: sentenceIndices, centre: dense(sentenceIndices)))
        }
        return groups
    }

    /// A candidate's gain: residents (then sentences) it would cover that no group covers yet.
    struct Bound {
        var residents: Int
        var sentences: Int
        var offset: Int

        /// More residents first, then more sentences, then the earlier candidate: a total order.
        static func before(_ a: Bound, _ b: Bound) -> Bool {
            if a.residents != b.residents { return a.residents > b.residents }
            if a.sentences != b.sentences { return a.sentences > b.sentences }
            return a.offset < b.offset
        }
    }

    /// Sentences leaning to opposite sides (for against against) are less alike; a middle way or no stance is
    /// near both.
    static func leanFactor(_ a: Stance, _ b: Stance) -> Float {
        (a == .support && b == .oppose) || (a == .oppose && b == .support) ? KeyPointAnalysis.oppositeLean : 1
    }

    /// The side most members lean to, if most lean one way.
    func lean(of members: [Int]) -> Stance {
        let support = members.count { sentences[$0].lean == .support }
        let oppose = members.count { sentences[$0].lean == .oppose }
        if support > oppose * 2 { return .support }
        if oppose > support * 2 { return .oppose }
        return .unclear
    }

    /// Groups whose centres are alike joined, largest first.
    func merged(_ groups: [Group]) -> [Group] {
        var result: [Group] = []
        for group in groups.sorted(by: { $0.members.count > $1.members.count }) {
            if let target = result.indices.first(where: {
                cosine(result[$0].centre, group.centre) >= KeyPointAnalysis.mergeThreshold
            }) {
                result[target].members += group.members
                result[target].centre = dense(result[target].members)
            } else {
                result.append(group)
            }
        }
        return result
    }

    func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Float = 0
        for index in a.indices where a[index] != 0 { sum += a[index] * b[index] }
        return sum
    }

    /// Groups made largely by the same arguments are one point made in several sentences ("Die hulp is haar
    /// enige contact. Met twee uur is er geen tijd meer voor koffie."): joined when at least two thirds of the
    /// smaller group's arguments are also in the larger and their centres share something.
    func mergedByArguments(_ groups: [Group]) -> [Group] {
        var result: [Group] = []
        var argumentsOf: [Set<Int>] = []
        for group in groups.sorted(by: {
            $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.members.min()! < $1.members.min()!
        }) {
            let own = Set(group.members.map { sentences[$0].argument })
            if let target = result.indices.first(where: { index in
                let shared = argumentsOf[index].intersection(own).count
                return own.count >= 2 && shared * 3 >= min(own.count, argumentsOf[index].count) * 2
                    && cosine(result[index].centre, group.centre) >= 0.1
            }) {
                result[target].members += group.members
                result[target].centre = dense(result[target].members)
                argumentsOf[target].formUnion(own)
            } else {
                result.append(group)
                argumentsOf.append(own)
            }
        }
        return result
    }

    /// Every sentence of `pool` joins the closest centre when close enough; centres move; twice.
    func refined(_ groups: [Group], over pool: [Int], threshold: Float) -> [Group] {
        var groups = groups
        for _ in 0..<2 {
            guard !groups.isEmpty else { return groups }
            var members = [[Int]](repeating: [], count: groups.count)
            let leans = groups.map { lean(of: $0.members) }
            for sentence in pool {
                var best = -1
                var bestScore = threshold
                for (index, group) in groups.enumerated() {
                    let score =
                        sentences[sentence].vector.dot(dense: group.centre)
                        * Self.leanFactor(sentences[sentence].lean, leans[index])
                    if score >= bestScore {
                        if score > bestScore || best < 0 { best = index }
                        bestScore = score
                    }
                }
                if best >= 0 { members[best].append(sentence) }
            }
            groups = members.enumerated().compactMap { index, list in
                list.isEmpty ? nil : Group(members: list, centre: dense(list))
            }
        }
        return groups
    }

    /// Sentences no group took that say their side ("Ik ben voor, mits …", "onterecht") join the closest group shown on
    /// that side, at a lower likeness than a sentence of no side may (`sideJoinThreshold`): "Spreek af dat het na drie
    /// maanden opnieuw bekeken wordt" belongs with "Plan een moment om over drie maanden te kijken hoe het gaat".
    func joinedOnTheirSide(_ groups: [Group], threshold: Float) -> [Group] {
        var taken = Set<Int>()
        for group in groups { taken.formUnion(group.members) }
        let sides = groups.map { stance(of: $0) }
        var members = groups.map(\.members)
        for sentence in points where !taken.contains(sentence) {
            let lean = sentences[sentence].lean
            guard lean != .unclear else { continue }
            var best = -1
            var bestScore = threshold
            for (index, group) in groups.enumerated() where sides[index] == lean {
                let score = sentences[sentence].vector.dot(dense: group.centre)
                if score > bestScore {
                    best = index
                    bestScore = score
                }
            }
            if best >= 0 { members[best].append(sentence) }
        }
        return members.map { Group(members: $0, centre: dense($0)) }
    }

    /// Points nobody else made: per argument its fullest sentence left over, as a group of its own.
    func leftovers(_ groups: [Group], reactions: [(reaction: Int, parent: Int)]) -> [Group] {
        var grouped = Set<Int>()
        for group in groups { grouped.formUnion(group.members) }
        let agreeing = Set(reactions.map(\.reaction))
        var best: [Int: Int] = [:]
        for sentence in points where !grouped.contains(sentence) && sentences[sentence].features.count >= 3 {
            let argument = sentences[sentence].argument
            if agreeing.contains(argument) { continue }
            if let current = best[argument], sentences[current].features.count >= sentences[sentence].features.count { continue }
            best[argument] = sentence
        }
        return best.keys.sorted().map { argument in
            let sentence = best[argument]!
            return Group(members: [sentence], centre: dense([sentence]))
        }
    }

    // MARK: Summaries

    /// A key point's sentence as the digest shows it. A point one or two residents made is one resident's sentence:
    /// when it opens on the sentence before ("Dan is er geen voorliggende voorziening meer.", "Pas als dat niet werkt
    /// …"), that sentence of the same argument comes first, so the case officer reads what it leans on.
    func statement(_ sentence: Int, minor: Bool) -> String {
        let read = sentences[sentence]
        let before = sentence - 1
        guard minor, before >= 0, sentences[before].argument == read.argument,
            sentences[before].position == read.position - 1, [.point, .question, .tooShort].contains(sentences[before].role),
            let first = KeyPointText.words(read.text).first, Self.opensOnBefore.contains(first),
            sentences[before].length + read.length < 220
        else { return KeyPointText.standalone(read.text) }
        var text = read.text.trimmingCharacters(in: .whitespaces)
        if let letter = text.first, letter.isLowercase { text = letter.uppercased() + text.dropFirst() }
        return KeyPointText.standalone(sentences[before].text.trimmingCharacters(in: .whitespaces) + " " + text)
    }

    /// Openings of a sentence that says nothing without the one before ("Dan …", "Dat is …", "Pas als dat …").
    static let opensOnBefore: Set<String> = ["dan", "dat", "die", "daar", "dit", "zo", "daarom", "zolang", "pas", "werkt"]

    /// The member that states the group best (`score`).
    func representative(of group: Group) -> Int {
        if group.members.count == 1 { return group.members[0] }
        var best = group.members[0]
        var bestScore = score(best, group)
        for member in group.members.dropFirst() {
            let value = score(member, group)
            if value > bestScore || (value == bestScore && member < best) {
                best = member
                bestScore = value
            }
        }
        return best
    }

    /// How well a sentence states its group: close to the group's centre, less what it shares with every argument
    /// ("Ik heb er lang over nagedacht" is near every centre), preferring 6 to 30 words and no "#N" reference. A case
    /// officer reads it alone, so it should say the point itself: a sentence of few content words says little ("Werkt
    /// het, dan houdt ze hem"), one opening on what came before ("Dan …", "Dat …", "Daar …") needs that before, and a
    /// resident's own story ("Ik heb zelf drie jaar in de bijstand gezeten") is an example of the point, not the
    /// point, unless it states a side ("Ik stem voor, mits …").
    func score(_ sentence: Int, _ group: Group) -> Float {
        let vector = sentences[sentence].vector
        return (vector.dot(dense: group.centre) - 0.5 * vector.dot(dense: everyone)) * statesAlone[sentence]
    }

    /// How well each sentence reads on its own, for `score` (one pass; the groups ask for a sentence many times).
    static func statesAlone(_ sentences: [ReadSentence]) -> [Float] {
        sentences.map { read in
            guard read.role == .point else { return 1 }
            var fit: Float = (6...30).contains(read.wordCount) ? 1 : read.wordCount < 6 ? 0.5 : 0.8
            // "#19 vind ik een goed idee" says little without #19.
            if read.text.contains(where: { $0 == "#" }) { fit *= 0.5 }
            fit *= min(1, Float(read.features.count) / fullStatement).squareRoot()
            let plain = KeyPointText.wordsStandingAlone(KeyPointText.words(read.text))
            if let first = plain.first, leansOnBefore.contains(first) { fit *= 0.6 }
            if read.support + read.oppose + read.middle == 0, plain.contains(where: ownStory.contains) { fit *= 0.7 }
            return fit
        }
    }

    /// Features of a sentence that says a whole point; fewer weigh less when choosing a key point's sentence.
    static let fullStatement: Float = 8
    /// Openings that lean on the sentence before.
    static let leansOnBefore: Set<String> = [
        "dan", "dat", "die", "daar", "dit", "zo", "ook", "en", "want", "maar", "werkt", "zolang", "daarom", "nou", "nu",
    ]
    /// Words of a resident's own story.
    static let ownStory: Set<String> = ["ik", "mijn", "wij", "we", "ons", "onze", "me", "mij"]

    /// One or two other members, of other arguments, short, closest to the centre.
    func quotes(of group: Group, besides representative: Int) -> [KeyPointQuote] {
        var used: Set<Int> = [sentences[representative].argument]
        var result: [KeyPointQuote] = []
        var scored: [(member: Int, score: Float)] = []
        for member in group.members where member != representative && sentences[member].length <= 240 {
            scored.append((member, score(member, group)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.member < $1.member }
        let ranked = scored.map(\.member)
        for member in ranked where result.count < 2 && !used.contains(sentences[member].argument) {
            used.insert(sentences[member].argument)
            let text = sentences[member].text.trimmingCharacters(in: .whitespaces)
            result.append(KeyPointQuote(number: arguments[sentences[member].argument].number, text: text))
        }
        return result
    }

    /// What the members say about the decision: cue phrases of the sentence, else of its argument, else what its
    /// words lean to (`wordSide`), each argument counted once; a middle way when enough of them set a condition; else
    /// the side their words lean to in this round (`learnt`) on average; else the standpoint the centre echoes most.
    func stance(of group: Group) -> Stance {
        // Each argument counts once, however many of its sentences the group holds.
        var leans: [Int: (lean: Int, middle: Bool)] = [:]
        for member in group.members {
            let sentence = sentences[member]
            var lean = sentence.support - sentence.oppose
            var middle = sentence.middle > 0
            if lean == 0 {
                let own = byArgument[sentence.argument] ?? []
                lean = own.reduce(0) { $0 + $1.support - $1.oppose }
                if own.contains(where: { $0.middle > 0 }) && lean == 0 { middle = true }
                if lean == 0, !middle, let side = wordSide(of: sentence.argument) { lean = side == .support ? 1 : -1 }
            }
            let before = leans[sentence.argument] ?? (0, false)
            leans[sentence.argument] = (before.lean + lean, before.middle || middle)
        }
        let support = leans.values.count { $0.lean > 0 }
        let oppose = leans.values.count { $0.lean < 0 }
        let middle = leans.values.count { $0.middle }
        let count = leans.count
        if middle * 10 >= count * 3 && middle >= 1 { return .middle }
        if support > oppose * 2 && support * 10 >= count * 3 { return .support }
        if oppose > support * 2 && oppose * 10 >= count * 3 { return .oppose }
        // No cue decides: the side the members' words lean to in this round, on average, if clear enough.
        let learntLean = leans.keys.sorted().reduce(Float(0)) { $0 + learnt[$1] } / Float(max(1, leans.count))
        if abs(learntLean) >= KeyPointAnalysis.learntMargin { return learntLean > 0 ? .support : .oppose }
        let leanMunicipality = reading.municipality.dot(dense: group.centre)
        let leanApplicant = reading.applicant.dot(dense: group.centre)
        if leanMunicipality > leanApplicant + 0.05 { return .support }
        if leanApplicant > leanMunicipality + 0.05 { return .oppose }
        if support > oppose { return .support }
        if oppose > support { return .oppose }
        return .unclear
    }

    /// The side an argument's words lean to, where no phrase names one: this round's lean (`learnt`) plus the labelled
    /// set's (`corpus`) at `KeyPointAnalysis.corpusWeight`, if the sum reaches `learntMargin`. Added, neither overrules
    /// the other: "Een traplift is op termijn duurder dan een verhuizing" stands for refusing a stair-lift in its round
    /// (+7.5), while "duurder" leans against decisions across the labelled set (−2.8, "op termijn duurder" is how
    /// residents there oppose a cut); the sum says for.
    func wordSide(of argument: Int) -> Stance? {
        let lean = learnt[argument] + KeyPointAnalysis.corpusWeight * corpus[argument]
        guard abs(lean) >= KeyPointAnalysis.learntMargin else { return nil }
        return lean > 0 ? .support : .oppose
    }

    /// A sentence whose words say something about the decision: not case text quoted back, thanks or another matter.
    static func carriesStance(_ sentence: ReadSentence) -> Bool {
        sentence.role != .quoted && sentence.role != .thanks && sentence.role != .offTopic
    }

    /// The stance an argument's own words show.
    func cueStance(_ own: [ReadSentence]) -> Stance {
        let support = own.reduce(0) { $0 + $1.support }
        let oppose = own.reduce(0) { $0 + $1.oppose }
        if own.contains(where: { $0.middle > 0 }) && (support == 0 || oppose == 0) && support + oppose <= 1 {
            return .middle
        }
        if support > oppose { return .support }
        if oppose > support { return .oppose }
        return .unclear
    }

    /// Missing information or remarks on tone, grouped by meaning among themselves; every distinct remark kept.
    func remarks(_ pool: [Int], threshold: Float, tieToMunicipality: Bool) -> [KeyPointRemark] {
        // A remark with no words of its own ("Dat lees ik nergens.", "Staat nergens.") is about the sentence before
        // it: beside another remark of its argument that has words it adds nothing; alone, it is read with the
        // sentence before, whose words group it ("Ze heeft een dochter in de buurt. Dat lees ik nergens.").
        // (Its vector may hold the words of the sentence before, borrowed: its own features are what it says.)
        let withWords = Set(pool.filter { !sentences[$0].features.isEmpty }.map { sentences[$0].argument })
        var context: [Int: Int] = [:]  // sentence before -> the remark without words it stands in for
        let pool = pool.compactMap { index -> Int? in
            let sentence = sentences[index]
            guard sentence.features.isEmpty else { return index }
            if withWords.contains(sentence.argument) { return nil }
            let before = index - 1
            guard before >= 0, sentences[before].argument == sentence.argument,
                sentences[before].position == sentence.position - 1, !sentences[before].vector.ids.isEmpty,
                [.point, .question].contains(sentences[before].role)
            else { return index }
            context[before] = index
            return before
        }
        let usable = pool.filter { !sentences[$0].vector.ids.isEmpty }
        var groups = coverGroups(usable, threshold: threshold, minimumResidents: 1)
        var grouped = Set<Int>()
        for group in groups { grouped.formUnion(group.members) }
        // Remarks whose words are all cue words ("dat mis ik") stand alone.
        for sentence in pool where !grouped.contains(sentence) {
            groups.append(Group(members: [sentence], centre: dense([sentence])))
        }
        var result: [KeyPointRemark] = []
        for group in groups {
            var authors = Set<Int64>()
            var numbers = Set<Int>()
            for member in group.members {
                authors.insert(arguments[sentences[member].argument].author)
                numbers.insert(arguments[sentences[member].argument].number)
            }
            let representative = group.members.count == 1 ? group.members[0] : representative(of: group)
            var about: String? = nil
            if tieToMunicipality {
                let best = reading.municipalitySentences.max { a, b in
                    a.vector.dot(dense: group.centre) < b.vector.dot(dense: group.centre)
                }
                if let best, best.vector.dot(dense: group.centre) >= 0.2 { about = best.text }
            }
            var text = sentences[representative].text
            if let remark = context[representative] { text += " " + sentences[remark].text }
            result.append(
                KeyPointRemark(
                    sentence: KeyPointText.standalone(text), residents: authors.count,
                    arguments: numbers.sorted(), about: about))
        }
        // Same remark from one argument twice (two sentences) is one.
        var seen = Set<String>()
        result = result.filter { seen.insert($0.sentence).inserted }
        return result.sorted { a, b in
            a.residents != b.residents ? a.residents > b.residents : (a.arguments.first ?? 0) < (b.arguments.first ?? 0)
        }
    }
}
