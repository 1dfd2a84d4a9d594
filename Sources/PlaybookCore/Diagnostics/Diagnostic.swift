/// One problem found in a user's files: where, how bad, a stable id, a message and notes.
///
/// Diagnostics are values. Every stage collects them for the whole run and hands them on;
/// ``DiagnosticPrinter`` turns them into text. The `id` is a case of ``DiagnosticID``, the one
/// catalogue of kinds of problem; it is stable across releases so that users (and tests) can
/// refer to a kind of problem by name.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How serious a diagnostic is. Errors stop a build from writing; warnings do not.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Something worth fixing that does not stop the build.
        case warning
        /// A mistake that stops the build: nothing is written.
        case error

        /// Warnings sort before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Extra information printed under a diagnostic: a hint, or a related place.
    public struct Note: Sendable, Hashable {
        /// The text of the note.
        public var message: String
        /// A related place (for example, where a duplicate was first defined), if any.
        public var location: SourceLocation?

        /// Creates a note, optionally pointing at a related place.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// The kind of problem, printed as its stable kebab-case name, such as `unknown-key`.
    public var id: DiagnosticID
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// Where it is wrong; `nil` only for problems that belong to no file (an unreadable folder).
    public var location: SourceLocation?
    /// A hint on how to fix it, printed as `hint: …`.
    public var hint: String?
    /// Related places, printed as `note: …`.
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                hint: String? = nil, notes: [Note] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.hint = hint
        self.notes = notes
    }

    /// Creates an error.
    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                             hint: String? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, hint: hint, notes: notes)
    }

    /// Creates a warning.
    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                               hint: String? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, hint: hint, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in reading order (file, line, column), file-less ones first, stable otherwise.
    public func sortedForPrinting() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            }
        }.map(\.element)
    }
}
