import HTTPTypes
import Hummingbird

/// Headers every page carries: no scripts, no framing, no outside resources, nothing cached or leaked.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[SecurityHeaderNames.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        response.headers[SecurityHeaderNames.xFrameOptions] = "DENY"
        return response
    }
}

/// Made once: a generic type cannot hold static stored properties.
private enum SecurityHeaderNames {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
