/// The panel generator behind `PanelSelection`.
///
/// `draw` is a randomized greedy quota filler (after the Sortition Foundation's stratification): among the values still
/// below their minimum, take the one with the largest share of its remaining volunteers still needed; pick one of its
/// eligible volunteers with probability proportional to their weight; close values that reach their maximum and
/// households that have a member. When every minimum is met, pick from everyone still eligible. A dead end restarts
/// the panel; after the allowed attempts it reports the constraints it got stuck on.
///
/// `swap` then moves from that panel to others by Metropolis swap moves that keep every quota and household rule.
struct QuotaSampler {
    /// A constraint a panel attempt got stuck on.
    enum Shortfall: Equatable {
        /// Fewer eligible volunteers left with the quota's value than its minimum still needs.
        case quota(Int, short: Int)
        /// Fewer seats left than the category's minimums still need (cannot happen after the checks; kept for safety).
        case minimums(category: Int, short: Int)
        /// The category's maximums and eligible volunteers leave fewer places than seats still open.
        case capacity(category: Int, short: Int)
    }

    let volunteerCount: Int
    let categoryCount: Int
    let minimum: [Int]
    let maximum: [Int]
    let quotaCategory: [Int]
    /// `membership[v * categoryCount + c]`: the quota of volunteer v's value in category c, or -1 when unlisted.
    let membership: [Int32]
    let quotaMembers: [[Int32]]
    let householdMembers: [[Int32]]
    let household: [Int32]
    /// Seats in the whole panel, fixed members included.
    let size: Int

    // The state after fixed members are seated; every attempt starts from a copy.
    private var baseAvailable: [Bool]
    private var baseSupply: [Int]
    private var baseFreeSupply: [Int]
    private var baseCount: [Int]
    let fixedCount: Int

    // The attempt in progress.
    private var available: [Bool]
    private var supply: [Int]
    private var freeSupply: [Int]
    private var count: [Int]
    private var deficit: [Int]
    private var capacity: [Int]
    private var candidates: [Int32] = []
    private var cumulative: [Double] = []
    private(set) var chosen: [Int32] = []

    init(
        categoryCount: Int, minimum: [Int], maximum: [Int], quotaCategory: [Int], membership: [Int32],
        household: [Int32], householdCount: Int, size: Int, fixed: [Int]
    ) {
        let volunteerCount = household.count
        self.volunteerCount = volunteerCount
        self.categoryCount = categoryCount
        self.minimum = minimum
        self.maximum = maximum
        self.quotaCategory = quotaCategory
        self.membership = membership
        self.household = household
        self.size = size
        var quotaMembers = Array(repeating: [Int32](), count: minimum.count)
        var householdMembers = Array(repeating: [Int32](), count: householdCount)
        for v in 0..<volunteerCount {
            householdMembers[Int(household[v])].append(Int32(v))
            for c in 0..<categoryCount {
                let q = Int(membership[v * categoryCount + c])
                if q >= 0 { quotaMembers[q].append(Int32(v)) }
            }
        }
        self.quotaMembers = quotaMembers
        self.householdMembers = householdMembers

        available = Array(repeating: true, count: volunteerCount)
        supply = quotaMembers.map(\.count)
        freeSupply = Array(repeating: 0, count: categoryCount)
        for v in 0..<volunteerCount {
            for c in 0..<categoryCount where membership[v * categoryCount + c] < 0 { freeSupply[c] += 1 }
        }
        count = Array(repeating: 0, count: minimum.count)
        deficit = Array(repeating: 0, count: categoryCount)
        capacity = Array(repeating: 0, count: categoryCount)
        baseAvailable = []
        baseSupply = []
        baseFreeSupply = []
        baseCount = []
        fixedCount = fixed.count
        for v in fixed { seat(v) }
        for q in 0..<minimum.count where count[q] >= maximum[q] { close(q) }
        chosen = []
        baseAvailable = available
        baseSupply = supply
        baseFreeSupply = freeSupply
        baseCount = count
    }

    /// Whether volunteer v can still be picked in the current state (read after the init for the checks).
    func isAvailable(_ v: Int) -> Bool { baseAvailable[v] }

    /// Quota counts of the current attempt (fixed members included).
    var counts: [Int] { count }

    /// Draws one panel into `chosen` (non-fixed members) with the given weights, restarting on dead ends; false when
    /// all `attempts` failed. Each failed attempt adds its shortfall to `stuck`.
    mutating func draw(
        weights: [Double], using generator: inout SplitMix64, attempts: Int, stuck: inout [Shortfall]
    ) -> Bool {
        for _ in 0..<attempts {
            if let shortfall = attempt(weights: weights, using: &generator) {
                stuck.append(shortfall)
            } else {
                return true
            }
        }
        return false
    }

    private mutating func attempt(weights: [Double], using generator: inout SplitMix64) -> Shortfall? {
        available = baseAvailable
        supply = baseSupply
        freeSupply = baseFreeSupply
        count = baseCount
        chosen.removeAll(keepingCapacity: true)
        let quotaCount = minimum.count
        while fixedCount + chosen.count < size {
            let remaining = size - fixedCount - chosen.count
            for c in 0..<categoryCount {
                deficit[c] = 0
                capacity[c] = freeSupply[c]
            }
            // The most urgent value: the largest share of its remaining volunteers still needed.
            var target = -1
            var targetNeed = 0
            var targetSupply = 1
            var ties = 0
            for q in 0..<quotaCount {
                let c = quotaCategory[q]
                capacity[c] += Swift.min(maximum[q] - count[q], supply[q])
                let need = minimum[q] - count[q]
                guard need > 0 else { continue }
                if supply[q] < need { return .quota(q, short: need - supply[q]) }
                deficit[c] += need
                // need / supply > targetNeed / targetSupply, without division.
                let order = need * targetSupply - targetNeed * supply[q]
                if target < 0 || order > 0 {
                    target = q
                    targetNeed = need
                    targetSupply = supply[q]
                    ties = 1
                } else if order == 0 {
                    ties += 1
                    if generator.uniform(below: ties) == 0 { target = q }
                }
            }
            var tight = 0
            for c in 0..<categoryCount {
                if deficit[c] > remaining { return .minimums(category: c, short: deficit[c] - remaining) }
                if capacity[c] < remaining { return .capacity(category: c, short: remaining - capacity[c]) }
                if deficit[c] == remaining { tight += 1 }
            }
            guard let pick = pickCandidate(target: target, tight: tight > 0, weights: weights, using: &generator) else {
                return target >= 0 ? .quota(target, short: 1) : .capacity(category: 0, short: remaining)
            }
            chosen.append(Int32(pick))
            seat(pick)
        }
        return nil
    }

    /// A weighted pick among the available members of `target` (everyone when -1). When a category's minimums need
    /// every remaining seat, only volunteers who help one of its values below minimum qualify.
    private mutating func pickCandidate(
        target: Int, tight: Bool, weights: [Double], using generator: inout SplitMix64
    ) -> Int? {
        candidates.removeAll(keepingCapacity: true)
        cumulative.removeAll(keepingCapacity: true)
        let remaining = size - fixedCount - chosen.count
        var total = 0.0
        func consider(_ v: Int) {
            guard available[v] else { return }
            if tight {
                for c in 0..<categoryCount where deficit[c] == remaining {
                    let q = Int(membership[v * categoryCount + c])
                    if q < 0 || count[q] >= minimum[q] { return }
                }
            }
            total += weights[v]
            candidates.append(Int32(v))
            cumulative.append(total)
        }
        if target >= 0 {
            for v in quotaMembers[target] { consider(Int(v)) }
        } else {
            for v in 0..<volunteerCount { consider(v) }
        }
        guard !candidates.isEmpty else { return nil }
        let point = generator.unitInterval() * total
        var low = 0
        var high = candidates.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > point { high = middle } else { low = middle + 1 }
        }
        return Int(candidates[low])
    }

    // MARK: - Swap moves

    private var inPanel: [Bool] = []
    private var householdTaken: [Bool] = []

    /// Starts swap moves from the panel of the last successful `draw`.
    mutating func startSwaps() {
        inPanel = Array(repeating: false, count: volunteerCount)
        householdTaken = Array(repeating: false, count: householdMembers.count)
        for v in 0..<volunteerCount where v < fixedCount { householdTaken[Int(household[v])] = true }
        for v in chosen {
            inPanel[Int(v)] = true
            householdTaken[Int(household[Int(v)])] = true
        }
    }

    /// Metropolis swap moves on `chosen`: swap a random member for a random non-member when the panel still meets every
    /// quota and household rule, accepted with probability min(1, w_in / w_out). Their stationary distribution gives
    /// each valid panel a chance proportional to the product of its members' weights, so the weights steer who is
    /// chosen directly, not only through the order the greedy fills quotas in.
    mutating func swap(steps: Int, weights: [Double], using generator: inout SplitMix64) {
        let poolCount = volunteerCount - fixedCount
        guard !chosen.isEmpty, poolCount > chosen.count else { return }
        for _ in 0..<steps {
            let slot = generator.uniform(below: chosen.count)
            let leaving = Int(chosen[slot])
            let joining = fixedCount + generator.uniform(below: poolCount)
            guard !inPanel[joining], baseAvailable[joining] else { continue }
            let home = Int(household[joining])
            if householdTaken[home] && home != Int(household[leaving]) { continue }
            var valid = true
            for c in 0..<categoryCount {
                let out = Int(membership[leaving * categoryCount + c])
                let into = Int(membership[joining * categoryCount + c])
                if out == into { continue }
                if out >= 0 && count[out] <= minimum[out] || into >= 0 && count[into] >= maximum[into] {
                    valid = false
                    break
                }
            }
            guard valid else { continue }
            if weights[joining] < weights[leaving] && generator.unitInterval() * weights[leaving] >= weights[joining] {
                continue
            }
            for c in 0..<categoryCount {
                let out = Int(membership[leaving * categoryCount + c])
                let into = Int(membership[joining * categoryCount + c])
                if out >= 0 { count[out] -= 1 }
                if into >= 0 { count[into] += 1 }
            }
            inPanel[leaving] = false
            inPanel[joining] = true
            householdTaken[Int(household[leaving])] = false
            householdTaken[home] = true
            chosen[slot] = Int32(joining)
        }
    }

    /// Puts volunteer v on the panel: counts their values, closes their household and any value now full.
    private mutating func seat(_ v: Int) {
        for c in 0..<categoryCount {
            let q = Int(membership[v * categoryCount + c])
            if q >= 0 { count[q] += 1 }
        }
        for member in householdMembers[Int(household[v])] where available[Int(member)] {
            makeUnavailable(Int(member))
        }
        if available[v] { makeUnavailable(v) }
        for c in 0..<categoryCount {
            let q = Int(membership[v * categoryCount + c])
            if q >= 0 && count[q] >= maximum[q] { close(q) }
        }
    }

    private mutating func close(_ q: Int) {
        for member in quotaMembers[q] where available[Int(member)] { makeUnavailable(Int(member)) }
    }

    private mutating func makeUnavailable(_ v: Int) {
        available[v] = false
        for c in 0..<categoryCount {
            let q = Int(membership[v * categoryCount + c])
            if q >= 0 { supply[q] -= 1 } else { freeSupply[c] -= 1 }
        }
    }
}
