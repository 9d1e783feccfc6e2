import ArgumentParser
import Foundation
import PanelCore

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the keys that sign links, reply addresses and (DKIM) outgoing mail.",
        subcommands: [Rotate.self, List.self, Retire.self, DKIM.self])

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a new signing key; new links use it, links already sent keep working until their key is retired.")
        @OptionGroup var options: RootOptions

        func run() throws {
            let configuration = try Configuration.load(root: options.url)
            let current = try SigningKeyFile.load(from: configuration.keyFilePath)
            var number = current.keys.count + 1
            while current.keys.contains(where: { $0.id == "k\(number)" }) { number += 1 }
            try SigningKeyFile.prepend(SigningKey.generate(id: "k\(number)"), to: configuration.keyFilePath)
            try? options.open().database.audit(actor: "moderator", action: "keys.rotate", subject: "key k\(number)")
            print("k\(number)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List key ids; the first signs.")
        @OptionGroup var options: RootOptions

        func run() throws {
            let configuration = try Configuration.load(root: options.url)
            for (index, key) in try SigningKeyFile.load(from: configuration.keyFilePath).keys.enumerated() {
                print(index == 0 ? "\(key.id)\tsigns" : "\(key.id)\tverifies")
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a key: links signed with it stop working (retire only after their rounds are over).")
        @OptionGroup var options: RootOptions
        @Argument(help: "The key id, e.g. k1.") var id: String

        func run() throws {
            let configuration = try Configuration.load(root: options.url)
            let keys = try SigningKeyFile.load(from: configuration.keyFilePath).keys
            guard keys.contains(where: { $0.id == id }) else {
                throw CLIError.data("no key `\(id)`; `tweedemening keys list` shows them")
            }
            guard keys.first?.id != id else { throw CLIError.data("`\(id)` signs new links; rotate first, then retire it") }
            try SigningKeyFile.write(keys.filter { $0.id != id }, to: configuration.keyFilePath)
            try? options.open().database.audit(actor: "moderator", action: "keys.retire", subject: "key \(id)")
        }
    }
}
