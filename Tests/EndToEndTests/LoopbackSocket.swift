import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP socket to `127.0.0.1:port`, optionally from another loopback address (`127.0.0.2`: Linux routes
/// all of 127/8 to lo), with a receive timeout. For tests that need to hold a connection the way a client can: trickle,
/// stall, or send bytes an HTTP client would not. The caller closes it.
func loopbackSocket(port: Int, from source: String? = nil, receiveTimeoutSeconds: Int = 30) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw TestFailure("socket failed") }
    var wait = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    func address(_ text: String, _ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, text, &address.sin_addr)
        return address
    }
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    if let source {
        var local = address(source, 0)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, size) }
        }
        guard bound == 0 else {
            close(socket)
            throw TestFailure("cannot bind to \(source)")
        }
    }
    var remote = address("127.0.0.1", port)
    let connected = withUnsafePointer(to: &remote) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, size) }
    }
    guard connected == 0 else {
        close(socket)
        throw TestFailure("cannot connect from \(source ?? "127.0.0.1") to 127.0.0.1:\(port)")
    }
    return socket
}
