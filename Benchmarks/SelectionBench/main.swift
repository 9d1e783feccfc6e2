import Foundation
import PanelCore

// Selects panels from synthetic pools (PanelCore's SyntheticPool) and prints the selection probabilities' minimum,
// median and Gini with the wall time, beside the exact LEXIMIN numbers of scripts/eval/leximin.py. Prints numbers,
// never asserts on them.
// Run: swift run -c release SelectionBench [--export DIR] [--pool NAME] [--seeds] [--leximin-everywhere]
//   [--stabilisation WEIGHT]
//   --export writes the pools as JSON for leximin.py; --pool runs one pool; --seeds runs seeds 1–10;
//   --leximin-everywhere uses the LEXIMIN LP on every pool, also above the class limit (slow: a reference for Hedge).

/// Unbuffered, so a long run shows each pool as it finishes.
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
let allPools = [
    SyntheticPool.skewed(volunteers: 60, size: 10, slack: 1),
    SyntheticPool.easy(volunteers: 200, size: 20, slack: 1),
    SyntheticPool.easy(volunteers: 2000, size: 100, slack: 2),
    SyntheticPool.skewed(volunteers: 150, size: 22, slack: 1),
    SyntheticPool.skewed(volunteers: 2000, size: 100, slack: 2),
]

let arguments = Array(CommandLine.arguments.dropFirst())
func value(of flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let pools = allPools.filter { pool in value(of: "--pool").map { $0 == pool.name } ?? true }
if pools.isEmpty {
    say("no pool named \(value(of: "--pool") ?? ""); pools: \(allPools.map(\.name).joined(separator: ", "))")
    exit(64)
}
var standard = SelectionSettings.standard
if arguments.contains("--leximin-everywhere") { standard.method = .leximin }
if let weight = value(of: "--stabilisation").flatMap(Double.init) { standard.stabilisation = weight }
if let export = value(of: "--export") {
    let directory = URL(fileURLWithPath: export)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for pool in pools {
        try pool.json().write(to: directory.appendingPathComponent("\(pool.name).json"))
        say("wrote \(directory.path)/\(pool.name).json")
    }
    exit(0)
}

/// Exact LEXIMIN minimum and Gini per pool, from `python3 scripts/eval/leximin.py` on the exported pools.
let leximin: [String: (minimum: Double, gini: Double)] = [
    "easy-200-20": (0.099999, 0.000010),
    "skewed-150-22": (0.099999, 0.188106),
    "skewed-60-10": (0.148147, 0.082556),
]

func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
let seeds: [UInt64] = arguments.contains("--seeds") ? Array(1...10) : [7]
say("pool               method    min      median   Gini    time     LEXIMIN min/Gini  min ratio")
for pool in pools {
    for settings in [standard, SelectionSettings(method: .hedge), SelectionSettings.plainGreedy] {
        for seed in seeds {
            let start = Date()
            do {
                let selection = try PanelSelection.select(
                    size: pool.size, from: pool.volunteers, quotas: pool.quotas, seed: seed, settings: settings)
                let seconds = Date().timeIntervalSince(start)
                let fairness = selection.fairness
                let label = "\(selection.methodUsed)"
                var reference = "—"
                if let exact = leximin[pool.name] {
                    reference =
                        "\(percent(exact.minimum)) / \(String(format: "%.3f", exact.gini))  "
                        + String(format: "%.3f", fairness.minimum / exact.minimum)
                }
                say(
                    pool.name.padding(toLength: 19, withPad: " ", startingAt: 0)
                        + label.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + "\(percent(fairness.minimum))  \(percent(fairness.median))  \(String(format: "%.3f", fairness.gini))  "
                        + "\(String(format: "%6.2f", seconds)) s  \(reference)"
                        + "  [\(selection.panelsInLottery) panels, \(selection.levels) levels, quotas hold: \(selection.meetsAllQuotas)]"
                )
            } catch {
                say("\(pool.name) \(settings.method): \(error)")
            }
        }
    }
}
