import Foundation
import Glibc

/// One running Chromium, driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`): Chromium reads NUL-terminated JSON commands on its file
/// descriptor 3 and writes answers and events on 4. A thread reads the answers and hands each
/// to the command or event waiting for it.
///
/// `@unchecked Sendable`: the waiting commands and events are only touched while holding `lock`;
/// writes to the pipe hold `writeLock`.
final class ChromiumConnection: @unchecked Sendable {
    /// A JSON object as `JSONSerialization` reads it, handed from the reading thread to one waiter.
    struct Message: @unchecked Sendable {
        var fields: [String: Any]
    }

    /// The events kept when they come before anyone waits for them (the others are dropped).
    static let keptEvents: Set<String> = ["Page.loadEventFired"]

    let path: String
    private let pid: pid_t
    private let toChromium: Int32
    private let fromChromium: Int32
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var nextID = 1
    private var waiting: [Int: CheckedContinuation<Message, any Error>] = [:]
    /// Events waited for, by session and method.
    private var events: [String: CheckedContinuation<Message, any Error>] = [:]
    /// Events that came before anyone waited for them, by session and method.
    private var early: [String: Message] = [:]
    /// Set once the pipe is closed: every later command fails with it.
    private var ended: ChromiumError?
    private var reaped = false

    /// Starts `path` with `arguments` (after the pipe flags) and begins reading its answers.
    init(path: String, arguments: [String]) throws(ChromiumError) {
        self.path = path
        var commandPipe: [Int32] = [0, 0]
        var answerPipe: [Int32] = [0, 0]
        guard pipe(&commandPipe) == 0 else { throw .startFailed(path: path, reason: String(cString: strerror(errno))) }
        guard pipe(&answerPipe) == 0 else {
            Glibc.close(commandPipe[0]); Glibc.close(commandPipe[1])
            throw .startFailed(path: path, reason: String(cString: strerror(errno)))
        }
        // No other program started by this one inherits the pipes.
        for descriptor in commandPipe + answerPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Chromium's ends become its descriptors 3 and 4 (dup2 clears close-on-exec); its
        // standard streams go nowhere, so that nothing it says reaches the terminal.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, commandPipe[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answerPipe[1], 4)
        let argv = ([path] + arguments).map { strdup($0) }
        // In UTC, so that the dates Chromium writes always take the same room (see PrintedPDF.setDates).
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { arguments in
            (envp + [nil]).withUnsafeBufferPointer { variables in
                guard let arguments = arguments.baseAddress, let variables = variables.baseAddress else { return EINVAL }
                return posix_spawn(&child, path, &actions, nil, UnsafeMutablePointer(mutating: arguments), UnsafeMutablePointer(mutating: variables))
            }
        }
        Glibc.close(commandPipe[0])
        Glibc.close(answerPipe[1])
        guard status == 0 else {
            Glibc.close(commandPipe[1]); Glibc.close(answerPipe[0])
            throw .startFailed(path: path, reason: String(cString: strerror(status)))
        }
        pid = child
        toChromium = commandPipe[1]
        fromChromium = answerPipe[0]
        let thread = Thread { [self] in readAnswers() }
        thread.name = "chromium-pipe"
        thread.start()
    }

    deinit {
        closeCommands()
        if !reaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Sends a command (to the browser, or to a page's `session`) and returns its `result`.
    func send(_ method: String, _ parameters: [String: Any] = [:], session: String? = nil, timeout: Int = 60) async throws -> [String: Any] {
        let id: Int = lock.withLock {
            defer { nextID += 1 }
            return nextID
        }
        var command: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { command["sessionId"] = session }
        guard let json = try? JSONSerialization.data(withJSONObject: command) else { throw ChromiumError.badAnswer(step: method) }
        let answer = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Message, any Error>) in
            let problem: ChromiumError? = lock.withLock {
                if let ended { return ended }
                waiting[id] = continuation
                return nil
            }
            if let problem { return continuation.resume(throwing: problem) }
            expire(after: timeout, step: method) { [self] in lock.withLock { waiting.removeValue(forKey: id) } }
            if !write(json + Data([0])) {
                fail(with: .stopped(path: path))
            }
        }
        if let error = answer.fields["error"] as? [String: Any] {
            throw ChromiumError.commandFailed(step: method, message: error["message"] as? String ?? "no reason given")
        }
        return answer.fields["result"] as? [String: Any] ?? [:]
    }

    /// Waits for the event `method` of `session` (registered with ``expect(_:session:)`` before
    /// the command that causes it was sent).
    func event(_ method: String, session: String, timeout: Int = 60) async throws {
        let key = session + " " + method
        _ = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Message, any Error>) in
            let ready: Result<Message, ChromiumError>? = lock.withLock {
                if let message = early.removeValue(forKey: key) { return .success(message) }
                if let ended { return .failure(ended) }
                events[key] = continuation
                return nil
            }
            switch ready {
            case .success(let message)?: return continuation.resume(returning: message)
            case .failure(let problem)?: return continuation.resume(throwing: problem)
            case nil: expire(after: timeout, step: method) { [self] in lock.withLock { events.removeValue(forKey: key) } }
            }
        }
    }

    /// Forgets an event of `session` that came before anyone waited for it (a page's earlier load).
    func forget(_ method: String, session: String) {
        _ = lock.withLock { early.removeValue(forKey: session + " " + method) }
    }

    /// Asks Chromium to quit, then makes sure it has: waits up to `grace` seconds, then kills it.
    /// Idempotent.
    func close(grace: Double = 5) async {
        let alive = lock.withLock { ended == nil }
        if alive { _ = try? await send("Browser.close", timeout: 3) }
        fail(with: .stopped(path: path))
        closeCommands()
        let deadline = Date().addingTimeInterval(grace)
        while !lock.withLock({ reaped }) {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result == -1 && errno == ECHILD) {
                lock.withLock { reaped = true }
                break
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                lock.withLock { reaped = true }
                break
            }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    /// Whether Chromium is still there to answer.
    var isRunning: Bool { lock.withLock { ended == nil } }

    // MARK: - The pipe

    private var commandsClosed = false

    /// Closes the command pipe (once): Chromium quits when it closes.
    private func closeCommands() {
        writeLock.withLock {
            if !commandsClosed { Glibc.close(toChromium) }
            commandsClosed = true
        }
    }

    private func write(_ data: Data) -> Bool {
        writeLock.withLock {
            guard !commandsClosed else { return false }
            return data.withUnsafeBytes { buffer -> Bool in
                guard var base = buffer.baseAddress else { return true }
                var left = buffer.count
                while left > 0 {
                    let written = Glibc.write(toChromium, base, left)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    left -= written
                    base += written
                }
                return true
            }
        }
    }

    /// The reading thread: splits the stream at NULs and hands each message on, until the pipe closes.
    private func readAnswers() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fromChromium, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                if let fields = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any] {
                    deliver(Message(fields: fields))
                }
            }
        }
        Glibc.close(fromChromium)
        fail(with: .stopped(path: path))
    }

    private func deliver(_ message: Message) {
        if let id = message.fields["id"] as? Int {
            lock.withLock { waiting.removeValue(forKey: id) }?.resume(returning: message)
        } else if let method = message.fields["method"] as? String {
            let key = (message.fields["sessionId"] as? String ?? "") + " " + method
            let waiter: CheckedContinuation<Message, any Error>? = lock.withLock {
                if let waiter = events.removeValue(forKey: key) { return waiter }
                if Self.keptEvents.contains(method) { early[key] = message }
                return nil
            }
            waiter?.resume(returning: message)
        }
    }

    /// Ends every command and event waited for with `problem`; later ones fail at once.
    private func fail(with problem: ChromiumError) {
        let (waiters, first): ([CheckedContinuation<Message, any Error>], ChromiumError) = lock.withLock {
            if ended == nil { ended = problem }
            defer { waiting = [:]; events = [:] }
            return (Array(waiting.values) + Array(events.values), ended ?? problem)
        }
        for waiter in waiters { waiter.resume(throwing: first) }
    }

    /// After `seconds`, fails what `take` removes (if it is still waiting) as timed out.
    private func expire(after seconds: Int, step: String, take: @escaping @Sendable () -> CheckedContinuation<Message, any Error>?) {
        let path = path
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) {
            take()?.resume(throwing: ChromiumError.timedOut(path: path, step: step, seconds: seconds))
        }
    }
}
