import Foundation

/// Why Pandoc could not convert a document.
package enum PandocError: Error, Equatable, Sendable {
    /// `pandoc` is not on the `PATH` and `PLAYBOOK_PANDOC` is not set.
    case notFound
    /// `PLAYBOOK_PANDOC` names something that is not an executable file.
    case notExecutable(path: String)
    /// The program could not be started.
    case cannotStart(String)
    /// Pandoc ended with a failure; what it printed.
    case failed(status: Int32, message: String)

    /// The problem in words, for a diagnostic.
    package var description: String {
        switch self {
        case .notFound: "Pandoc is not installed (no pandoc on the PATH)"
        case .notExecutable(let path): "PLAYBOOK_PANDOC names \(path), which is not a program"
        case .cannotStart(let reason): "Pandoc could not be started: \(reason)"
        case .failed(let status, let message):
            "Pandoc failed (exit status \(status))" + (message.isEmpty ? "" : ": " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
