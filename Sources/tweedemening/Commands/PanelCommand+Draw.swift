import ArgumentParser
import Foundation
import PanelCore
import PanelStore

extension PanelCommand {
    struct Select: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Select the panel from confirmed volunteers: quotas always met, fair, reproducible for a seed.",
            discussion: """
                Quotas: CSV `category,value,min,max`. At most one person per household. The lottery is LEXIMIN-fair \
                (Flanigan et al. 2021, exact: an LP and an integer program, CLP and CBC) when the pool has at most 1,000 \
                kinds of volunteer (about a minute at 2,000 volunteers with skewed quotas), else \
                multiplicative weights. Prints the selection probabilities (lowest, median, Gini) and the quota counts, and draws an ordered reserve list that keeps \
                the quotas: when a member bounces hard, unsubscribes or stays silent through two rounds, `tick` offers \
                the seat to the next fitting reserve by mail.
                Every draw is stored with its inputs and seed; `panel audit` repeats it and says whether it matches.
                --top-up fills the panel back to --size around the current panelists (those whose term ended leave first).
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(help: "The panel size.") var size: Int
        @Option(help: "The quotas (CSV category,value,min,max).") var quotas: String
        @Option(help: "The seed; write it down to repeat the selection.") var seed: String
        @Option(help: "Panels in the lottery when the pool is too varied for the exact LEXIMIN LP (ignored otherwise).")
        var replicas: Int = 1000
        @Option(help: "Reserves to draw, in order (default: as many as the panel has seats; 0 for none).") var reserves: Int?
        @Option(name: .customLong("term-months"), help: "Each new panelist's term.") var termMonths: Int = 12
        @Flag(name: .customLong("top-up"), help: "Keep the current panel and add members until it has --size.") var topUp = false
        @Flag(name: .customLong("dry-run"), help: "Only print the selection; change nothing.") var dryRun = false
        @Option(help: "Also write every volunteer's selection probability to this CSV.") var probabilities: String?

        /// From this many volunteers the exact lottery can take a while (about a minute at 2,000 with skewed quotas):
        /// the moderator hears so before waiting.
        static let slowPool = 1000
        static func slowPoolNotice(_ volunteers: Int) -> String {
            "computing the exact LEXIMIN lottery for \(volunteers) volunteers; with skewed quotas this can take a minute or two"
        }

        func validate() throws {
            guard size > 0 else { throw ValidationError("--size must be at least 1") }
            guard (10...100_000).contains(replicas) else { throw ValidationError("--replicas must be 10 to 100000") }
            if let reserves, reserves < 0 { throw ValidationError("--reserves must be 0 or more") }
            _ = try parseSeed(seed)
        }

        func run() throws {
            let app = try options.open()
            let seed = try parseSeed(seed)
            let quotaList = try readQuotas(quotas)
            let now = Date()
            guard try app.database.municipality(municipality) != nil else {
                throw CLIError.data(StoreError.unknownMunicipality(municipality).description)
            }
            if topUp, !dryRun { _ = try app.database.endTerms(municipalityId: municipality, now: now) }
            let pool = try app.database.volunteers(municipalityId: municipality, status: .confirmed).map {
                Volunteer(id: $0.id!, household: $0.household, features: $0.answerValues)
            }
            var fixed: [Volunteer] = []
            if topUp {
                let current = try app.database.panelists(municipalityId: municipality).filter { $0.isReachable(at: now) }
                fixed = current.map { panelist in
                    Volunteer(
                        id: -panelist.id!, household: panelist.household,
                        features: Dictionary(
                            uniqueKeysWithValues: BackgroundQuestion.panelCategories.compactMap { category in
                                panelist.value(of: category).map { (category, $0) }
                            }))
                }
                guard size > fixed.count else {
                    print("the panel has \(fixed.count) members, not fewer than --size \(size): nothing to add")
                    return
                }
            }
            if pool.count >= Select.slowPool {
                print(Select.slowPoolNotice(pool.count))
                fflush(nil)
            }
            let record: SelectionRecord
            let selection: PanelSelection
            do {
                (record, selection) = try SelectionRecord.draw(
                    size: size, fixed: fixed, pool: pool, quotas: quotaList, seed: seed, replicas: replicas,
                    reserves: reserves ?? size, invited: try app.database.invitationCount(municipalityId: municipality))
            } catch {
                throw CLIError.data("no panel selected: \(error)")
            }
            print("selected \(record.selected.count) of \(pool.count) confirmed volunteers (seed \(seed))")
            let how =
                selection.methodUsed == .leximin
                ? "exact, LEXIMIN lottery over \(selection.panelsInLottery) panels"
                : "multiplicative weights over \(selection.panelsInLottery) panels (too many kinds of volunteer for the LP)"
            print("selection probabilities (\(how)): \(selection.fairness)")
            print(
                "lowest chance \(Self.percent(record.minimumProbability)), median \(Self.percent(record.medianProbability)), "
                    + "Gini \(String(format: "%.3f", record.gini))")
            for count in record.quotaOutcomes {
                print(
                    "  \(count.category)=\(count.value): \(count.selected) (min \(count.minimum), max \(count.maximum))\(count.isMet ? "" : "  NOT MET")"
                )
            }
            print("reserves: \(record.reserves.count), in order")
            if let probabilities {
                var lines = ["volunteer,probability"]
                lines += selection.probabilities.map { "\($0.id),\(String(format: "%.6f", $0.probability))" }
                try (lines.joined(separator: "\n") + "\n").write(toFile: probabilities, atomically: true, encoding: .utf8)
            }
            guard !dryRun else { return }
            let term = Calendar(identifier: .gregorian).date(byAdding: .month, value: termMonths, to: now)
            let stored = try app.database.recordSelection(
                municipalityId: municipality, record: record, termEndsAt: term, now: now)
            print("\(stored.admitted) volunteers are now panelists of \(municipality)")
            print("stored as draw \(stored.run); check it with `tweedemening panel audit --municipality \(municipality)`")
        }

        static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Repeat a stored panel draw from its inputs and seed, and say whether it matches.",
            discussion: """
                Exit 0 when every part matches (members, reserves, probabilities, quota counts); exit 1 when \
                something differs, with what. Without --run: the draw the current panel came from and its top-ups.
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(name: .customLong("run"), help: "Audit only this draw (its number, as `panel select` printed it).")
        var draw: Int64?

        func run() throws {
            let app = try options.open()
            let runs = try app.database.selectionRuns(municipalityId: municipality)
            let chosen: [SelectionRun]
            if let draw {
                chosen = runs.filter { $0.id == draw }
                guard !chosen.isEmpty else {
                    throw CLIError.data(
                        "no draw \(draw) for \(municipality); its draws are \(runs.map { String($0.id) }.joined(separator: ", "))"
                    )
                }
            } else {
                guard let base = runs.lastIndex(where: { !$0.record.isTopUp }) else {
                    throw CLIError.data(
                        "\(municipality) has no stored draw: its panel was imported or drawn before draws were stored")
                }
                chosen = Array(runs[base...])
            }
            var failed = 0
            for run in chosen {
                let record = run.record
                print(
                    "draw \(run.id) of \(ISOTime.format(run.createdAt))\(record.isTopUp ? " (top-up)" : ""): seed \(record.seed), "
                        + "\(record.selected.count) chosen from \(record.pool.count) volunteers, "
                        + "\(record.quotas.count) quotas, \(record.reserves.count) reserves")
                if record.pool.count >= Select.slowPool {
                    print(Select.slowPoolNotice(record.pool.count))
                    fflush(nil)
                }
                let audit = record.audit()
                if audit.matches {
                    print(
                        "  matches: the same members, reserves and probabilities (lowest \(Select.percent(record.minimumProbability)), "
                            + "median \(Select.percent(record.medianProbability)))")
                } else {
                    failed += 1
                    print("  DOES NOT MATCH:")
                    for difference in audit.differences { print("  - \(difference)") }
                }
            }
            if failed > 0 {
                warn("tweedemening: \(failed) draw(s) do not match their stored outcome")
                throw ExitCode(1)
            }
        }
    }
}
