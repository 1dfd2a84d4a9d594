import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import Logging
internal import ServiceLifecycle

/// `playbook serve`: builds the project into a preview folder, serves it over HTTP, watches
/// every file a build reads, rebuilds what a change affects, and tells open pages to reload.
///
/// The preview folder is a fresh temporary folder (never the project's `build/`), removed
/// when the server stops.
public struct PreviewServer: Sendable {
    /// Where and what to serve.
    public struct Configuration: Sendable {
        /// The project folder.
        public var projectRoot: URL
        /// The address to listen on (`127.0.0.1` by default).
        public var host: String
        /// The port (`0` picks a free one).
        public var port: Int
        /// Whether draft chapters are built.
        public var includeDrafts: Bool

        /// Creates a configuration.
        public init(projectRoot: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false) {
            self.projectRoot = projectRoot
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
        }

        /// Whether `host` is reachable only from this machine.
        public var isLoopback: Bool {
            ["127.0.0.1", "::1", "localhost", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// Receives what the terminal should show.
    public let report: @Sendable (PreviewMessage) -> Void

    /// Creates a server.
    public init(configuration: Configuration, report: @escaping @Sendable (PreviewMessage) -> Void) {
        self.configuration = configuration
        self.report = report
    }

    /// Builds once, then serves and watches until SIGINT or SIGTERM. `onReady` gets the address
    /// of the site's home page once the server listens.
    public func run(onReady: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let preview = Preview(configuration: configuration, folder: folder, report: report)
        await preview.builder.build(after: [])
        let watcher = ProjectWatcher(root: configuration.projectRoot, ignoring: Self.ignoredFolders)
        let services: [any Service] = [WatchService(watcher: watcher, builder: preview.builder), HeartbeatService(channel: preview.channel)]
        let app = preview.application(services: services) { url in
            report(.listening(url: url, folder: folder.path, exposed: !configuration.isLoopback))
            await onReady(url)
        }
        try await app.runService()
        await preview.channel.close()
        report(.stopped)
    }

    /// A new, empty temporary folder for the preview.
    static func makeFolder() throws -> URL {
        var template = Array((FileManager.default.temporaryDirectory.path + "/playbook-preview-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PreviewError(message: "cannot make a preview folder in \(FileManager.default.temporaryDirectory.path)")
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// The output folder `playbook build` writes, which the watcher leaves alone.
    static let ignoredFolders: Set<String> = ["build"]
}

/// Why the preview could not start.
public struct PreviewError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// The parts of a running preview: the builder, the channel to the pages, and the HTTP
/// application serving the folder. Tests make one around a folder of their own.
struct Preview: Sendable {
    let configuration: PreviewServer.Configuration
    let folder: URL
    let channel: ReloadChannel
    let builder: PreviewBuilder
    let files: PreviewFiles

    init(configuration: PreviewServer.Configuration, folder: URL, report: @escaping @Sendable (PreviewMessage) -> Void) {
        self.configuration = configuration
        self.folder = folder
        // Streams never take more than half the connections, so pages still load under a low
        // open-file limit (128 at the usual 1,024).
        channel = ReloadChannel(limit: min(ReloadChannel.defaultLimit, ConnectionLimit.maximum / 2))
        builder = PreviewBuilder(projectRoot: configuration.projectRoot, folder: folder, includeDrafts: configuration.includeDrafts,
                                 channel: channel, report: report)
        files = PreviewFiles(folder: folder, injection: ReloadScript.tag)
    }

    /// The HTTP application; `onListening` gets the home page's address.
    func application(services: [any Service] = [], onListening: @escaping @Sendable (String) async -> Void = { _ in })
        -> some ApplicationProtocol {
        var logger = Logger(label: "playbook-serve")
        logger.logLevel = .error
        let host = configuration.host
        let hosts = HostNames(listeningOn: host, loopback: configuration.isLoopback)
        return Application(
            responder: PreviewResponder(files: files, channel: channel, home: "/site/", hosts: hosts),
            server: .http1(configuration: .init(additionalChannelHandlers: [EventStreamHangUp()], idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Playbook preview",
                                 availableConnectionsDelegate: MaximumAvailableConnections(ConnectionLimit.maximum)),
            services: services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shown = host.contains(":") ? "[\(host)]" : host
                await onListening("http://\(shown):\(port)/")
            },
            logger: logger
        )
    }
}

/// Sends every event stream a heartbeat every ``ReloadChannel/heartbeatInterval``, until
/// shutdown, so that streams of pages that vanished without closing their connection end.
struct HeartbeatService: Service {
    let channel: ReloadChannel

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: ReloadChannel.heartbeatInterval)
                await channel.beat()
            }
        }
    }
}

/// Runs the watcher and the builder beside the server, until shutdown.
struct WatchService: Service {
    let watcher: ProjectWatcher
    let builder: PreviewBuilder

    func run() async throws {
        watcher.start()
        await withGracefulShutdownHandler {
            await builder.run(watcher.changes)
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}
