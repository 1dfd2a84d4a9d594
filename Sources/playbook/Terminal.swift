import Foundation
import PlaybookCore

/// Writing to the terminal: diagnostics to standard error (coloured on a terminal unless
/// NO_COLOR is set), progress only when standard error is a terminal.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let colors = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        writeError(DiagnosticPrinter(colors: colors).format(diagnostics))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `[2/4] transform` on a terminal, nothing when piped.
    static func progress(_ number: Int, _ total: Int, _ step: String) {
        guard isInteractive else { return }
        writeError("[\(number)/\(total)] \(step)\n")
    }

    /// `path` relative to the current folder when it is inside it.
    static func display(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
