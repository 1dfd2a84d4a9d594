import Foundation

/// Puts a freshly written folder in place of the output folder so that, at every instant, the
/// output folder is there whole: the old one until the swap, the new one after it. And clears
/// away the staging folders a killed build left behind.
///
/// On Linux the two folders are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`).
/// Where that is not available (another system, or a file system without it), the old folder
/// is renamed aside and the new one renamed in: two renames, with a moment between them when
/// the output folder is missing; a failure of the second puts the old one back.
enum FolderSwap {
    /// What went wrong.
    struct Failure: Error {
        /// The system's message.
        var message: String
    }

    /// Replaces `target` by `new`. Afterwards `target` holds what `new` held; the old content,
    /// if there was any, is at the returned path, for the caller to remove.
    static func replace(_ target: String, with new: String, aside: String) throws(Failure) -> String? {
        var info = stat()
        guard lstat(target, &info) == 0 else {
            // Nothing to replace: one rename.
            guard rename(new, target) == 0 else { throw failure(target) }
            return nil
        }
        if exchange(new, target) { return new }
        // The fallback: two renames.
        guard rename(target, aside) == 0 else { throw failure(target) }
        guard rename(new, target) == 0 else {
            let error = failure(target)
            _ = rename(aside, target)
            throw error
        }
        return aside
    }

    /// Exchanges two folders in one step; `false` when the system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let exchange = renameExchange else { return false }
        return exchange(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not declare;
    /// looked up once. `nil` on a C library without it.
    private static let renameExchange: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif

    /// The staging folder names a build of `name` by process `pid` uses.
    static func stagingNames(for name: String, pid: Int32) -> (new: String, old: String) {
        (".\(name).new-\(pid)", ".\(name).old-\(pid)")
    }

    /// Removes the staging folders of `name` in `parent` that a process no longer alive left
    /// behind: `.<name>.new-<pid>` and `.<name>.old-<pid>` holding the output marker. Folders of
    /// a live process (a build running beside this one) and anything without the marker are
    /// left alone. Returns the names removed.
    @discardableResult
    static func removeStale(of name: String, in parent: URL, marker: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var removed: [String] = []
        for entry in names.sorted() {
            guard let pid = stagingPID(entry, name: name), pid != getpid(), !isAlive(pid) else { continue }
            let folder = parent.appendingPathComponent(entry)
            var info = stat()
            guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  lstat(folder.appendingPathComponent(marker).path, &info) == 0 else { continue }
            if (try? FileManager.default.removeItem(at: folder)) != nil { removed.append(entry) }
        }
        return removed
    }

    /// The process id in a staging folder's name, if `entry` is one of `name`'s.
    private static func stagingPID(_ entry: String, name: String) -> Int32? {
        for kind in ["new", "old"] {
            let prefix = ".\(name).\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return Int32(digits)
        }
        return nil
    }

    /// Whether a process with this id exists (one of another user counts as alive).
    private static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    private static func failure(_ path: String) -> Failure {
        Failure(message: "cannot replace \(path): \(String(cString: strerror(errno)))")
    }
}
