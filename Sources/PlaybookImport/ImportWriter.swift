import Foundation
import PlaybookCore

/// Writes an imported book into a project folder, never over anything: the book's folder
/// (`content/<book>/`) and the report (`IMPORT-<book>.md`) must not exist, and `playbook.yaml`
/// is written only when the folder has none (otherwise the command says to list the book).
package enum ImportWriter {
    /// What was written.
    package struct Outcome: Sendable, Equatable {
        /// Every file written, relative to the project folder, sorted.
        package var written: [String]
        /// Whether `playbook.yaml` was written (the folder had none).
        package var wroteSettings: Bool
        /// The report's path, relative to the project folder.
        package var report: String
    }

    /// Why nothing was written.
    package enum Failure: Error, Equatable {
        /// These paths exist already.
        case exists([String])
        /// The path exists and is not a folder.
        case notAFolder
        /// A file or folder could not be written.
        case cannotWrite(path: String, reason: String)
    }

    /// The files of the book and its report, by project-relative path, sorted.
    package static func files(of book: ImportedBook, date: Timestamp, sourceLabel: String, writeSettings: Bool,
                              kind: String) -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let folder = "content/\(book.slug)"
        files.append(("\(folder)/book.yaml", Array(bookYAML(book, date: date).utf8)))
        for chapter in book.chapters { files.append(("\(folder)/\(chapter.fileName)", Array(chapter.text.utf8))) }
        for file in book.files { files.append(("\(folder)/\(file.path)", file.bytes)) }
        if writeSettings { files.append(("playbook.yaml", Array(settingsYAML(book).utf8))) }
        files.append((reportPath(book), Array(ImportReport.text(book, sourceLabel: sourceLabel, kind: kind).utf8)))
        return files.sorted { $0.0 < $1.0 }
    }

    /// `IMPORT-<book>.md`.
    package static func reportPath(_ book: ImportedBook) -> String {
        "IMPORT-\(book.slug).md"
    }

    /// Writes the book into `folder` (created if needed).
    package static func write(_ book: ImportedBook, into folder: URL, date: Timestamp, sourceLabel: String,
                              kind: String) throws(Failure) -> Outcome {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue { throw .notAFolder }
        let hasSettings = manager.fileExists(atPath: folder.appendingPathComponent("playbook.yaml").path)
        let files = files(of: book, date: date, sourceLabel: sourceLabel, writeSettings: !hasSettings, kind: kind)
        var clashes: [String] = []
        let bookFolder = "content/\(book.slug)"
        if exists(folder.appendingPathComponent(bookFolder)) { clashes.append(bookFolder + "/") }
        for (path, _) in files where !path.hasPrefix(bookFolder + "/") && exists(folder.appendingPathComponent(path)) {
            clashes.append(path)
        }
        if !clashes.isEmpty { throw .exists(clashes.sorted()) }
        for (path, bytes) in files {
            let target = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                // `.withoutOverwriting`: a file that appeared since the check is not replaced.
                try Data(bytes).write(to: target, options: .withoutOverwriting)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
        return Outcome(written: files.map(\.path), wroteSettings: !hasSettings, report: reportPath(book))
    }

    /// Whether anything is at `url`, a link whose target is missing included.
    private static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    static func bookYAML(_ book: ImportedBook, date: Timestamp) -> String {
        var text = "# Imported by playbook import; IMPORT-\(book.slug).md says what was and was not carried over.\n"
        text += "title: \(YAMLText.quoted(book.title))\n"
        if !book.authors.isEmpty {
            text += "authors:\n" + book.authors.map { "  - \(YAMLText.quoted($0))\n" }.joined()
        }
        if let description = book.description, !description.isEmpty { text += "description: \(YAMLText.quoted(description))\n" }
        if let language = book.language { text += "language: \(language)\n" }
        text += "date: \(date.dateString)\n"
        return text
    }

    static func settingsYAML(_ book: ImportedBook) -> String {
        var text = "# The series: its title, authors and settings, and the books in order.\n"
        text += "# Written by playbook import; README.md of Playbook documents every key.\n"
        text += "title: \(YAMLText.quoted(book.title))\n"
        let authors = book.authors.isEmpty ? ["Unknown author"] : book.authors
        text += "authors:\n" + authors.map { "  - \(YAMLText.quoted($0))\n" }.joined()
        text += "language: \(book.language ?? "en")\n"
        text += "books: [\(book.slug)]\n"
        return text
    }
}

/// The import report, `IMPORT-<book>.md`: what was imported, the decisions taken, and every
/// diagnostic, printed as the command prints them.
package enum ImportReport {
    /// The report's text.
    package static func text(_ book: ImportedBook, sourceLabel: String, kind: String) -> String {
        let warnings = book.diagnostics.filter { $0.severity == .warning }.count
        let errors = book.diagnostics.count - warnings
        var text = "# Import of \(sourceLabel) (\(kind)) into content/\(book.slug)/\n\n"
        text += "\(book.chapters.count) chapter\(book.chapters.count == 1 ? "" : "s") and \(book.files.count) other file\(book.files.count == 1 ? "" : "s") written; "
        text += "\(book.diagnostics.count) thing\(book.diagnostics.count == 1 ? "" : "s") not carried over as written"
        text += book.diagnostics.isEmpty ? ".\n\n" : " (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")), listed at the end.\n\n"
        text += "## Chapters\n\n| order | file | from |\n| --- | --- | --- |\n"
        for chapter in book.chapters {
            let from = chapter.source ?? "(draft: no file)"
            text += "| \(chapter.order) | \(chapter.fileName) | \(from.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        if !book.files.isEmpty {
            text += "\nFiles copied: " + book.files.map(\.path).joined(separator: ", ") + ".\n"
        }
        text += "\n## What the import did\n\n"
        for note in book.notes {
            text += note.hasPrefix("  ") ? note + "\n" : "- " + note + "\n"
        }
        text += "\n## Not carried over\n\n"
        if book.diagnostics.isEmpty {
            text += "Nothing: every line was carried over.\n"
        } else {
            text += "Each is located in the source (file:line:column).\n\n```text\n"
            text += DiagnosticPrinter(colors: false).format(book.diagnostics.sortedForPrinting())
            if !text.hasSuffix("\n") { text += "\n" }
            text += "```\n"
        }
        return text
    }
}
