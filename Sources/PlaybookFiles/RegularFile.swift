import Foundation

/// Reading one file by its absolute path, safely: only a regular file is read (a named pipe,
/// a device or a socket is refused before a byte is read, so a FIFO never blocks and
/// `/dev/zero` never fills the memory), and at most ``sizeLimit`` bytes.
///
/// This says nothing about *where* the file is: ``ProjectDirectory`` decides that (the file
/// must lie inside the project) and calls this to read.
package enum RegularFile {
    /// The largest file Playbook reads: 64 MiB. A chapter, a stylesheet, a scenario, a CSV or an
    /// image is far smaller; anything larger is a mistake (or an attack) and is refused at once.
    static let sizeLimit = 64 << 20

    /// The limit as people read it, for messages.
    package static let sizeLimitText = "64 MiB"

    /// Why a file was not read.
    package enum Refusal: Error, Equatable {
        /// There is no such file.
        case missing
        /// It is a folder.
        case folder
        /// It is not a regular file; the kind ("a named pipe", "a device", "a socket").
        case special(String)
        /// It is larger than ``sizeLimit``.
        case tooLarge
        /// The system refused; its message.
        case unreadable(String)
    }

    /// The bytes of the regular file at `path`.
    package static func read(_ path: String) -> Result<[UInt8], Refusal> {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting; the
        // fstat below then refuses it. O_NOFOLLOW: the caller has already resolved links.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errorRefusal()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(errorRefusal()) }
        if case .failure(let refusal) = classify(status) { return .failure(refusal) }
        // Read the whole file into one buffer sized from fstat (one byte more, to see the end),
        // growing it if the file grew in the meantime, never past the limit.
        var bytes = [UInt8](repeating: 0, count: min(max(Int(status.st_size), 0), sizeLimit) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard total <= sizeLimit else { return .failure(.tooLarge) }
                bytes += [UInt8](repeating: 0, count: min(bytes.count, sizeLimit + 1 - bytes.count))
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress?.advanced(by: total), buffer.count - total)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(errorRefusal())
            }
            if read == 0 { break }
            total += read
        }
        guard total <= sizeLimit else { return .failure(.tooLarge) }
        bytes.removeLast(bytes.count - total)
        return .success(bytes)
    }

    /// A file's status as a regular file (and its size), or why it is refused.
    static func classify(_ status: stat) -> Result<Int, Refusal> {
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            let size = Int(status.st_size)
            return size > sizeLimit ? .failure(.tooLarge) : .success(size)
        case S_IFDIR: return .failure(.folder)
        case S_IFIFO: return .failure(.special("a named pipe"))
        case S_IFSOCK: return .failure(.special("a socket"))
        case S_IFCHR, S_IFBLK: return .failure(.special("a device"))
        default: return .failure(.special("an unusual kind of file"))
        }
    }

    private static func errorRefusal() -> Refusal {
        if errno == ENOENT || errno == ENOTDIR { return .missing }
        return .unreadable(String(cString: strerror(errno)))
    }
}
