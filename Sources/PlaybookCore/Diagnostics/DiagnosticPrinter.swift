/// Turns diagnostics into the text users read:
///
/// ```text
/// content/strategy/book.yaml:3:1: error: unknown key 'titel' [unknown-key]
///     3 | titel: Strategy
///       | ^~~~~
///   hint: did you mean 'title'?
/// ```
///
/// Printing is separate from finding: stages produce ``Diagnostic`` values, and only the
/// command line (or the preview overlay) formats them.
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour severities with ANSI escapes (only on a terminal, never in tests).
    public var colors: Bool

    /// Creates a printer; colours are off unless asked for.
    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// The full text of one diagnostic, ending with a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location {
            out += "\(location): "
        }
        out += paint(diagnostic.severity.rawValue + ":", diagnostic.severity == .error ? "31" : "35")
        out += " \(diagnostic.message) [\(diagnostic.id.rawValue)]\n"
        if let location = diagnostic.location, !location.lineText.isEmpty {
            out += snippet(location)
        }
        if let hint = diagnostic.hint {
            let indented = hint.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n        ")
            out += "  " + paint("hint:", "36") + " \(indented)\n"
        }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "  " + paint("note:", "36") + " \(location): \(note.message)\n"
            } else {
                out += "  " + paint("note:", "36") + " \(note.message)\n"
            }
        }
        return out
    }

    /// All diagnostics in reading order, then a summary line such as `2 errors, 1 warning`.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.sortedForPrinting().map(format).joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            out += Self.summary(errors: errors, warnings: warnings) + "\n"
        }
        return out
    }

    /// `1 error`, `2 errors, 1 warning`, `no problems`.
    public static func summary(errors: Int, warnings: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch (errors, warnings) {
        case (0, 0): return "no problems"
        case (_, 0): return count(errors, "error")
        case (0, _): return count(warnings, "warning")
        default: return count(errors, "error") + ", " + count(warnings, "warning")
        }
    }

    // MARK: - Internals

    /// The widest snippet printed; longer lines show a window around the problem.
    static let snippetWidth = 100

    private func snippet(_ location: SourceLocation) -> String {
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        var scalars = Array(location.lineText.replacingTabs().unicodeScalars)
        var startColumn = location.displayColumn
        let endColumn = SourceLocation.scalarColumn(forByteColumn: location.column + location.length,
                                                    in: Substring(location.lineText))
        // A caret never runs past the end of the line it underlines.
        var width = min(max(endColumn - startColumn, 1), max(scalars.count - startColumn + 1, 1))
        if scalars.count > Self.snippetWidth {
            // Keep the start of the problem about a third of the way into the window.
            let from = max(0, min(startColumn - 1 - Self.snippetWidth / 3, scalars.count - Self.snippetWidth))
            let to = min(scalars.count, from + Self.snippetWidth)
            var window = Array(scalars[from..<to])
            startColumn -= from
            if from > 0 {
                window.insert("…", at: 0)
                startColumn += 1
            }
            if to < scalars.count { window.append("…") }
            width = min(width, max(window.count - startColumn + 1, 1))
            scalars = window
        }
        var line = ""
        line.unicodeScalars.append(contentsOf: scalars)
        let marker = "^" + String(repeating: "~", count: width - 1)
        return "  \(number) | \(line)\n  \(gutter) | \(String(repeating: " ", count: max(startColumn - 1, 0)))\(paint(marker, "32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code);1m\(text)\u{1B}[0m" : text
    }
}

private extension String {
    /// Tabs become single spaces so that the caret stays under the right character; other
    /// control characters are shown as their Control Pictures symbol (U+000C as ␌), and
    /// U+FFFE/U+FFFF as U+FFFD, so that the terminal shows them in their one column.
    func replacingTabs() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09: out.unicodeScalars.append(" ")
            case 0x00..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: out.unicodeScalars.append("\u{2421}")
            case 0xFFFE, 0xFFFF: out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
