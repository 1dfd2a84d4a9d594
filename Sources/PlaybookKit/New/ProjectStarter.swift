import Foundation
import PlaybookTemplates
import PlaybookFiles

/// `playbook new`: writes the built-in starter project into a folder. The starter is one
/// book with one chapter that shows computed figures, one client scenario, the report
/// template, every template and the site's stylesheet and scripts; it builds and
/// validates as it is.
///
/// It never overwrites a file silently. Without `force`, a folder that already holds any of
/// the starter's files is refused, with the list of them. With `force`, each of those files
/// whose contents differ is first moved into a backup folder (`.playbook-backup/`, or
/// `.playbook-backup-2/`… when that exists), then replaced, and the result lists them.
public enum ProjectStarter {
    /// Every file of the starter, by path relative to the project folder.
    public static var files: [String: String] {
        StarterFiles.files.merging(StarterFiles.project) { builtIn, _ in builtIn }
    }

    /// What a run wrote.
    public struct Outcome: Sendable, Equatable {
        /// Files written where there was none.
        public var created: [String] = []
        /// Files that were already there with the starter's contents.
        public var unchanged: [String] = []
        /// Files replaced, each with the path its previous contents were moved to.
        public var replaced: [Replacement] = []
    }

    /// A file of the user's that `--force` moved aside before writing the starter's copy.
    public struct Replacement: Sendable, Equatable {
        /// The file, relative to the project folder.
        public var path: String
        /// Where its previous contents are now, relative to the project folder.
        public var backup: String
    }

    /// Why nothing was written.
    public enum Failure: Error, Equatable {
        /// The folder holds files the starter also has, and `force` was not given.
        case filesExist([String])
        /// The path exists and is not a folder.
        case notAFolder
        /// A file or folder could not be written.
        case cannotWrite(path: String, reason: String)
    }

    /// Writes the starter into `folder`, creating it if needed.
    public static func write(to folder: URL, force: Bool) throws(Failure) -> Outcome {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue { throw .notAFolder }
        let starter = files.sorted { $0.key < $1.key }
        var outcome = Outcome()
        var clashes: [String] = []
        for (path, text) in starter {
            let existing = folder.appendingPathComponent(path)
            guard manager.fileExists(atPath: existing.path) || isSymlink(existing) else { continue }
            // Read under the same rule as a build (a regular file, not through a link, within the
            // size limit), so that a named pipe cannot make `new` wait; anything else is a clash.
            if !isSymlink(existing), case .success(let bytes) = RegularFile.read(existing.path), bytes.elementsEqual(text.utf8) {
                outcome.unchanged.append(path)
            } else {
                clashes.append(path)
            }
        }
        if !clashes.isEmpty && !force { throw .filesExist(clashes) }

        // Move the user's files aside first: nothing is replaced before every backup is made.
        if !clashes.isEmpty {
            let backupRoot = freeBackupFolder(in: folder)
            for path in clashes {
                let backup = backupRoot + "/" + path
                let target = folder.appendingPathComponent(backup)
                do {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try manager.moveItem(at: folder.appendingPathComponent(path), to: target)
                } catch {
                    throw .cannotWrite(path: path, reason: "could not move it to \(backup): \(error.localizedDescription)")
                }
                outcome.replaced.append(Replacement(path: path, backup: backup))
            }
        }
        let unchanged = Set(outcome.unchanged)
        for (path, text) in starter where !unchanged.contains(path) {
            let target = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: target, options: .atomic)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
            if !clashes.contains(path) { outcome.created.append(path) }
        }
        return outcome
    }

    // MARK: - Internals

    /// `.playbook-backup`, or the first of `.playbook-backup-2`, `-3`… that does not exist.
    private static func freeBackupFolder(in folder: URL) -> String {
        var name = ".playbook-backup"
        var number = 2
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            name = ".playbook-backup-\(number)"
            number += 1
        }
        return name
    }

    /// A symbolic link, even one whose target is missing (`fileExists` follows links).
    private static func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }
}
