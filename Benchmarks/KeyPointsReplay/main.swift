// Runs the key point analysis straight on rounds given as JSON, many times each: the fast, low-noise half of the key
// point evaluation (`scripts/eval/keypoints-subsample.py`, docs/keypoints.md). The whole-round runner
// (`scripts/eval/keypoints.sh`) is the real thing; this replays the arguments it stored, on subsamples, so a change
// can be judged by a mean over twenty runs instead of one run whose ARI moves 0.05 when three replies regroup.
//
//   stdin:  [{"name": "...", "case": "<case file text>", "variants": [[{"number": 1, "author": 7, "text": "...",
//             "reacts": 3}], ...]}]
//   stdout: {"name": [{"<argument number>": [key point ids]}, ...]}   (one object per variant, in order)
//   --report: {"name": <the whole KeyPointReport of the first variant>} instead (for `keypoints-subsample.py --sides`)
//   --stance-words / --features: {"name": {"<argument number>": [the words CorpusModel weighs for stance / the
//             features grouping compares]}} of the first variant instead (for `scripts/eval/corpus_model.py`)
//   A round may carry "model": {"stance": {"word": weight, ...}, "features": {"name": weight, ...}}: the analysis then
//             uses that instead of the shipped CorpusModel.
import Foundation
import PanelCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("KeyPointsReplay: \(message)\n".utf8))
    exit(65)
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let rounds = try? JSONSerialization.jsonObject(with: input) as? [[String: Any]] else {
    fail("stdin is not a JSON list of rounds (see the header of Benchmarks/KeyPointsReplay/main.swift)")
}
let wholeReports = CommandLine.arguments.dropFirst().contains("--report")
let stanceWords = CommandLine.arguments.dropFirst().contains("--stance-words")
let pointFeatures = CommandLine.arguments.dropFirst().contains("--features")
var output: [String: Any] = [:]
for round in rounds {
    guard let name = round["name"] as? String, let caseText = round["case"] as? String,
        let variants = round["variants"] as? [[[String: Any]]]
    else { fail("a round needs \"name\", \"case\" and \"variants\"") }
    let caseFile: CaseFile
    do { caseFile = try CaseFile.parse(caseText) } catch { fail("\(name): the case file does not parse: \(error)") }
    let text = KeyPointCaseText(
        municipalityView: caseFile.sections[.municipalityView] ?? "",
        applicantView: caseFile.sections[.applicantView] ?? "",
        fullText: CaseSection.allCases.map { caseFile.sections[$0] ?? "" }.joined(separator: "\n\n"))
    var runs: [[String: [Int]]] = []
    for variant in variants {
        let arguments = variant.map { item -> KeyPointArgument in
            guard let number = item["number"] as? Int, let author = item["author"] as? Int, let body = item["text"] as? String
            else { fail("\(name): an argument needs \"number\", \"author\" and \"text\"") }
            return KeyPointArgument(number: number, author: Int64(author), text: body, reactsTo: item["reacts"] as? Int)
        }
        if pointFeatures {
            output[name] = Dictionary(
                uniqueKeysWithValues: KeyPointAnalysis.pointFeatures(arguments, caseText: text).map { (String($0.key), $0.value) }
            )
            break
        }
        if stanceWords {
            output[name] = Dictionary(
                uniqueKeysWithValues: KeyPointAnalysis.stanceWords(arguments, caseText: text).map { (String($0.key), $0.value) })
            break
        }
        var model = CorpusModel.shipped
        if let given = round["model"] as? [String: [String: Double]] {
            model = CorpusModel(
                stance: (given["stance"] ?? [:]).mapValues { Float($0) },
                features: (given["features"] ?? [:]).mapValues { Float($0) })
        }
        let report = KeyPointAnalysis.analyse(arguments, caseText: text, model: model)
        if wholeReports {
            output[name] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
            break
        }
        runs.append(Dictionary(uniqueKeysWithValues: report.readings.map { (String($0.number), $0.keyPoints) }))
    }
    if !wholeReports && !stanceWords && !pointFeatures { output[name] = runs }
}
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys]))
