import ArgumentParser
import Foundation
import MailFormat
import PanelMail

extension KeysCommand {
    /// `keys dkim --selector S [--domain D]` creates `S-rsa` (RSA 2048) and `S-ed25519` (RFC 8463) and prints their
    /// TXT records; `--list` prints every key's record; `--remove S` ends a selector after a rotation.
    struct DKIM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dkim",
            abstract: "Create, list or remove the DKIM keys that sign outgoing mail, and print their DNS records.",
            discussion: """
                --selector S creates two keys published under two selectors, S-rsa (rsa-sha256, 2048-bit) and \
                S-ed25519 (ed25519-sha256), and prints the TXT records to publish. Every key in the root signs, so to \
                rotate: create a new selector, publish it, and --remove the old one once the new records are live \
                (leave the old TXT records in DNS a week longer for mail still in transit).
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "Create keys under this selector name (e.g. 2026a); published as S-rsa and S-ed25519.")
        var selector: String?
        @Option(help: "The signing domain (d=); default: the domain of mail.from.") var domain: String?
        @Flag(help: "Print every key's selector and DNS record.") var list = false
        @Option(help: "Remove the two keys of this selector (S, not S-rsa).") var remove: String?

        func validate() throws {
            let chosen = [selector != nil, list, remove != nil].filter { $0 }.count
            guard chosen == 1 else { throw ValidationError("give exactly one of --selector S, --list or --remove S") }
            for name in [selector, remove].compactMap({ $0 }) {
                guard Self.isSelector(name) else {
                    throw ValidationError(
                        "selector `\(name)` must be 1 to 40 lowercase letters, digits or hyphens (a DNS label), e.g. 2026a")
                }
            }
            if let domain, !Self.isDomain(domain) {
                throw ValidationError("domain `\(domain)` is not a domain name such as tweedemening.nl")
            }
        }

        static func isSelector(_ name: String) -> Bool {
            (1...40).contains(name.count) && !name.hasPrefix("-") && !name.hasSuffix("-")
                && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }

        static func isDomain(_ name: String) -> Bool {
            let labels = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2
                && labels.allSatisfy { label in
                    (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                        && label.unicodeScalars.allSatisfy {
                            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                        }
                }
        }

        func run() throws {
            let configuration = try Configuration.load(root: options.url)
            let root = configuration.root
            let domain = (self.domain ?? configuration.from.domain).lowercased()
            if list {
                let keys = try DKIMKeyFiles.load(root: root)
                if keys.isEmpty { print("no DKIM keys; create them with: tweedemening keys dkim --selector 2026a") }
                for key in keys { print(key.zoneFileLine) }
                return
            }
            if let remove {
                guard try DKIMKeyFiles.remove(selector: remove, domain: domain, root: root) > 0 else {
                    throw CLIError.data("no DKIM key `\(remove)` for \(domain); `tweedemening keys dkim --list` shows them")
                }
                try? options.open().database.audit(actor: "moderator", action: "keys.dkim.remove", subject: "\(remove) \(domain)")
                return
            }
            guard let selector else { return }
            let existing = try DKIMKeyFiles.load(root: root)
            let names = ["\(selector)-rsa", "\(selector)-ed25519"]
            if existing.contains(where: { $0.domain == domain && names.contains($0.selector) }) {
                throw CLIError.data("selector `\(selector)` exists already for \(domain); choose another (e.g. the date)")
            }
            let keys = [
                try DKIMKey.generate(.rsaSHA256, domain: domain, selector: names[0]),
                try DKIMKey.generate(.ed25519SHA256, domain: domain, selector: names[1]),
            ]
            for key in keys { try DKIMKeyFiles.create(key, root: root) }
            try? options.open().database.audit(actor: "moderator", action: "keys.dkim.create", subject: "\(selector) \(domain)")
            // The records are what this command is for: printed on success.
            for key in keys { print(key.zoneFileLine) }
        }
    }
}
