import Foundation

/// One `Authentication-Results` header field (RFC 8601), as the receiving MTA (OpenDKIM, OpenDMARC,
/// rspamd, Postfix with a milter) writes it: `mx.example.nl; dkim=pass header.d=utrecht.nl; spf=pass
/// smtp.mailfrom=gemeente@utrecht.nl`. Only what deciding "did this come from that domain" needs.
public struct AuthenticationResults: Sendable, Equatable {
    public struct Result: Sendable, Equatable {
        /// `dkim`, `spf`, `dmarc`, … lowercased.
        public var method: String
        /// `pass`, `fail`, `none`, … lowercased.
        public var result: String
        /// `header.d`, `smtp.mailfrom`, `header.from`, … lowercased names; values as written.
        public var properties: [String: String]
    }

    /// Who wrote the header: the host name of the MTA that checked the mail.
    public var authservID: String
    public var results: [Result]

    /// Parses one field value; nil when it has no authserv-id.
    public init?(_ value: String) {
        let text = Self.removingComments(value)
        var statements = text.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let first = statements.first else { return nil }
        // The authserv-id may be followed by a version number: "mx.example.nl 1".
        guard let id = first.split(whereSeparator: \.isWhitespace).first, !id.isEmpty else { return nil }
        authservID = String(id).lowercased()
        statements.removeFirst()
        results = statements.compactMap { statement in
            var words = statement.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty, let equals = words[0].firstIndex(of: "=") else { return nil }
            let head = words.removeFirst()
            let method = String(head[..<equals]).lowercased()
            let result = String(head[head.index(after: equals)...]).lowercased()
            guard !method.isEmpty, !result.isEmpty, method != "none" else { return nil }
            var properties: [String: String] = [:]
            for word in words {
                guard let equals = word.firstIndex(of: "=") else { continue }
                let name = word[..<equals].lowercased()
                var value = String(word[word.index(after: equals)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                if properties[name] == nil { properties[name] = value }
            }
            return Result(method: method, result: result, properties: properties)
        }
    }

    /// True when DMARC, DKIM or SPF passed for `domain` (the domain of the From address), with relaxed
    /// alignment: the checked domain is the same as, a parent of, or a subdomain of `domain`.
    public func authenticates(domain: String) -> Bool {
        let domain = domain.lowercased()
        return results.contains { result in
            guard result.result == "pass" else { return false }
            let checked: String?
            switch result.method {
            case "dmarc": checked = result.properties["header.from"]
            case "dkim": checked = result.properties["header.d"] ?? result.properties["header.i"]
            case "spf": checked = result.properties["smtp.mailfrom"]
            default: checked = nil
            }
            guard var checked = checked?.lowercased(), !checked.isEmpty else { return false }
            if let at = checked.lastIndex(of: "@") { checked = String(checked[checked.index(after: at)...]) }
            return checked == domain || domain.hasSuffix("." + checked) || checked.hasSuffix("." + domain)
        }
    }

    /// A short account for the sender: "dkim=fail, spf=none".
    public var summary: String {
        results.isEmpty ? "geen controle-uitslag" : results.map { "\($0.method)=\($0.result)" }.joined(separator: ", ")
    }

    /// RFC 5322 comments in parentheses, nested, with backslash escapes, outside quoted strings.
    static func removingComments(_ text: String) -> String {
        var output = ""
        var depth = 0
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
                if depth == 0 { output.append(character) }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                if depth == 0 { output.append(character) }
            case "\"" where depth == 0:
                quoted.toggle()
                output.append(character)
            case "(" where !quoted:
                depth += 1
            case ")" where !quoted && depth > 0:
                depth -= 1
                if depth == 0 { output.append(" ") }
            default:
                if depth == 0 { output.append(character) }
            }
        }
        return output
    }
}

extension InboundMessage {
    /// The Authentication-Results fields this server may trust: those written by `authservID` when it is
    /// set (the MTA removes forged ones with its own id), else only the topmost field, which the last
    /// hop (ours) added.
    public func trustedAuthenticationResults(authservID: String?) -> [AuthenticationResults] {
        let all = headers.filter { $0.name.caseInsensitiveCompare("Authentication-Results") == .orderedSame }
            .compactMap { AuthenticationResults($0.value) }
        guard let authservID = authservID?.lowercased(), !authservID.isEmpty else { return Array(all.prefix(1)) }
        return all.filter { $0.authservID == authservID }
    }
}
