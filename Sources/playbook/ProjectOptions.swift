import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookKit

/// Options every command that reads a project shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("project"), help: ArgumentHelp("The project folder.", valueName: "folder"))
    var project: String = "."

    @Flag(name: .customLong("drafts"), help: "Include chapters marked 'draft: true'.")
    var includeDrafts = false

    /// The project folder as an absolute URL.
    var root: URL {
        URL(fileURLWithPath: project, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// `SOURCE_DATE_EPOCH` from the environment, or a diagnostic when it is not a number of seconds.
    func sourceDate() -> Result<Timestamp?, Diagnostic> {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return .success(nil) }
        guard let seconds = Int64(text), seconds >= 0 else {
            return .failure(.error(.sourceDateEpoch, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '\(text)'",
                                   at: nil))
        }
        return .success(Timestamp(secondsSinceEpoch: seconds))
    }

    /// `SOURCE_DATE_EPOCH`, or its diagnostic printed and the command ended with a failure.
    func sourceDateOrExit() throws -> Timestamp? {
        switch sourceDate() {
        case .success(let date): return date
        case .failure(let diagnostic):
            Terminal.printDiagnostics([diagnostic])
            throw ExitCode.failure
        }
    }
}
