#if canImport(Glibc)
internal import CJemalloc

/// The process's allocator. A build makes and frees millions of small objects (the nodes of
/// every chapter's document, the strings of every page) on both cores, and glibc's allocator
/// spent about a fifth of a build's processor time on them. The executable links jemalloc
/// (Debian's `libjemalloc-dev`), which takes `malloc` and `free` for the whole process: at
/// 1,000 chapters a build takes 21% less time for about the same peak memory, at 5,000 26%
/// less (scripts/bench.sh). The modules and their tests keep the system's allocator; only
/// the command gets jemalloc.
enum Allocator {
    /// jemalloc's version ("5.3.0-0-g…"), asked of jemalloc itself through `mallctl`; `nil`
    /// when jemalloc is not the allocator.
    static var version: String? {
        var pointer: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &pointer, &size, nil, 0) == 0, let pointer else { return nil }
        return String(cString: pointer)
    }
}
#else
/// The process's allocator: the system's, where jemalloc is not linked.
enum Allocator {
    /// `nil`: jemalloc is only linked on Linux.
    static var version: String? { nil }
}
#endif
