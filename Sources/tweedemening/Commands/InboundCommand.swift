import ArgumentParser
import Foundation
import MailFormat
import PanelCore
import PanelMail
import PanelStore

struct InboundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbound", abstract: "Receive and inspect inbound mail.",
        subcommands: [Deliver.self, Parse.self, Trim.self, Held.self, Refile.self])

    /// sysexits.h, as Postfix and Exim read a pipe transport's exit status.
    enum Exit {
        static let dataError: Int32 = 65
        static let tempFail: Int32 = 75
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Take one RFC 5322 message on stdin, as an MTA pipe transport calls it. Exit 0 accepted, 75 try later, 65 malformed."
        )
        @OptionGroup var options: RootOptions
        @Option(help: "The envelope recipient (Postfix: ${original_recipient}), when the token is not in the headers.")
        var recipient: String?

        func run() throws {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            guard bytes.count <= InboundMessage.maxSize else {
                warn("tweedemening: message of \(bytes.count) bytes is larger than \(InboundMessage.maxSize); refused")
                throw ExitCode(Exit.dataError)
            }
            let app: App
            let mailroom: Mailroom
            do {
                app = try options.open()
                mailroom = try app.mailroom()
            } catch {
                warn("tweedemening: cannot receive mail now: \(error)")
                throw ExitCode(Exit.tempFail)
            }
            let now = Date()
            let name: String
            do {
                name = try mailroom.accept(bytes, envelopeRecipient: recipient, now: now)
            } catch {
                warn("tweedemening: cannot store the message: \(error)")
                throw ExitCode(Exit.tempFail)
            }
            // From here on the message is safe on disk: a failure below leaves it for the next tick.
            do {
                if case .malformed(let reason) = try mailroom.process(name: name, now: now) {
                    warn("tweedemening: not a usable mail message: \(reason)")
                    throw ExitCode(Exit.dataError)
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                app.logger.warning("inbound.deferred", metadata: ["inbound.file": "\(name)", "error": "\(error)"])
            }
        }
    }

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one message on stdin and print what the mailroom sees. Exit 65 with a reason if unusable.")
        @Flag(help: "Print JSON (the only format for now).") var json = false

        func run() throws {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            let message: InboundMessage
            do {
                message = try InboundMessage.parse(bytes)
            } catch {
                warn("tweedemening: \(error.description)")
                throw ExitCode(Exit.dataError)
            }
            let object: [String: Any] = [
                "from": message.from?.address ?? NSNull(),
                "from_name": message.from?.name ?? NSNull(),
                "to": message.to.map(\.address),
                "subject": message.subject,
                "message_id": message.messageID ?? NSNull(),
                "in_reply_to": message.inReplyTo ?? NSNull(),
                "text": message.text,
                "text_from_html": message.textCameFromHTML,
                "reply": ReplyTrimmer.trim(message.text),
                "auto_submitted": message.isAutoReply,
                "bounce": message.isBounce,
                "attachments": message.attachments.map { attachment -> [String: Any] in
                    [
                        "filename": attachment.filename ?? NSNull(), "content_type": attachment.contentType,
                        "size": attachment.size,
                    ]
                },
            ]
            let data = try JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    struct Held: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "List mail held for the moderator (arguments, answers, follow-ups) and why: inbound id, date, sender, case, what, reasons."
        )
        @OptionGroup var options: RootOptions

        func run() throws {
            let app = try options.open()
            for held in try app.database.heldMail() {
                let what =
                    switch held.kind {
                    case .argument(let number): "bijdrage #\(number)"
                    case .answer(let number): "antwoord op vraag \(number)"
                    case .followUp: "reactie op het oordeel"
                    }
                let fields = [
                    String(held.inboundId), ISO8601DateFormatter().string(from: held.receivedAt), held.fromAddress ?? "-",
                    held.caseId.map { "zaak \($0)" } ?? "-", what,
                    "vastgehouden omdat: " + held.flags.explained.joined(separator: "; "),
                ]
                print(fields.joined(separator: "\t"))
            }
        }
    }

    struct Refile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "File again a message that was set aside in Queue/unfiled/ after failing to be filed (once the cause is fixed)."
        )
        @OptionGroup var options: RootOptions
        @Argument(help: "File names in Queue/unfiled/ (as `queue status` lists them).") var names: [String] = []
        @Flag(help: "Every message in Queue/unfiled/.") var all = false

        func validate() throws {
            guard all != !names.isEmpty else { throw ValidationError("name the messages to file again, or give --all") }
        }

        func run() throws {
            let app = try options.open()
            let mailroom = try app.mailroom()
            let unfiled = app.spool.names(in: .unfiled).filter { $0.hasSuffix(".eml") }
            let chosen = all ? unfiled : names.map { ($0 as NSString).lastPathComponent }
            let missing = chosen.filter { !unfiled.contains($0) }
            guard missing.isEmpty else {
                throw CLIError.usage(
                    missing.map { "\($0) is not in Queue/unfiled/ (`tweedemening queue status` lists what is)" }
                        .joined(separator: "\ntweedemening: "))
            }
            var failed: [String] = []
            for name in chosen {
                try app.spool.refile(name)
                do {
                    switch try mailroom.process(name: name, now: Date()) {
                    case .filed(let disposition): print("\(name): filed as \(disposition.rawValue)")
                    case .malformed(let reason): print("\(name): not a mail message (\(reason)), kept as malformed")
                    }
                    app.spool.remove(.unfiled, name: name + ".why")
                } catch {
                    // Back where it was: the next attempt is the moderator's, not the tick's.
                    try app.spool.setAside(name, why: "filed again by hand and failed: \(error)\n")
                    failed.append("\(name) still cannot be filed: \(error)")
                }
            }
            if !failed.isEmpty { throw CLIError.software(failed.joined(separator: "\ntweedemening: ")) }
        }
    }

    struct Trim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trim quoted history and signatures from a plain-text reply on stdin.")

        func run() throws {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
            print(ReplyTrimmer.trim(text))
        }
    }
}
