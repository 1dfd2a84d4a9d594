import Foundation

/// A folder's files read into memory, for comparing two output folders byte for byte.
struct ProjectTree: Equatable {
    /// Every file below the folder by relative path (hidden files included).
    var files: [String: Data]
    /// Every folder below it by relative path (an empty folder left behind is a difference too).
    var folders: Set<String>

    /// Reads every file below `root`; an empty tree when the folder does not exist.
    init(reading root: URL) {
        var files: [String: Data] = [:]
        for path in Snapshot.files(under: root) {
            files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data()
        }
        self.files = files
        var folders: Set<String> = []
        let base = root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { continue }
            folders.insert(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        self.folders = folders
    }

    /// The first path (in sorted order) whose bytes differ, or that only one tree has, with a
    /// description of the difference; `nil` when the trees are equal.
    func firstDifference(from expected: ProjectTree) -> String? {
        // EPUBs last: an EPUB differs when an entry does, and the entry's difference (in
        // xhtml/) is the one worth reading.
        let paths = Set(files.keys).union(expected.files.keys).sorted { ($0.hasSuffix(".epub") ? 1 : 0, $0) < ($1.hasSuffix(".epub") ? 1 : 0, $1) }
        for path in paths {
            switch (expected.files[path], files[path]) {
            case (nil, _): return "\(path): not in the expected tree"
            case (_, nil): return "\(path): missing (the expected tree has it)"
            case (let left?, let right?) where left != right:
                if path.hasSuffix(".epub") || path.hasSuffix(".png") {
                    return "\(path): the bytes differ (\(left.count) bytes expected, \(right.count) found)"
                }
                let diff = Snapshot.diff(expected: String(decoding: left, as: UTF8.self), actual: String(decoding: right, as: UTF8.self))
                return "\(path) differs:\n\(diff)"
            default: continue
            }
        }
        if let folder = folders.symmetricDifference(expected.folders).sorted().first {
            return expected.folders.contains(folder) ? "\(folder)/: folder missing (the expected tree has it)" : "\(folder)/: folder not in the expected tree"
        }
        return nil
    }
}
