import Foundation
import Hummingbird
import Testing
@testable import PlaybookServe

/// The preview's defences, in process: the host names it answers to (DNS rebinding) and the
/// limit on live-reload streams.
@Suite struct HostAndStreamLimitTests {
    static let refusal = """
        This preview answers only to the names of this machine (127.0.0.1, [::1], localhost), \
        so that a page of another site cannot read it through its own domain name (DNS rebinding). \
        Open it at http://localhost or http://127.0.0.1 with its port.
        """

    @Test func aLoopbackServerAnswersOnlyTheNamesOfThisMachine() {
        let hosts = HostNames(listeningOn: "127.0.0.1", loopback: true)
        for admitted in ["localhost", "localhost:8000", "LocalHost:1", "127.0.0.1", "127.0.0.1:8000", "[::1]", "[::1]:8000"] {
            #expect(hosts.admits(admitted), "\(admitted)")
        }
        for refused in [nil, "", "evil.example", "evil.example:8000", "localhost.evil.example", "localhost:", "localhost:80x",
                        "127.0.0.1.nip.io", "[::1]x", "[::1", "::1", "127.0.0.2", "0.0.0.0", "localhost."] {
            #expect(!hosts.admits(refused), "\(refused ?? "no Host")")
        }
        // The address given with --host is answered too.
        #expect(HostNames(listeningOn: "127.0.0.2", loopback: true).admits("127.0.0.2:8000"))
        #expect(HostNames(listeningOn: "::1", loopback: true).admits("[::1]:9"))
        // A server exposed on purpose (--host 0.0.0.0) answers every name.
        #expect(HostNames(listeningOn: "0.0.0.0", loopback: false).admits("my-laptop.local:8000"))
    }

    @Test func aForeignHostGets421BeforeAnythingElse() async throws {
        let site = try FileServingTests.Site()
        let responder = PreviewResponder(files: site.preview.files, channel: site.preview.channel, home: "/site/",
                                         hosts: HostNames(listeningOn: "127.0.0.1", loopback: true))
        for path in ["/site/index.html", "/site/style.css", "/__playbook/events", "/__playbook/live.js", "/", "/../etc/passwd"] {
            for method in [HTTPRequest.Method.get, .head, .post] {
                let response = await responder.answer(HTTPRequest(method: method, scheme: "http", authority: "evil.example:8000", path: path))
                #expect(response.status == .misdirectedRequest, "\(method) \(path)")
                let body = try await Self.body(of: response)
                if method != .head {
                    #expect(body.contains("<h1>421 Misdirected Request</h1>\n<p>\(Self.refusal)</p>"), "\(path)")
                    #expect(!body.contains("Home") && !body.contains("#123456") && !body.contains(ReloadScript.tag))
                }
            }
        }
        let home = await responder.answer(HTTPRequest(method: .get, scheme: "http", authority: "localhost:8000", path: "/site/index.html"))
        #expect(home.status == .ok)
        #expect(try await Self.body(of: home).contains("<p>Home</p>"))
        #expect(await site.preview.channel.listeners == 0)
    }

    @Test func streamsBeyondTheLimitAreToldToTryAgain() async throws {
        let site = try FileServingTests.Site()
        let channel = ReloadChannel(limit: 2)
        let responder = PreviewResponder(files: site.preview.files, channel: channel, home: "/site/",
                                         hosts: HostNames(listeningOn: "127.0.0.1", loopback: true))
        let events = HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:8000", path: ReloadScript.eventsPath)
        // Each stream ends when its connection closes: the test closes them by hand.
        let closers = Closers()
        let first = await responder.answer(events, onClose: closers.add)
        let second = await responder.answer(events, onClose: closers.add)
        #expect(first.status == .ok && second.status == .ok)
        #expect(await channel.listeners == 2)
        let third = await responder.answer(events, onClose: closers.add)
        #expect(third.status == .serviceUnavailable)
        #expect(third.headers[.retryAfter] == "5")
        #expect(try await Self.body(of: third).contains(
            "<p>2 pages are already listening for changes, the most the preview holds. This page will try again.</p>"))
        #expect(closers.count == 2)

        closers.closeFirst()
        try await Task.sleep(for: .milliseconds(100))
        #expect(await channel.listeners == 1)
        #expect(await responder.answer(events, onClose: closers.add).status == .ok)
        #expect(await channel.listeners == 2)
    }

    @Test func everyStreamGetsAHeartbeat() async throws {
        let channel = ReloadChannel()
        let (_, messages) = try #require(await channel.subscribe())
        await channel.beat()
        var received: [String] = []
        for await message in messages {
            received.append(message)
            if received.count == 2 { break }
        }
        #expect(received == ["retry: 1000\nevent: hello\ndata: 0\n\n", ": heartbeat\n\n"])
    }

    /// A page that vanished without closing its connection is found out by the heartbeat: the
    /// write fails and its stream ends.
    @Test(.timeLimit(.minutes(1))) func aStreamWhoseHeartbeatCannotBeWrittenEnds() async throws {
        let site = try FileServingTests.Site()
        let channel = ReloadChannel()
        let responder = PreviewResponder(files: site.preview.files, channel: channel, home: "/site/",
                                         hosts: HostNames(listeningOn: "127.0.0.1", loopback: true))
        let response = await responder.answer(HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: ReloadScript.eventsPath))
        let writer = VanishingWriter()
        let body = Task { try await response.body.write(writer) }
        while writer.written.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await channel.listeners == 1)
        await channel.beat()
        try await body.value
        #expect(writer.written == ["retry: 1000\nevent: hello\ndata: 0\n\n"])
        #expect(await channel.listeners == 0)
    }

    @Test func connectionsLeaveDescriptorsForTheRestOfTheServer() {
        #expect(ConnectionLimit.maximum(descriptors: 1024) == 768)
        #expect(ConnectionLimit.maximum(descriptors: 20000) == 19744)
        #expect(ConnectionLimit.maximum(descriptors: 100) == 16)
        #expect(ConnectionLimit.maximum <= ConnectionLimit.descriptorLimit)
    }

    /// The functions the responder asked to run when a connection closes.
    final class Closers: @unchecked Sendable {
        // @unchecked: `actions` is only touched under `lock`.
        private let lock = NSLock()
        private var actions: [@Sendable () -> Void] = []

        var add: @Sendable (@escaping @Sendable () -> Void) -> Void {
            { action in self.lock.withLock { self.actions.append(action) } }
        }

        var count: Int { lock.withLock { actions.count } }

        func closeFirst() {
            let action = lock.withLock { actions.removeFirst() }
            action()
        }
    }

    static func body(of response: Response) async throws -> String {
        let writer = CollectingWriter()
        try await response.body.write(writer)
        return writer.text
    }
}

/// A writer whose page goes away after the first message: every later write fails.
final class VanishingWriter: ResponseBodyWriter, @unchecked Sendable {
    // @unchecked: `messages` is only touched under `lock`.
    private let lock = NSLock()
    private var messages: [String] = []
    var written: [String] { lock.withLock { messages } }

    struct Gone: Error {}

    func write(_ buffer: ByteBuffer) async throws {
        try lock.withLock {
            guard messages.isEmpty else { throw Gone() }
            messages.append(String(buffer: buffer))
        }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws { throw Gone() }
}

/// A response body writer that keeps what it is given.
final class CollectingWriter: ResponseBodyWriter, @unchecked Sendable {
    // @unchecked: used by one task at a time.
    var text = ""
    func write(_ buffer: ByteBuffer) async throws { text += String(buffer: buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
