import Foundation
import PanelCore

// Selects panels from synthetic pools (PanelCore's SyntheticPool) and prints the selection probabilities' minimum,
// median and Gini with the wall time, beside the exact LEXIMIN numbers of scripts/eval/leximin.py. Prints numbers,
// never asserts on them.
// Run: swift run -c release SelectionBench [--export DIR]   (--export writes the pools as JSON for leximin.py)

/// Unbuffered, so a long run shows each pool as it finishes.
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
let pools = [
    SyntheticPool.skewed(volunteers: 60, size: 10, slack: 1),
    SyntheticPool.easy(volunteers: 200, size: 20, slack: 1),
    SyntheticPool.easy(volunteers: 2000, size: 100, slack: 2),
    SyntheticPool.skewed(volunteers: 150, size: 22, slack: 1),
    SyntheticPool.skewed(volunteers: 2000, size: 100, slack: 2),
]

let arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--export"), flag + 1 < arguments.count {
    let directory = URL(fileURLWithPath: arguments[flag + 1])
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
    for settings in [SelectionSettings.standard, SelectionSettings.plainGreedy] {
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
