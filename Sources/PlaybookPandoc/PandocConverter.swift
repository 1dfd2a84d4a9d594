import Foundation

/// The one door to Pandoc, an outside program: converts a Word document to Markdown.
///
/// The output is GitHub-flavoured Markdown (`gfm`: `[^n]` footnotes, pipe tables; a table
/// whose cells hold more than one line of text is written as an HTML `<table>`), with lines
/// not wrapped, and the document's images extracted into a folder. A small template puts the
/// document's title and authors (Word's Title and Author fields) above the body.
package struct PandocConverter: Sendable {
    /// The program.
    package let program: String

    /// A converter running the program at `program` (from ``PandocLocator``).
    package init(program: String) {
        self.program = program
    }

    /// What a conversion gives.
    package struct Converted: Sendable, Equatable {
        /// The document's title, if it has one.
        package var title: String?
        /// The authors.
        package var authors: [String]
        /// The body as Markdown.
        package var markdown: String
    }

    /// The marker between the metadata and the body in the template's output.
    private static let bodyMarker = "@@playbook-import-body@@"

    /// Converts `document`, extracting its images under `mediaFolder` (Pandoc writes them to
    /// `mediaFolder/media/…`, and the Markdown names them by that path).
    package func convert(_ document: URL, mediaFolder: URL) -> Result<Converted, PandocError> {
        let template = mediaFolder.appendingPathComponent("playbook-import.template")
        do {
            try FileManager.default.createDirectory(at: mediaFolder, withIntermediateDirectories: true)
            try Data("$title$\n$for(author)$$author$\n$endfor$\(Self.bodyMarker)\n$body$".utf8).write(to: template)
        } catch {
            return .failure(.cannotStart("cannot write its template: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: template) }
        let arguments = [document.path, "--from=docx", "--to=gfm", "--wrap=none", "--standalone", "--template=\(template.path)",
                         "--extract-media=\(mediaFolder.path)"]
        switch run(arguments) {
        case .failure(let error): return .failure(error)
        case .success(let output):
            guard let marker = output.range(of: Self.bodyMarker + "\n") else { return .success(Converted(title: nil, authors: [], markdown: output)) }
            let head = output[..<marker.lowerBound].split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let title = head.first.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            return .success(Converted(title: title, authors: Array(head.dropFirst()), markdown: String(output[marker.upperBound...])))
        }
    }

    /// Runs Pandoc and returns what it printed on standard output.
    private func run(_ arguments: [String]) -> Result<String, PandocError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(.cannotStart(error.localizedDescription))
        }
        // Read both pipes while it runs, so that a full pipe cannot stall it.
        let errorText = LockedData()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorText.isSet { usleep(1_000) }
        guard process.terminationStatus == 0 else {
            return .failure(.failed(status: process.terminationStatus, message: String(decoding: errorText.data, as: UTF8.self)))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}

/// Standard error of the program, read on another thread. Its state is behind an `NSLock`.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    private var done = false

    func set(_ data: Data) {
        lock.lock()
        value = data
        done = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
