import Hummingbird

extension HTTPFields {
    /// What a browser's form sends: a POST without a content type is refused (415) before any route.
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    /// What a mail service posts to `/inbound`.
    static let mail: HTTPFields = [.contentType: "message/rfc822"]
}
