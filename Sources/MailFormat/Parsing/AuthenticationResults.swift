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

        /// The domain this result is about: DMARC's `header.from`, DKIM's `header.d` (or `header.i`), SPF's
        /// `smtp.mailfrom`; the part after `@` of an address.
        var checkedDomain: String? {
            let checked: String?
            switch method {
            case "dmarc": checked = properties["header.from"]
            case "dkim": checked = properties["header.d"] ?? properties["header.i"]
            case "spf": checked = properties["smtp.mailfrom"]
            default: checked = nil
            }
            guard var checked = checked?.lowercased(), !checked.isEmpty else { return nil }
            if let at = checked.lastIndex(of: "@") { checked = String(checked[checked.index(after: at)...]) }
            return checked.isEmpty ? nil : checked
        }

        /// Relaxed alignment: the checked domain is `domain`, a parent of it, or a subdomain of it.
        func isAligned(with domain: String) -> Bool {
            let domain = domain.lowercased()
            guard let checked = checkedDomain, !domain.isEmpty else { return false }
            return checked == domain || domain.hasSuffix("." + checked) || checked.hasSuffix("." + domain)
        }
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
        results.contains { $0.result == "pass" && $0.isAligned(with: domain) }
    }

    /// True when this field says the mail failed for `domain`: `dmarc=fail` (for that domain, or naming none), or
    /// `dkim=fail` and `spf=fail`/`softfail` both for that domain. Whether a pass elsewhere outweighs it is
    /// `SenderAuthentication`'s decision.
    public func fails(domain: String) -> Bool {
        let dmarc = results.contains { result in
            result.method == "dmarc" && result.result == "fail"
                && (result.checkedDomain == nil || result.isAligned(with: domain))
        }
        let dkim = results.contains { $0.method == "dkim" && $0.result == "fail" && $0.isAligned(with: domain) }
        let spf = results.contains {
            $0.method == "spf" && ($0.result == "fail" || $0.result == "softfail") && $0.isAligned(with: domain)
        }
        return dmarc || (dkim && spf)
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

/// What our own MTA's Authentication-Results say about the domain of the From address. The one reading of
/// those fields: case intake, answers, follow-ups, panelists' replies and the join address all ask this.
public enum SenderAuthentication: Sendable, Equatable {
    /// DMARC, DKIM or SPF passed for the domain (relaxed alignment).
    case pass
    /// No pass, and our MTA marked the mail as failing: `dmarc=fail`, or `dkim=fail` together with `spf=fail` or
    /// `spf=softfail`, for the domain.
    case fail
    /// Nothing either way: no trusted field (no `inbound.authserv_id` configured, or our MTA wrote none), only
    /// `none`/`neutral`/`temperror` results, results about other domains, or a lone DKIM or SPF failure (a
    /// forwarder breaks SPF; an unsigned mail has no DKIM).
    case unknown

    /// The verdict of the trusted fields on `domain`: a pass in any field wins over a failure in another.
    public init(_ trusted: [AuthenticationResults], domain: String) {
        if trusted.contains(where: { $0.authenticates(domain: domain) }) {
            self = .pass
        } else if trusted.contains(where: { $0.fails(domain: domain) }) {
            self = .fail
        } else {
            self = .unknown
        }
    }
}

extension InboundMessage {
    /// The Authentication-Results fields this server may trust: only those written by `authservID`, the
    /// configured id of our own MTA (which removes fields with its id from incoming mail). Without a
    /// configured id none: anyone can write an Authentication-Results field into a mail, with any id.
    public func trustedAuthenticationResults(authservID: String?) -> [AuthenticationResults] {
        guard let authservID = authservID?.lowercased(), !authservID.isEmpty else { return [] }
        return headers.filter { $0.name.equalsIgnoringASCIICase("Authentication-Results") }
            .compactMap { AuthenticationResults($0.value) }
            .filter { $0.authservID == authservID }
    }
}
