/// Volunteers and quotas turned into the indexed form `QuotaSampler` works on, after the checks that show a panel is
/// impossible before any sampling. Fixed members (a top-up's current panel) come first, then the pool, each sorted by
/// id, so the input order never changes the result.
struct SelectionInput {
    let volunteers: [Volunteer]
    let quotas: [Quota]
    let categories: [String]
    let sampler: QuotaSampler

    init(fixed: [Volunteer], pool: [Volunteer], quotas: [Quota], size: Int) throws(SelectionError) {
        let fixed = fixed.sorted { $0.id < $1.id }
        let pool = pool.sorted { $0.id < $1.id }
        let volunteers = fixed + pool
        self.volunteers = volunteers
        self.quotas = quotas
        var issues: [SelectionIssue] = []
        var seen = Set<Int64>()
        for volunteer in volunteers where !seen.insert(volunteer.id).inserted {
            issues.append(.duplicateVolunteer(id: volunteer.id))
        }
        if !issues.isEmpty { throw SelectionError(problems: issues) }

        var categories: [String] = []
        var quotaIndex: [String: [String: Int]] = [:]
        for (q, quota) in quotas.enumerated() {
            if quotaIndex[quota.category] == nil { categories.append(quota.category) }
            quotaIndex[quota.category, default: [:]][quota.value] = q
        }
        self.categories = categories
        let quotaCategory = quotas.map { categories.firstIndex(of: $0.category)! }

        var membership = [Int32](repeating: -1, count: volunteers.count * categories.count)
        var household = [Int32](repeating: 0, count: volunteers.count)
        var householdIndex: [String: Int32] = [:]
        var householdCount: Int32 = 0
        for (v, volunteer) in volunteers.enumerated() {
            for (c, category) in categories.enumerated() {
                if let value = volunteer.features[category]?.trimmingCharacters(in: .whitespaces),
                    let q = quotaIndex[category]?[value]
                {
                    membership[v * categories.count + c] = Int32(q)
                }
            }
            if let key = volunteer.household?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
                if let existing = householdIndex[key] {
                    household[v] = existing
                    continue
                }
                householdIndex[key] = householdCount
            }
            household[v] = householdCount
            householdCount += 1
        }
        let sampler = QuotaSampler(
            categoryCount: categories.count, minimum: quotas.map(\.minimum), maximum: quotas.map(\.maximum),
            quotaCategory: quotaCategory, membership: membership, household: household,
            householdCount: Int(householdCount), size: size, fixed: Array(0..<fixed.count))
        self.sampler = sampler

        // Distinct households among the pool volunteers still eligible once the fixed members are seated.
        func households(_ members: some Sequence<Int>) -> Int {
            var counted = Set<Int32>()
            for v in members where v >= fixed.count && sampler.isAvailable(v) { counted.insert(household[v]) }
            return counted.count
        }
        let open = size - fixed.count
        let eligibleHouseholds = households(0..<volunteers.count)
        if eligibleHouseholds < open {
            issues.append(.notEnoughHouseholds(seats: open, households: eligibleHouseholds))
        }
        for (c, category) in categories.enumerated() {
            let inCategory = quotas.indices.filter { quotaCategory[$0] == c }
            let minimums = inCategory.reduce(0) { $0 + quotas[$1].minimum }
            let maximums = inCategory.reduce(0) { $0 + quotas[$1].maximum }
            let unlisted = volunteers.indices.filter {
                membership[$0 * categories.count + c] < 0 && ($0 < fixed.count || sampler.isAvailable($0))
            }.count
            if minimums > size { issues.append(.minimumsAboveSize(category: category, sum: minimums, size: size)) }
            if maximums + unlisted < size {
                issues.append(.maximumsBelowSize(category: category, sum: maximums, unlisted: unlisted, size: size))
            }
            for q in inCategory {
                let members = volunteers.indices.filter { membership[$0 * categories.count + c] == Int32(q) }
                let seated = members.filter { $0 < fixed.count }.count
                if seated > quotas[q].maximum {
                    issues.append(.alreadyAboveMaximum(quotas[q], members: seated))
                    continue
                }
                let needed = quotas[q].minimum - seated
                let available = households(members)
                if needed > available {
                    let present = Set(volunteers.compactMap { $0.features[category]?.trimmingCharacters(in: .whitespaces) })
                    issues.append(
                        .quotaShort(quotas[q], needed: needed, available: available, valuesPresent: present.sorted()))
                }
            }
        }
        if !issues.isEmpty { throw SelectionError(problems: issues) }
    }

    /// The constraint the sampler got stuck on most often, for the error when it found no panel.
    func stuckProblem(_ stuck: [QuotaSampler.Shortfall]) -> SelectionIssue {
        var tally: [String: (times: Int, short: Int, first: Int)] = [:]
        for (attempt, shortfall) in stuck.enumerated() {
            let name: String
            let short: Int
            switch shortfall {
            case .quota(let q, let amount): (name, short) = ("quota \(quotas[q])", amount)
            case .minimums(let c, let amount): (name, short) = ("the minimums for \(categories[c])", amount)
            case .capacity(let c, let amount): (name, short) = ("the maximums for \(categories[c])", amount)
            }
            let entry = tally[name] ?? (0, 0, attempt)
            tally[name] = (entry.times + 1, Swift.max(entry.short, short), entry.first)
        }
        let worst = tally.sorted { ($1.value.times, $0.value.first) < ($0.value.times, $1.value.first) }.first!
        return .samplerStuck(constraint: worst.key, stuck: worst.value.times, attempts: stuck.count, short: worst.value.short)
    }
}
