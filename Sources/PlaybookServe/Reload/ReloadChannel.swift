/// The preview's state as pages see it, and the Server-Sent Events each open page listens to.
///
/// Every page holds one stream. On connecting it gets `hello` with the number of the build it
/// is served from, then the current failure if the last build failed. After a build:
/// `reload` when it succeeded and changed something (or cleared a failure), `failure` with the
/// diagnostics when it failed (the last good site stays served). Every ``heartbeatInterval`` each
/// stream gets a comment line, so that a stream whose page vanished without closing its
/// connection fails to write and ends.
///
/// At most ``limit`` streams are open at a time: each holds a connection and its file
/// descriptor, and a browser opens one per tab. A page beyond the limit is refused (503) and
/// its script tries again a little later.
actor ReloadChannel {
    /// A message to one page, already in `text/event-stream` form.
    typealias Message = String

    private var subscribers: [Int: AsyncStream<Message>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// The number of successful builds so far.
    private(set) var build = 0
    /// The diagnostics of the last build, when it failed.
    private(set) var failure: String?
    /// How many `reload` messages were broadcast (for tests and the terminal).
    private(set) var reloadsSent = 0
    /// How many streams may be open at a time.
    let limit: Int

    /// The number of streams open at a time unless told otherwise: far more pages than a person
    /// has open, far fewer than the descriptors a process may hold (1,024 by default).
    static let defaultLimit = 128
    /// How often each stream gets a heartbeat comment.
    static let heartbeatInterval: Duration = .seconds(10)
    /// The heartbeat: a comment line, which pages ignore.
    static let heartbeat: Message = ": heartbeat\n\n"

    /// A channel that holds at most `limit` streams.
    init(limit: Int = ReloadChannel.defaultLimit) {
        self.limit = limit
    }

    /// Opens a stream for one page; nil when ``limit`` streams are open already.
    func subscribe() -> (id: Int, messages: AsyncStream<Message>)? {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(16))
        if closed {
            continuation.finish()
            return (-1, stream)
        }
        guard subscribers.count < limit else { return nil }
        nextID += 1
        subscribers[nextID] = continuation
        continuation.yield("retry: 1000\nevent: hello\ndata: \(build)\n\n")
        if let failure { continuation.yield(Self.message("failure", failure)) }
        return (nextID, stream)
    }

    /// Closes a page's stream (it went away).
    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// How many pages are listening.
    var listeners: Int { subscribers.count }

    /// A build succeeded. Pages reload when it changed a file or ended a failure.
    func succeeded(changed: Bool) {
        build += 1
        let wasFailing = failure != nil
        failure = nil
        guard changed || wasFailing else { return }
        reloadsSent += 1
        broadcast(Self.message("reload", String(build)))
    }

    /// A build failed with these diagnostics (printed without colour).
    func failed(_ diagnostics: String) {
        failure = diagnostics
        broadcast(Self.message("failure", diagnostics))
    }

    /// Sends every stream the heartbeat comment.
    func beat() {
        broadcast(Self.heartbeat)
    }

    /// Ends every stream (the server is stopping).
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func broadcast(_ message: Message) {
        for continuation in subscribers.values { continuation.yield(message) }
    }

    /// An event with each line of `data` on its own `data:` line.
    static func message(_ event: String, _ data: String) -> Message {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: " + $0 }
        return "event: \(event)\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
