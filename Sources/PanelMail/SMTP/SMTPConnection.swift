import CCurl
import Foundation

// MARK: - Settings, result, errors

/// Where and how to submit mail over SMTP.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    /// `smtp://host:port` (plain, or STARTTLS with `requireStartTLS`) or `smtps://host:465` (implicit TLS).
    public var url: String
    /// Require STARTTLS (CURLUSESSL_ALL) on `smtp://` URLs; the transfer fails if the server cannot upgrade.
    public var requireStartTLS: Bool
    public var username: String?
    /// Never logged and never part of `description`.
    public var password: String?
    /// Verify the server certificate and host name. Tests against self-signed servers may turn this off.
    public var verifyPeer: Bool
    /// Seconds allowed for connecting.
    public var connectTimeout: Int
    /// Seconds allowed for one whole message transaction.
    public var timeout: Int
    /// Seconds a server may stay silent (no reply to a command, or not reading our data) before the
    /// transaction is given up: a stalled server costs this, not the whole `timeout`.
    public var stallTimeout: Int
    /// Name sent in EHLO. libcurl takes it from the URL path (`smtp://host:port/NAME`); set here it replaces that path.
    public var heloName: String?

    public init(
        url: String,
        requireStartTLS: Bool = false,
        username: String? = nil,
        password: String? = nil,
        verifyPeer: Bool = true,
        connectTimeout: Int = 10,
        timeout: Int = 60,
        stallTimeout: Int = 30,
        heloName: String? = nil
    ) {
        self.url = url
        self.requireStartTLS = requireStartTLS
        self.username = username
        self.password = password
        self.verifyPeer = verifyPeer
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.stallTimeout = stallTimeout
        self.heloName = heloName
    }

    public var description: String {
        var parts = ["url: \(url)"]
        if requireStartTLS { parts.append("STARTTLS required") }
        if let username { parts.append("username: \(username)") }
        if password != nil { parts.append("password: <redacted>") }
        if !verifyPeer { parts.append("peer verification OFF") }
        parts.append("connectTimeout: \(connectTimeout)s")
        parts.append("timeout: \(timeout)s")
        parts.append("stallTimeout: \(stallTimeout)s")
        if let heloName { parts.append("helo: \(heloName)") }
        return "SMTPSettings(" + parts.joined(separator: ", ") + ")"
    }
}

/// What became of one message for one recipient.
public struct SMTPResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The server took responsibility for the message (2xx after DATA).
        case accepted
        /// Try again later: a 4xx reply, or no usable reply at all (refused, timeout, TLS failure, dropped connection).
        case deferred
        /// Permanent failure: a 5xx reply (or an address that can never be sent).
        case rejected
    }

    public var outcome: Outcome
    /// The server's reply code: 2xx when accepted, the 4xx/5xx reply that failed it; 0 when the failure had no such
    /// reply (connection refused, timeout, TLS failure, dropped connection), even if earlier replies like 220 were seen.
    public var code: Int
    /// Short human-readable explanation, naming the server.
    public var detail: String
    /// The server ended an established session under this message: a 421 reply ("closing transmission
    /// channel") or the connection dropped mid-transaction. The connection cannot be used again, and the
    /// message may well go through on a fresh one, as a mail server would try it.
    public var sessionEnded: Bool

    public init(outcome: Outcome, code: Int, detail: String, sessionEnded: Bool = false) {
        self.outcome = outcome
        self.code = code
        self.detail = detail
        self.sessionEnded = sessionEnded
    }

    /// A failure of the connection rather than of this message (no reply code, or 421): it says nothing
    /// about the recipient, and several in a row mean the relay is down.
    public var isConnectionFailure: Bool {
        outcome == .deferred && (code == 0 || code == 421)
    }
}

public enum SMTPError: Error, CustomStringConvertible, Equatable {
    /// `curl_global_init` failed (CURLcode given).
    case initFailed(Int)
    /// `curl_easy_init` returned NULL.
    case handleCreationFailed
    /// The settings cannot work, e.g. a URL that is not `smtp://` or `smtps://`.
    case invalidSettings(String)
    /// libcurl refused an option (option name, curl's message).
    case optionFailed(String, String)

    public var description: String {
        switch self {
        case .initFailed(let code):
            return "libcurl global initialisation failed (CURLcode \(code))"
        case .handleCreationFailed:
            return "could not create a libcurl easy handle"
        case .invalidSettings(let why):
            return "invalid SMTP settings: \(why)"
        case .optionFailed(let option, let message):
            return "libcurl rejected option \(option): \(message)"
        }
    }
}

// MARK: - libcurl plumbing

/// `curl_global_init` exactly once per process; a `static let` is initialised lazily and thread-safely.
/// libcurl wants it done before any other thread uses libcurl: `SMTPConnection.initializeLibrary()`.
private enum CurlGlobal {
    static let initCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32))
}

/// The bytes of one message and how far libcurl has read them; the READDATA of one transfer.
private final class UploadSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// CURLOPT_READFUNCTION: copies the next chunk of the `UploadSource` passed as READDATA.
private let uploadReadCallback: tm_curl_read_callback = { buffer, size, nitems, userdata in
    guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
    let source = Unmanaged<UploadSource>.fromOpaque(userdata).takeUnretainedValue()
    let room = size * nitems
    let count = min(room, source.bytes.count - source.offset)
    guard count > 0 else { return 0 }
    source.bytes.withUnsafeBytes { raw in
        let start = raw.baseAddress!.advanced(by: source.offset)
        UnsafeMutableRawPointer(buffer).copyMemory(from: start, byteCount: count)
    }
    source.offset += count
    return count
}

// MARK: - Connection

/// One SMTP session through one reused curl easy handle: consecutive `send` calls reuse the open
/// connection (libcurl sends QUIT only when the handle is cleaned up in `deinit`).
///
/// Not thread-safe: use from one task/thread at a time. It is deliberately not `Sendable`.
public final class SMTPConnection {
    public let settings: SMTPSettings
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize = Int(CURL_ERROR_SIZE)
    /// `host:port` for messages.
    private let serverName: String

    /// Initialises libcurl for the process (once; later calls only report the outcome). Call it on one
    /// thread before starting threads that open connections.
    public static func initializeLibrary() throws {
        let global = CurlGlobal.initCode
        guard global == CURLE_OK else { throw SMTPError.initFailed(Int(global.rawValue)) }
    }

    public init(settings: SMTPSettings) throws {
        try Self.initializeLibrary()

        guard let components = URLComponents(string: settings.url),
            let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
            let host = components.host, !host.isEmpty
        else {
            throw SMTPError.invalidSettings("URL must be smtp://host[:port] or smtps://host[:port], got \(settings.url)")
        }
        guard settings.connectTimeout > 0, settings.timeout > 0, settings.stallTimeout > 0 else {
            throw SMTPError.invalidSettings("timeouts must be positive")
        }
        let port = components.port ?? (scheme == "smtps" ? 465 : 25)
        self.serverName = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"

        var url = components
        if let helo = settings.heloName {
            guard !helo.isEmpty, !helo.contains("/"), helo.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) else {
                throw SMTPError.invalidSettings("bad heloName")
            }
            url.path = "/" + helo
        }
        guard let effectiveURL = url.string else {
            throw SMTPError.invalidSettings("cannot build URL from \(settings.url)")
        }

        guard let handle = curl_easy_init() else { throw SMTPError.handleCreationFailed }
        self.handle = handle
        self.settings = settings
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))

        // From here on a throw runs deinit, which cleans up handle and buffer.
        try check("CURLOPT_ERRORBUFFER", tm_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check("CURLOPT_URL", tm_curl_easy_setopt_string(handle, CURLOPT_URL, effectiveURL))
        try check("CURLOPT_PROTOCOLS_STR", tm_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        try check("CURLOPT_UPLOAD", tm_curl_easy_setopt_long(handle, CURLOPT_UPLOAD, 1))
        try check("CURLOPT_NOSIGNAL", tm_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check("CURLOPT_CONNECTTIMEOUT", tm_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout))
        try check("CURLOPT_TIMEOUT", tm_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT, settings.timeout))
        // A stalled server: no reply to a command (greeting, EHLO, the final ".") within stallTimeout, or
        // less than one byte a second of our upload taken for stallTimeout.
        try check(
            "CURLOPT_SERVER_RESPONSE_TIMEOUT",
            tm_curl_easy_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, settings.stallTimeout))
        try check("CURLOPT_LOW_SPEED_LIMIT", tm_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
        try check(
            "CURLOPT_LOW_SPEED_TIME", tm_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, settings.stallTimeout))
        try check("CURLOPT_READFUNCTION", tm_curl_easy_setopt_read_function(handle, CURLOPT_READFUNCTION, uploadReadCallback))
        if let username = settings.username {
            try check("CURLOPT_USERNAME", tm_curl_easy_setopt_string(handle, CURLOPT_USERNAME, username))
        }
        if let password = settings.password {
            try check("CURLOPT_PASSWORD", tm_curl_easy_setopt_string(handle, CURLOPT_PASSWORD, password))
        }
        if settings.requireStartTLS {
            try check("CURLOPT_USE_SSL", tm_curl_easy_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        if !settings.verifyPeer {
            try check("CURLOPT_SSL_VERIFYPEER", tm_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
            try check("CURLOPT_SSL_VERIFYHOST", tm_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        }
    }

    deinit {
        curl_easy_cleanup(handle)  // sends QUIT on an open connection
        errorBuffer.deallocate()
    }

    /// Sends one message to one recipient (one SMTP transaction).
    /// `message` is the complete RFC 5322 message with CRLF line ends; libcurl dot-stuffs it
    /// but does not convert bare LF.
    public func send(from envelopeSender: String, to recipient: String, message: [UInt8]) -> SMTPResult {
        guard let sender = Self.envelopeAddress(envelopeSender, allowEmpty: true) else {
            return SMTPResult(outcome: .rejected, code: 0, detail: "invalid envelope sender address")
        }
        guard let rcpt = Self.envelopeAddress(recipient, allowEmpty: false) else {
            return SMTPResult(outcome: .rejected, code: 0, detail: "invalid recipient address")
        }

        // The recipient list and the upload source must outlive curl_easy_perform; both are
        // detached from the handle and freed before returning.
        guard let recipients = curl_slist_append(nil, rcpt) else {
            return SMTPResult(outcome: .deferred, code: 0, detail: "out of memory building recipient list")
        }
        let source = Unmanaged.passRetained(UploadSource(message))
        defer {
            _ = tm_curl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
            _ = tm_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, nil)
            curl_slist_free_all(recipients)
            source.release()
        }

        var setup = tm_curl_easy_setopt_string(handle, CURLOPT_MAIL_FROM, sender)
        if setup == CURLE_OK { setup = tm_curl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients) }
        if setup == CURLE_OK { setup = tm_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, source.toOpaque()) }
        if setup == CURLE_OK {
            setup = tm_curl_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count))
        }
        guard setup == CURLE_OK else {
            return SMTPResult(
                outcome: .deferred, code: 0,
                detail: "could not prepare transfer to \(serverName) (\(Self.curlMessage(setup)))")
        }

        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        var reply = 0
        _ = tm_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        return Self.classify(curlCode: code, replyCode: reply, message: lastErrorMessage(code), server: serverName)
    }

    // MARK: Helpers

    /// Maps libcurl's outcome and the last SMTP reply code to an `SMTPResult`.
    static func classify(curlCode: CURLcode, replyCode: Int, message: String, server: String) -> SMTPResult {
        if curlCode == CURLE_OK {
            return SMTPResult(outcome: .accepted, code: replyCode, detail: "\(replyCode) accepted by \(server)")
        }
        switch replyCode {
        case 500...599:
            return SMTPResult(
                outcome: .rejected, code: replyCode,
                detail: "\(replyCode) from server \(server) (\(message))")
        case 421:
            return SMTPResult(
                outcome: .deferred, code: replyCode,
                detail: "421 from server \(server), which closed the session (\(message))", sessionEnded: true)
        case 400...499:
            return SMTPResult(
                outcome: .deferred, code: replyCode,
                detail: "\(replyCode) from server \(server) (\(message))")
        default:
            // No 4xx/5xx reply: the failure is not the server's answer. The last reply seen may still be a positive
            // one (220 to STARTTLS before a failed handshake, 354 before a timeout); report 0, "no reply code".
            let what: String
            var sessionEnded = false
            switch curlCode {
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
                what = "could not connect to"
            case CURLE_OPERATION_TIMEDOUT:
                what = "timed out (server stalled or too slow) talking to"
            case CURLE_USE_SSL_FAILED:
                what = "TLS failed (STARTTLS required but not offered or refused) with"
            case CURLE_PEER_FAILED_VERIFICATION:
                what = "TLS failed (server certificate not trusted for this host) with"
            case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
                CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
                CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_INITFAILED,
                CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CLIENTCERT:
                what = "TLS failed (handshake) with"
            case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY,
                CURLE_PARTIAL_FILE, CURLE_UPLOAD_FAILED:
                // The session was established and then lost: in the middle of a command or of DATA.
                what = "connection dropped by"
                sessionEnded = true
            default:
                what = "transfer failed with"
            }
            return SMTPResult(
                outcome: .deferred, code: 0, detail: "\(what) \(server) (\(message))", sessionEnded: sessionEnded)
        }
    }

    /// `<addr>` for MAIL FROM / RCPT TO; nil for addresses that would corrupt the SMTP command.
    /// Spaces around the address are dropped (not line breaks: those make it refused). In Swift, not through
    /// Foundation's `trimmingCharacters`: this runs twice per message (a tenth of a send's SMTP time).
    static func envelopeAddress(_ address: String, allowEmpty: Bool) -> String? {
        func isSpace(_ character: Character) -> Bool { character.isWhitespace && !character.isNewline }
        var bare = Substring(address)
        while let first = bare.first, isSpace(first) { bare = bare.dropFirst() }
        while let last = bare.last, isSpace(last) { bare = bare.dropLast() }
        if bare.hasPrefix("<") && bare.hasSuffix(">") && bare.count >= 2 {
            bare = bare.dropFirst().dropLast()
        }
        if bare.isEmpty { return allowEmpty ? "<>" : nil }
        guard !bare.contains(where: { Self.forbidden.contains($0) }), bare.contains("@") else { return nil }
        return "<\(bare)>"
    }

    private static let forbidden: Set<Character> = ["<", ">", "\r", "\n", "\0", " ", "\t"]

    private func lastErrorMessage(_ code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return detailed.isEmpty ? Self.curlMessage(code) : detailed
    }

    private static func curlMessage(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    private func check(_ option: String, _ code: CURLcode) throws {
        guard code == CURLE_OK else { throw SMTPError.optionFailed(option, Self.curlMessage(code)) }
    }
}
