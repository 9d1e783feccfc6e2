import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `startServe` itself: a port taken between picking it and serve binding it (as under `swift test --parallel`) costs
/// a restart on a fresh port, not a failed test or, worse, a test talking to someone else's daemon.
@Suite struct ServeHelperTests {
    @Test func aTakenPortIsLeftForAFreshOne() async throws {
        // Given a root whose intake port another process listens on
        let setup = try EndToEndRoot("taken-port")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        let squatter = try Self.listen(port: setup.port)
        defer { close(squatter) }
        // When serve is started there
        let serve = try await setup.startServe()
        defer { serve.stop() }
        // Then it answers on another port, and links in mail sent before the start are moved there
        #expect(serve.port != setup.port)
        #expect(try await http("GET", "\(serve.base)/healthz").0 == 200)
        #expect(serve.link("\(setup.base)/v/abc") == "\(serve.base)/v/abc")
        // And stopping it ends it cleanly, with what it logged
        let stopped = serve.stop()
        #expect(stopped.status == 0 && stopped.stderr.contains("listening on 127.0.0.1:\(serve.port)"), "\(stopped)")
    }

    /// A socket listening on `127.0.0.1:port`.
    static func listen(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(socket, 8) == 0 else {
            close(socket)
            throw TestFailure("cannot listen on 127.0.0.1:\(port)")
        }
        return socket
    }
}
