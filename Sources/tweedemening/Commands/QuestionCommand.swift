import ArgumentParser
import Foundation
import PanelCore
import PanelStore

struct QuestionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question", abstract: "The panel's questions to the municipality.",
        subcommands: [List.self, FromArgument.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A case's questions and the municipality's answers.")
        @OptionGroup var options: RootOptions
        @Option(name: .customLong("case"), help: "The case id.") var caseId: Int64

        func run() throws {
            let app = try options.open()
            guard let round = try app.database.caseOverview(caseId).round else { return }
            for question in try app.database.questions(roundId: round.id!) {
                let state =
                    question.answerStatus.map { "answer \($0.rawValue)" }
                    ?? (question.mailNumber == nil ? "not yet mailed" : "open")
                print("vraag \(question.number) (\(question.askCount)×, \(state)): \(question.text)")
                if let answer = question.answer { print("  antwoord: \(answer.replacingOccurrences(of: "\n", with: "\n  "))") }
            }
        }
    }

    struct FromArgument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "from-argument",
            abstract:
                "Turn argument #N of a case into a question for the municipality (the argument is withdrawn from the panel).")
        @OptionGroup var options: RootOptions
        @Option(name: .customLong("case"), help: "The case id.") var caseId: Int64
        @Option(help: "The argument's number, as in the digest (#N).") var number: Int

        func run() throws {
            let app = try options.open()
            let question = try app.database.turnIntoQuestion(caseId: caseId, argumentNumber: number, now: Date())
            print("vraag \(question.number)")
        }
    }
}
