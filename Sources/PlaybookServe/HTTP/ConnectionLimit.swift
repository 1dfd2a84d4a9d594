import Foundation

/// How many connections the preview holds at a time: all but ``reserve`` of the file
/// descriptors the process may open, so that connections can never take the descriptors a
/// build, the watcher and the runtime need (a save while every descriptor is held used to crash
/// the server). Connections beyond the limit wait in the listening queue until one closes.
enum ConnectionLimit {
    /// Descriptors kept for everything but connections: the files a build reads and writes at
    /// once, the watcher, the runtime's own.
    static let reserve = 256
    /// The fewest connections allowed, however low the descriptor limit.
    static let floor = 16

    /// The limit for a process that may open `descriptors` files.
    static func maximum(descriptors: Int) -> Int {
        max(floor, descriptors - reserve)
    }

    /// The limit for this process (its soft `RLIMIT_NOFILE`; 65,536 when unlimited).
    static var maximum: Int {
        maximum(descriptors: descriptorLimit)
    }

    /// This process's soft limit on open files, at most 65,536.
    static var descriptorLimit: Int {
        var limit = rlimit()
        #if os(Linux)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0 else { return 1024 }
        // RLIM_INFINITY is the largest value, so "unlimited" is 65,536 too.
        return limit.rlim_cur > 65536 ? 65536 : Int(limit.rlim_cur)
    }
}
