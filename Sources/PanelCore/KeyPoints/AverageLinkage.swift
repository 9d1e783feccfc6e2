/// Average-linkage (UPGMA) clustering of unit vectors: the two groups whose items are on average most alike join,
/// until no two groups are on average at least `threshold` alike. Items on opposite sides of the decision count as not
/// alike at all, so a group only holds both sides when the rest of it pulls them together.
///
/// Exact for up to `sampleLimit` items (a similarity matrix of that size). Beyond, in passes: an even spread of the
/// items not yet placed is clustered exactly, every other item joins the group it is on average most alike when that
/// reaches the threshold, and the rest goes to the next pass. Deterministic: ties go to the lower index.
struct AverageLinkage {
    var threshold: Float
    /// Two single items start a group only when at least this alike (a pair has no others to vouch for it).
    var pairThreshold: Float
    var sampleLimit = 1500
    var passes = 6

    /// Groups of item indices (each ascending, groups by their first item), singletons included.
    func clusters(_ vectors: [SparseVector], sides: [Stance]) -> [[Int]] {
        precondition(vectors.count == sides.count)
        var result: [[Int]] = []
        var open = Array(vectors.indices)
        for _ in 0..<passes where !open.isEmpty {
            let whole = open.count <= sampleLimit
            let step = Double(open.count) / Double(sampleLimit)
            let sample = whole ? open : (0..<sampleLimit).map { open[Int(Double($0) * step)] }
            let local = exact(sample.map { vectors[$0] }, sides: sample.map { sides[$0] }).map { $0.map { sample[$0] } }
            var groups = local.filter { $0.count >= 2 }
            let singles = local.filter { $0.count == 1 }.map { $0[0] }
            let sampled = Set(sample)
            let others = open.filter { !sampled.contains($0) }
            if whole || groups.isEmpty {
                // Nothing left to meet (or the spread found no pair): the singles stay single.
                result += groups + singles.map { [$0] }
                open = others
                continue
            }
            let joined = join(others, to: groups, vectors: vectors, sides: sides)
            for (group, extra) in joined.extra.enumerated() { groups[group] += extra }
            result += groups
            // A single of this pass may still meet an item not yet sampled.
            open = (joined.rest + singles).sorted()
        }
        result += open.map { [$0] }
        return result.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// How alike two items count: their cosine, none across opposite sides.
    static func similarity(_ a: SparseVector, _ b: SparseVector, _ sideA: Stance, _ sideB: Stance) -> Float {
        opposite(sideA, sideB) ? 0 : a.dot(b)
    }

    static func opposite(_ a: Stance, _ b: Stance) -> Bool {
        (a == .support && b == .oppose) || (a == .oppose && b == .support)
    }

    /// Exact UPGMA over at most `sampleLimit` items: a similarity matrix updated by Lance–Williams, with each row's best
    /// partner kept so a step scans rows, not pairs.
    func exact(_ vectors: [SparseVector], sides: [Stance]) -> [[Int]] {
        let count = vectors.count
        guard count >= 2 else { return vectors.indices.map { [$0] } }
        // Pairwise similarities through an inverted index: only pairs sharing a feature are touched.
        var postings: [Int32: [(item: Int, weight: Float)]] = [:]
        for (item, vector) in vectors.enumerated() {
            for (offset, id) in vector.ids.enumerated() { postings[id, default: []].append((item, vector.weights[offset])) }
        }
        var similarity = [Float](repeating: 0, count: count * count)
        for (item, vector) in vectors.enumerated() {
            for (offset, id) in vector.ids.enumerated() {
                let weight = vector.weights[offset]
                for entry in postings[id] ?? [] where entry.item > item {
                    similarity[item * count + entry.item] += weight * entry.weight
                }
            }
        }
        for a in 0..<count {
            for b in (a + 1)..<count {
                if Self.opposite(sides[a], sides[b]) { similarity[a * count + b] = 0 }
                similarity[b * count + a] = similarity[a * count + b]
            }
        }
        var size = [Int](repeating: 1, count: count)
        var active = [Bool](repeating: true, count: count)
        var members = (0..<count).map { [$0] }
        var best = [Int](repeating: -1, count: count)
        var bestValue = [Float](repeating: -1, count: count)
        func refresh(_ row: Int) {
            best[row] = -1
            bestValue[row] = -1
            for other in 0..<count where other != row && active[other] {
                let value = similarity[row * count + other]
                if value > bestValue[row] {
                    best[row] = other
                    bestValue[row] = value
                }
            }
        }
        for row in 0..<count { refresh(row) }
        while true {
            var row = -1
            var value = threshold
            for candidate in 0..<count where active[candidate] && best[candidate] >= 0 {
                if bestValue[candidate] > value || (bestValue[candidate] == value && row < 0) {
                    row = candidate
                    value = bestValue[candidate]
                }
            }
            guard row >= 0, value >= threshold else { break }
            let (keep, gone) = (min(row, best[row]), max(row, best[row]))
            if size[keep] == 1 && size[gone] == 1 && value < pairThreshold {
                // Two single items need more to start a group than a group needs to grow.
                similarity[keep * count + gone] = 0
                similarity[gone * count + keep] = 0
                refresh(keep)
                refresh(gone)
                continue
            }
            let total = Float(size[keep] + size[gone])
            for other in 0..<count where active[other] && other != keep && other != gone {
                let merged =
                    (Float(size[keep]) * similarity[keep * count + other] + Float(size[gone]) * similarity[gone * count + other])
                    / total
                similarity[keep * count + other] = merged
                similarity[other * count + keep] = merged
            }
            active[gone] = false
            size[keep] += size[gone]
            members[keep] += members[gone]
            members[gone] = []
            refresh(keep)
            for other in 0..<count where active[other] && other != keep {
                if best[other] == keep || best[other] == gone {
                    refresh(other)
                } else if similarity[other * count + keep] > bestValue[other] {
                    best[other] = keep
                    bestValue[other] = similarity[other * count + keep]
                }
            }
        }
        return (0..<count).filter { active[$0] }.map { members[$0] }
    }

    /// Items joined to the group they are on average most alike (at least the threshold): the average over a group is
    /// the item's dot product with the sum of the members on its side or no side, divided by the group's size.
    func join(_ items: [Int], to groups: [[Int]], vectors: [SparseVector], sides: [Stance]) -> (extra: [[Int]], rest: [Int]) {
        // Per group, sums of member vectors by side (support, oppose, other), as postings by feature.
        var postings: [Int32: [(group: Int, side: Int, weight: Float)]] = [:]
        for (group, members) in groups.enumerated() {
            var sums: [[Int32: Float]] = [[:], [:], [:]]
            for member in members {
                let side = Self.bucket(sides[member])
                let vector = vectors[member]
                for (offset, id) in vector.ids.enumerated() { sums[side][id, default: 0] += vector.weights[offset] }
            }
            for side in 0..<3 {
                for (id, weight) in sums[side].sorted(by: { $0.key < $1.key }) {
                    postings[id, default: []].append((group, side, weight))
                }
            }
        }
        var extra = [[Int]](repeating: [], count: groups.count)
        var rest: [Int] = []
        var scores = [Float](repeating: 0, count: groups.count)
        for item in items {
            let own = sides[item]
            let vector = vectors[item]
            var touched: [Int] = []
            for (offset, id) in vector.ids.enumerated() {
                for entry in postings[id] ?? [] {
                    if entry.side == 0 && own == .oppose || entry.side == 1 && own == .support { continue }
                    if scores[entry.group] == 0 { touched.append(entry.group) }
                    scores[entry.group] += vector.weights[offset] * entry.weight
                }
            }
            var bestGroup = -1
            var bestValue = threshold
            for group in touched.sorted() {
                let value = scores[group] / Float(groups[group].count)
                if value >= bestValue && (value > bestValue || bestGroup < 0) {
                    bestGroup = group
                    bestValue = value
                }
                scores[group] = 0
            }
            if bestGroup >= 0 { extra[bestGroup].append(item) } else { rest.append(item) }
        }
        return (extra, rest)
    }

    static func bucket(_ side: Stance) -> Int { side == .support ? 0 : side == .oppose ? 1 : 2 }
}
