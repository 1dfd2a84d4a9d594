import Foundation
import PlaybookCore
import PlaybookFiles

/// Reading the source of an import: regular files only (never a pipe or a device), at most
/// 64 MiB each, UTF-8 text for Markdown and TOML.
enum ImportFiles {
    /// Why a file could not be read, in words.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of a regular file, or why not, in words.
    static func readBytes(_ url: URL) -> Result<[UInt8], Problem> {
        switch RegularFile.read(url.path) {
        case .success(let bytes): return .success(bytes)
        case .failure(let refusal): return .failure(Problem(description: describe(refusal)))
        }
    }

    /// A text file as a ``SourceFile`` named `shownAs`, or why not, in words.
    static func readText(_ url: URL, shownAs: String) -> Result<SourceFile, Problem> {
        switch readBytes(url) {
        case .failure(let reason): return .failure(reason)
        case .success(let bytes):
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            guard let text = String(validating: body, as: UTF8.self) else { return .failure(Problem(description: "it is not UTF-8 text")) }
            return .success(SourceFile(path: shownAs, text: text))
        }
    }

    private static func describe(_ refusal: RegularFile.Refusal) -> String {
        switch refusal {
        case .missing: "there is no such file"
        case .folder: "it is a folder"
        case .special(let kind): "it is \(kind), not a file"
        case .tooLarge: "it is larger than 64 MiB"
        case .unreadable(let reason): "it cannot be read (\(reason))"
        }
    }

    /// Every regular file under `folder`, relative to it, sorted; hidden files and folders left out.
    static func list(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files.append(String(path.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }
}
