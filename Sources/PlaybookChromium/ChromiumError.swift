/// Why Chromium could not print a page.
package enum ChromiumError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No Chromium was found: neither `PLAYBOOK_CHROMIUM` nor `chromium` (and its usual other
    /// names) on the `PATH`.
    case notFound
    /// `PLAYBOOK_CHROMIUM` names a file that is not an executable program.
    case notExecutable(path: String)
    /// The program could not be started.
    case startFailed(path: String, reason: String)
    /// The program stopped (crashed, or was killed) while pages were being printed.
    case stopped(path: String)
    /// The program did not answer within the time allowed.
    case timedOut(path: String, step: String, seconds: Int)
    /// The program answered a command with an error.
    case commandFailed(step: String, message: String)
    /// The program answered with something that is not the protocol's.
    case badAnswer(step: String)
    /// The private folder for the engine's profile and pages could not be made or written.
    case temporaryFolder(reason: String)

    /// One sentence saying what happened.
    package var description: String {
        switch self {
        case .notFound: return "Chromium was not found"
        case .notExecutable(let path): return "PLAYBOOK_CHROMIUM names \(path), which is not an executable program"
        case .startFailed(let path, let reason): return "Chromium (\(path)) could not be started: \(reason)"
        case .stopped(let path): return "Chromium (\(path)) stopped while printing"
        case .timedOut(let path, let step, let seconds): return "Chromium (\(path)) did not answer within \(seconds) s (\(step))"
        case .commandFailed(let step, let message): return "Chromium refused \(step): \(message)"
        case .badAnswer(let step): return "Chromium gave an answer that could not be read (\(step))"
        case .temporaryFolder(let reason): return "the temporary folder for printing could not be used: \(reason)"
        }
    }
}
