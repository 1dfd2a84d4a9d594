import PlaybookCore

/// What the preview server tells the terminal.
public enum PreviewMessage: Sendable {
    /// The server is listening at `url`; `exposed` when it is reachable from other machines.
    case listening(url: String, folder: String, exposed: Bool)
    /// A build succeeded: the project files that changed (none for the first build), how long
    /// it took, how many output files it wrote or removed, its warnings, and the time of each
    /// step (one line each).
    case built(changed: [String], milliseconds: Int, filesWritten: Int, diagnostics: [Diagnostic], timings: [String])
    /// A build failed; the last good site stays served.
    case failed(changed: [String], diagnostics: [Diagnostic])
    /// The server stopped (Ctrl-C).
    case stopped
}
