import Foundation
#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let sendFlags = Int32(MSG_NOSIGNAL)
#else
import Darwin
private let streamSocket = SOCK_STREAM
private let sendFlags: Int32 = 0  // SIGPIPE is turned off per socket (SO_NOSIGPIPE) instead
#endif

/// The C library's `send` and `close`, which the methods of the same names below hide.
private func sendBytes(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    send(descriptor, pointer, count, sendFlags)
}
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }

/// A plain TCP connection to a port on 127.0.0.1, for what an HTTP client library hides: a
/// `Host` header of our choosing, a stream left open or dropped mid-way, a thousand at once.
final class LoopbackSocket {
    private(set) var descriptor: Int32 = -1
    /// Everything received so far.
    private(set) var received = ""

    /// Connects to `port`, giving up after `timeout` seconds (nil: could not connect in time).
    init?(port: Int, timeout: Double = 5) {
        let handle = socket(AF_INET, streamSocket, 0)
        guard handle >= 0 else { return nil }
        descriptor = handle
        #if !canImport(Glibc)
        var one: Int32 = 1
        setsockopt(handle, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let flags = fcntl(handle, F_GETFL)
        _ = fcntl(handle, F_SETFL, flags | O_NONBLOCK)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(handle, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if status != 0 {
            guard errno == EINPROGRESS, wait(for: Int16(POLLOUT), seconds: timeout) else { return nil }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(handle, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return nil }
        }
        _ = fcntl(handle, F_SETFL, flags)
    }

    deinit { close() }

    /// Sends all of `text`.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Reads until the text received contains `marker`, the connection ends, or `seconds` pass;
    /// returns everything received so far.
    @discardableResult
    func receive(until marker: String, seconds: Double = 5) -> String {
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var bytes = Array(received.utf8)
        repeat {
            if String(decoding: bytes, as: UTF8.self).contains(marker) { break }
            guard descriptor >= 0, wait(for: Int16(POLLIN), seconds: end.timeIntervalSinceNow) else { break }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        } while Date() < end
        received = String(decoding: bytes, as: UTF8.self)
        return received
    }

    /// Sends a `GET` of `path` naming `host`, and reads the whole answer (the server closes).
    func get(_ path: String, host: String) -> String {
        send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        return receive(until: "\u{0}", seconds: 10)
    }

    /// Closes the connection (once).
    func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }

    private func wait(for events: Int16, seconds: Double) -> Bool {
        var poller = pollfd(fd: descriptor, events: events, revents: 0)
        return poll(&poller, 1, Int32(max(0, seconds) * 1000)) > 0
    }
}
